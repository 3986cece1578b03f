// @vitest-environment happy-dom
import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASKET_CHANGED_EVENT } from "@/components/spektrix/basket-events";
import { SpektrixIframe } from "@/components/spektrix/spektrix-iframe-client";

const ORIGIN = "https://tickets.venue.org";
const SRC = `${ORIGIN}/lyric/website/ChooseSeats.aspx?EventInstanceId=4201&resize=true`;
const INTEGRATE = `${ORIGIN}/lyric/website/scripts/integrate.js`;

/** Renders the block and lets the wait for integrate.js run out (happy-dom loads no scripts). */
function renderFrame(props: { initialHeight?: number } = {}) {
  render(
    <SpektrixIframe
      src={SRC}
      title="Choose your tickets"
      spektrixOrigin={ORIGIN}
      integrateScriptUrl={INTEGRATE}
      {...props}
    />,
  );
  act(() => {
    vi.advanceTimersByTime(4_000);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function post(data: unknown, origin: string, source: unknown) {
  act(() => {
    window.dispatchEvent(new MessageEvent("message", { data, origin, source: source as MessageEventSource }));
  });
}

describe("SpektrixIframe", () => {
  it("has an accessible title, a loading state and a plain link without resize=true", () => {
    render(
      <SpektrixIframe src={SRC} title="Choose your tickets" spektrixOrigin={ORIGIN} integrateScriptUrl={INTEGRATE} />,
    );
    // Not before Spektrix's resize script listens (or the wait for it runs out).
    expect(screen.queryByTitle("Choose your tickets")).toBeNull();
    act(() => {
      vi.advanceTimersByTime(4_000);
    });
    expect(screen.getByTitle("Choose your tickets").tagName).toBe("IFRAME");
    expect(screen.getByRole("status")).toHaveTextContent("Loading… Choose your tickets");
    expect(screen.getByRole("link", { name: /^Open it in a new tab\s?: Choose your tickets$/ })).toHaveAttribute(
      "href",
      `${ORIGIN}/lyric/website/ChooseSeats.aspx?EventInstanceId=4201`,
    );
  });

  it("loads Spektrix's integrate.js from the Spektrix host and never sets a height from a message itself", () => {
    renderFrame({ initialHeight: 400 });
    expect(document.querySelector(`script[src="${INTEGRATE}"]`)).not.toBeNull();
    const frame = screen.getByTitle("Choose your tickets") as HTMLIFrameElement;
    post('{"type":"spektrix:resize","height":900}', ORIGIN, frame.contentWindow);
    post({ type: "resize", height: 900 }, ORIGIN, frame.contentWindow);
    expect(frame.style.height).toBe("400px");
  });

  it("tells the page the basket changed when the frame reports a new basket", () => {
    renderFrame();
    const frame = screen.getByTitle("Choose your tickets") as HTMLIFrameElement;
    const listener = vi.fn();
    window.addEventListener(BASKET_CHANGED_EVENT, listener);

    post(
      `basketContents:${JSON.stringify({ tickets: [{ id: "t" }], donations: [] })}`,
      "https://evil.example",
      frame.contentWindow,
    );
    expect(listener).not.toHaveBeenCalled();

    post(`basketContents:${JSON.stringify({ tickets: [{ id: "t" }], donations: [] })}`, ORIGIN, frame.contentWindow);
    expect(listener).toHaveBeenCalledTimes(1);
    expect((listener.mock.calls[0]![0] as CustomEvent).detail).toEqual({
      source: "iframe",
      itemCount: 1,
      spektrixCustomer: null,
    });
    window.removeEventListener(BASKET_CHANGED_EVENT, listener);
  });

  it("takes the first basket hash as the frame's starting point and announces only later changes", () => {
    renderFrame();
    const frame = screen.getByTitle("Choose your tickets") as HTMLIFrameElement;
    const listener = vi.fn();
    window.addEventListener(BASKET_CHANGED_EVENT, listener);

    post("basketHash:aaa", ORIGIN, frame.contentWindow);
    expect(listener).not.toHaveBeenCalled();
    post("basketHash:aaa", ORIGIN, frame.contentWindow);
    expect(listener).not.toHaveBeenCalled();
    post("basketHash:bbb", ORIGIN, frame.contentWindow);
    expect(listener).toHaveBeenCalledTimes(1);
    window.removeEventListener(BASKET_CHANGED_EVENT, listener);
  });
});
