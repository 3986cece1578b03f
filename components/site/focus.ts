/** Where the keyboard's focus goes when the page changes under it. Client-side helpers. */
import type { FocusEvent } from "react";

/**
 * True when nothing has the focus: the control that had it was removed or disabled, which sends it to the page's
 * body. Code that moves the focus after a change asks this first, so a visitor who has moved on stays put.
 */
export function focusIsLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * Moves the focus in the next frame, when `find` runs: by then the render a change asked for from an event handler
 * (or an effect) has reached the page, so the element exists and carries the message it is announced with. A
 * change made after an `await` is not rendered by any promised frame; focus from an effect on that state instead.
 */
export function focusAfterRender(find: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => find()?.focus());
}

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
