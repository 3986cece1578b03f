"use client";

import { useEffect } from "react";

const QUESTION = "You have unsaved changes. Leave this page and lose them?";

/**
 * While `unsaved`, asks before the editor's work is thrown away: the browser's own prompt on reload, close or an
 * address typed, and a confirm on a click on any link of the studio or site (Next's client navigation never fires
 * `beforeunload`). Links that open elsewhere (a new tab, a download, a modified click) leave the page as it is.
 *
 * The browser's Back and Forward buttons: the App Router answers them without unloading the page, and in its own
 * `popstate` listener, which was added first and so runs first (React renders the other page at once, so a later
 * listener is never reached). The Navigation API asks before the move: its `navigate` event can cancel a traversal
 * within the page, as long as the editor has used the page (a browser's guard against trapping visitors, which an
 * editor with unsaved work has always met). Where a browser lacks the API, Back is not guarded.
 */
export function useWarnBeforeLeaving(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
      if (!window.confirm(QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const onNavigate = (event: NavigateEvent) => {
      if (event.navigationType === "traverse" && event.cancelable && !window.confirm(QUESTION)) event.preventDefault();
    };
    const navigation = "navigation" in window ? window.navigation : undefined;
    window.addEventListener("beforeunload", onBeforeUnload);
    navigation?.addEventListener("navigate", onNavigate);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      navigation?.removeEventListener("navigate", onNavigate);
      document.removeEventListener("click", onClick, true);
    };
  }, [unsaved]);
}
