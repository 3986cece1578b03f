/**
 * System Owner mode: every request HMAC-signed. Server only: import it through `./owner`, which carries
 * the `server-only` marker. (This file has no marker so tests and the contract suite can load it.)
 */
import {
  createCatalogue,
  toWirePaymentRequest,
  toWireTicket,
  type CustomerPaymentRequest,
  type NewTicket,
  type SpektrixCatalogue,
  type SpektrixClientOptions,
} from "./client";
import * as z from "zod/mini";
import { createTransport } from "./http";
import { assertCustomerId, assertOpaqueId } from "./ids";
import {
  acceptedSchema,
  agreedStatementsSchema,
  basketSchema,
  basketTicketSchema,
  customerSchema,
  giftVoucherRedemptionSchema,
  orderSchema,
  paymentTokenSchema,
} from "./schemas";
import { signRequest } from "./signing";

export interface OwnerCredentials {
  /** The API login name. */
  apiUser: string;
  /** The API secret key, base64, exactly as Spektrix issues it. */
  apiKey: string;
}

export interface SpektrixOwnerClientOptions extends SpektrixClientOptions {
  owner: OwnerCredentials;
  /** Clock for the signed `Date` header; tests pin it. */
  now?: () => Date;
}

const seg = encodeURIComponent;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function assertEmail(email: string): string {
  if (!EMAIL.test(email) || email.length > 254) throw new RangeError("not an e-mail address");
  return email;
}

export function createSpektrixOwnerClient(options: SpektrixOwnerClientOptions) {
  const { owner, now = () => new Date(), ...rest } = options;
  if (!owner.apiUser || !owner.apiKey) throw new Error("Spektrix owner mode needs apiUser and apiKey");
  const http = createTransport({
    ...rest,
    // Cloudflare in front of Spektrix rejects some default server user agents on writes.
    headers: { "User-Agent": "spektrix-storefront/0.1 (Node.js)" },
    sign: ({ method, url, body }) =>
      signRequest({ method, url, body, date: now(), apiUser: owner.apiUser, apiKey: owner.apiKey }),
  });

  const owned = {
    /** Creates an empty basket, optionally already attached to a customer. */
    async createBasket(options: { customerId?: string } = {}) {
      const body = options.customerId === undefined ? {} : { customer: assertCustomerId(options.customerId) };
      return http.call(basketSchema, { method: "POST", path: "baskets", body });
    },
    async getBasketById(basketId: string) {
      assertOpaqueId(basketId, "basket id");
      return http.call(basketSchema, { method: "GET", path: `baskets/${seg(basketId)}` });
    },
    async attachCustomer(basketId: string, customerId: string) {
      assertOpaqueId(basketId, "basket id");
      assertCustomerId(customerId);
      return http.call(basketSchema, {
        method: "PATCH",
        path: `baskets/${seg(basketId)}`,
        body: { customer: customerId },
      });
    },
    async addTicketsToBasket(basketId: string, tickets: readonly NewTicket[]) {
      assertOpaqueId(basketId, "basket id");
      const body = tickets.map(toWireTicket);
      return http.call(z.array(basketTicketSchema), { method: "POST", path: `baskets/${seg(basketId)}/tickets`, body });
    },
    async getCustomerById(customerId: string) {
      assertCustomerId(customerId);
      return http.call(customerSchema, { method: "GET", path: `customers/${seg(customerId)}` });
    },
    /** Spektrix answers one customer or 404 for `customers?email=`; 404 becomes null. */
    async findCustomerByEmail(email: string) {
      assertEmail(email);
      return http.callOrNull(customerSchema, { method: "GET", path: "customers", query: { email } });
    },
    /**
     * Creates a customer; `agreedStatementIds` become the wire's `AgreedStatements` (ids), so consent is recorded
     * in the same call. A duplicate e-mail answers 400 "Duplicate Entry": look the address up first.
     */
    async createCustomer(customer: {
      email: string;
      firstName: string;
      lastName: string;
      mobile?: string;
      agreedStatementIds?: readonly string[];
    }) {
      const { agreedStatementIds, ...fields } = customer;
      assertEmail(fields.email);
      agreedStatementIds?.forEach((s) => assertOpaqueId(s, "statement id"));
      const body = agreedStatementIds?.length ? { ...fields, AgreedStatements: [...agreedStatementIds] } : fields;
      return http.call(customerSchema, { method: "POST", path: "customers", body });
    },
    /**
     * Adds consent to statements; Spektrix keeps those already agreed and never withdraws any through this call.
     * Answers the ids the customer has now agreed to.
     */
    async addAgreedStatements(customerId: string, statementIds: readonly string[]) {
      assertCustomerId(customerId);
      if (statementIds.length === 0) throw new RangeError("no statements to add");
      statementIds.forEach((s) => assertOpaqueId(s, "statement id"));
      return http.call(agreedStatementsSchema, {
        method: "POST",
        path: `customers/${seg(customerId)}/agreed-statements`,
        body: statementIds.map((id) => ({ id })),
      });
    },
    /**
     * Turns a gift voucher code into account credit on this customer's record (Spektrix's gift voucher
     * redemption). Refusals arrive as HTTP errors; `giftVoucherRefusal` names them.
     */
    async redeemGiftVoucher(customerId: string, voucherCode: string) {
      assertCustomerId(customerId);
      return http.call(giftVoucherRedemptionSchema, {
        method: "POST",
        path: `customers/${seg(customerId)}/redeem-gift-voucher`,
        body: { voucherCode },
      });
    },
    /**
     * Records that the customer has made a Gift Aid declaration. Assumed shape: `PATCH customers/{id}` with
     * `giftAidConfirmed: true`, the field third-party code sends on the web-mode profile update (README).
     */
    async declareGiftAid(customerId: string): Promise<void> {
      assertCustomerId(customerId);
      return http.call(acceptedSchema, {
        method: "PATCH",
        path: `customers/${seg(customerId)}`,
        body: { giftAidConfirmed: true },
      });
    },
    /** Path assumed (`GET orders/{id}`); see README. */
    async getOrder(orderId: string) {
      assertOpaqueId(orderId, "order id");
      return http.call(orderSchema, { method: "GET", path: `orders/${seg(orderId)}` });
    },
    /** Ask last, once the basket is final: any basket change needs a new token. */
    async initiateCustomerPayment(basketId: string, request: CustomerPaymentRequest) {
      assertOpaqueId(basketId, "basket id");
      return http.call(paymentTokenSchema, {
        method: "POST",
        path: `baskets/${seg(basketId)}/initiate-customer-payment`,
        body: toWirePaymentRequest(request),
      });
    },
  };

  // Catalogue reads are signed too, so owner-only records (e.g. box-office-only structures) are visible.
  const catalogue: SpektrixCatalogue = createCatalogue(http);
  return { ...catalogue, ...owned };
}

export type SpektrixOwnerClient = ReturnType<typeof createSpektrixOwnerClient>;
