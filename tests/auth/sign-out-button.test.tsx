// @vitest-environment happy-dom
/**
 * Signing out ends the site's session within the same bound whether the wait is on Spektrix or on downloading
 * the client that talks to it: a visitor on a bad connection is never left "Signing out…".
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const loadSpektrixClient = vi.fn();
const signOut = vi.fn(async () => undefined);
// The download and Spektrix are stood in for; the bound on waiting for them (withinTime) is the real one.
vi.mock("@/lib/spektrix/load", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/spektrix/load")>()),
  loadSpektrixClient,
  preloadSpektrixClient: () => undefined,
}));
vi.mock("next-auth/react", () => ({ signOut }));

const { SignOutButton } = await import("@/components/auth/sign-out-button-client");

const spektrix = { baseUrl: "https://tickets.venue.org", clientName: "venue" };
beforeEach(() => {
  vi.useFakeTimers();
  loadSpektrixClient.mockReset();
  signOut.mockClear();
});
afterEach(() => vi.useRealTimers());

describe("sign out", () => {
  it("ends the site session after 4 s when the Spektrix client never downloads", async () => {
    loadSpektrixClient.mockReturnValue(new Promise(() => {}));
    render(<SignOutButton spektrix={spektrix} callbackUrl="/after" />);
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await act(async () => vi.advanceTimersByTimeAsync(3_900));
    expect(signOut).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTimeAsync(200));
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: "/after" });
  });

  it("ends Spektrix's session first, then the site's, at once when Spektrix answers", async () => {
    const deauthenticate = vi.fn(async () => undefined);
    loadSpektrixClient.mockResolvedValue({ deauthenticate });
    render(<SignOutButton spektrix={spektrix} />);
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(deauthenticate).toHaveBeenCalledTimes(1);
    expect(signOut).toHaveBeenCalledWith({ callbackUrl: "/" });
    expect(deauthenticate.mock.invocationCallOrder[0]).toBeLessThan(signOut.mock.invocationCallOrder[0]!);
  });

  it("still ends the site session when the download fails", async () => {
    loadSpektrixClient.mockRejectedValue(new TypeError("Failed to fetch dynamically imported module"));
    render(<SignOutButton spektrix={spektrix} />);
    fireEvent.click(screen.getByRole("button", { name: "Sign out" }));
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(signOut).toHaveBeenCalledTimes(1);
  });
});
