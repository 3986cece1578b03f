import type { FocusEvent } from "react";

/**
 * For links in a row that scrolls sideways (`.pills`): a link tabbed to scrolls fully into view, clear of the row's
 * faded edges (its scroll padding). Chromium scrolls a focused element only when less than 32 px of it shows, so
 * without this a keyboard user lands on a pill cut off at the screen's edge. A tap or click, which focuses
 * without `:focus-visible`, scrolls nothing under the finger.
 */
export function revealFocused(event: FocusEvent<HTMLElement>): void {
  const target = event.currentTarget;
  if (target.matches(":focus-visible")) target.scrollIntoView({ block: "nearest", inline: "nearest" });
}
