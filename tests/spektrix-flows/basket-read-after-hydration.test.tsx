// @vitest-environment happy-dom
import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveQueries, useSpektrixBasket } from "@/components/spektrix/live-queries-client";
import { SpektrixProvider } from "@/components/spektrix/spektrix-loader-client";
import { boxOffice, forgetLiveReads, spektrixConfig } from "./spektrix-page";

const getBasket = vi.fn(async () => null);
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient: async () => ({ getBasket }) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  forgetLiveReads();
  getBasket.mockClear();
});

describe("the basket read on a server-rendered page", () => {
  it("starts after hydration, not from hydration's own effects", async () => {
    const seen: string[] = [];
    function Reader() {
      seen.push(useSpektrixBasket().fetchStatus);
      return null;
    }
    const page = (
      <SpektrixProvider config={spektrixConfig} boxOffice={boxOffice}>
        <LiveQueries>
          <Reader />
        </LiveQueries>
      </SpektrixProvider>
    );
    const container = document.createElement("div");
    container.innerHTML = renderToString(page);
    seen.length = 0;

    await act(async () => {
      hydrateRoot(container, page);
    });

    // Hydration's render (and the urgent pass the hint stores force) do not fetch; a later render does, once.
    expect(seen[0]).toBe("idle");
    expect(seen).toContain("fetching");
    expect(getBasket).toHaveBeenCalledTimes(1);
  });
});
