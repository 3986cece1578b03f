import type { Hono } from "hono";
import type { AppEnv, Ctx, Emu } from "../context";
import { idList, parseBody } from "../context";
import { DEMO_PROMO_CODE } from "../demo-credentials";
import { ApiError, badRequest, notFound } from "../errors";
import type { Basket } from "../state";
import * as s from "./schemas";

type ItemKey = "tickets" | "donations" | "merchandise" | "memberships" | "giftVouchers" | "ticketSubscriptions";

/**
 * Basket sub-resources, registered twice: under `basket/…` (web, the session's basket) and under
 * `baskets/{id}/…` (owner). Both reach the same Basket objects in the store.
 */
export function registerBasketItems(api: Hono<AppEnv>, emu: Emu, prefix: string, resolve: (c: Ctx) => Basket): void {
  const store = emu.store;
  const view = (c: Ctx, b: Basket) => store.basketJson(b, { owner: c.get("mode") === "owner" });
  const pickItems = (
    c: Ctx,
    b: Basket,
    key: "tickets" | "donations" | "merchandiseItems" | "membershipSubscriptions" | "giftVouchers",
    ids: string[],
  ) => (view(c, b)[key] as { id: string }[]).filter((x) => ids.includes(x.id));

  const removeRoutes = (path: string, key: ItemKey, query: string) => {
    api.delete(`${prefix}/${path}`, (c) => {
      const b = resolve(c);
      const ids = idList(c, query);
      if (!ids.length) throw badRequest(`Give the items to remove as ?${query}=id1,id2`);
      store.removeItems(b, key, ids);
      return c.json(view(c, b));
    });
    api.delete(`${prefix}/${path}/:itemId`, (c) => {
      const b = resolve(c);
      store.removeItems(b, key, [c.req.param("itemId") ?? ""]);
      return c.json(view(c, b));
    });
  };

  api.get(prefix, (c) => c.json(view(c, resolve(c))));

  api.patch(prefix, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.basketPatch);
    if (body.promoCode !== undefined) {
      const code = body.promoCode?.trim() ?? "";
      if (code !== "" && code.toUpperCase() !== DEMO_PROMO_CODE)
        throw badRequest("The promo code is not valid.", [`Unknown promo code '${code}'`]);
      b.promoCode = code === "" ? null : code.toUpperCase();
    }
    if (body.customer !== undefined) {
      if (c.get("mode") !== "owner") throw badRequest("The customer can only be set in owner mode; log in instead.");
      const id = body.customer === null ? null : typeof body.customer === "string" ? body.customer : body.customer.id;
      if (id !== null) store.customer(id);
      b.customerId = id;
    }
    store.touch(b);
    return c.json(view(c, b));
  });

  api.get(`${prefix}/tickets`, (c) => c.json(view(c, resolve(c)).tickets));
  api.post(`${prefix}/tickets`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.newTickets);
    const items = body.map((t, n) => {
      const type = t.type ?? t.ticketType;
      if (!type) throw badRequest("Each ticket needs a type.", [`[${n}].type: required`]);
      const attributes = Object.fromEntries(Object.entries(t).filter(([k]) => k.startsWith("attribute_")));
      return { instance: t.instance, type, seat: t.seat, seatingPlan: t.seatingPlan, attributes };
    });
    const added = store.addTickets(b, items);
    return c.json(
      pickItems(
        c,
        b,
        "tickets",
        added.map((t) => t.id),
      ),
    );
  });
  removeRoutes("tickets", "tickets", "ticketIds");

  api.post(`${prefix}/donations`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.newDonations);
    const added = body.map((d) => {
      if (!store.catalogue.funds.some((f) => f.id === d.fundId)) throw badRequest(`Fund '${d.fundId}' was not found.`);
      return {
        id: store.newItemId(),
        fundId: d.fundId,
        amount: d.amount,
        recognitionName: d.recognitionName ?? null,
        isAnonymous: d.isAnonymous ?? false,
        tributeTypeId: d.tributeTypeId ?? null,
        tributeName: d.tributeName ?? null,
      };
    });
    b.donations.push(...added);
    store.touch(b);
    return c.json(
      pickItems(
        c,
        b,
        "donations",
        added.map((d) => d.id),
      ),
    );
  });
  removeRoutes("donations", "donations", "donationIds");

  api.post(`${prefix}/merchandise`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.newMerchandise);
    const added = body.map((m) => {
      const item = store.catalogue.stockItems.find((x) => x.id === m.stockItem);
      if (!item) throw badRequest(`Stock item '${m.stockItem}' was not found.`);
      return { id: store.newItemId(), stockItemId: item.id, reference: m.reference ?? null, price: item.price };
    });
    b.merchandise.push(...added);
    store.touch(b);
    return c.json(
      pickItems(
        c,
        b,
        "merchandiseItems",
        added.map((m) => m.id),
      ),
    );
  });
  removeRoutes("merchandise", "merchandise", "merchandiseItemIds");

  api.post(`${prefix}/membership-subscriptions`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.newMemberships);
    const added = body.map((m) => {
      const id = m.membership ?? m.membershipId ?? "";
      const type = store.catalogue.memberships.find((x) => x.id === id);
      if (!type) throw badRequest(`Membership '${id}' was not found.`);
      if (b.memberships.some((x) => x.membershipId === id))
        throw badRequest("This membership is already in the basket.");
      const held = b.customerId
        ? store.customer(b.customerId).memberships.find((x) => x.membershipId === id)
        : undefined;
      return {
        id: store.newItemId(),
        membershipId: id,
        autoRenew: m.autoRenew ?? type.autoRenew,
        price: held ? type.renewalPrice : type.price,
        isRenewal: held !== undefined,
      };
    });
    const before = b.memberships.length;
    b.memberships.push(...added);
    try {
      store.assertMembershipsAllowed(b);
    } catch (err) {
      b.memberships.length = before;
      throw err;
    }
    store.touch(b);
    return c.json(
      pickItems(
        c,
        b,
        "membershipSubscriptions",
        added.map((m) => m.id),
      ),
    );
  });
  api.patch(`${prefix}/membership-subscriptions/:itemId`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.membershipPatch);
    const item = b.memberships.find((m) => m.id === c.req.param("itemId"));
    if (!item) throw notFound("Membership subscription", c.req.param("itemId") ?? "");
    item.autoRenew = body.autoRenew;
    store.touch(b);
    return c.json(pickItems(c, b, "membershipSubscriptions", [item.id])[0]);
  });
  removeRoutes("membership-subscriptions", "memberships", "subscriptionIds");

  const voucherItems = (c: Ctx) => {
    const body = parseBody(c, s.newGiftVouchers);
    const type = store.catalogue.giftVoucherTypes[0];
    return body.map((g) => {
      if (type && (g.amount < type.minimumAmount || g.amount > type.maximumAmount)) {
        throw badRequest(`Gift voucher amount must be between ${type.minimumAmount} and ${type.maximumAmount}.`);
      }
      if (g.deliveryType === "OtherEmail" && !g.deliveryEmailAddress)
        throw badRequest("deliveryEmailAddress is required for OtherEmail delivery.");
      return {
        id: store.newItemId(),
        amount: g.amount,
        toName: g.toName,
        fromName: g.fromName,
        message: g.message,
        sendDate: g.sendDate ?? null,
        deliveryType: g.deliveryType,
        deliveryEmailAddress: g.deliveryEmailAddress ?? null,
      };
    });
  };
  // PUT replaces every voucher (documented); POST appends (assumed, for convenience).
  api.put(`${prefix}/gift-vouchers`, (c) => {
    const b = resolve(c);
    b.giftVouchers = voucherItems(c);
    store.touch(b);
    return c.json(view(c, b).giftVouchers);
  });
  api.post(`${prefix}/gift-vouchers`, (c) => {
    const b = resolve(c);
    const added = voucherItems(c);
    if (!added.length) throw badRequest("No gift vouchers given.");
    b.giftVouchers.push(...added);
    store.touch(b);
    return c.json(
      pickItems(
        c,
        b,
        "giftVouchers",
        added.map((g) => g.id),
      ),
    );
  });
  removeRoutes("gift-vouchers", "giftVouchers", "giftVoucherIds");

  api.post(`${prefix}/ticket-subscriptions`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.newTicketSubscriptions);
    const added = body.flatMap((t) => {
      for (const structure of store.catalogue.ticketSubscriptionStructures) {
        const set = structure.pricingSets.find((p) => p.id === t.pricingSetId);
        if (set)
          return Array.from({ length: t.quantity }, () => ({
            id: store.newItemId(),
            pricingSetId: set.id,
            structureName: structure.name,
            pricingSetName: set.name,
            price: set.price,
          }));
      }
      throw badRequest(`Pricing set '${t.pricingSetId}' was not found.`);
    });
    b.ticketSubscriptions.push(...added);
    store.touch(b);
    return c.json(
      added.map((a) => ({
        id: a.id,
        ticketSubscriptionStructureName: a.structureName,
        pricingSetName: a.pricingSetName,
        price: a.price,
      })),
    );
  });
  removeRoutes("ticket-subscriptions", "ticketSubscriptions", "ticketSubscriptionIds");

  api.get(`${prefix}/potentialdiscount`, (c) => {
    const b = resolve(c);
    const id = c.req.query("membershipId");
    const type = store.catalogue.memberships.find((m) => m.id === id);
    if (!type) throw badRequest("membershipId is required and must be a membership id.");
    const { total } = store.totals(b);
    const ticketTotal = b.tickets.reduce((sum, t) => sum + t.price.amount, 0);
    const discount = Math.round(ticketTotal * type.ticketDiscountPercent) / 100;
    return c.json({
      basketTotal: Math.round((total - discount + type.price) * 100) / 100,
      totalDiscount: discount,
      transactionCommission: { waived: true, amount: 0 },
    });
  });

  // Confirm only completes zero-value baskets; anything owed needs the payment flow (409, code 11).
  api.post(`${prefix}/confirm`, (c) => {
    const b = resolve(c);
    if (store.isEmpty(b)) throw badRequest("The basket is empty.");
    if (store.totals(b).total > 0)
      throw new ApiError(409, "The basket requires payment.", ["Basket requires payment"], 11);
    store.assertMembershipsAllowed(b);
    if (!b.customerId) throw badRequest("A customer must be logged in (web) or attached (owner) to confirm a basket.");
    const order = store.completeOrder(b, { amount: 0, type: "None", customerId: b.customerId });
    return c.json(order.json);
  });

  api.post(`${prefix}/initiate-customer-payment`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.initiateCustomerPayment);
    if (!b.customerId)
      throw badRequest(
        c.get("mode") === "owner" ? "Attach a customer to the basket first." : "No customer is logged in.",
        ["customer required"],
      );
    const customer = store.customer(b.customerId);
    if (!customer.addresses.some((a) => a.id === body.billingAddressId))
      throw badRequest("billingAddressId is not one of the customer's addresses.", ["billingAddressId"]);
    checkPayable(b);
    // Account credit pays first, up to the total; the card pays the rest (nothing, when credit covers it all).
    const useCredit = String(body.useAvailableCredit ?? "false") === "true";
    const creditApplied = useCredit ? Math.min(customer.creditBalance, store.totals(b).total) : 0;
    const paymentToken = store.issueToken(b, {
      kind: "customer",
      originDomain: body.originDomain,
      billingAddressId: body.billingAddressId,
      storeCard: String(body.storeCard ?? "false") === "true",
      payer: null,
      creditApplied,
    });
    return c.json({ paymentToken });
  });

  api.post(`${prefix}/initiate-direct-payment`, (c) => {
    const b = resolve(c);
    const body = parseBody(c, s.initiateDirectPayment);
    if (b.customerId)
      throw badRequest("Direct checkout is only for baskets without a customer; use initiate-customer-payment.");
    checkPayable(b);
    const paymentToken = store.issueToken(b, {
      kind: "direct",
      originDomain: body.originDomain,
      billingAddressId: null,
      storeCard: false,
      payer: {
        email: body.email,
        firstName: body.firstName,
        lastName: body.lastName,
        billingAddress: body.billingAddress,
      },
      creditApplied: 0,
    });
    return c.json({ paymentToken });
  });

  function checkPayable(b: Basket): void {
    if (store.isEmpty(b)) throw badRequest("The basket is empty.");
    if (store.totals(b).total <= 0) throw badRequest("Nothing to pay: confirm zero-value baskets with basket/confirm.");
    store.assertMembershipsAllowed(b);
  }
}
