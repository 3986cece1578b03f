"use client";

import type { ComponentProps } from "react";

export type BusyButtonProps = ComponentProps<"button"> & {
  /** While true, the button says it is unavailable and ignores presses, but keeps the focus. */
  busy: boolean;
};

/**
 * A button whose action takes a while: sending a form, adding to the basket, saving in the studio. While it is
 * busy it carries `aria-disabled`, not `disabled`. A disabled button drops the keyboard's focus to the page's body
 * the moment it is pressed, so a keyboard or screen-reader user is sent back to the top of the page and has lost
 * their place when the answer comes. Presses meanwhile are stopped before anything sees them: a second click, the
 * Enter that submits a form (the browser turns it into a click on the form's button), and listeners of Spektrix's
 * web components on the button itself. `disabled` stays for buttons that cannot be used yet (an invalid form).
 * Styled by `.btn[aria-disabled="true"]`, or the caller's `aria-disabled:` classes.
 */
export function BusyButton({ busy, onClickCapture, "aria-disabled": ariaDisabled, ...props }: BusyButtonProps) {
  return (
    <button
      type="button"
      {...props}
      aria-disabled={busy || ariaDisabled || undefined}
      onClickCapture={(event) => {
        if (busy) {
          event.preventDefault();
          event.stopPropagation();
          return;
        }
        onClickCapture?.(event);
      }}
    />
  );
}
