import { vi } from "vitest";
import { encryptCard, type RunningEmulator } from "../../emulator/index";
import { DEMO_API_KEY, DEMO_API_USER } from "../../emulator/demo-credentials";
import { createSpektrixClient } from "@/lib/spektrix";
import { createAccountService, type AccountService } from "@/lib/spektrix/account";
import type { SiteUser } from "@/lib/auth/session";
import { sellingCandidates } from "../../e2e/performances";

export const MEMBER_ID = "I-MB22-1DMO";
export const GUEST_ID = "I-GS33-2GUE";
export const SITE_URL = "https://tickets-site.example.org";

export interface Harness {
  emulator: RunningEmulator;
  account: AccountService;
  stop(): Promise<void>;
}

/** A real emulator (own port, own state) and the site's account service pointed at it. */
export async function startHarness(): Promise<Harness> {
  const emu = await import("../../emulator/index");
  // The site's origin is allowed (Spektrix's Domain Specific Config): web-mode calls come from `browserSession`.
  // Dates shifted ahead of the clock: the captures' performances have all started, and the emulator, like Spektrix,
  // sells only inside a performance's web sale window.
  const emulator = await emu.startEmulator({
    port: 0,
    clientName: "demo",
    control: true,
    shiftDates: true,
    origins: [SITE_URL],
  });
  const account = createAccountService({
    baseUrl: emulator.url,
    clientName: "demo",
    apiUser: emu.DEMO_API_USER,
    apiKey: emu.DEMO_API_KEY,
    timeoutMs: 5_000,
    timeZone: "America/Edmonton",
  });
  return { emulator, account, stop: () => emulator.stop() };
}

/**
 * Points the site's modules (read through lib/config) at an emulator and an in-memory store. Call it before
 * importing them: the config is read once. `extra` adds or overrides variables.
 */
export function pointSiteAtEmulator(emulator: { url: string }, extra: Record<string, string> = {}): void {
  const vars = {
    DATABASE_URL: "pglite://memory",
    SPEKTRIX_BASE_URL: emulator.url,
    SPEKTRIX_CLIENT_NAME: "demo",
    SPEKTRIX_API_USER: DEMO_API_USER,
    SPEKTRIX_API_KEY: DEMO_API_KEY,
    ...extra,
  };
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
}

/**
 * Stands in for a visitor's browser on the site: a fetch with the site's Origin and one Spektrix session
 * cookie, as the emulator (like Spektrix's bot management) requires of every web-mode call.
 */
export function browserFetch(): typeof fetch {
  let cookie = "";
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("origin", SITE_URL);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.getSetCookie();
    if (set.length) cookie = set.map((c) => c.split(";")[0]).join("; ");
    return res;
  };
}

/** A web-mode client in that browser (pass `fetch` to share one session between clients). */
export function browserSession(
  baseUrl: string,
  options: { timeoutMs?: number; retries?: number; fetch?: typeof fetch } = {},
) {
  return createSpektrixClient({
    baseUrl,
    clientName: "demo",
    timeoutMs: 5_000,
    retries: 0,
    fetch: browserFetch(),
    ...options,
  });
}

/** What the login form sends the site after the browser signed in to Spektrix (docs/adr/0013). */
export async function signInProof(web: ReturnType<typeof browserSession>, email: string, password: string) {
  await web.authenticate(email, password);
  const basket = await web.getBasket();
  return { basketId: basket!.id, basketHash: basket!.hash! };
}

export function sessionFor(customerId: string, extra: Partial<SiteUser> = {}): SiteUser {
  return { customerId, name: "Test Customer", email: "test@example.com", membershipIds: [], ...extra };
}

let sellable: { performanceId: string; ticketTypeId: string } | null = null;

/**
 * A performance the web sells now, with seats and a priced ticket type, found once per emulator data set (the
 * same ids whenever it is started: only the dates move with the clock).
 */
export async function findSellable(account: AccountService): Promise<{ performanceId: string; ticketTypeId: string }> {
  if (sellable) return sellable;
  for (const p of sellingCandidates(await account.owner.listPerformances(), new Date())) {
    const availability = await account.owner.getAvailability(p.id);
    if (availability.available < 4) continue;
    const list = await account.owner.getPriceList(p.id);
    const price = list.prices.find((x) => x.amount > 0);
    if (price) return (sellable = { performanceId: p.id, ticketTypeId: price.ticketType.id });
  }
  throw new Error("the emulator has no sellable performance");
}

/** An owner-mode basket for `customerId` with `count` tickets in it (0 for an empty one). */
export async function basketWithTickets(account: AccountService, customerId: string, count = 2) {
  const basket = await account.owner.createBasket({ customerId });
  if (count > 0) {
    const { performanceId, ticketTypeId } = await findSellable(account);
    await account.owner.addTicketsToBasket(
      basket.id,
      Array.from({ length: count }, () => ({ performanceId, ticketTypeId })),
    );
  }
  return account.owner.getBasketById(basket.id);
}

/** Pays with a test card through the emulator's payments stand-in, as `<spektrix-payments>` would. */
export async function payWithCard(emulator: RunningEmulator, paymentToken: string, cardNumber: string) {
  const response = await fetch(`${emulator.url}/demo/emulator-payments/submit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      paymentToken,
      encryptedCard: encryptCard({ cardNumber, expiry: "12/30", cvc: "123", nameOnCard: "Test" }),
    }),
  });
  return (await response.json()) as { outcome: string; orderId?: string; message?: string };
}
