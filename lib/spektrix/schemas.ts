/**
 * Zod schemas for Spektrix API v3 wire shapes, each mapping straight to a site-owned type in `types.ts`.
 *
 * Tolerance rules (real venue data is messy, see fixtures/spektrix-real):
 * - unknown fields are ignored; `attribute_*` fields are collected into an `attributes` map;
 * - empty strings become null; names are trimmed;
 * - durations may be minutes (number) or ISO 8601 (`PT90M`);
 * - UTC instants may lack the `Z` (real `startUtc` does) and are normalised to ISO strings ending in `Z`.
 * Strictness rule: a missing required field or a wrong type fails the whole parse (see `parseResponse`),
 * so callers never see half-parsed data.
 */
import * as z from "zod/mini";
import { slugify } from "@/lib/text/slug";
import { SpektrixSchemaError, type SchemaIssue } from "./errors";
import type {
  Address,
  Attributes,
  AttributeValue,
  Basket,
  BasketDonation,
  BasketGiftVoucher,
  BasketSubscription,
  BasketMembership,
  BasketMerchandise,
  BasketTicket,
  Customer,
  Event,
  Fund,
  GiftVoucherRedemption,
  GiftVoucherType,
  MembershipType,
  MerchandiseItem,
  Order,
  OrderPayment,
  Performance,
  Plan,
  PotentialDiscount,
  SeatingType,
  Statement,
  Subscription,
  Venue,
} from "./types";

// The browser client parses with these too, so they are written in zod/mini: the same checks as zod's, in a
// form a bundler can trim to what is used (ADR 0016: the basket and checkout pages carried all of zod). zod/mini
// objects are never compiled, so the sync parses its feeds interpreted (slower than compiled classic schemas,
// small beside the network). jitless keeps any classic zod schema the browser meets from probing for eval with
// `new Function`, which the site's CSP reports as a violation. zod/mini has no messages of its own: on the server
// the rest of the site loads zod's English ones (they are global); in the browser an issue says "Invalid input"
// with its path.
if (typeof window !== "undefined") z.config({ jitless: true });

/** What a transform receives beside the value: issues added to it fail the parse. */
type Ctx = z.core.ParsePayload;

/** `schema`, then `fn` on what it parsed (zod/mini writes `.transform` as a pipe). */
function then<S extends z.ZodMiniType, O>(schema: S, fn: (value: z.output<S>, ctx: Ctx) => O) {
  return z.pipe(schema, z.transform<z.output<S>, O>(fn));
}

/** Fails the parse with `message` (at `path` below the value, if given). */
function fail(ctx: Ctx, message: string, path?: PropertyKey[]): never {
  ctx.issues.push({ code: "custom", message, input: ctx.value, ...(path ? { path } : {}) });
  return z.NEVER;
}

// ---------------------------------------------------------------------------------------------------------
// Normalisers (pure, exported for tests and for the fixture helpers)

export function blankToNull(value: string | null | undefined): string | null {
  return value == null || value.trim() === "" ? null : value;
}

/** Spektrix wraps every HTML description in `<div id…>…</div>`, so "empty" HTML is not an empty string. */
export function emptyHtmlToNull(value: string | null | undefined): string | null {
  const html = blankToNull(value);
  if (html === null) return null;
  if (/<(img|iframe|video|audio|embed|object)\b/i.test(html)) return html;
  const text = html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;|&#160;/gi, "")
    .trim();
  return text === "" ? null : html;
}

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Minutes from a number or an ISO 8601 duration. Returns undefined when unreadable, null when unset.
 * Spektrix stores 0 when nobody entered a running time, so 0 means "unknown", not "instant".
 */
export function parseDurationMinutes(value: number | string | null | undefined): number | null | undefined {
  if (value == null) return null;
  if (typeof value === "number")
    return Number.isFinite(value) && value >= 0 ? (value === 0 ? null : Math.round(value)) : undefined;
  const s = value.trim();
  if (s === "") return null;
  if (/^\d+(\.\d+)?$/.test(s)) return parseDurationMinutes(Number(s));
  const m = ISO_DURATION.exec(s);
  if (!m || s.toUpperCase() === "P" || s.toUpperCase().endsWith("T")) return undefined;
  const [, d, h, min, sec] = m.map((part) => (part === undefined ? 0 : Number(part)));
  const minutes = (d ?? 0) * 1440 + (h ?? 0) * 60 + (min ?? 0) + (sec ?? 0) / 60;
  return minutes === 0 ? null : Math.round(minutes);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Normalises a UTC value to `YYYY-MM-DDTHH:mm:ss.sssZ`. A value without zone is UTC by contract of the `…Utc` fields. */
export function toUtcIso(value: string): string | undefined {
  const s = value.trim();
  if (!ISO_INSTANT.test(s)) return undefined;
  const hasTime = s.includes("T");
  const hasZone = hasTime && /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const date = new Date(hasZone ? s : `${s}${hasTime ? "" : "T00:00:00"}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// ---------------------------------------------------------------------------------------------------------
// Field building blocks

const id = z.string().check(z.trim(), z.minLength(1, "expected a non-empty id"));
/** Optional free text: empty → null. */
const text = then(z.nullish(z.string()), blankToNull);
const name = then(z.string(), (s) => s.trim());
const bool = z.boolean();
const optionalBool = then(z.nullish(z.boolean()), (b) => b ?? null);

/** Money arrives as a JSON decimal; a numeric string is accepted, anything else is an error. */
const money = z.pipe(
  then(
    z.union([z.number(), z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/, "expected a decimal amount"))]),
    Number,
  ),
  z.number(),
);
/** Empty, null or absent → null: the pattern of every optional field below. */
const orNull = <S extends z.ZodMiniType>(schema: S) =>
  then(z.optional(z.union([schema, z.literal(""), z.null()])), (v) =>
    v === "" || v == null ? null : (v as z.output<S>),
  );
const optionalMoney = orNull(money);
const count = z.int().check(z.nonnegative());
const optionalCount = then(z.nullish(count), (v) => v ?? null);

/** A reference that Spektrix sends as `{ "id": … }` (usual) or as a bare id string (seen in some clients' typings). */
const ref = then(z.union([id, z.looseObject({ id })]), (v) => (typeof v === "string" ? v : v.id));
const optionalRef = orNull(ref);

const utc = then(
  z.string(),
  (v, ctx) => toUtcIso(v) ?? fail(ctx, `expected an ISO 8601 date-time, got ${JSON.stringify(v)}`),
);
const optionalUtc = orNull(utc);

/** Venue-local time without offset; kept exactly as given so it is never shifted by a server's time zone. */
const local = z
  .string()
  .check(z.trim(), z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "expected a local date-time like 2025-10-24T19:30:00"));
const optionalLocal = orNull(local);

const duration = then(z.optional(z.union([z.number(), z.string(), z.null()])), (v, ctx) => {
  const minutes = parseDurationMinutes(v);
  return minutes === undefined
    ? fail(ctx, `expected minutes or an ISO 8601 duration, got ${JSON.stringify(v)}`)
    : minutes;
});

/** Adds issues to `ctx` for non-scalar attribute values rather than guessing what they mean. */
function collectAttributes(raw: Record<string, unknown>, ctx: Ctx): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(raw)) {
    const match = /^attribute_(.+)$/i.exec(key);
    if (!match?.[1]) continue;
    if (value === null || value === undefined) attributes[match[1]] = null;
    else if (typeof value === "string") attributes[match[1]] = blankToNull(value);
    else if (typeof value === "number" || typeof value === "boolean") attributes[match[1]] = value as AttributeValue;
    else fail(ctx, "expected an attribute value (string, number, boolean or null)", [key]);
  }
  return attributes;
}

// ---------------------------------------------------------------------------------------------------------
// Catalogue

export const performanceSchema = then(
  z.looseObject({
    id,
    event: ref,
    start: local,
    startUtc: utc,
    startSellingAtWebUtc: optionalUtc,
    stopSellingAtWebUtc: optionalUtc,
    isOnSale: bool,
    cancelled: bool,
    planId: text,
    priceList: optionalRef,
    webInstanceId: text,
    hasBestAvailableOverlay: optionalBool,
    isVisibleOnWeb: optionalBool,
  }),
  (raw, ctx): Performance => ({
    id: raw.id,
    eventId: raw.event,
    startLocal: raw.start,
    startUtc: raw.startUtc,
    startSellingAtWebUtc: raw.startSellingAtWebUtc,
    stopSellingAtWebUtc: raw.stopSellingAtWebUtc,
    isOnSale: raw.isOnSale,
    cancelled: raw.cancelled,
    planId: raw.planId,
    priceListId: raw.priceList,
    webInstanceId: raw.webInstanceId,
    hasBestAvailableOverlay: raw.hasBestAvailableOverlay ?? false,
    attributes: collectAttributes(raw, ctx),
    ...(raw.isVisibleOnWeb === false ? { hiddenFromWeb: true as const } : {}),
  }),
);

export const eventSchema = then(
  z.looseObject({
    id,
    name,
    description: text,
    htmlDescription: then(z.nullish(z.string()), emptyHtmlToNull),
    duration,
    imageUrl: text,
    thumbnailUrl: text,
    altText: text,
    isOnSale: bool,
    instanceDates: text,
    webEventId: text,
    firstInstanceDateTime: optionalLocal,
    lastInstanceDateTime: optionalLocal,
    firstInstanceDateTimeUtc: optionalUtc,
    lastInstanceDateTimeUtc: optionalUtc,
    isVisibleOnWeb: optionalBool,
    instances: z.nullish(z.array(performanceSchema)),
  }),
  (raw, ctx): Event => {
    const event: Event = {
      id: raw.id,
      name: raw.name,
      description: raw.description,
      htmlDescription: raw.htmlDescription,
      durationMinutes: raw.duration,
      imageUrl: raw.imageUrl,
      thumbnailUrl: raw.thumbnailUrl,
      altText: raw.altText,
      isOnSale: raw.isOnSale,
      instanceDates: raw.instanceDates,
      firstPerformanceLocal: raw.firstInstanceDateTime,
      lastPerformanceLocal: raw.lastInstanceDateTime,
      firstPerformanceUtc: raw.firstInstanceDateTimeUtc,
      lastPerformanceUtc: raw.lastInstanceDateTimeUtc,
      webEventId: raw.webEventId,
      attributes: collectAttributes(raw, ctx),
    };
    if (raw.isVisibleOnWeb === false) event.hiddenFromWeb = true;
    if (raw.instances) event.performances = raw.instances;
    return event;
  },
);

/**
 * Addresses Spektrix systems hold for a venue without a street address ("Unknown" as data entry leaves it, "Online"
 * for streamed shows): no address, so no page, search result or calendar file publishes the placeholder as one.
 */
const NO_STREET_ADDRESS = new Set(["unknown", "online"]);

export const venueSchema = then(z.looseObject({ id, name, address: text }), (raw): Venue => {
  const placeholder = raw.address?.trim().toLowerCase();
  return {
    id: raw.id,
    name: raw.name,
    address: placeholder && NO_STREET_ADDRESS.has(placeholder) ? null : raw.address,
    online: placeholder === "online",
  };
});

const seatSchema = z.looseObject({
  id: then(z.union([id, z.number()]), String),
  name: z.string(),
  row: text,
  number: then(z.nullish(z.number()), (v) => v ?? null),
  x: then(z.nullish(z.number()), (v) => v ?? null),
  y: then(z.nullish(z.number()), (v) => v ?? null),
});

const areaSchema = z.looseObject({
  id: then(z.union([id, z.number()]), String),
  name: then(z.nullish(z.string()), (v) => v?.trim() ?? ""),
  type: text,
});

const isReservedType = (type: string | null | undefined) => type?.trim().toLowerCase() === "reserved";

export const planSchema = then(
  z.looseObject({
    id,
    name,
    type: z.string(),
    venue: optionalRef,
    capacity: optionalCount,
    areas: z.nullish(z.array(areaSchema)),
    seats: z.nullish(z.array(seatSchema)),
  }),
  (raw): Plan => {
    const areas = (raw.areas ?? []).map((a) => ({ id: a.id, name: a.name, type: a.type }));
    return {
      id: raw.id,
      name: raw.name,
      type: raw.type,
      isReserved: isReservedType(raw.type) || areas.some((a) => isReservedType(a.type)),
      venueId: raw.venue,
      capacity: raw.capacity,
      areas,
      seats: (raw.seats ?? []).map((s) => ({ id: s.id, name: s.name, row: s.row, number: s.number, x: s.x, y: s.y })),
    };
  },
);

/** Exported for fixtures whose plan samples list bare seats. */
export const plainSeatSchema = seatSchema;

const named = z.looseObject({
  id,
  name: then(z.nullish(z.string()), (v) => v?.trim() ?? ""),
});

export const priceListSchema = then(
  z.looseObject({
    id: text,
    prices: z.array(
      z.looseObject({
        id,
        amount: money,
        isBandDefault: bool,
        ticketType: named,
        priceBand: named,
      }),
    ),
  }),
  (raw) => ({
    id: raw.id,
    prices: raw.prices.map((p) => ({
      id: p.id,
      amount: p.amount,
      isBandDefault: p.isBandDefault,
      ticketType: { id: p.ticketType.id, name: p.ticketType.name },
      priceBand: { id: p.priceBand.id, name: p.priceBand.name },
    })),
  }),
);

const lockSchema = z.looseObject({ quantity: count });

export const availabilitySchema = then(
  z.looseObject({
    available: count,
    capacity: count,
    wheelchairAvailable: optionalCount,
    specialAvailable: optionalCount,
    inBasket: optionalCount,
    lockInfoAvailable: z.nullish(z.array(lockSchema)),
    areas: z.nullish(
      z.array(
        z.looseObject({
          id: then(z.nullish(then(z.union([id, z.number()]), String)), (v) => v ?? null),
          name: text,
          available: count,
          capacity: optionalCount,
        }),
      ),
    ),
  }),
  (raw) => ({
    available: raw.available,
    capacity: raw.capacity,
    wheelchairAvailable: raw.wheelchairAvailable,
    specialAvailable: raw.specialAvailable,
    inBasket: raw.inBasket,
    locked: (raw.lockInfoAvailable ?? []).reduce((sum, lock) => sum + lock.quantity, 0),
    areas: (raw.areas ?? []).map((a) => ({ id: a.id, name: a.name, available: a.available, capacity: a.capacity })),
  }),
);

export const fundSchema = then(
  z.looseObject({ id, name, description: text, code: text, defaultDonationAmount: optionalMoney }),
  (raw, ctx): Fund => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    code: raw.code,
    defaultDonationAmount: raw.defaultDonationAmount,
    attributes: collectAttributes(raw, ctx),
  }),
);

export const membershipTypeSchema = then(
  z.looseObject({
    id,
    name,
    description: text,
    htmlDescription: then(z.nullish(z.string()), emptyHtmlToNull),
    price: optionalMoney,
    renewalPrice: optionalMoney,
    // One public client reads `renewal_price`; accept it until a real payload settles the spelling.
    renewal_price: optionalMoney,
  }),
  (raw, ctx): MembershipType => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    htmlDescription: raw.htmlDescription,
    price: raw.price,
    renewalPrice: raw.renewalPrice ?? raw.renewal_price,
    attributes: collectAttributes(raw, ctx),
  }),
);

export const giftVoucherTypeSchema = then(
  z.looseObject({ id, name, description: text, amount: optionalMoney, value: optionalMoney }),
  (raw, ctx): GiftVoucherType => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    amount: raw.amount ?? raw.value,
    attributes: collectAttributes(raw, ctx),
  }),
);

export const merchandiseItemSchema = then(
  z.looseObject({ id, name, description: text, price: money, postageAndPacking: optionalMoney }),
  (raw, ctx): MerchandiseItem => ({
    id: raw.id,
    name: raw.name,
    description: raw.description,
    price: raw.price,
    postageAndPacking: raw.postageAndPacking,
    attributes: collectAttributes(raw, ctx),
  }),
);

export const seatingTypeSchema = then(z.looseObject({ id, name, description: text }), (raw): SeatingType => ({
  id: raw.id,
  name: raw.name,
  description: raw.description,
}));

/** `GET statements`: `id` and `name` documented by the sources we have; `text` assumed (README). */
export const statementSchema = then(z.looseObject({ id, name, text }), (raw): Statement => ({
  id: raw.id,
  name: raw.name,
  text: raw.text,
}));

/** What `POST customers/{id}/agreed-statements` answers: the agreed statements as ids or `{ id }` references. */
export const agreedStatementsSchema = then(z.array(z.union([id, z.looseObject({ id })])), (refs) =>
  refs.map((r) => (typeof r === "string" ? r : r.id)),
);

export const subscriptionSchema = then(
  z.looseObject({
    id: text,
    name,
    description: text,
    pricingSets: z.nullish(z.array(z.looseObject({ id, name, price: money }))),
    onSaleWebChannelUtc: optionalUtc,
    offSaleWebChannelUtc: optionalUtc,
  }),
  (raw): Subscription => ({
    id: raw.id ?? slugify(raw.name),
    name: raw.name,
    description: raw.description,
    pricingSets: (raw.pricingSets ?? []).map((p) => ({ id: p.id, name: p.name, price: p.price })),
    onSaleUtc: raw.onSaleWebChannelUtc,
    offSaleUtc: raw.offSaleWebChannelUtc,
  }),
);

// ---------------------------------------------------------------------------------------------------------
// Basket, customer, order

const discount = then(optionalMoney, (v) => v ?? 0);

export const basketTicketSchema = then(
  z.looseObject({
    id,
    instance: ref,
    event: optionalRef,
    band: optionalRef,
    type: optionalRef,
    ticketType: optionalRef, // deprecated alias of `type`
    seat: z.union([optionalRef, then(z.number(), String)]),
    seatName: text,
    planId: text,
    planName: text,
    price: money,
    discount,
    total: money,
  }),
  (raw, ctx): BasketTicket => ({
    id: raw.id,
    performanceId: raw.instance,
    eventId: raw.event,
    ticketTypeId: raw.type ?? raw.ticketType,
    priceBandId: raw.band,
    seatId: raw.seat,
    seatName: raw.seatName,
    planId: raw.planId,
    planName: raw.planName,
    price: raw.price,
    discount: raw.discount,
    total: raw.total,
    attributes: collectAttributes(raw, ctx),
  }),
);

export const basketDonationSchema = then(
  z.looseObject({ id, fund: optionalRef, fundId: text, amount: money }),
  (raw): BasketDonation => ({ id: raw.id, fundId: raw.fund ?? raw.fundId, amount: raw.amount }),
);

export const basketMerchandiseSchema = then(
  z.looseObject({ id, stockItem: optionalRef, price: money, discount, total: money }),
  (raw): BasketMerchandise => ({
    id: raw.id,
    stockItemId: raw.stockItem,
    price: raw.price,
    discount: raw.discount,
    total: raw.total,
  }),
);

export const basketMembershipSchema = then(
  z.looseObject({ id, membership: optionalRef, autoRenew: optionalBool, price: money, discount, total: money }),
  (raw): BasketMembership => ({
    id: raw.id,
    membershipId: raw.membership,
    autoRenew: raw.autoRenew ?? false,
    price: raw.price,
    discount: raw.discount,
    total: raw.total,
  }),
);

export const basketGiftVoucherSchema = then(
  z.looseObject({
    id,
    amount: money,
    toName: text,
    fromName: text,
    message: text,
    sendDate: text,
    deliveryType: text,
    deliveryEmailAddress: text,
  }),
  (raw): BasketGiftVoucher => ({
    id: raw.id,
    amount: raw.amount,
    toName: raw.toName,
    fromName: raw.fromName,
    message: raw.message,
    sendDate: raw.sendDate,
    deliveryType: raw.deliveryType,
    deliveryEmailAddress: raw.deliveryEmailAddress,
  }),
);

export const basketSubscriptionSchema = then(
  z.looseObject({ id, ticketSubscriptionStructureName: text, pricingSetName: text, price: money }),
  (raw): BasketSubscription => ({
    id: raw.id,
    name: raw.ticketSubscriptionStructureName,
    pricingSetName: raw.pricingSetName,
    price: raw.price,
  }),
);

const list = <T extends z.ZodMiniType>(item: T) => then(z.nullish(z.array(item)), (v) => v ?? []);

export const basketSchema = then(
  z.looseObject({
    id: text,
    basketId: text,
    hash: text,
    customer: optionalRef,
    promoCode: text,
    total: money,
    totalDiscount: discount,
    tickets: list(basketTicketSchema),
    donations: list(basketDonationSchema),
    merchandiseItems: list(basketMerchandiseSchema),
    membershipSubscriptions: list(basketMembershipSchema),
    giftVouchers: list(basketGiftVoucherSchema),
    ticketSubscriptions: list(basketSubscriptionSchema),
  }),
  (raw, ctx): Basket => {
    const basketId = raw.id ?? raw.basketId;
    if (basketId === null) return fail(ctx, "expected a basket id (`id` or `basketId`)", ["id"]);
    return {
      id: basketId,
      hash: raw.hash,
      customerId: raw.customer,
      promoCode: raw.promoCode,
      total: raw.total,
      totalDiscount: raw.totalDiscount,
      tickets: raw.tickets,
      donations: raw.donations,
      merchandise: raw.merchandiseItems,
      memberships: raw.membershipSubscriptions,
      giftVouchers: raw.giftVouchers,
      subscriptions: raw.ticketSubscriptions,
      attributes: collectAttributes(raw, ctx),
    };
  },
);

const country = then(
  z.optional(
    z.union([
      z.string(),
      z.looseObject({ name: z.nullish(z.string()), code: z.nullish(z.string()), id: z.nullish(z.string()) }),
      z.null(),
    ]),
  ),
  (v) => (v == null ? null : typeof v === "string" ? blankToNull(v) : blankToNull(v.name ?? v.code ?? v.id)),
);

/**
 * The Help model for `CustomerAddress` was not read, so the common spellings are accepted
 * (`line1`/`addressLine1`, `town`/`city`, `postcode`/`postCode`/`postalCode`).
 */
export const addressSchema = then(
  z.looseObject({
    id,
    line1: text,
    line2: text,
    line3: text,
    addressLine1: text,
    addressLine2: text,
    addressLine3: text,
    town: text,
    city: text,
    county: text,
    region: text,
    postcode: text,
    postCode: text,
    postalCode: text,
    country,
    isBilling: optionalBool,
    isDelivery: optionalBool,
  }),
  (raw) => ({
    id: raw.id,
    line1: raw.line1 ?? raw.addressLine1,
    line2: raw.line2 ?? raw.addressLine2,
    line3: raw.line3 ?? raw.addressLine3,
    town: raw.town ?? raw.city,
    county: raw.county ?? raw.region,
    postcode: raw.postcode ?? raw.postCode ?? raw.postalCode,
    country: raw.country,
    isBilling: raw.isBilling,
    isDelivery: raw.isDelivery,
  }),
);

export const customerSchema = then(
  z.looseObject({
    id,
    title: text,
    firstName: text,
    lastName: text,
    name: text,
    email: text,
    phone: text,
    mobile: text,
    addresses: list(addressSchema),
    billingAddress: optionalRef,
    deliveryAddress: optionalRef,
    creditBalance: optionalMoney,
    passwordSet: optionalBool,
    giftAidDeclarationRequired: optionalBool,
  }),
  (raw, ctx): Customer => {
    const billingAddressId = raw.billingAddress ?? raw.addresses.find((a) => a.isBilling)?.id ?? null;
    const deliveryAddressId = raw.deliveryAddress ?? raw.addresses.find((a) => a.isDelivery)?.id ?? null;
    const addresses: Address[] = raw.addresses.map((a) => ({
      ...a,
      isBilling: a.isBilling ?? a.id === billingAddressId,
      isDelivery: a.isDelivery ?? a.id === deliveryAddressId,
    }));
    const composed = [raw.firstName, raw.lastName].filter(Boolean).join(" ");
    return {
      id: raw.id,
      title: raw.title,
      firstName: raw.firstName,
      lastName: raw.lastName,
      name: raw.name ?? blankToNull(composed),
      email: raw.email,
      phone: raw.phone,
      mobile: raw.mobile,
      addresses,
      billingAddressId,
      deliveryAddressId,
      creditBalance: raw.creditBalance,
      passwordSet: raw.passwordSet,
      giftAidDeclarationRequired: raw.giftAidDeclarationRequired === true,
      attributes: collectAttributes(raw, ctx),
    };
  },
);

/** One payment on an order; a payment whose amount is unreadable fails the order's parse, as money should. */
const orderPaymentSchema = then(
  z.looseObject({ type: z.nullish(z.union([z.string(), z.looseObject({ name: z.string() })])), amount: money }),
  (raw): OrderPayment => {
    const type = (typeof raw.type === "string" ? raw.type : raw.type?.name) ?? "";
    return { kind: paymentKind(type), type, amount: raw.amount };
  },
);

/** Spektrix's payment type names (assumed: "Card", "Account Credit", "Gift Voucher"…) as the kinds the site shows. */
function paymentKind(type: string): OrderPayment["kind"] {
  if (/voucher/i.test(type)) return "voucher";
  if (/credit/i.test(type) && !/card/i.test(type)) return "credit";
  if (/card/i.test(type)) return "card";
  return "other";
}

/**
 * An order's payments are for display: one entry we cannot read is left out rather than failing the order (and
 * with it the member's bookings and the after-payment check).
 */
const orderPayments = then(z.nullish(z.array(z.unknown())), (entries) =>
  (entries ?? []).flatMap((entry) => {
    const parsed = orderPaymentSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  }),
);

export const orderSchema = then(
  z.looseObject({
    id,
    customer: optionalRef,
    total: money,
    firstTransactionDateUtc: optionalUtc,
    tickets: list(basketTicketSchema),
    donations: list(basketDonationSchema),
    merchandiseItems: list(basketMerchandiseSchema),
    membershipSubscriptions: list(basketMembershipSchema),
    giftVouchers: list(basketGiftVoucherSchema),
    payments: orderPayments,
  }),
  (raw, ctx): Order => ({
    id: raw.id,
    customerId: raw.customer,
    total: raw.total,
    firstTransactionUtc: raw.firstTransactionDateUtc,
    tickets: raw.tickets,
    donations: raw.donations,
    merchandise: raw.merchandiseItems,
    memberships: raw.membershipSubscriptions,
    giftVouchers: raw.giftVouchers,
    payments: raw.payments,
    attributes: collectAttributes(raw, ctx),
  }),
);

/**
 * Gift voucher redemption's answer. The docs read show a monetary voucher crediting its amount; the field's
 * name is assumed (`amount`, or `value`), and neither is required: the customer's balance is read afterwards.
 */
export const giftVoucherRedemptionSchema = then(z.unknown(), (raw): GiftVoucherRedemption => {
  // Once Spektrix has said 2xx the credit is on the record: an answer we cannot read must not turn that into a
  // failure, so anything parses and only a readable amount is kept.
  const fields = z.looseObject({ amount: optionalMoney, value: optionalMoney }).safeParse(raw);
  return { amount: fields.success ? (fields.data.amount ?? fields.data.value ?? null) : null };
});

/** Any answer to a write whose success the status already says (a Gift Aid declaration). */
export const acceptedSchema = then(z.unknown(), () => undefined);

export const paymentTokenSchema = then(z.looseObject({ paymentToken: z.string().check(z.minLength(1)) }), (raw) => ({
  paymentToken: raw.paymentToken,
}));

export const potentialDiscountSchema = then(
  z.looseObject({ basketTotal: money, totalDiscount: money }),
  (raw): PotentialDiscount => ({ basketTotal: raw.basketTotal, totalDiscount: raw.totalDiscount }),
);

// ---------------------------------------------------------------------------------------------------------
// Parsing entry point

export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

/**
 * The list item a field path starts in, named by its `name` and `id` when it has them, so an editor told a sync
 * failed can find the record in Spektrix rather than count to `[24]`. Both are Spektrix's text: clipped, and shown
 * only as text.
 */
function recordOf(data: unknown, path: readonly PropertyKey[]): string | undefined {
  const [index] = path;
  if (typeof index !== "number" || !Array.isArray(data)) return undefined;
  const item: unknown = data[index];
  if (!item || typeof item !== "object") return undefined;
  const { name, id } = item as { name?: unknown; id?: unknown };
  // Cut by code points, not UTF-16 units: half an emoji is a lone surrogate, which the run's jsonb error list refuses.
  // (lib/text/search's grapheme clip would bring the database layer into the browser's Spektrix client.)
  const clip = (value: unknown) =>
    typeof value === "string" && value.trim() ? Array.from(value.trim()).slice(0, 60).join("") : null;
  const [named, ided] = [clip(name), clip(id)];
  if (named && ided) return `“${named}” (id ${ided})`;
  return named ? `“${named}”` : ided ? `id ${ided}` : undefined;
}

/** Parses a response body or throws `SpektrixSchemaError` naming the endpoint and every offending field. */
export function parseResponse<T extends z.core.$ZodType>(schema: T, data: unknown, endpoint: string): z.output<T> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issues: SchemaIssue[] = result.error.issues.map((issue) => {
    const record = recordOf(data, issue.path);
    return { path: formatIssuePath(issue.path), message: issue.message, ...(record ? { record } : {}) };
  });
  throw new SpektrixSchemaError(endpoint, issues);
}
