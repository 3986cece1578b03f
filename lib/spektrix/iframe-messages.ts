/**
 * Messages from Spektrix iframes, parsed and validated in one pure module (no DOM), so the origin check and
 * every shape we accept are unit-tested.
 *
 * Resizing is not here: Spektrix documents it as its own `integrate.js` on the page, and does not document the
 * messages between its pages and that script, so the site never reads a height (spektrix-iframe-client.tsx).
 * The shapes below are the ones Spektrix's scripts send (objects or JSON strings):
 *   scroll  `{ "spektrixOffset": 120 }` (Spektrix's own flow-scroll script)
 *   basket  `"basketContents:" + JSON` and `"basketHash:" + hash` (strings), or the same as object keys
 *           `{ "basketContents": {…} }` / `{ "basketHash": "…" }`, posted on every page load
 *   load    `{ "type": "load", "page": "ChooseSeats" }` (navigation inside the frame)
 * Anything else, or anything from another origin, is ignored.
 */

export type SpektrixMessage =
  | { kind: "scroll"; offset: number }
  | {
      kind: "basket-contents";
      contents: Record<string, unknown>;
      itemCount: number | null;
      /** Whether the basket names a customer (the frame's Spektrix session is signed in); null when it does not say. */
      hasCustomer: boolean | null;
    }
  | { kind: "basket-hash"; hash: string }
  | { kind: "load"; page: string | null };

/** `https://Tickets.Venue.org:443/x` → `https://tickets.venue.org`; null for anything that is not http(s). */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * True only when `origin` is exactly the Spektrix origin the site is configured with (the custom domain, or
 * the emulator). `null`/"null" origins (sandboxed or file frames) never pass.
 */
export function isTrustedOrigin(origin: string | null | undefined, spektrixOrigin: string): boolean {
  if (!origin || origin === "null") return false;
  const expected = normaliseOrigin(spektrixOrigin);
  const actual = normaliseOrigin(origin);
  return expected !== null && actual === expected;
}

function toNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(value)) return Number.parseFloat(value);
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `"basketContents:{…}"` / `"basketHash:abc"`: Spektrix's load messages as the docs show them. */
const PREFIXED = /^(basketContents|basketHash)\s*:\s*([\s\S]*)$/;

function decode(data: unknown): unknown {
  if (typeof data !== "string") return data;
  const trimmed = data.trim();
  const prefixed = PREFIXED.exec(trimmed);
  if (prefixed) {
    const [, key, rest = ""] = prefixed;
    if (key === "basketHash") return { basketHash: rest.trim().replace(/^"(.*)"$/, "$1") };
    return { basketContents: decode(rest) };
  }
  if (!trimmed.startsWith("{") || trimmed.length > 500_000) return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return null;
  }
}

const BASKET_LISTS = [
  "tickets",
  "donations",
  "merchandiseItems",
  "membershipSubscriptions",
  "giftVouchers",
  "ticketSubscriptions",
] as const;

/** Items in a raw basket (tickets, donations, …), or null when the object carries none of the lists. */
export function countBasketItems(basket: Record<string, unknown>): number | null {
  let seen = false;
  let count = 0;
  for (const key of BASKET_LISTS) {
    const list = basket[key];
    if (Array.isArray(list)) {
      seen = true;
      count += list.length;
    }
  }
  return seen ? count : null;
}

/** Parses one `message` event's data into the messages it carries (a payload may hold several keys). */
export function parseSpektrixMessage(data: unknown): SpektrixMessage[] {
  const value = decode(data);
  if (!isRecord(value)) return [];
  const out: SpektrixMessage[] = [];
  const type = typeof value.type === "string" ? value.type.toLowerCase().replace(/^spektrix[:.]/, "") : null;

  const offset = toNumber(value.spektrixOffset) ?? (type === "scroll" ? toNumber(value.offset) : null);
  if (offset !== null) out.push({ kind: "scroll", offset: Math.max(0, Math.round(offset)) });

  let contents: unknown = value.basketContents ?? (type === "basket" ? value.basket : undefined);
  if (typeof contents === "string") contents = decode(contents);
  if (isRecord(contents))
    out.push({
      kind: "basket-contents",
      contents,
      itemCount: countBasketItems(contents),
      hasCustomer: "customer" in contents ? contents.customer !== null && contents.customer !== "" : null,
    });

  if (typeof value.basketHash === "string" && value.basketHash.length <= 200)
    out.push({ kind: "basket-hash", hash: value.basketHash });

  if (type === "load" || type === "navigate" || type === "navigation") {
    out.push({
      kind: "load",
      page:
        typeof value.page === "string"
          ? value.page.slice(0, 200)
          : typeof value.url === "string"
            ? value.url.slice(0, 500)
            : null,
    });
  }
  return out;
}

/**
 * The whole gate for a `message` event: right origin, and (when the frame is known) from that very frame.
 * Returns no messages for anything else.
 */
export function acceptSpektrixMessage(
  event: { origin: string; data: unknown; source?: unknown },
  options: { spektrixOrigin: string; frameWindow?: unknown },
): SpektrixMessage[] {
  if (!isTrustedOrigin(event.origin, options.spektrixOrigin)) return [];
  if (options.frameWindow !== undefined && options.frameWindow !== null && event.source !== options.frameWindow)
    return [];
  return parseSpektrixMessage(event.data);
}
