// @vitest-environment happy-dom
/**
 * The site's links prefetch on intent, not on sight (components/site/site-link-client.tsx, ADR 0016): nothing is
 * fetched while a link merely sits on screen; a hover, a touch or keyboard focus prefetches its page once.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const prefetch = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch }) }));
const { SiteLink } = await import("@/components/site/site-link-client");

beforeEach(() => prefetch.mockReset());

describe("SiteLink", () => {
  it("renders a plain link and prefetches nothing on sight", () => {
    render(<SiteLink href="/whats-on">What’s on</SiteLink>);
    expect(screen.getByRole("link", { name: "What’s on" })).toHaveAttribute("href", "/whats-on");
    expect(prefetch).not.toHaveBeenCalled();
  });

  it.each([
    ["a pointer over it", (el: HTMLElement) => fireEvent.mouseEnter(el)],
    ["a finger down on it", (el: HTMLElement) => fireEvent.touchStart(el)],
    ["keyboard focus", (el: HTMLElement) => fireEvent.focus(el)],
  ])("prefetches its page on %s, and still runs the caller's handler", (_, act) => {
    const handlers = { onMouseEnter: vi.fn(), onTouchStart: vi.fn(), onFocus: vi.fn() };
    render(
      <SiteLink href="/events/hamlet" {...handlers}>
        Hamlet
      </SiteLink>,
    );
    act(screen.getByRole("link", { name: "Hamlet" }));
    expect(prefetch).toHaveBeenCalledWith("/events/hamlet");
    expect(Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0)).toBe(1);
  });
});
