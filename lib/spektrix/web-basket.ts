/**
 * Web-mode basket removals the typed client does not have yet (it removes tickets only): donations,
 * merchandise, memberships and gift vouchers, as `DELETE basket/{kind}?{idsParam}=a,b`. Browser-safe;
 * sends the Spektrix session cookie (`credentials: 'include'`). Candidates to fold into `client.ts`.
 */
import { createTransport, type Transport } from "./http";
import { assertOpaqueId } from "./ids";

export type RemovableKind = "tickets" | "donations" | "merchandise" | "memberships" | "giftVouchers" | "subscriptions";

/** Spektrix path and id-list parameter per kind (the ticket form is documented; the rest follow it). */
export const REMOVE_ENDPOINTS: Record<RemovableKind, { path: string; param: string }> = {
  tickets: { path: "basket/tickets", param: "ticketIds" },
  donations: { path: "basket/donations", param: "donationIds" },
  merchandise: { path: "basket/merchandise", param: "merchandiseItemIds" },
  memberships: { path: "basket/membership-subscriptions", param: "subscriptionIds" },
  giftVouchers: { path: "basket/gift-vouchers", param: "giftVoucherIds" },
  subscriptions: { path: "basket/ticket-subscriptions", param: "ticketSubscriptionIds" },
};

export function createWebBasket(options: {
  baseUrl: string;
  clientName: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}) {
  const http: Transport = createTransport({ ...options, credentials: "include", retries: 0 });
  return {
    /** Removes items of one kind; ids are validated before anything is sent. */
    async remove(kind: RemovableKind, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      ids.forEach((id) => assertOpaqueId(id, `${kind} item id`));
      const { path, param } = REMOVE_ENDPOINTS[kind];
      await http.request({ method: "DELETE", path, query: { [param]: ids.join(",") } });
    },
  };
}
