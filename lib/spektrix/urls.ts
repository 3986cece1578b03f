/**
 * Iframe and booking URLs. All Spektrix page names live here so nothing else spells them.
 */
import { isLoopbackHttp } from "@/lib/http/loopback.mjs";
import { shortId } from "./ids";
import type { Performance, Plan } from "./types";

export const IFRAME_PAGES = {
  eventList: "EventList.aspx",
  eventDetails: "EventDetails.aspx",
  chooseSeats: "ChooseSeats.aspx",
  basket: "Basket2.aspx",
  checkout: "secure/Checkout.aspx",
  myAccount: "secure/MyAccount.aspx",
  loginLogout: "secure/LoginLogout.aspx",
  signUp: "secure/signup.aspx",
  donations: "Donations.aspx",
  memberships: "Memberships.aspx",
  giftVouchers: "GiftVouchers.aspx",
  merchandise: "Merchandise.aspx",
  fixedSeries: "FixedSeries.aspx",
  ticketSubscriptions: "TicketSubscriptions",
} as const;

export type IframePage = keyof typeof IFRAME_PAGES;

/** Query parameters the iframe pages read. Record ids go in as their leading integer (`shortId`). */
export const IFRAME_PARAMS = {
  /** EventDetails.aspx: which event. */
  event: "EventId",
  /** ChooseSeats.aspx: which performance (Spektrix calls a performance an event instance). */
  performance: "EventInstanceId",
  /** MyAccount: which screen, e.g. `Orders`. */
  screen: "Screen",
  /** GiftVouchers.aspx: a membership to give. */
  membership: "MembershipId",
} as const;

export interface IframeUrlInput {
  baseUrl: string;
  clientName: string;
  page: IframePage;
  params?: Record<string, string | number | boolean | null | undefined>;
  /** A stylesheet uploaded through Website Admin, for this iframe only. */
  stylesheet?: string;
  /** Adds `resize=true`, which Spektrix requires to be the last parameter. */
  resize?: boolean;
}

export function iframeUrl({
  baseUrl,
  clientName,
  page,
  params = {},
  stylesheet,
  resize = false,
}: IframeUrlInput): string {
  const pairs = Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  if (stylesheet) pairs.push(`stylesheet=${encodeURIComponent(stylesheet)}`);
  if (resize) pairs.push("resize=true");
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}/${encodeURIComponent(clientName)}/website/${IFRAME_PAGES[page]}${pairs.length ? `?${pairs.join("&")}` : ""}`;
}

/** URL of the `integrate.js` script that resizes iframes carrying `resize=true`. */
export function integrateScriptUrl(baseUrl: string, clientName: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(clientName)}/website/scripts/integrate.js`;
}

/**
 * The web-mode address the studio asks from the editor's browser before it saves a connection: the session
 * basket, read as every visitor's browser reads it (from the site's origin, with credentials). Spektrix answers a
 * browser only on an origin the venue allowed, and never a server, so only a browser can check this.
 */
export function webModeCheckUrl(baseUrl: string, clientName: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(clientName)}/api/v3/basket`;
}

/** Whether `value` is an address `webModeCheckUrl` makes: https, or plain http on this machine (an emulator). */
export function isWebModeCheckUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const secure = url.protocol === "https:" || isLoopbackHttp(value);
  return (
    secure &&
    url.username === "" &&
    url.password === "" &&
    url.search === "" &&
    url.hash === "" &&
    url.href === value &&
    /^\/[A-Za-z0-9_-]+\/api\/v3\/basket$/.test(url.pathname)
  );
}

export type BookingStep = "chooseSeats" | "chooseQuantity";

/**
 * Reserved seating needs Spektrix's seat map; unreserved seating only needs a quantity, which the site can
 * take itself and add through the basket API. We know which from the performance's plan (`GET plans/{id}`):
 * `type: "Reserved"`, or any reserved area in a multi-area plan. Without a plan we fall back to seat choice,
 * because Spektrix's ChooseSeats page handles both kinds and so is never wrong.
 */
export function bookingStep(plan: Pick<Plan, "isReserved"> | null | undefined): BookingStep {
  if (!plan) return "chooseSeats";
  return plan.isReserved ? "chooseSeats" : "chooseQuantity";
}

export interface BookingUrlInput {
  baseUrl: string;
  clientName: string;
  performance: Pick<Performance, "id">;
  plan: Pick<Plan, "isReserved"> | null | undefined;
  /** The site's own quantity step for unreserved performances (the site owns its routes). */
  quantityUrl: (performance: Pick<Performance, "id">, shortId: string) => string;
  stylesheet?: string;
  resize?: boolean;
}

export function bookingUrl(input: BookingUrlInput): { step: BookingStep; url: string } {
  const short = shortId(input.performance.id);
  const step = bookingStep(input.plan);
  if (step === "chooseQuantity") return { step, url: input.quantityUrl(input.performance, short) };
  return {
    step,
    url: iframeUrl({
      baseUrl: input.baseUrl,
      clientName: input.clientName,
      page: "chooseSeats",
      params: { [IFRAME_PARAMS.performance]: short },
      stylesheet: input.stylesheet,
      resize: input.resize ?? true,
    }),
  };
}
