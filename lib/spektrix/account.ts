/**
 * The customer-account calls sign-in, the account page and the checkout need (lib/auth, lib/checkout), on top
 * of the typed clients. Everything they already offer is used as is; the few reads they lack (held
 * memberships, a customer's orders, the owner-mode potential discount) are made here through the owner
 * client's own signed transport, so they get the same timeouts, retries and typed errors. It lives in
 * lib/spektrix because it knows Spektrix's paths and shapes.
 *
 * Server only: it holds the owner-mode API key.
 */
import "server-only";
import { z } from "zod";
import { SpektrixHttpError, mapWithConcurrency, type Customer, type Order } from "./index";
import { createSpektrixOwnerClient, signRequest, type SpektrixOwnerClient } from "./owner";
import { createTransport } from "./http";
import { customerSchema, orderSchema, parseResponse, potentialDiscountSchema } from "./schemas";
import { assertCustomerId, assertOpaqueId, assertSpektrixId } from "./ids";
import { localToUtc } from "@/lib/time/zone";

export interface AccountServiceOptions {
  baseUrl: string;
  clientName: string;
  apiUser: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The venue's zone, in which Spektrix writes membership dates. */
  timeZone: string;
}

export interface HeldMembership {
  /** The subscription record's own id. */
  id: string;
  /** The membership type, as in `GET memberships`. */
  membershipId: string;
  startDate: string | null;
  expiryDate: string | null;
  autoRenew: boolean;
}

export interface CustomerAccount {
  customer: Customer;
  memberships: HeldMembership[];
  orderIds: string[];
  /**
   * Why the memberships may be incomplete, or null when they were read as expected. `no-subscriptions-field`:
   * the record has no `subscriptions` list (the shape this site assumes, [A]), so every customer reads as a
   * non-member; `unreadable-entries`: some entries name no membership type and were left out.
   */
  membershipProblem: "no-subscriptions-field" | "unreadable-entries" | null;
}

const ref = z
  .union([z.string(), z.looseObject({ id: z.string() }), z.null()])
  .optional()
  .transform((v) => (v == null ? null : typeof v === "string" ? v : v.id));

const heldMembershipSchema = z.looseObject({
  id: z.string(),
  membership: ref,
  startDate: z.string().nullish(),
  expiryDate: z.string().nullish(),
  autoRenew: z.boolean().nullish(),
});

const accountExtrasSchema = z.looseObject({
  subscriptions: z.array(heldMembershipSchema).nullish(),
  orders: z.array(z.union([z.string(), z.looseObject({ id: z.string() })])).nullish(),
});

/**
 * Spektrix writes expiry dates in venue-local time without a zone; read as UTC they would end a Canadian
 * membership 6–7 hours early, and show the day before.
 */
export function isCurrent(m: Pick<HeldMembership, "expiryDate">, now: Date, timeZone: string): boolean {
  const at = localToUtc(m.expiryDate, timeZone);
  return at === null || at.getTime() > now.getTime();
}

export function createAccountService(options: AccountServiceOptions) {
  const { baseUrl, clientName, apiUser, apiKey, timeoutMs, fetch: fetchImpl, timeZone } = options;
  const owner: SpektrixOwnerClient = createSpektrixOwnerClient({
    baseUrl,
    clientName,
    timeoutMs,
    fetch: fetchImpl,
    owner: { apiUser, apiKey },
  });
  const signed = createTransport({
    baseUrl,
    clientName,
    timeoutMs,
    fetch: fetchImpl,
    headers: { "User-Agent": "spektrix-storefront/0.1 (Node.js)" },
    sign: ({ method, url, body }) => signRequest({ method, url, body, date: new Date(), apiUser, apiKey }),
  });

  return {
    owner,

    /**
     * Who a browser's session basket belongs to, read in owner mode: the member sign-in proof (docs/adr/0013).
     * Null when Spektrix does not know the id (404, or 400 for an id it cannot read).
     */
    async findBasket(basketId: string): Promise<{ hash: string | null; customerId: string | null } | null> {
      try {
        const basket = await owner.getBasketById(basketId);
        return { hash: basket.hash, customerId: basket.customerId };
      } catch (error) {
        if (error instanceof SpektrixHttpError && [400, 404].includes(error.status)) return null;
        throw error;
      }
    },

    /** The customer record with what `Customer` leaves out: held memberships and order ids. */
    async getAccount(customerId: string, now = new Date()): Promise<CustomerAccount> {
      assertCustomerId(customerId);
      const { data } = await signed.request({ method: "GET", path: `customers/${encodeURIComponent(customerId)}` });
      const customer = parseResponse(customerSchema, data, "GET customers/{id}");
      const extras = parseResponse(accountExtrasSchema, data, "GET customers/{id}");
      const listed = extras.subscriptions ?? [];
      const readable = listed.filter((m): m is typeof m & { membership: string } => m.membership !== null);
      const membershipProblem =
        extras.subscriptions == null
          ? ("no-subscriptions-field" as const)
          : readable.length < listed.length
            ? ("unreadable-entries" as const)
            : null;
      const memberships = readable
        .map((m) => ({
          id: m.id,
          membershipId: m.membership,
          startDate: m.startDate ?? null,
          expiryDate: m.expiryDate ?? null,
          autoRenew: m.autoRenew ?? false,
        }))
        .filter((m) => isCurrent(m, now, timeZone));
      const orderIds = (extras.orders ?? []).map((o) => (typeof o === "string" ? o : o.id));
      return { customer, memberships, orderIds, membershipProblem };
    },

    /** The customer's orders, newest first. Falls back to reading each order when the list path is missing. */
    async listOrders(customerId: string, orderIds: readonly string[] = [], limit = 20): Promise<Order[]> {
      assertCustomerId(customerId);
      let orders: Order[];
      try {
        orders = await signed.call(z.array(orderSchema), {
          method: "GET",
          path: `customers/${encodeURIComponent(customerId)}/orders`,
        });
      } catch (error) {
        if (!(error instanceof SpektrixHttpError && error.status === 404)) throw error;
        const ids = orderIds.slice(-limit);
        orders = await mapWithConcurrency(ids, 4, (id) => owner.getOrder(id));
      }
      return orders
        .slice()
        .sort((a, b) => (b.firstTransactionUtc ?? "").localeCompare(a.firstTransactionUtc ?? ""))
        .slice(0, limit);
    },

    /** Owner-mode twin of web `basket/potentialdiscount`: what this basket would cost after joining. */
    async potentialDiscount(basketId: string, membershipId: string) {
      assertOpaqueId(basketId, "basket id");
      assertSpektrixId(membershipId, "membership id");
      return signed.call(potentialDiscountSchema, {
        method: "GET",
        path: `baskets/${encodeURIComponent(basketId)}/potentialdiscount`,
        query: { membershipId },
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
