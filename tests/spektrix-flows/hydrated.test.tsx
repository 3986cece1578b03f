// @vitest-environment happy-dom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useHydrated } from "@/components/spektrix/spektrix-loader-client";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("useHydrated", () => {
  it("is false on the server and in hydration, and turns true in a render after the one hydration forces", async () => {
    const seen: boolean[] = [];
    function Reader() {
      const hydrated = useHydrated();
      seen.push(hydrated);
      return <p>{hydrated ? "live" : "static"}</p>;
    }
    const container = document.createElement("div");
    container.innerHTML = renderToString(<Reader />);
    expect(seen).toEqual([false]);
    seen.length = 0;

    await act(async () => {
      hydrateRoot(container, <Reader />);
    });

    // Hydration draws the server's output; the store then forces an urgent re-render, which must keep that
    // output (so whatever "true" brings, an iframe or a lazily loaded island, is not drawn inside hydration's
    // last, uninterruptible task), and a deferred render brings the new value.
    expect(seen[0]).toBe(false);
    expect(seen).toContain(true);
    expect(seen.indexOf(true)).toBeGreaterThan(1);
    expect(seen.slice(0, seen.indexOf(true)).every((value) => value === false)).toBe(true);
    expect(container.textContent).toBe("live");
  });

  it("is true at once for a reader mounted after hydration", async () => {
    const seen: boolean[] = [];
    function Reader() {
      const hydrated = useHydrated();
      seen.push(hydrated);
      return null;
    }
    const { createRoot } = await import("react-dom/client");
    await act(async () => {
      createRoot(document.createElement("div")).render(<Reader />);
    });
    expect(seen[0]).toBe(true);
  });
});
