/**
 * Everything the account page shows, from owner-mode reads made at request time: details, current
 * memberships, upcoming performances from the customer's orders, recent orders and addresses.
 * Parts that fail to load are reported as unavailable rather than failing the whole page.
 */
import {
  SpektrixError,
  type Address,
  type Customer,
  type Event,
  type MembershipType,
  type Order,
  type Performance,
} from "@/lib/spektrix";
import { logger } from "@/lib/log/logger.mjs";
import { describePerformances, orderReference, type ConfirmationPerformance } from "@/lib/checkout/confirmation";
import type { CustomerAccount } from "@/lib/spektrix/account";
import { countOf } from "@/lib/text/count";

export interface AccountViewDeps {
  getAccount(customerId: string): Promise<CustomerAccount>;
  listOrders(customerId: string, orderIds: readonly string[], limit?: number): Promise<Order[]>;
  listMembershipTypes(): Promise<MembershipType[]>;
  getPerformance(id: string): Promise<Performance>;
  getEvent(id: string): Promise<Event>;
}

export interface AccountView {
  customer: Customer;
  memberships: { id: string; membershipId: string; name: string; expiryDate: string | null; autoRenew: boolean }[];
  upcoming: (ConfirmationPerformance & { orderId: string })[] | null;
  /** `items`: what the order held, "2 tickets, 1 donation"; empty when Spektrix lists nothing in it. */
  orders: { id: string; reference: string; placedUtc: string | null; total: number; items: string }[] | null;
  addresses: Address[];
}

export async function loadAccountView(
  customerId: string,
  deps: AccountViewDeps,
  now = new Date(),
): Promise<AccountView> {
  const [account, types] = await Promise.all([
    deps.getAccount(customerId),
    deps.listMembershipTypes().catch(() => [] as MembershipType[]),
  ]);
  const orders = await deps.listOrders(customerId, account.orderIds, 10).catch(() => null);

  let upcoming: AccountView["upcoming"] = null;
  if (orders) {
    const lists = await Promise.all(
      orders.map(async (order) =>
        (await describePerformances(order.tickets, deps)).map((p) => ({ ...p, orderId: order.id })),
      ),
    ).catch(() => null);
    upcoming = lists
      ? lists
          .flat()
          .filter((p) => p.startUtc !== null && Date.parse(p.startUtc) > now.getTime())
          .sort((a, b) => (a.startUtc ?? "").localeCompare(b.startUtc ?? ""))
      : null;
  }

  return {
    customer: account.customer,
    memberships: account.memberships.map((m) => ({
      ...m,
      name: types.find((t) => t.id === m.membershipId)?.name ?? "Membership",
    })),
    upcoming,
    orders:
      orders?.map((o) => ({
        id: o.id,
        reference: orderReference(o.id),
        placedUtc: o.firstTransactionUtc,
        total: o.total,
        items: orderItems(o),
      })) ?? null,
    addresses: account.customer.addresses,
  };
}

const log = logger("account");

/** "2 tickets, 1 donation": every kind of line an order holds, so an order without tickets is not blank. */
export function orderItems(
  order: Pick<Order, "tickets" | "donations" | "memberships" | "merchandise" | "giftVouchers">,
): string {
  const kinds: [number, string][] = [
    [order.tickets.length, "ticket"],
    [order.donations.length, "donation"],
    [order.memberships.length, "membership"],
    [order.merchandise.length, "shop item"],
    [order.giftVouchers.length, "gift voucher"],
  ];
  return kinds
    .filter(([n]) => n > 0)
    .map(([n, word]) => countOf(n, word))
    .join(", ");
}

/**
 * `read()` (the customer's own record or basket, which the account, members' and checkout pages cannot do without),
 * or "unavailable" when Spektrix did not give it: down, slow, refusing or garbled. The page then says so in its own
 * frame and keeps the visitor signed in, rather than answering a 500 with an empty body.
 */
export async function unlessSpektrixFails<T>(read: () => Promise<T>, page: string): Promise<T | "unavailable"> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof SpektrixError)) throw error;
    // The kind alone: the error's text names the request, whose path carries the customer's id.
    log.warn({ page, kind: error.kind }, "customer's records unavailable");
    return "unavailable";
  }
}
