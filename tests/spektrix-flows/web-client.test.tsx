// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * The page's shared Spektrix client is downloaded once and reused, but a failed download (offline for a moment,
 * or a deploy removed the chunk) is not kept for the page's life: the next read tries again.
 */
import { describe, expect, it, vi } from "vitest";
import type { SpektrixClient } from "@/lib/spektrix";

const loadSpektrixClient = vi.fn();
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const { useSpektrixWebClient } = await import("@/components/spektrix/spektrix-loader-client");
const { renderInPage } = await import("./spektrix-page");

function clientGetter(): () => Promise<SpektrixClient> {
  let getter!: () => Promise<SpektrixClient>;
  function Probe() {
    getter = useSpektrixWebClient();
    return null;
  }
  renderInPage(<Probe />);
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
