// @vitest-environment happy-dom
/**
 * The studio's guard on unsaved work against the browser's Back and Forward buttons, through the Navigation API's
 * `navigate` event (which fires before the move, unlike `popstate`). The test's `navigation` stands in for the
 * browser's: a traversal is cancelled when a listener prevents it. Then the studio's forms, which use the guard
 * until everything typed is saved.
 */
import { act, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useWarnBeforeLeaving } from "@/components/studio/unsaved-changes-client";
import { useStudioForm } from "@/components/studio/studio-form-client";
import type { ActionResult } from "@/lib/studio/forms";

const confirm = vi.fn<(question: string) => boolean>();
let navigation: EventTarget;

beforeEach(() => {
  confirm.mockReset();
  vi.stubGlobal("confirm", confirm);
  navigation = new EventTarget();
  Object.defineProperty(window, "navigation", { value: navigation, configurable: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(window, "navigation");
});

/** A navigation as the browser announces it; true when it goes ahead. */
function navigate(navigationType: NavigationType, cancelable = true): boolean {
  const event = Object.assign(new Event("navigate", { cancelable }), { navigationType });
  return navigation.dispatchEvent(event);
}

describe("useWarnBeforeLeaving and the Back and Forward buttons", () => {
  it("asks before a traversal; staying cancels it, leaving lets it go", () => {
    renderHook(() => useWarnBeforeLeaving(true));
    confirm.mockReturnValueOnce(false);
    expect(navigate("traverse")).toBe(false);
    expect(confirm).toHaveBeenCalledWith("You have unsaved changes. Leave this page and lose them?");
    confirm.mockReturnValueOnce(true);
    expect(navigate("traverse")).toBe(true);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it("leaves other navigations to their own guards, and a traversal the browser won't let be cancelled", () => {
    renderHook(() => useWarnBeforeLeaving(true));
    // Links are asked about on click, reloads and typed addresses by `beforeunload`; a traversal to another
    // document cannot be cancelled here, and `beforeunload` asks instead.
    expect(navigate("push")).toBe(true);
    expect(navigate("replace")).toBe(true);
    expect(navigate("reload")).toBe(true);
    expect(navigate("traverse", false)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it("with nothing unsaved, or once the editor has gone, asks nothing", () => {
    const { rerender, unmount } = renderHook(({ unsaved }) => useWarnBeforeLeaving(unsaved), {
      initialProps: { unsaved: false },
    });
    expect(navigate("traverse")).toBe(true);
    rerender({ unsaved: true });
    unmount();
    expect(navigate("traverse")).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it("in a browser without the Navigation API, the rest of the guard still works", () => {
    Reflect.deleteProperty(window, "navigation");
    const { unmount } = renderHook(() => useWarnBeforeLeaving(true));
    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    unmount();
  });
});

describe("useStudioForm", () => {
  /** True when leaving the page now would be asked about. */
  function wouldAsk(): boolean {
    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    return unload.defaultPrevented;
  }

  function Form({ save }: { save: (data: FormData) => Promise<ActionResult<unknown>> }) {
    const { formProps } = useStudioForm(async (_state: unknown, data: FormData) => save(data));
    return (
      <form {...formProps}>
        <label>
          Subtitle <input name="subtitle" defaultValue="" />
        </label>
        <button type="submit">Save</button>
      </form>
    );
  }

  it("asks once something is typed, until a save with all of it succeeds", async () => {
    let answer!: (ok: boolean) => void;
    const save = vi.fn(
      () =>
        new Promise<ActionResult<unknown>>(
          (resolve) => (answer = (ok) => resolve(ok ? { ok } : { ok, message: "Nothing was saved." })),
        ),
    );
    render(<Form save={save} />);
    const field = screen.getByLabelText("Subtitle");
    expect(wouldAsk()).toBe(false);
    fireEvent.input(field, { target: { value: "A new subtitle" } });
    expect(wouldAsk()).toBe(true);

    // Refused: still unsaved.
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await act(async () => answer(false));
    expect(wouldAsk()).toBe(true);

    // Typed again while the save is on its way: that last edit is still unsaved once it succeeds.
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    fireEvent.input(field, { target: { value: "A newer subtitle" } });
    await act(async () => answer(true));
    expect(wouldAsk()).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await act(async () => answer(true));
    await waitFor(() => expect(wouldAsk()).toBe(false));
    expect(save).toHaveBeenCalledTimes(3);
  });
});
