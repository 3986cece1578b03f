// @vitest-environment happy-dom
/**
 * The site's links prefetch on intent, not on sight (components/site/site-link-client.tsx, ADR 0016): nothing is
 * fetched while a link merely sits on screen; a hover, a touch or keyboard focus prefetches its page once.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

const prefetch = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch }) }));
// next/link decides viewport prefetching from its prop; without a mounted router it would never prefetch here
// anyway, so the prop it receives is what is checked.
const linkProps = vi.fn();
vi.mock("next/link", async () => {
  const { createElement } = await import("react");
  return {
    default: ({ prefetch: p, href, ...rest }: Record<string, unknown>) => {
      linkProps({ prefetch: p, href });
      return createElement("a", { href, ...rest });
    },
  };
});
const { SiteLink } = await import("@/components/site/site-link-client");

beforeEach(() => {
  prefetch.mockReset();
  linkProps.mockReset();
});

describe("SiteLink", () => {
  it("renders a plain link and prefetches nothing on sight", () => {
    render(<SiteLink href="/whats-on">What’s on</SiteLink>);
    expect(screen.getByRole("link", { name: "What’s on" })).toHaveAttribute("href", "/whats-on");
    expect(linkProps).toHaveBeenCalledWith({ prefetch: false, href: "/whats-on" });
    expect(prefetch).not.toHaveBeenCalled();
  });

  it.each([
    ["a pointer over it", "onMouseEnter", (el: HTMLElement) => fireEvent.mouseEnter(el)],
    ["a finger down on it", "onTouchStart", (el: HTMLElement) => fireEvent.touchStart(el)],
    ["keyboard focus", "onFocus", (el: HTMLElement) => fireEvent.focus(el)],
  ] as const)("prefetches its page on %s, and still runs the caller's handler", (_, handler, act) => {
    const handlers = { onMouseEnter: vi.fn(), onTouchStart: vi.fn(), onFocus: vi.fn() };
    render(
      <SiteLink href="/events/hamlet" {...handlers}>
        Hamlet
      </SiteLink>,
    );
    act(screen.getByRole("link", { name: "Hamlet" }));
    expect(prefetch).toHaveBeenCalledWith("/events/hamlet");
    expect(handlers[handler]).toHaveBeenCalledTimes(1);
    expect(Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0)).toBe(1);
  });

  it("leaves a page that should render only when followed alone, even on intent", () => {
    render(
      <SiteLink href="/book/1AHQ" prefetchOnIntent={false}>
        Book
      </SiteLink>,
    );
    const link = screen.getByRole("link", { name: "Book" });
    fireEvent.touchStart(link);
    fireEvent.focus(link);
    expect(prefetch).not.toHaveBeenCalled();
  });
});
