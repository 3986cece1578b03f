import { createHash, randomBytes } from "node:crypto";
import { Catalogue, refId, type Area, type Availability, type Plan, type Price } from "./data/catalogue";
import { demoCustomers, type Address, type CustomerRec } from "./data/demo";
import { isDateTime, parseWallClock } from "./data/dates";
import type { Json, LoadedData } from "./data/load";
import { DEMO_GIFT_VOUCHERS, DEMO_PROMO_CODE } from "./demo-credentials";
import { ApiError, badRequest, notFound } from "./errors";
import { IdFactory, money, rngFor } from "./random";

export interface TicketItem {
  id: string;
  instanceId: string;
  eventId: string;
  seatId: string | null;
  seatName: string;
  planId: string;
  planName: string;
  price: Price;
  attributes: Record<string, unknown>;
}
export interface DonationItem {
  id: string;
  fundId: string;
  amount: number;
  recognitionName: string | null;
  isAnonymous: boolean;
  tributeTypeId: string | null;
  tributeName: string | null;
}
export interface MerchandiseItem {
  id: string;
  stockItemId: string;
  reference: string | null;
  price: number;
}
export interface MembershipItem {
  id: string;
  membershipId: string;
  autoRenew: boolean;
  price: number;
  isRenewal: boolean;
}
export interface GiftVoucherItem {
  id: string;
  amount: number;
  toName: string;
  fromName: string;
  message: string;
  sendDate: string | null;
  deliveryType: string;
  deliveryEmailAddress: string | null;
}
export interface TicketSubscriptionItem {
  id: string;
  pricingSetId: string;
  structureName: string;
  pricingSetName: string;
  price: number;
}

export interface Basket {
  id: string;
  customerId: string | null;
  version: number;
  promoCode: string | null;
  tickets: TicketItem[];
  donations: DonationItem[];
  merchandise: MerchandiseItem[];
  memberships: MembershipItem[];
  giftVouchers: GiftVoucherItem[];
  ticketSubscriptions: TicketSubscriptionItem[];
  /** Clock time of the last change: a basket with items idle for `basketTtlMs` is released. */
  touchedAt: number;
}

/** A reserved seat's state for one basket (a seat map): `yours` is in that basket, `held` in another one. */
export type SeatState = "available" | "sold" | "held" | "locked" | "yours";

export interface Session {
  id: string;
  basketId: string;
  customerId: string | null;
}

export interface DirectPayer {
  email: string;
  firstName: string;
  lastName: string;
  billingAddress: Omit<Address, "id" | "isBilling" | "isDelivery">;
}
export interface PaymentToken {
  token: string;
  basketId: string;
  hash: string;
  expiresAt: number;
  kind: "customer" | "direct";
  originDomain: string;
  billingAddressId: string | null;
  storeCard: boolean;
  payer: DirectPayer | null;
  /** Account credit this payment spends (`useAvailableCredit`), taken when the order completes; 0 for none. */
  creditApplied: number;
}

/** A gift voucher sold by the venue: its code turns into account credit once, before it expires. */
export interface GiftVoucherRec {
  code: string;
  amount: number;
  redeemedBy: string | null;
  /** Clock time after which the code is refused; null never expires. */
  expiresAt: number | null;
}

export interface Order {
  id: string;
  customerId: string;
  json: Json;
}

export interface StoreOptions {
  shiftDates: boolean;
  /** The Spektrix system's zone (CatalogueOptions.timeZone). */
  timeZone?: string;
  now: () => Date;
  tokenTtlMs: number;
  /**
   * How long a basket with items is held without a change before Spektrix releases it (its seats return to
   * sale, its id stops resolving, its payment tokens fail; the web session gets a new empty basket). Assumed:
   * Spektrix documents holds but no value or API shape (emulator/README.md). 0 turns it off.
   */
  basketTtlMs: number;
  seed: string;
}

/** The single state behind web mode, owner mode, the iframe pages and the control API. */
export class Store {
  catalogue!: Catalogue;
  customers = new Map<string, CustomerRec>();
  sessions = new Map<string, Session>();
  baskets = new Map<string, Basket>();
  orders = new Map<string, Order>();
  tokens = new Map<string, PaymentToken>();
  /** 3-D Secure challenges raised and not yet answered, by transaction id: the card and the token they pay with. */
  challenges = new Map<string, { paymentToken: string; cardNumber: string }>();
  /** Gift voucher codes by their normalised text (upper case, no spaces). */
  giftVouchers = new Map<string, GiftVoucherRec>();
  /**
   * Whether this system claims Gift Aid (a UK venue's setting). Off for the demo venue, which is Canadian; the
   * control API turns it on. With it on, a customer without a declaration reads `giftAidDeclarationRequired`.
   */
  giftAidClaimed = false;
  private ids!: IdFactory;
  /** Resets so far: ids after a reset never repeat ones handed out before it, as Spektrix's never do. */
  private generation = 0;
  /**
   * The clock reading dates are shifted from, taken once at load: a reset returns the catalogue as loaded, so
   * its dates do not jump a day under a site that synced them before the reset.
   */
  private readonly loadedAt: Date;

  constructor(
    private readonly data: LoadedData,
    readonly opts: StoreOptions,
  ) {
    this.loadedAt = opts.now();
    this.reset();
  }

  reset(): void {
    this.catalogue = Catalogue.build(this.data, {
      shiftDates: this.opts.shiftDates,
      timeZone: this.opts.timeZone,
      now: this.loadedAt,
      seed: this.opts.seed,
    });
    // A repeated basket id (with the same version, so the same hash) would look like a replayed sign-in proof.
    this.ids = new IdFactory(rngFor(`${this.opts.seed}:state:${this.generation++}`));
    this.customers.clear();
    for (const c of demoCustomers(this.catalogue.memberships, this.opts.now())) this.customers.set(c.id, c);
    this.sessions.clear();
    this.baskets.clear();
    this.orders.clear();
    this.tokens.clear();
    this.challenges.clear();
    this.giftAidClaimed = false;
    this.giftVouchers.clear();
    const now = this.opts.now().getTime();
    for (const v of DEMO_GIFT_VOUCHERS)
      this.issueGiftVoucher({
        code: v.code,
        amount: v.amount,
        redeemedBy: v.state === "redeemed" ? "I-MB22-1DMO" : null,
        expiresAt: v.state === "expired" ? now - 86_400_000 : now + 365 * 86_400_000,
      });
  }

  // ---- sessions & baskets --------------------------------------------------------------------
  newSession(): Session {
    const session: Session = {
      id: randomBytes(18).toString("base64url"),
      basketId: this.newBasket(null).id,
      customerId: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  newBasket(customerId: string | null): Basket {
    const basket: Basket = {
      id: this.ids.catalogue(),
      customerId,
      version: 0,
      promoCode: null,
      tickets: [],
      donations: [],
      merchandise: [],
      memberships: [],
      giftVouchers: [],
      ticketSubscriptions: [],
      touchedAt: this.opts.now().getTime(),
    };
    this.baskets.set(basket.id, basket);
    return basket;
  }

  /**
   * Releases every basket whose hold has timed out (or every basket with items, `all`, for the control API).
   * Called before anything that reads holds or baskets, so an idle basket is gone whenever someone looks.
   */
  releaseIdleBaskets(options: { all?: boolean } = {}): number {
    const ttl = this.opts.basketTtlMs;
    if (!options.all && !ttl) return 0;
    const now = this.opts.now().getTime();
    let released = 0;
    for (const b of [...this.baskets.values()]) {
      if (this.isEmpty(b) || (!options.all && now - b.touchedAt <= ttl)) continue;
      this.baskets.delete(b.id);
      released++;
    }
    return released;
  }

  /** A customer signs in on a web session (API, iframe log-in or sign-up): one path, so every rule applies. */
  signIn(session: Session, customerId: string): Basket {
    session.customerId = customerId;
    const basket = this.sessionBasket(session);
    basket.customerId = customerId;
    this.touch(basket);
    this.keepOneBasket(customerId, basket);
    return basket;
  }

  /**
   * "One basket per customer": when a customer is set on a session's basket, their other open web baskets are
   * cancelled (the emulator has no partly paid baskets, so each of them goes) [A: announced by Spektrix for
   * 2026, docs "one-basket-per-customer"].
   */
  keepOneBasket(customerId: string, keep: Basket): number {
    // Only baskets started on the web (a session's): owner-mode baskets are the box office's or an
    // integration's, which the announcement says block rather than cancel.
    const web = new Set([...this.sessions.values()].map((s) => s.basketId));
    let cancelled = 0;
    for (const b of [...this.baskets.values()]) {
      if (b.id === keep.id || b.customerId !== customerId || !web.has(b.id)) continue;
      this.baskets.delete(b.id);
      cancelled++;
    }
    return cancelled;
  }

  basket(id: string): Basket {
    this.releaseIdleBaskets();
    const basket = this.baskets.get(id);
    if (!basket) throw notFound("Basket", id);
    return basket;
  }

  sessionBasket(session: Session): Basket {
    this.releaseIdleBaskets();
    const existing = this.baskets.get(session.basketId);
    if (existing) return existing;
    const fresh = this.newBasket(session.customerId);
    session.basketId = fresh.id;
    return fresh;
  }

  /** Every change bumps the version, which changes the hash and invalidates payment tokens. */
  touch(basket: Basket): void {
    basket.version++;
    basket.touchedAt = this.opts.now().getTime();
  }

  isEmpty(b: Basket): boolean {
    return (
      !b.tickets.length &&
      !b.donations.length &&
      !b.merchandise.length &&
      !b.memberships.length &&
      !b.giftVouchers.length &&
      !b.ticketSubscriptions.length
    );
  }

  hash(b: Basket): string {
    if (b.customerId === null && this.isEmpty(b)) return "NotLoggedIn";
    return createHash("sha1")
      .update(`${b.id}:${b.version}:${b.customerId ?? ""}`)
      .digest("hex")
      .toUpperCase();
  }

  // ---- pricing -------------------------------------------------------------------------------
  ticketDiscount(b: Basket, t: TicketItem): number {
    let pct = b.promoCode?.toUpperCase() === DEMO_PROMO_CODE ? 10 : 0;
    const customer = b.customerId ? this.customers.get(b.customerId) : undefined;
    // Memberships held, and [A] one being bought in this basket: joining and saving in one order is what
    // potentialdiscount quotes, so the basket applies it as soon as the membership is in it.
    const memberships = [...(customer?.memberships ?? []), ...b.memberships];
    for (const held of memberships) {
      const m = this.catalogue.memberships.find((x) => x.id === held.membershipId);
      if (m && m.ticketDiscountPercent > pct) pct = m.ticketDiscountPercent;
    }
    return money((t.price.amount * pct) / 100);
  }

  totals(b: Basket): { total: number; totalDiscount: number } {
    let total = 0;
    let discount = 0;
    for (const t of b.tickets) {
      const d = this.ticketDiscount(b, t);
      discount += d;
      total += t.price.amount - d;
    }
    for (const d of b.donations) total += d.amount;
    for (const m of b.merchandise) total += m.price;
    for (const m of b.memberships) total += m.price;
    for (const g of b.giftVouchers) total += g.amount;
    for (const s of b.ticketSubscriptions) total += s.price;
    return { total: money(total), totalDiscount: money(discount) };
  }

  // ---- availability --------------------------------------------------------------------------
  /** Seats in any basket are held (like Spektrix basket holds); they become sales when the basket is paid. */
  held(instanceId: string): {
    count: number;
    seats: Set<string>;
    byBasket: Map<string, number>;
    /** Unreserved places held in each area of a multi-area plan (tickets name their area as their plan). */
    byArea: Map<string, number>;
  } {
    this.releaseIdleBaskets();
    const seats = new Set<string>();
    const byBasket = new Map<string, number>();
    const byArea = new Map<string, number>();
    let count = 0;
    for (const b of this.baskets.values()) {
      for (const t of b.tickets) {
        if (t.instanceId !== instanceId) continue;
        count++;
        byBasket.set(b.id, (byBasket.get(b.id) ?? 0) + 1);
        if (t.seatId) seats.add(t.seatId);
        else byArea.set(t.planId, (byArea.get(t.planId) ?? 0) + 1);
      }
    }
    return { count, seats, byBasket, byArea };
  }

  /** Places left in one area of a multi-area plan: its free seats, or its unreserved capacity left. */
  private areaFree(area: Area, plan: Plan, a: Availability, held: ReturnType<Store["held"]>, extra = 0): number {
    if (area.type === "Reserved")
      return (plan.seats ?? []).filter((s) => s.areaId === area.id && !a.soldSeats.has(s.id) && !held.seats.has(s.id))
        .length;
    return Math.max(0, area.capacity - (a.soldByArea.get(area.id) ?? 0) - (held.byArea.get(area.id) ?? 0) - extra);
  }

  status(
    instanceId: string,
    basketId: string | null,
    owner: boolean,
    lockInformation = false,
    childPlans = false,
  ): Json {
    const instance = this.instance(instanceId);
    const plan = this.catalogue.plan(String(instance.planId));
    const a = this.catalogue.availabilityOf(instanceId);
    const held = this.held(instanceId);
    const inBasket = basketId ? (held.byBasket.get(basketId) ?? 0) : 0;
    const available = Math.max(0, a.capacity - a.soldCount - held.count);
    const bands = plan.bands.map((band) => {
      const area = plan.areas?.find((x) => x.type === "Unreserved" && x.bandIds.includes(band.id));
      if (area) return { id: band.id, name: band.name, available: this.areaFree(area, plan, a, held) };
      const seats = plan.seats?.filter((s) => s.bandId === band.id);
      const free = seats ? seats.filter((s) => !a.soldSeats.has(s.id) && !held.seats.has(s.id)).length : available;
      return { id: band.id, name: band.name, available: free };
    });
    const out: Json = {
      name: plan.name,
      available,
      wheelchairAvailable: 0,
      specialAvailable: 0,
      capacity: a.capacity,
      bands,
      inBasket,
      unavailable: a.soldCount,
      lockInfoAvailable: lockInformation
        ? a.locked > 0
          ? [{ quantity: Math.min(a.locked, available), lockType: { id: "1AHGJ", name: "House seats" } }]
          : []
        : null,
      lockInfoSpecialAvailable: lockInformation ? [] : null,
    };
    // [A] The areas of a multi-area plan, when asked for, as a third-party integration reads them.
    if (childPlans && plan.areas)
      out.areas = plan.areas.map((area) => ({
        id: area.id,
        name: area.name,
        available: this.areaFree(area, plan, a, held),
        capacity: area.capacity,
      }));
    if (owner)
      Object.assign(out, {
        inOtherBasket: held.count - inBasket,
        locked: a.locked,
        reserved: 0,
        sold: a.soldCount,
        scanned: 0,
        masked: 0,
        lockInformation: null,
      });
    return out;
  }

  /**
   * Which seats the `locked` count keeps back: the last free seats in plan order (neither sold nor in a basket)
   * [A: Spektrix locks named seats; the emulator's locks are a count, so a seat map needs a rule naming them].
   * The back of the plan, so best available (which takes the first free seats) never reaches them while any
   * other seat is free; `addTickets` refuses them by name.
   */
  lockedSeats(instanceId: string, held: ReturnType<Store["held"]> = this.held(instanceId)): Set<string> {
    const plan = this.catalogue.plan(String(this.instance(instanceId).planId));
    const a = this.catalogue.availabilityOf(instanceId);
    if (!plan.seats || a.locked <= 0) return new Set();
    const free = plan.seats.filter((s) => !a.soldSeats.has(s.id) && !held.seats.has(s.id));
    return new Set(free.slice(Math.max(0, free.length - a.locked)).map((s) => s.id));
  }

  /**
   * Each seat of a reserved plan as a seat map shows it: sold, held in another basket, locked, in `basketId`'s
   * basket, or available. From the same holds and sales `addTickets` checks, so the map never offers a seat the
   * basket would refuse.
   */
  seatStates(instanceId: string, basketId: string | null): Map<string, SeatState> {
    const plan = this.catalogue.plan(String(this.instance(instanceId).planId));
    const a = this.catalogue.availabilityOf(instanceId);
    const held = this.held(instanceId);
    const locked = this.lockedSeats(instanceId, held);
    const mine = new Set(
      (basketId ? (this.baskets.get(basketId)?.tickets ?? []) : [])
        .filter((t) => t.instanceId === instanceId && t.seatId)
        .map((t) => t.seatId!),
    );
    const states = new Map<string, SeatState>();
    for (const s of plan.seats ?? [])
      states.set(
        s.id,
        a.soldSeats.has(s.id)
          ? "sold"
          : mine.has(s.id)
            ? "yours"
            : held.seats.has(s.id)
              ? "held"
              : locked.has(s.id)
                ? "locked"
                : "available",
      );
    return states;
  }

  /** Control API: hold `locked` seats back from sale (house seats), out of those not sold or in a basket. */
  setLocked(instanceId: string, locked: number): void {
    const a = this.catalogue.availabilityOf(instanceId);
    a.locked = Math.max(0, Math.min(locked, a.capacity - a.soldCount - this.held(instanceId).count));
  }

  /** Control API: make exactly `available` seats buyable (besides any locked) by adjusting the sold count. */
  setAvailability(instanceId: string, available: number): void {
    const instance = this.instance(instanceId);
    const plan = this.catalogue.plan(String(instance.planId));
    const a = this.catalogue.availabilityOf(instanceId);
    const held = this.held(instanceId).count;
    const targetSold = Math.max(0, Math.min(a.capacity - held, a.capacity - held - a.locked - available));
    if (plan.seats) {
      const holds = this.held(instanceId);
      const seats = plan.seats.map((s) => s.id).filter((id) => !holds.seats.has(id));
      a.soldSeats = new Set(seats.slice(0, targetSold));
      // What the seats cannot take is sold from the unreserved areas, in order.
      let rest = targetSold - a.soldSeats.size;
      a.soldByArea = new Map();
      for (const area of plan.areas ?? []) {
        if (area.type !== "Unreserved") continue;
        const sold = Math.min(rest, area.capacity - (holds.byArea.get(area.id) ?? 0));
        a.soldByArea.set(area.id, sold);
        rest -= sold;
      }
      a.soldCount = targetSold - rest;
    } else a.soldCount = targetSold;
  }

  instance(id: string): Json {
    const instance = this.catalogue.instances.get(id);
    if (!instance) throw notFound("Instance", id);
    return instance;
  }

  /**
   * Why the web cannot sell this performance now, or null when it can: cancelled, taken off sale, or outside its
   * web sale window (`startSellingAtWebUtc` … `stopSellingAtWebUtc`, which Spektrix's web sales keep to) [D: the
   * window's fields; A: the wording, and that owner-mode adds keep to it too].
   */
  saleRefusal(instance: Json): string | null {
    if (instance.cancelled === true) return "This performance has been cancelled.";
    if (instance.isOnSale !== true) return "This performance is not on sale.";
    const now = this.opts.now().getTime();
    const opens = instance.startSellingAtWebUtc;
    if (isDateTime(opens) && now < parseWallClock(opens)) return "Tickets for this performance are not on sale yet.";
    const closes = instance.stopSellingAtWebUtc;
    if (isDateTime(closes) && now >= parseWallClock(closes))
      return "Tickets for this performance are no longer on sale online.";
    return null;
  }

  // ---- basket changes ------------------------------------------------------------------------
  addTickets(
    b: Basket,
    items: {
      instance: string;
      type: string;
      seat?: string;
      seatingPlan?: string;
      attributes: Record<string, unknown>;
    }[],
  ): TicketItem[] {
    const added: TicketItem[] = [];
    // Validate everything first so a bad line leaves the basket untouched.
    const planned: TicketItem[] = [];
    const extraHeld = new Map<string, number>();
    const extraSeats = new Set<string>();
    for (const item of items) {
      const instance = this.catalogue.instances.get(item.instance);
      if (!instance) throw badRequest(`Instance '${item.instance}' was not found.`);
      const refusal = this.saleRefusal(instance);
      if (refusal) throw badRequest(refusal);
      const plan: Plan = this.catalogue.plan(String(instance.planId));
      const prices = this.catalogue.priceListForInstance(instance).prices;
      const a = this.catalogue.availabilityOf(item.instance);
      const held = this.held(item.instance);
      const notEnough = () =>
        new ApiError(409, "There are not enough seats available.", ["Not enough seats available"]);
      // Locked seats are never sold on the web, whichever seat is asked for.
      if (a.capacity - a.soldCount - held.count - a.locked - (extraHeld.get(item.instance) ?? 0) <= 0)
        throw notEnough();
      // A multi-area plan: the area asked for (`seatingPlan`, or the seat's), else its first area [A].
      let area: Area | null = null;
      if (plan.areas) {
        const seatArea = item.seat ? plan.seats?.find((s) => s.id === item.seat)?.areaId : undefined;
        const wanted = item.seatingPlan && item.seatingPlan !== plan.id ? item.seatingPlan : seatArea;
        area = wanted ? (plan.areas.find((x) => x.id === wanted) ?? null) : plan.areas[0]!;
        if (!area) throw badRequest(`Seating plan '${wanted}' is not part of this performance's plan.`);
      } else if (item.seatingPlan && item.seatingPlan !== plan.id)
        throw badRequest(`Seating plan '${item.seatingPlan}' is not this performance's plan.`);
      let seat = null as Plan["seats"] extends (infer S)[] | null ? S | null : never;
      if (plan.seats && area?.type !== "Unreserved") {
        const inArea = (s: { areaId?: string }) => !area || s.areaId === area.id;
        if (item.seat) {
          seat = plan.seats.find((s) => s.id === item.seat) ?? null;
          if (!seat || !inArea(seat)) throw badRequest(`Seat '${item.seat}' is not in this plan.`);
          if (
            a.soldSeats.has(seat.id) ||
            held.seats.has(seat.id) ||
            extraSeats.has(seat.id) ||
            this.lockedSeats(item.instance, held).has(seat.id)
          )
            throw new ApiError(409, `Seat ${seat.name} is not available.`, ["Seat not available"]);
        } else {
          // Best available: first free seat in plan order.
          seat =
            plan.seats.find(
              (s) => inArea(s) && !a.soldSeats.has(s.id) && !held.seats.has(s.id) && !extraSeats.has(s.id),
            ) ?? null;
          if (!seat) throw notEnough();
        }
        extraSeats.add(seat.id);
      } else if (area) {
        const key = `${item.instance}:${area.id}`;
        if (this.areaFree(area, plan, a, held, extraHeld.get(key) ?? 0) <= 0) throw notEnough();
        extraHeld.set(key, (extraHeld.get(key) ?? 0) + 1);
      } else {
        const free = a.capacity - a.soldCount - held.count - (extraHeld.get(item.instance) ?? 0);
        if (free <= 0) throw notEnough();
      }
      extraHeld.set(item.instance, (extraHeld.get(item.instance) ?? 0) + 1);
      const bandId = seat ? seat.bandId : (area?.bandIds[0] ?? plan.bands[0]?.id);
      const price = prices.find((p) => p.ticketType.id === item.type && p.band.id === bandId);
      if (!price) throw badRequest(`Ticket type '${item.type}' is not available for this performance.`);
      planned.push({
        id: this.ids.catalogue(),
        instanceId: item.instance,
        eventId: refId(instance.event),
        seatId: seat ? seat.id : null,
        seatName: seat ? seat.name : "",
        // [A] A ticket in a multi-area plan names its area (child plan) as its plan.
        planId: area ? area.id : plan.id,
        planName: area ? area.name : plan.name,
        price,
        attributes: item.attributes,
      });
    }
    b.tickets.push(...planned);
    added.push(...planned);
    this.touch(b);
    return added;
  }

  removeItems<
    K extends "tickets" | "donations" | "merchandise" | "memberships" | "giftVouchers" | "ticketSubscriptions",
  >(b: Basket, key: K, ids: string[]): void {
    const list = b[key] as { id: string }[];
    const missing = ids.filter((id) => !list.some((x) => x.id === id));
    if (missing.length) throw notFound("Basket item", missing.join(","));
    (b as unknown as Record<K, { id: string }[]>)[key] = list.filter((x) => !ids.includes(x.id));
    this.touch(b);
  }

  newItemId(): string {
    return this.ids.catalogue();
  }

  // ---- customers -----------------------------------------------------------------------------
  customerByEmail(email: string): CustomerRec | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.customers.values()].find((c) => c.email.toLowerCase() === wanted);
  }

  customer(id: string): CustomerRec {
    const c = this.customers.get(id);
    if (!c) throw notFound("Customer", id);
    return c;
  }

  createCustomer(input: {
    email: string;
    firstName: string;
    lastName: string;
    password?: string | null;
    mobile?: string | null;
    address?: DirectPayer["billingAddress"];
    agreedStatements?: readonly string[];
  }): CustomerRec {
    if (this.customerByEmail(input.email))
      throw badRequest("Duplicate Entry", ["A customer with this email address already exists."]);
    const agreed = this.knownStatements(input.agreedStatements ?? []);
    let id = this.ids.customer();
    while (this.customers.has(id)) id = this.ids.customer();
    const c: CustomerRec = {
      id,
      title: "",
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      password: input.password ?? null,
      phone: null,
      mobile: input.mobile ?? null,
      birthDate: null,
      addresses: [],
      memberships: [],
      creditBalance: 0,
      attributes: {},
      orderIds: [],
      agreedStatements: agreed,
    };
    this.customers.set(c.id, c);
    if (input.address) this.addAddress(c.id, input.address);
    return c;
  }

  /** A new address, the customer's billing and delivery address if they have none yet (as Spektrix's account page adds one). */
  addAddress(customerId: string, address: DirectPayer["billingAddress"]): Address {
    const customer = this.customer(customerId);
    const first = customer.addresses.length === 0;
    const added: Address = { id: this.ids.catalogue(), ...address, isBilling: first, isDelivery: first };
    customer.addresses.push(added);
    return added;
  }

  /**
   * Adds consent: statements already agreed stay, new ones join; nothing is ever withdrawn here (Spektrix's
   * `agreed-statements` POST only adds). Unknown ids refuse the whole call, so nothing half-applies.
   */
  agreeStatements(customerId: string, ids: readonly string[]): string[] {
    const customer = this.customer(customerId);
    for (const id of this.knownStatements(ids))
      if (!customer.agreedStatements.includes(id)) customer.agreedStatements.push(id);
    return customer.agreedStatements;
  }

  /** The ids, deduplicated, once each is a statement in the catalogue; else 400 [A: status and wording]. */
  private knownStatements(ids: readonly string[]): string[] {
    const known = new Set(this.catalogue.statements.map((s) => s.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw badRequest(
        "Invalid statement",
        unknown.map((id) => `No statement with id ${id}`),
      );
    return [...new Set(ids)];
  }

  /** Error 18: a customer may not buy a membership they already hold outside its renewal period. */
  assertMembershipsAllowed(b: Basket): void {
    if (!b.customerId) return;
    const customer = this.customer(b.customerId);
    const renewalWindowMs = 30 * 86_400_000;
    for (const item of b.memberships) {
      const held = customer.memberships.find((m) => m.membershipId === item.membershipId);
      if (held && Date.parse(`${held.expiryDate}Z`) - this.opts.now().getTime() > renewalWindowMs) {
        throw new ApiError(
          409,
          "The customer already holds this membership outside its renewal period.",
          ["Membership already held"],
          18,
        );
      }
    }
  }

  // ---- gift vouchers and Gift Aid -----------------------------------------------------------
  static voucherKey(code: string): string {
    return code.replace(/\s+/g, "").toUpperCase();
  }

  issueGiftVoucher(v: GiftVoucherRec): GiftVoucherRec {
    const rec = { ...v, code: Store.voucherKey(v.code) };
    this.giftVouchers.set(rec.code, rec);
    return rec;
  }

  /**
   * Redeems a code into the customer's account credit, as Spektrix's gift voucher redemption does. The refusals'
   * statuses and wording are assumed (the docs read show the success shapes only): 404 unknown, 400 used or
   * expired, each with its own message.
   */
  redeemGiftVoucher(customerId: string, code: string): { amount: number; creditBalance: number } {
    const customer = this.customer(customerId);
    // Spektrix redeems only for a customer associated with a basket (web: by signing in; owner: by attaching).
    if (![...this.baskets.values()].some((b) => b.customerId === customer.id))
      throw badRequest("A customer must be associated with a basket to redeem a gift voucher.", ["No basket"]);
    const voucher = this.giftVouchers.get(Store.voucherKey(code));
    if (!voucher) throw new ApiError(404, "Gift voucher not found.", ["No gift voucher with this code"]);
    if (voucher.redeemedBy)
      throw badRequest("This gift voucher has already been redeemed.", ["Voucher already redeemed"]);
    if (voucher.expiresAt !== null && this.opts.now().getTime() > voucher.expiresAt)
      throw badRequest("This gift voucher has expired.", ["Voucher expired"]);
    voucher.redeemedBy = customer.id;
    customer.creditBalance = money(customer.creditBalance + voucher.amount);
    return { amount: voucher.amount, creditBalance: customer.creditBalance };
  }

  giftAidDeclarationRequired(c: CustomerRec): boolean {
    return this.giftAidClaimed && !c.giftAidDeclared;
  }

  // ---- payment tokens ------------------------------------------------------------------------
  issueToken(b: Basket, details: Omit<PaymentToken, "token" | "basketId" | "hash" | "expiresAt">): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, {
      token,
      basketId: b.id,
      hash: this.hash(b),
      expiresAt: this.opts.now().getTime() + this.opts.tokenTtlMs,
      ...details,
    });
    return token;
  }

  /** A token is only good for the basket state it was issued for, and only until it expires. */
  checkToken(token: string): { ok: true; token: PaymentToken; basket: Basket } | { ok: false; reason: string } {
    const t = this.tokens.get(token);
    if (!t) return { ok: false, reason: "Payment token not recognised" };
    if (this.opts.now().getTime() > t.expiresAt) return { ok: false, reason: "Payment token has expired" };
    this.releaseIdleBaskets();
    const basket = this.baskets.get(t.basketId);
    if (!basket) return { ok: false, reason: "Basket no longer exists" };
    if (this.hash(basket) !== t.hash)
      return { ok: false, reason: "Basket has changed since the payment was initiated" };
    return { ok: true, token: t, basket };
  }

  // ---- orders --------------------------------------------------------------------------------
  /** Turns a basket into an order: seats become sales, memberships are granted, the basket is retired. */
  completeOrder(
    b: Basket,
    payment: { amount: number; type: string; customerId: string | null; storeCard?: boolean; credit?: number },
  ): Order {
    if (this.isEmpty(b)) throw badRequest("The basket is empty.");
    const customerId = payment.customerId ?? b.customerId;
    if (!customerId) throw badRequest("A customer is required to complete this order.");
    const customer = this.customer(customerId);
    if (b.customerId !== customerId) {
      b.customerId = customerId;
    }
    this.assertMembershipsAllowed(b);
    const credit = payment.credit ?? 0;
    if (credit > customer.creditBalance + 0.001) throw badRequest("The customer's account credit has changed.");
    const now = this.opts.now();
    const json = this.basketJson(b, { owner: true });
    for (const t of b.tickets) {
      const a = this.catalogue.availabilityOf(t.instanceId);
      if (t.seatId) a.soldSeats.add(t.seatId);
      else if (a.soldByArea.has(t.planId)) a.soldByArea.set(t.planId, a.soldByArea.get(t.planId)! + 1);
      a.soldCount += 1;
    }
    for (const m of b.memberships) {
      const type = this.catalogue.memberships.find((x) => x.id === m.membershipId);
      const expiry = new Date(now.getTime() + (type?.durationMonths ?? 12) * 30 * 86_400_000);
      const existing = customer.memberships.find((x) => x.membershipId === m.membershipId);
      if (existing) existing.expiryDate = expiry.toISOString().slice(0, 19);
      else
        customer.memberships.push({
          id: m.id,
          membershipId: m.membershipId,
          startDate: now.toISOString().slice(0, 19),
          expiryDate: expiry.toISOString().slice(0, 19),
          autoRenew: m.autoRenew,
        });
    }
    const id = this.ids.catalogue();
    const stamp = now.toISOString().slice(0, 19);
    const order: Order = {
      id,
      customerId,
      json: {
        id,
        customer: { id: customerId },
        tickets: json.tickets,
        donations: json.donations,
        merchandiseItems: json.merchandiseItems,
        membershipSubscriptions: json.membershipSubscriptions,
        giftVouchers: json.giftVouchers,
        ticketSubscriptions: json.ticketSubscriptions,
        total: json.total,
        totalDiscount: json.totalDiscount,
        totalPaymentCharges: 0,
        totalDeliveryCharges: 0,
        totalTransactionCharges: 0,
        payments: [
          ...(credit > 0 ? [{ amount: credit, type: "Account Credit", date: stamp, dateUtc: `${stamp}Z` }] : []),
          ...(payment.amount > 0
            ? [{ amount: payment.amount, type: payment.type, date: stamp, dateUtc: `${stamp}Z` }]
            : []),
        ],
        refunds: [],
        deliveries: [],
        notes: [],
        printAtHomeDocuments: [],
        firstTransactionDate: stamp,
        firstTransactionDateUtc: `${stamp}Z`,
        lastTransactionDate: stamp,
        lastTransactionDateUtc: `${stamp}Z`,
      },
    };
    this.orders.set(id, order);
    customer.creditBalance = money(customer.creditBalance - credit);
    customer.orderIds.push(id);
    this.baskets.delete(b.id);
    for (const [token, t] of this.tokens) if (t.basketId === b.id) this.tokens.delete(token);
    // The session that owned this basket starts again with an empty one for the same customer.
    for (const s of this.sessions.values()) if (s.basketId === b.id) s.basketId = this.newBasket(s.customerId).id;
    return order;
  }

  order(id: string): Order {
    const o = this.orders.get(id);
    if (!o) throw notFound("Order", id);
    return o;
  }

  // ---- JSON views ----------------------------------------------------------------------------
  customerJson(c: CustomerRec, opts: { owner: boolean }): Json {
    const billing = c.addresses.find((a) => a.isBilling) ?? null;
    const delivery = c.addresses.find((a) => a.isDelivery) ?? null;
    const out: Json = {
      age: null,
      billingAddress: billing,
      deliveryAddress: delivery,
      birthDate: c.birthDate,
      email: c.email,
      firstName: c.firstName,
      lastName: c.lastName,
      mobile: c.mobile,
      name: `${c.firstName} ${c.lastName}`.trim(),
      phone: c.phone,
      title: c.title,
      passwordSet: c.password !== null,
      giftAidDeclarationRequired: this.giftAidDeclarationRequired(c),
      id: c.id,
      creditBalance: c.creditBalance,
      ...c.attributes,
    };
    if (opts.owner) {
      Object.assign(out, {
        addresses: c.addresses,
        subscriptions: c.memberships.map((m) => ({
          id: m.id,
          membership: { id: m.membershipId },
          startDate: m.startDate,
          expiryDate: m.expiryDate,
          autoRenew: m.autoRenew,
        })),
        orders: c.orderIds.map((id) => ({ id })),
        storedCards: [],
        tags: [],
        // [A] As references, like `orders`: `[{ id }]`.
        agreedStatements: c.agreedStatements.map((id) => ({ id })),
      });
    }
    return out;
  }

  basketJson(b: Basket, opts: { owner: boolean }): Json {
    const { total, totalDiscount } = this.totals(b);
    const customer = b.customerId ? this.customers.get(b.customerId) : undefined;
    return {
      id: b.id,
      customer: customer ? this.customerJson(customer, { owner: false }) : null,
      hash: this.hash(b),
      promoCode: b.promoCode,
      tickets: b.tickets.map((t) => {
        const discount = this.ticketDiscount(b, t);
        return {
          band: { id: t.price.band.id },
          event: { id: t.eventId },
          instance: { id: t.instanceId },
          planId: t.planId,
          seat: t.seatId ? { id: t.seatId } : null,
          seatName: t.seatName,
          planName: t.planName,
          voucherRedemptionInfo: null,
          type: { id: t.price.ticketType.id, name: t.price.ticketType.name },
          ticketType: { id: t.price.ticketType.id, name: t.price.ticketType.name },
          delivered: false,
          barcode: null,
          offer: null,
          customItems: [],
          discount,
          price: t.price.amount,
          total: money(t.price.amount - discount),
          id: t.id,
          ...(opts.owner ? { originalPrice: t.price.amount, priceOverridden: false } : {}),
          ...t.attributes,
        };
      }),
      donations: b.donations.map((d) => ({
        id: d.id,
        fund: { id: d.fundId },
        amount: d.amount,
        recognitionName: d.recognitionName,
        isAnonymous: d.isAnonymous,
        tributeTypeId: d.tributeTypeId,
        tributeName: d.tributeName,
      })),
      merchandiseItems: b.merchandise.map((m) => ({
        id: m.id,
        stockItem: { id: m.stockItemId },
        reference: m.reference,
        barcode: null,
        delivered: false,
        offer: null,
        customItems: [],
        discount: 0,
        price: m.price,
        total: m.price,
      })),
      membershipSubscriptions: b.memberships.map((m) => ({
        id: m.id,
        membership: { id: m.membershipId },
        autoRenew: m.autoRenew,
        startDate: null,
        expiryDate: null,
        isRenewal: m.isRenewal,
        relatedDonationId: null,
        customItems: [],
        discount: 0,
        price: m.price,
        total: m.price,
      })),
      giftVouchers: b.giftVouchers.map((g) => ({ ...g })),
      ticketSubscriptions: b.ticketSubscriptions.map((s) => ({
        id: s.id,
        ticketSubscriptionStructureName: s.structureName,
        pricingSetName: s.pricingSetName,
        price: s.price,
      })),
      offers: [],
      potentialOffers: [],
      multibuyOffers: [],
      customPayments: [],
      notes: [],
      ticketDelivery: null,
      merchandiseDelivery: null,
      ticketDeliveryOptions: [],
      merchandiseDeliveryOptions: [],
      defaultCardPaymentFee: 0,
      transactionCommission: { waived: true, amount: 0 },
      disableWebComponents: false,
      totalDiscount,
      total,
    };
  }
}
