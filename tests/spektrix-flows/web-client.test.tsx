// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * The page's shared Spektrix client is downloaded once and reused, but a failed download (offline for a moment,
 * or a deploy removed the chunk) is not kept for the page's life: the next read tries again.
 */
import { render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SpektrixClient } from "@/lib/spektrix";

const loadSpektrixClient = vi.fn();
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const { SpektrixProvider, useSpektrixWebClient } = await import("@/components/spektrix/spektrix-loader-client");

const config = {
  baseUrl: "https://tickets.venue.org",
  origin: "https://tickets.venue.org",
  clientName: "venue",
  customDomain: "tickets.venue.org",
  loaderUrl: "https://tickets.venue.org/webcomponents/stable/spektrix-component-loader.js",
} as never;
const boxOffice = { phone: "01234 567890", email: "box@venue.org", hours: "10–6" };

function clientGetter(): () => Promise<SpektrixClient> {
  let getter!: () => Promise<SpektrixClient>;
  function Probe() {
    getter = useSpektrixWebClient();
    return null;
  }
  render(
    <SpektrixProvider config={config} boxOffice={boxOffice}>
      <Probe />
    </SpektrixProvider>,
  );
  return getter;
}

describe("the page's Spektrix client", () => {
  it("is downloaded once and shared", async () => {
    const client = { getBasket: vi.fn() } as unknown as SpektrixClient;
    loadSpektrixClient.mockReset().mockResolvedValue(client);
    const get = clientGetter();
    expect(await get()).toBe(client);
    expect(await get()).toBe(client);
    expect(loadSpektrixClient).toHaveBeenCalledTimes(1);
  });

  it("tries the download again after one failed", async () => {
    const client = { getBasket: vi.fn() } as unknown as SpektrixClient;
    loadSpektrixClient
      .mockReset()
      .mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module"))
      .mockResolvedValue(client);
    const get = clientGetter();
    await expect(get()).rejects.toThrow(/dynamically imported/);
    expect(await get()).toBe(client);
    expect(loadSpektrixClient).toHaveBeenCalledTimes(2);
  });
});
