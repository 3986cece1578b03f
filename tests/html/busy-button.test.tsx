// @vitest-environment happy-dom
/**
 * A busy button keeps its place in the tab order and the focus, and nothing acts on a press while it is busy: not
 * its own handler, not a form it submits, not a listener of Spektrix's web components on the button itself.
 * (That a `disabled` button would drop the focus is a real browser's behaviour: the e2e journeys check it there.)
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BusyButton } from "@/components/site/busy-button-client";

function Form({ busy, onSubmit, onClick }: { busy: boolean; onSubmit: () => void; onClick: () => void }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <BusyButton type="submit" busy={busy} onClick={onClick}>
        Save
      </BusyButton>
    </form>
  );
}

describe("BusyButton", () => {
  it("acts on a press when idle, and is a plain button unless told otherwise", () => {
    const onClick = vi.fn();
    const outside = vi.fn();
    render(
      <form onSubmit={outside}>
        <BusyButton busy={false} onClick={onClick}>
          Go
        </BusyButton>
      </form>,
    );
    const button = screen.getByRole("button", { name: "Go" });
    expect(button.getAttribute("type")).toBe("button");
    expect(button.hasAttribute("aria-disabled")).toBe(false);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(outside).not.toHaveBeenCalled();
  });

  it("while busy, says so, keeps the focus, and neither calls its handler nor submits its form", () => {
    const onSubmit = vi.fn();
    const onClick = vi.fn();
    const { rerender } = render(<Form busy={false} onSubmit={onSubmit} onClick={onClick} />);
    const button = screen.getByRole("button", { name: "Save" });
    button.focus();
    rerender(<Form busy onSubmit={onSubmit} onClick={onClick} />);
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(document.activeElement).toBe(button);

    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();

    rerender(<Form busy={false} onSubmit={onSubmit} onClick={onClick} />);
    expect(button.hasAttribute("aria-disabled")).toBe(false);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("keeps a press from a listener on the button itself, as Spektrix's web components attach theirs", () => {
    const spektrix = vi.fn();
    const { rerender } = render(<BusyButton busy>Donate</BusyButton>);
    const button = screen.getByRole("button", { name: "Donate" });
    button.addEventListener("click", spektrix);
    act(() => button.click());
    expect(spektrix).not.toHaveBeenCalled();
    rerender(<BusyButton busy={false}>Donate</BusyButton>);
    act(() => button.click());
    expect(spektrix).toHaveBeenCalledTimes(1);
  });

  it("runs the caller's own capture handler only when not busy, and keeps `disabled` for what cannot be used", () => {
    const capture = vi.fn();
    const { rerender } = render(
      <BusyButton busy onClickCapture={capture} disabled={false}>
        Add
      </BusyButton>,
    );
    const button = screen.getByRole("button", { name: "Add" });
    fireEvent.click(button);
    expect(capture).not.toHaveBeenCalled();
    rerender(
      <BusyButton busy={false} onClickCapture={capture} disabled>
        Add
      </BusyButton>,
    );
    expect(button.hasAttribute("disabled")).toBe(true);
    rerender(
      <BusyButton busy={false} onClickCapture={capture}>
        Add
      </BusyButton>,
    );
    fireEvent.click(button);
    expect(capture).toHaveBeenCalledTimes(1);
  });
});
