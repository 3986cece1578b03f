import { getCookie } from "hono/cookie";
import type { Hono } from "hono";
import { SESSION_COOKIE, type AppEnv, type Ctx, type Emu } from "../context";
import { refId, type Plan } from "../data/catalogue";
import { isDateTime, parseBound, parseWallClock } from "../data/dates";
import type { Json } from "../data/load";
import { notFound } from "../errors";
import { vanishes } from "../faults";

function visible(c: Ctx, eventId: string): boolean {
  if (c.get("emptyCatalogue")) return false;
  const pct = c.get("vanishPercent") ?? 0;
  return !(pct > 0 && vanishes(eventId, pct));
}

/**
 * Box-office-only records: an instance (or event) carrying `isVisibleOnWeb: false` (set through the control API)
 * is served in owner mode only. Web mode lists only events with an instance visible to the web, as Spektrix's
 * event-filtering guide describes; the field's name in owner mode is assumed (emulator/README.md).
 */
const webHides = (c: Ctx, record: Json | undefined): boolean =>
  c.get("mode") === "web" && record?.isVisibleOnWeb === false;

function startMs(instance: Json): number {
  return isDateTime(instance.start) ? parseWallClock(instance.start) : NaN;
}

function inWindow(instance: Json, from?: number, to?: number): boolean {
  const s = startMs(instance);
  return (from === undefined || s >= from) && (to === undefined || s <= to);
}

export function planJson(plan: Plan): Json {
  return {
    type: plan.type,
    name: plan.name,
    venue: { id: plan.venueId },
    backgroundImageUrl: "",
    x: 0,
    y: 0,
    // [A] Areas as a third-party integration reads them (id, name), with their type and capacity.
    areas: (plan.areas ?? []).map((area) => ({
      id: area.id,
      name: area.name,
      type: area.type,
      capacity: area.capacity,
    })),
    seats: plan.seats ? plan.seats.map(({ bandId: _band, ...seat }) => seat) : null,
    capacity: plan.capacity,
    maxZoomWeb: null,
    maxZoomMobile: null,
    id: plan.id,
  };
}

export function registerCatalogue(api: Hono<AppEnv>, emu: Emu): void {
  const cat = () => emu.store.catalogue;
  const instancesFor = (c: Ctx, eventId: string) =>
    cat()
      .instancesOf(eventId)
      .filter((i) => !webHides(c, i));
  const eventHidden = (c: Ctx, e: Json) => {
    if (webHides(c, e)) return true;
    const all = cat().instancesOf(String(e.id));
    return all.length > 0 && instancesFor(c, String(e.id)).length === 0;
  };
  const event = (c: Ctx, id: string) => {
    const e = cat().events.get(id);
    if (!e || !visible(c, id) || eventHidden(c, e)) throw notFound("Event", id);
    return e;
  };
  const withInstances = (c: Ctx, e: Json) => {
    const expand = (c.req.query("$expand") ?? "").split(",").map((s) => s.trim().toLowerCase());
    return expand.includes("instances") ? { ...e, instances: instancesFor(c, String(e.id)) } : e;
  };

  api.get("/events", (c) => {
    const q = c.req.query();
    const from = parseBound(q.instanceStart_from, false);
    const to = parseBound(q.instanceStart_to, true);
    const attributeFilters = Object.entries(q).filter(([k]) => k.toLowerCase().startsWith("attribute_"));
    const out: Json[] = [];
    for (const e of cat().events.values()) {
      const id = String(e.id);
      if (!visible(c, id) || eventHidden(c, e)) continue;
      if ((from !== undefined || to !== undefined) && !instancesFor(c, id).some((i) => inWindow(i, from, to))) continue;
      if (q.name && !String(e.name).toLowerCase().includes(q.name.toLowerCase())) continue;
      if (q.onSale && String(e.isOnSale) !== q.onSale.toLowerCase()) continue;
      if (
        attributeFilters.some(([k, v]) => {
          const key = Object.keys(e).find((x) => x.toLowerCase() === k.toLowerCase());
          return key === undefined || String(e[key]).toLowerCase() !== v.toLowerCase();
        })
      )
        continue;
      out.push(withInstances(c, e));
    }
    return c.json(out);
  });

  api.get("/events/:id", (c) => c.json(withInstances(c, event(c, c.req.param("id")))));

  // This path takes snake_case start_from/start_to (unlike /instances).
  api.get("/events/:id/instances", (c) => {
    const e = event(c, c.req.param("id"));
    const from = parseBound(c.req.query("start_from"), false);
    const to = parseBound(c.req.query("start_to"), true);
    return c.json(instancesFor(c, String(e.id)).filter((i) => inWindow(i, from, to)));
  });

  // camelCase startFrom/startTo; snake_case is silently ignored, as on the real API.
  api.get("/instances", (c) => {
    const from = parseBound(c.req.query("startFrom"), false);
    const to = parseBound(c.req.query("startTo"), true);
    const eventName = c.req.query("eventName")?.toLowerCase();
    const out: Json[] = [];
    for (const i of cat().instances.values()) {
      const eventId = refId(i.event);
      if (!visible(c, eventId) || webHides(c, i) || !inWindow(i, from, to)) continue;
      if (
        eventName &&
        !String(cat().events.get(eventId)?.name ?? "")
          .toLowerCase()
          .includes(eventName)
      )
        continue;
      out.push(i);
    }
    return c.json(out);
  });

  const instance = (c: Ctx) => {
    const id = c.req.param("id") ?? "";
    const i = emu.store.instance(id);
    if (!visible(c, refId(i.event)) || webHides(c, i)) throw notFound("Instance", id);
    return i;
  };

  api.get("/instances/:id", (c) => c.json(instance(c)));

  api.get("/instances/:id/status", (c) => {
    const i = instance(c);
    const sessionBasket = c.get("mode") === "web" ? (emu.store.sessions.get(getSessionId(c))?.basketId ?? null) : null;
    const locks = c.req.query("includeLockInformation")?.toLowerCase() === "true";
    const childPlans = c.req.query("includeChildPlans")?.toLowerCase() === "true";
    return c.json(emu.store.status(String(i.id), sessionBasket, c.get("mode") === "owner", locks, childPlans));
  });

  api.get("/instances/:id/price-list", (c) => {
    const list = cat().priceListForInstance(instance(c));
    return c.json({
      id: list.id,
      prices: list.prices.map((p) => ({
        id: p.id,
        amount: p.amount,
        isBandDefault: p.isBandDefault,
        ticketType: { id: p.ticketType.id, name: p.ticketType.name },
        priceBand: { id: p.band.id, name: p.band.name },
      })),
    });
  });

  api.get("/instances/:id/plan", (c) => c.json(planJson(cat().plan(String(instance(c).planId)))));

  api.get("/plans", (c) => c.json([...cat().plans.values()].map(planJson)));
  api.get("/plans/:id", (c) => {
    const plan = cat().plans.get(c.req.param("id"));
    if (!plan) throw notFound("Plan", c.req.param("id"));
    return c.json(planJson(plan));
  });

  api.get("/venues", (c) =>
    c.json([...cat().venues.values()].map((v) => ({ name: v.name, address: v.address, id: v.id }))),
  );
  api.get("/venues/:id", (c) => {
    const v = cat().venues.get(c.req.param("id"));
    if (!v) throw notFound("Venue", c.req.param("id"));
    return c.json({ name: v.name, address: v.address, id: v.id });
  });

  api.get("/funds", (c) => c.json(cat().funds));
  // Contact preferences, in both modes: a web sign-up form lists them as an owner-mode one does.
  api.get("/statements", (c) => c.json(cat().statements));
  api.get("/memberships", (c) =>
    c.json(cat().memberships.map(({ durationMonths: _d, ticketDiscountPercent: _t, ...m }) => m)),
  );
  api.get("/gift-voucher-types", (c) => c.json(cat().giftVoucherTypes));
  api.get("/stock-items", (c) => c.json(cat().stockItems));
  api.get("/seating-types", (c) => c.json(cat().seatingTypes));
  api.get("/ticket-subscription-structures", (c) => c.json(cat().ticketSubscriptionStructures));
  api.get("/ticket-types", (c) => c.json(cat().ticketTypes.map((t) => ({ id: t.id, name: t.name }))));
}

function getSessionId(c: Ctx): string {
  return getCookie(c, SESSION_COOKIE) ?? "";
}
