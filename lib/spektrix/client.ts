/**
 * Web-mode Spektrix client: no credentials, cookie session. For the browser, on the venue's custom domain, so
 * the Spektrix session cookie is first-party and shared with iframes. Spektrix bot-protects web-mode calls
 * from servers: server code reads the catalogue with `createCatalogueReader` (owner mode, `./owner`).
 *
 * Owner mode (signed, server only) is `createSpektrixOwnerClient` in `./owner`.
 */
import * as z from "zod/mini";
import { createTransport, type RetryPolicy, type Transport } from "./http";
import { assertOpaqueId, assertSpektrixId } from "./ids";
import {
  addressSchema,
  availabilitySchema,
  basketDonationSchema,
  basketGiftVoucherSchema,
  basketMembershipSchema,
  basketMerchandiseSchema,
  basketSchema,
  basketTicketSchema,
  customerSchema,
  eventSchema,
  fundSchema,
  giftVoucherTypeSchema,
  membershipTypeSchema,
  merchandiseItemSchema,
  orderSchema,
  paymentTokenSchema,
  performanceSchema,
  planSchema,
  potentialDiscountSchema,
  priceListSchema,
  seatingTypeSchema,
  statementSchema,
  subscriptionSchema,
  venueSchema,
} from "./schemas";
import type { Availability, PriceList } from "./types";

export interface SpektrixClientOptions {
  /** `https://{custom domain}` or the emulator URL; no client name, no `/api/v3`. */
  baseUrl: string;
  clientName: string;
  /** Per-attempt timeout; default 8000. */
  timeoutMs?: number;
  /** Retries for idempotent GETs; default 2. Writes are never retried. */
  retries?: number;
  retryPolicy?: Partial<Omit<RetryPolicy, "retries">>;
  fetch?: typeof fetch;
  /** For deterministic tests of the retry jitter. */
  random?: () => number;
}

/** A date (`YYYY-MM-DD`) or date-time string, or a Date (sent as its UTC calendar date). */
export type DateInput = string | Date;

function formatDate(value: DateInput | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError(`${field} is an invalid Date`);
    return value.toISOString().slice(0, 10);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/.test(value))
    throw new RangeError(`${field} must look like YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

const seg = encodeURIComponent;

export interface NewTicket {
  performanceId: string;
  ticketTypeId: string;
  /** Reserved seating: the seat id from the plan. */
  seatId?: string;
  /** Unreserved seating: the plan or area id to take a place in. */
  planId?: string;
}

export interface NewGiftVoucher {
  amount: number;
  toName?: string;
  fromName?: string;
  message?: string;
  sendDate?: string;
  deliveryType?: "CustomerEmail" | "OtherEmail";
  deliveryEmailAddress?: string;
}

export interface CustomerPaymentRequest {
  /** The domain hosting `<spektrix-payments>`, e.g. `tickets.venue.org`. */
  originDomain: string;
  billingAddressId: string;
  storeCard: boolean;
  /** Spend the customer's account credit first (Customer Checkout only); the card pays the rest. */
  useAvailableCredit?: boolean;
}

export function toWireTicket(ticket: NewTicket) {
  assertSpektrixId(ticket.performanceId, "performance id");
  assertSpektrixId(ticket.ticketTypeId, "ticket type id");
  return {
    instance: ticket.performanceId,
    type: ticket.ticketTypeId,
    ...(ticket.seatId !== undefined ? { seat: assertOpaqueId(ticket.seatId, "seat id") } : {}),
    ...(ticket.planId !== undefined ? { seatingPlan: assertOpaqueId(ticket.planId, "plan id") } : {}),
  };
}

export function toWirePaymentRequest(request: CustomerPaymentRequest) {
  assertOpaqueId(request.billingAddressId, "address id");
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(request.originDomain))
    throw new RangeError(`originDomain must be a bare host name, got ${JSON.stringify(request.originDomain)}`);
  // Spektrix documents storeCard as the strings "true"/"false", not a JSON boolean.
  return {
    originDomain: request.originDomain,
    billingAddressId: request.billingAddressId,
    storeCard: request.storeCard ? "true" : "false",
    // Sent in storeCard's string form (assumed: the field's type was not in the docs read).
    ...(request.useAvailableCredit ? { useAvailableCredit: "true" } : {}),
  };
}

/** Catalogue reads, shared by both modes. */
export function createCatalogue(http: Transport) {
  return {
    /** Events with any performance in the window (`instanceStart_from/_to`, date-only). */
    async listEvents(
      options: { from?: DateInput; to?: DateInput; expandInstances?: boolean; signal?: AbortSignal } = {},
    ) {
      return http.call(z.array(eventSchema), {
        method: "GET",
        path: "events",
        query: {
          instanceStart_from: formatDate(options.from, "from"),
          instanceStart_to: formatDate(options.to, "to"),
          $expand: options.expandInstances ? "instances" : undefined,
        },
        signal: options.signal,
      });
    },
    async getEvent(id: string, options: { expandInstances?: boolean; signal?: AbortSignal } = {}) {
      assertSpektrixId(id, "event id");
      return http.call(eventSchema, {
        method: "GET",
        path: `events/${seg(id)}`,
        query: { $expand: options.expandInstances ? "instances" : undefined },
        signal: options.signal,
      });
    },
    /** All performances in a window. `/instances` takes camelCase `startFrom/startTo`; snake_case is silently ignored there. */
    async listPerformances(options: { from?: DateInput; to?: DateInput; signal?: AbortSignal } = {}) {
      return http.call(z.array(performanceSchema), {
        method: "GET",
        path: "instances",
        query: { startFrom: formatDate(options.from, "from"), startTo: formatDate(options.to, "to") },
        signal: options.signal,
      });
    },
    /** One event's performances. This path takes snake_case `start_from`. */
    async listEventPerformances(eventId: string, options: { from?: DateInput; signal?: AbortSignal } = {}) {
      assertSpektrixId(eventId, "event id");
      return http.call(z.array(performanceSchema), {
        method: "GET",
        path: `events/${seg(eventId)}/instances`,
        query: { start_from: formatDate(options.from, "from") },
        signal: options.signal,
      });
    },
    async getPerformance(id: string, options: { signal?: AbortSignal } = {}) {
      assertSpektrixId(id, "performance id");
      return http.call(performanceSchema, { method: "GET", path: `instances/${seg(id)}`, signal: options.signal });
    },
    async getAvailability(
      performanceId: string,
      options: { includeLockInformation?: boolean; includeChildPlans?: boolean; signal?: AbortSignal } = {},
    ): Promise<Availability> {
      assertSpektrixId(performanceId, "performance id");
      const status = await http.call(availabilitySchema, {
        method: "GET",
        path: `instances/${seg(performanceId)}/status`,
        query: {
          includeLockInformation: options.includeLockInformation ? "true" : undefined,
          includeChildPlans: options.includeChildPlans ? "true" : undefined,
        },
        signal: options.signal,
      });
      return { performanceId, ...status };
    },
    async getPriceList(performanceId: string, options: { signal?: AbortSignal } = {}): Promise<PriceList> {
      assertSpektrixId(performanceId, "performance id");
      const list = await http.call(priceListSchema, {
        method: "GET",
        path: `instances/${seg(performanceId)}/price-list`,
        signal: options.signal,
      });
      return { performanceId, ...list };
    },
    async getPlan(id: string, options: { signal?: AbortSignal } = {}) {
      assertSpektrixId(id, "plan id");
      return http.call(planSchema, { method: "GET", path: `plans/${seg(id)}`, signal: options.signal });
    },
    async getPerformancePlan(performanceId: string, options: { signal?: AbortSignal } = {}) {
      assertSpektrixId(performanceId, "performance id");
      return http.call(planSchema, {
        method: "GET",
        path: `instances/${seg(performanceId)}/plan`,
        signal: options.signal,
      });
    },
    async listPlans(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(planSchema), { method: "GET", path: "plans", signal: options.signal });
    },
    async listVenues(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(venueSchema), { method: "GET", path: "venues", signal: options.signal });
    },
    async getVenue(id: string, options: { signal?: AbortSignal } = {}) {
      assertSpektrixId(id, "venue id");
      return http.call(venueSchema, { method: "GET", path: `venues/${seg(id)}`, signal: options.signal });
    },
    async listFunds(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(fundSchema), { method: "GET", path: "funds", signal: options.signal });
    },
    async listMembershipTypes(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(membershipTypeSchema), { method: "GET", path: "memberships", signal: options.signal });
    },
    /** Path assumed: Spektrix documents no gift-voucher catalogue (see README). */
    async listGiftVoucherTypes(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(giftVoucherTypeSchema), {
        method: "GET",
        path: "gift-voucher-types",
        signal: options.signal,
      });
    },
    async listMerchandise(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(merchandiseItemSchema), { method: "GET", path: "stock-items", signal: options.signal });
    },
    /** Contact preferences a customer can agree to (both modes). */
    async listStatements(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(statementSchema), { method: "GET", path: "statements", signal: options.signal });
    },
    /** Path assumed: no source names it (see README). */
    async listSeatingTypes(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(seatingTypeSchema), { method: "GET", path: "seating-types", signal: options.signal });
    },
    async listSubscriptions(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(subscriptionSchema), {
        method: "GET",
        path: "ticket-subscription-structures",
        signal: options.signal,
      });
    },
  };
}

/** The current visitor's basket and login, through the Spektrix session cookie. */
export function createWebSession(http: Transport) {
  /** The logged-in customer, or null when nobody is logged in (401/404). A 403 (Cloudflare) stays an error. */
  const getCustomer = (options: { signal?: AbortSignal } = {}) =>
    http.callOrNull(customerSchema, { method: "GET", path: "customer", signal: options.signal }, [401, 404]);
  return {
    /** The session basket, or null when Spektrix has none for this session (404). */
    async getBasket(options: { signal?: AbortSignal } = {}) {
      return http.callOrNull(basketSchema, { method: "GET", path: "basket", signal: options.signal });
    },
    async addTickets(tickets: readonly NewTicket[]) {
      const body = tickets.map(toWireTicket);
      return http.call(z.array(basketTicketSchema), { method: "POST", path: "basket/tickets", body });
    },
    async removeTickets(ticketIds: readonly string[]) {
      if (ticketIds.length === 0) return;
      ticketIds.forEach((id) => assertOpaqueId(id, "ticket id"));
      await http.request({ method: "DELETE", path: "basket/tickets", query: { ticketIds: ticketIds.join(",") } });
    },
    async addDonation(donation: { fundId: string; amount: number }) {
      assertSpektrixId(donation.fundId, "fund id");
      if (!(donation.amount > 0)) throw new RangeError("donation amount must be positive");
      return http.call(z.array(basketDonationSchema), {
        method: "POST",
        path: "basket/donations",
        body: [{ amount: donation.amount, fundId: donation.fundId }],
      });
    },
    /** One element per unit: the Spektrix body has no quantity field. */
    async addMerchandise(stockItemId: string, quantity = 1) {
      assertSpektrixId(stockItemId, "stock item id");
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 50)
        throw new RangeError("quantity must be an integer from 1 to 50");
      const body = Array.from({ length: quantity }, () => ({ stockItem: stockItemId }));
      return http.call(z.array(basketMerchandiseSchema), { method: "POST", path: "basket/merchandise", body });
    },
    /** Path and body assumed (`POST basket/membership-subscriptions`, `[{ membership, autoRenew }]`); see README. */
    async addMembership(membershipId: string, options: { autoRenew?: boolean } = {}) {
      assertSpektrixId(membershipId, "membership id");
      return http.call(z.array(basketMembershipSchema), {
        method: "POST",
        path: "basket/membership-subscriptions",
        body: [{ membership: membershipId, autoRenew: options.autoRenew ?? false }],
      });
    },
    /** Replaces every gift voucher in the basket (Spektrix has PUT, not POST, here). */
    async setGiftVouchers(vouchers: readonly NewGiftVoucher[]) {
      return http.call(z.array(basketGiftVoucherSchema), {
        method: "PUT",
        path: "basket/gift-vouchers",
        body: vouchers,
      });
    },
    async applyPromoCode(code: string) {
      if (code.trim() === "" || code.length > 100) throw new RangeError("promo code must be 1-100 characters");
      return http.call(basketSchema, { method: "PATCH", path: "basket", body: { promoCode: code.trim() } });
    },
    async removePromoCode() {
      return http.call(basketSchema, { method: "PATCH", path: "basket", body: { promoCode: "" } });
    },
    /** What the basket would cost if the visitor joined this membership. */
    async getPotentialDiscount(membershipId: string) {
      assertSpektrixId(membershipId, "membership id");
      return http.call(potentialDiscountSchema, {
        method: "GET",
        path: "basket/potentialdiscount",
        query: { membershipId },
      });
    },
    /** Web-mode confirm only works for zero-value baskets. */
    async confirmFreeBasket() {
      return http.call(orderSchema, { method: "POST", path: "basket/confirm", body: { sendConfirmationEmail: true } });
    },
    async authenticate(email: string, password: string) {
      return http.call(customerSchema, { method: "POST", path: "customer/authenticate", body: { email, password } });
    },
    getCustomer,
    /** Whether this browser's session has a customer signed in: null when Spektrix could not say (an outage, a 403). */
    async isSignedIn(): Promise<boolean | null> {
      try {
        return (await getCustomer()) !== null;
      } catch {
        return null;
      }
    },
    /** Path assumed (`POST customer/deauthenticate`); see README. */
    async deauthenticate() {
      await http.request({ method: "POST", path: "customer/deauthenticate" });
    },
    /** Web-mode account creation: client side only (Spektrix bot-protects this path). */
    async createCustomer(customer: { email: string; firstName: string; lastName: string }) {
      return http.call(customerSchema, { method: "POST", path: "customer", body: customer });
    },
    /** Path assumed (`GET customer/addresses`); see README. */
    async listAddresses(options: { signal?: AbortSignal } = {}) {
      return http.call(z.array(addressSchema), { method: "GET", path: "customer/addresses", signal: options.signal });
    },
    async initiateCustomerPayment(request: CustomerPaymentRequest) {
      return http.call(paymentTokenSchema, {
        method: "POST",
        path: "basket/initiate-customer-payment",
        body: toWirePaymentRequest(request),
      });
    },
  };
}

export type SpektrixCatalogue = ReturnType<typeof createCatalogue>;
export type SpektrixWebSession = ReturnType<typeof createWebSession>;
export type SpektrixClient = SpektrixCatalogue & SpektrixWebSession;

export function createSpektrixClient(options: SpektrixClientOptions): SpektrixClient {
  if ("owner" in options) {
    // Keeps API keys out of anything that might be bundled for the browser.
    throw new Error("Owner credentials belong in createSpektrixOwnerClient from lib/spektrix/owner (server only).");
  }
  const http = createTransport({ ...options, credentials: "include" });
  return { ...createCatalogue(http), ...createWebSession(http) };
}
