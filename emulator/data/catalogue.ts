import { catalogueId, hashString, intBetween, money, pick, rngFor, type Rng } from "../random";
import {
  DAY_MS,
  formatWallClock,
  instanceDatesText,
  isDateTime,
  parseWallClock,
  shiftDateTime,
  wallClockToUtcMs,
} from "./dates";
import type { Json, LoadedData, VenueRec } from "./load";
import {
  demoFunds,
  demoGiftVoucherTypes,
  demoMemberships,
  demoSeatingTypes,
  demoStatements,
  demoStockItems,
  demoTicketSubscriptionStructures,
  demoTicketTypes,
  type Fund,
  type GiftVoucherType,
  type Membership,
  type SeatingType,
  type Statement,
  type StockItem,
  type TicketSubscriptionStructure,
  type TicketType,
} from "./demo";

export interface Band {
  id: string;
  name: string;
}
export interface Seat {
  id: string;
  name: string;
  row: string;
  number: number;
  previousSeatId: number | null;
  nextSeatId: number | null;
  previousIsAcrossAisle: boolean;
  nextIsAcrossAisle: boolean;
  x: number;
  y: number;
  tabOrder: number | null;
  bandId: string;
  /** The area of a multi-area plan the seat is in. */
  areaId?: string;
}
/**
 * One area of a multi-area plan (a child plan): reserved (its seats are the plan's seats with its `areaId`) or
 * unreserved (a capacity and one price band, as Spektrix's glossary says).
 */
export interface Area {
  id: string;
  name: string;
  type: "Reserved" | "Unreserved";
  capacity: number;
  bandIds: string[];
}
export interface Plan {
  id: string;
  name: string;
  type: "Reserved" | "Unreserved";
  venueId: string;
  capacity: number;
  /** Every reserved seat, of every area. */
  seats: Seat[] | null;
  bands: Band[];
  /** Null for a single-area plan. */
  areas: Area[] | null;
}
export interface Price {
  id: string;
  amount: number;
  isBandDefault: boolean;
  ticketType: TicketType;
  band: Band;
}
export interface PriceList {
  id: string;
  prices: Price[];
}
export interface Availability {
  capacity: number;
  soldSeats: Set<string>;
  /** Every ticket sold: reserved seats and unreserved places alike. */
  soldCount: number;
  /** Places sold in each unreserved area of a multi-area plan. */
  soldByArea: Map<string, number>;
  /**
   * Seats held back by locks (house seats, member priority): still counted in `available`, reported in
   * `lockInfoAvailable` when asked, never sold on the web [A: `available − Σ lockInfoAvailable` is what
   * integrations compute]. Set through the control API.
   */
  locked: number;
}

export interface CatalogueOptions {
  shiftDates: boolean;
  now: Date;
  seed: string;
  /**
   * The Spektrix system's time zone. A real system has one, and its `…Utc` fields always agree with the local
   * ones; captures from venues in other zones (and feeds without instances) would not, so when this is set every
   * `…Utc` field is derived from its local twin in this zone. Unset: captures keep theirs and derived
   * instances are read as UTC.
   */
  timeZone?: string;
}

/** Everything the emulator sells. Events and instances stay plain JSON so `attribute_*` pass through untouched. */
export class Catalogue {
  events = new Map<string, Json>();
  instances = new Map<string, Json>();
  instancesByEvent = new Map<string, string[]>();
  plans = new Map<string, Plan>();
  venues = new Map<string, VenueRec>();
  priceLists = new Map<string, PriceList>();
  availability = new Map<string, Availability>();
  funds: Fund[] = demoFunds();
  statements: Statement[] = demoStatements();
  memberships: Membership[] = demoMemberships();
  giftVoucherTypes: GiftVoucherType[] = demoGiftVoucherTypes();
  stockItems: StockItem[] = demoStockItems();
  seatingTypes: SeatingType[] = demoSeatingTypes();
  ticketSubscriptionStructures: TicketSubscriptionStructure[] = demoTicketSubscriptionStructures();
  ticketTypes: TicketType[] = demoTicketTypes();
  /** Date offset `shiftDates` applied to each data file, in ms (empty when not shifting). */
  shifts = new Map<string, number>();
  /** Set when the catalogue runs in one zone (CatalogueOptions.timeZone). */
  timeZone: string | null = null;
  private planVenue = new Map<string, string>();
  private sampleSeats: Json[] = [];
  private nextGenerated = 1;

  constructor(private readonly seed: string) {}

  static build(data: LoadedData, opts: CatalogueOptions): Catalogue {
    const cat = new Catalogue(opts.seed);
    for (const v of data.venues) cat.venues.set(v.id, v);
    for (const [plan, venue] of data.venueByPlan) cat.planVenue.set(plan, venue);
    for (const sample of data.samplePlans) cat.addSamplePlan(sample);
    const events = data.events.map((e) => structuredClone(e));
    const instances = data.instances.map((i) => structuredClone(i));
    for (const event of events) {
      const source = data.rawEventSources.get(String(event.id));
      if (source) instances.push(...cat.deriveInstances(event, source));
    }
    // Aligned before shifting (the shift reads startUtc) and again after: a whole-day shift across a
    // daylight-saving change keeps local times but not their offset.
    if (opts.timeZone) for (const i of instances) alignUtcFields(i, opts.timeZone);
    if (opts.shiftDates) {
      cat.shifts = shiftByFile(events, instances, data.eventFiles, opts.now);
      for (const e of events) {
        if (isDateTime(e.firstInstanceDateTime) && isDateTime(e.lastInstanceDateTime))
          e.instanceDates = instanceDatesText(e.firstInstanceDateTime, e.lastInstanceDateTime);
      }
      openSalesForDemo(instances, opts.now);
      markAccessForDemo(instances, opts.now);
    }
    if (opts.timeZone) {
      cat.timeZone = opts.timeZone;
      for (const i of instances) alignUtcFields(i, opts.timeZone);
    }
    for (const e of events) cat.events.set(String(e.id), e);
    for (const i of instances) cat.addInstance(i);
    // As Spektrix keeps them: an event's first and last dates are its instances', derived ones included (a capture's
    // own summary covered only the instances it was taken with).
    for (const id of cat.events.keys()) cat.refreshEventDates(id);
    if (opts.shiftDates)
      for (const e of events) e.isOnSale = cat.instancesOf(String(e.id)).some((i) => i.isOnSale === true);
    return cat;
  }

  // ---- lookups -------------------------------------------------------------------------------
  instancesOf(eventId: string): Json[] {
    return (this.instancesByEvent.get(eventId) ?? [])
      .map((id) => this.instances.get(id))
      .filter((i): i is Json => i !== undefined);
  }

  plan(planId: string): Plan {
    let plan = this.plans.get(planId);
    if (!plan) {
      plan = this.derivePlan(planId);
      this.plans.set(planId, plan);
    }
    return plan;
  }

  /**
   * A price list, one content per id as in Spektrix: it prices the bands of every plan an instance using it sits on.
   * Venues share a list across instances on different plans (two of Kay Meek's 32 are); derived from the first
   * plan met alone, an instance on the other plan had no price for its bands, so no ticket type it could sell.
   */
  priceList(priceListId: string, planId: string, eventId: string): PriceList {
    let list = this.priceLists.get(priceListId);
    if (!list) {
      const planIds = new Set([planId]);
      const eventIds = new Set([eventId]);
      for (const instance of this.instances.values())
        if (refId(instance.priceList) === priceListId) {
          planIds.add(String(instance.planId));
          eventIds.add(refId(instance.event));
        }
      const plans = [...planIds].sort().map((id) => this.plan(id));
      const events = [...eventIds].map((id) => this.events.get(id)).filter((e): e is Json => e !== undefined);
      list = this.derivePriceList(priceListId, plans, events);
      this.priceLists.set(priceListId, list);
    }
    return list;
  }

  priceListForInstance(instance: Json): PriceList {
    return this.priceList(refId(instance.priceList), String(instance.planId), refId(instance.event));
  }

  availabilityOf(instanceId: string): Availability {
    let a = this.availability.get(instanceId);
    if (!a) {
      const instance = this.instances.get(instanceId);
      a = this.deriveAvailability(instanceId, this.plan(String(instance?.planId)));
      this.availability.set(instanceId, a);
    }
    return a;
  }

  // ---- mutation (control API and generator) --------------------------------------------------
  addInstance(instance: Json): void {
    const id = String(instance.id);
    const eventId = refId(instance.event);
    this.instances.set(id, instance);
    const list = this.instancesByEvent.get(eventId) ?? [];
    if (!list.includes(id)) list.push(id);
    this.instancesByEvent.set(eventId, list);
    if (typeof instance.planId === "string") this.plan(instance.planId);
  }

  removeEvent(eventId: string): boolean {
    if (!this.events.delete(eventId)) return false;
    for (const id of this.instancesByEvent.get(eventId) ?? []) {
      this.instances.delete(id);
      this.availability.delete(id);
    }
    this.instancesByEvent.delete(eventId);
    return true;
  }

  /** Keeps the event's summary fields in step with its instances after a change. */
  refreshEventDates(eventId: string): void {
    const event = this.events.get(eventId);
    const starts = this.instancesOf(eventId)
      .map((i) => String(i.start))
      .filter(isDateTime)
      .sort();
    const first = starts[0];
    const last = starts[starts.length - 1];
    if (!event || !first || !last) return;
    event.firstInstanceDateTime = first;
    event.lastInstanceDateTime = last;
    event.instanceDates = instanceDatesText(first, last);
  }

  newId(kind: string): string {
    return catalogueId(rngFor(`${this.seed}:${kind}:${this.nextGenerated}`), 700001 + 100 * this.nextGenerated++);
  }

  /** Adds an event with instances, e.g. from the control API or the benchmark generator. */
  createEvent(input: {
    name: string;
    starts: string[];
    description?: string;
    attributes?: Record<string, unknown>;
    planId?: string;
    venueId?: string;
    price?: number;
  }): Json {
    const id = this.newId("event");
    const starts = [...input.starts].sort();
    const planId = input.planId ?? this.defaultPlanId(input.venueId);
    const priceListId = this.newId("pricelist");
    const event: Json = {
      description: input.description ?? "",
      htmlDescription: `<div id>${input.description ?? ""}</div>`,
      duration: 120,
      imageUrl: "",
      isOnSale: true,
      name: input.name,
      instanceDates: starts.length ? instanceDatesText(starts[0]!, starts[starts.length - 1]!) : "",
      thumbnailUrl: "",
      webEventId: null,
      id,
      firstInstanceDateTime: starts[0] ?? null,
      lastInstanceDateTime: starts[starts.length - 1] ?? null,
      ...(input.attributes ?? {}),
    };
    if (input.price !== undefined) event.attribute_LowestPrice = input.price;
    this.events.set(id, event);
    for (const start of starts)
      this.addInstance(this.makeInstance(event, start, planId, priceListId, this.newId("instance")));
    return event;
  }

  /** Synthetic load for benchmarks: `events` events with `perEvent` performances each, one evening apart. */
  generate(events: number, perEvent: number, from: Date): number {
    const base = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1, 19, 30);
    for (let e = 0; e < events; e++) {
      const starts = Array.from({ length: perEvent }, (_, p) =>
        formatWallClock(base + (e % 120) * DAY_MS + p * DAY_MS),
      );
      this.createEvent({
        name: `Generated Event ${e + 1}`,
        starts,
        attributes: { attribute_Genre: pick(rngFor(`gen:${e}`), ["Drama", "Comedy", "Music", "Dance"]) },
      });
    }
    return events * perEvent;
  }

  // ---- derivation ----------------------------------------------------------------------------
  private defaultPlanId(venueId?: string): string {
    const id = catalogueId(rngFor(`${this.seed}:plan:${venueId ?? "generated"}`), 9901);
    if (venueId) this.planVenue.set(id, venueId);
    return id;
  }

  private makeInstance(event: Json, start: string, planId: string, priceListId: string, id: string): Json {
    const startMs = parseWallClock(start);
    const instance: Json = {
      isOnSale: event.isOnSale === true,
      planId,
      priceList: { id: priceListId },
      event: { id: event.id },
      start,
      // Raw event feeds carry no offset: read as UTC here, then aligned to the catalogue's zone when it has one.
      startUtc: formatWallClock(startMs),
      startSellingAtWeb: formatWallClock(startMs - 60 * DAY_MS),
      startSellingAtWebUtc: formatWallClock(startMs - 60 * DAY_MS, true),
      stopSellingAtWeb: formatWallClock(startMs - 3_600_000),
      stopSellingAtWebUtc: formatWallClock(startMs - 3_600_000, true),
      webInstanceId: null,
      cancelled: false,
      id,
      hasBestAvailableOverlay: false,
    };
    if (this.timeZone) alignUtcFields(instance, this.timeZone);
    return instance;
  }

  /** Raw `v3/events` feeds have no instances: one per day from first to last date, at most eight. */
  private deriveInstances(event: Json, source: string): Json[] {
    const first = event.firstInstanceDateTime;
    const last = event.lastInstanceDateTime;
    if (!isDateTime(first)) return [];
    const firstMs = parseWallClock(first);
    const lastMs = isDateTime(last) ? parseWallClock(last) : firstMs;
    const rng = rngFor(`${this.seed}:inst:${String(event.id)}`);
    const venueId = this.venueForSource(source);
    const planId = this.defaultPlanId(venueId);
    const priceListId = catalogueId(rng, 50001 + intBetween(rng, 0, 9000) * 100);
    const days = Math.max(0, Math.round((lastMs - firstMs) / DAY_MS));
    const starts = [firstMs];
    for (let d = 1; d < days && starts.length < 7; d++) starts.push(firstMs + d * DAY_MS);
    if (lastMs !== firstMs) starts.push(lastMs);
    return starts.map((ms) =>
      this.makeInstance(
        event,
        formatWallClock(ms),
        planId,
        priceListId,
        catalogueId(rng, 60001 + intBetween(rng, 0, 90000) * 100),
      ),
    );
  }

  private venueForSource(source: string): string {
    const id = catalogueId(rngFor(`${this.seed}:venue:${source}`), 1001);
    if (!this.venues.has(id)) {
      const name = source.charAt(0).toUpperCase() + source.slice(1);
      this.venues.set(id, { id, name: `${name} Theatre`, address: "Unknown" });
    }
    return id;
  }

  private addSamplePlan(sample: Json): void {
    const id = String(sample.id);
    const type = sample.type === "Reserved" ? "Reserved" : "Unreserved";
    const bands = [
      {
        id: catalogueId(rngFor(`${this.seed}:band:${id}:0`), 101),
        name: type === "Reserved" ? "Band A" : "General Admission",
      },
    ];
    const rawSeats = Array.isArray(sample.seats) ? (sample.seats as Json[]) : null;
    if (rawSeats) this.sampleSeats.push(...rawSeats);
    const venueId = typeof (sample.venue as Json | undefined)?.id === "string" ? String((sample.venue as Json).id) : "";
    this.plans.set(id, {
      id,
      name: String(sample.name),
      type,
      venueId,
      capacity: Number(sample.capacity ?? rawSeats?.length ?? 0),
      seats: rawSeats ? rawSeats.map((s) => ({ ...(s as unknown as Seat), bandId: bands[0]!.id })) : null,
      bands,
      areas: null,
    });
  }

  private derivePlan(planId: string): Plan {
    const rng = rngFor(`${this.seed}:plan:${planId}`);
    const venueId = this.planVenue.get(planId) ?? [...this.venues.keys()][0] ?? "";
    const venueName = this.venues.get(venueId)?.name ?? "Main House";
    const reserved = hashString(planId) % 3 !== 0;
    if (!reserved) {
      const band = { id: catalogueId(rng, 101), name: "General Admission" };
      return {
        id: planId,
        name: `${venueName} General Admission`,
        type: "Unreserved",
        venueId,
        capacity: pick(rng, [80, 120, 150, 200, 250, 400]),
        seats: null,
        bands: [band],
        areas: null,
      };
    }
    // Some reserved plans have a standing area beside the seats: a multi-area plan, as real venues' are.
    const multiArea = hashString(planId) % 4 === 1;
    const bands = [
      { id: catalogueId(rng, 201), name: "Band A" },
      { id: catalogueId(rng, 301), name: "Band B" },
    ];
    const rows = intBetween(rng, 6, 10);
    const perRow = intBetween(rng, 10, 14);
    const seats: Seat[] = [];
    const firstSeatId = 50000 + intBetween(rng, 0, 40000);
    for (let r = 0; r < rows; r++) {
      const row = String.fromCharCode(65 + r);
      for (let n = 1; n <= perRow; n++) {
        const seatId = firstSeatId + r * perRow + (n - 1);
        const aisleAfter = n === Math.ceil(perRow / 2);
        seats.push({
          id: String(seatId),
          name: `${row}${n}`,
          row,
          number: n,
          previousSeatId: n > 1 ? seatId - 1 : null,
          nextSeatId: n < perRow ? seatId + 1 : null,
          previousIsAcrossAisle: n === Math.ceil(perRow / 2) + 1,
          nextIsAcrossAisle: aisleAfter,
          x: 40 + n * 30 + (n > perRow / 2 ? 30 : 0),
          y: 40 + r * 32,
          tabOrder: null,
          bandId: r < Math.ceil(rows / 2) ? bands[0]!.id : bands[1]!.id,
        });
      }
    }
    if (!multiArea)
      return {
        id: planId,
        name: `${venueName} Auditorium`,
        type: "Reserved",
        venueId,
        capacity: seats.length,
        seats,
        bands,
        areas: null,
      };
    const stalls: Area = {
      id: catalogueId(rng, 401),
      name: "Stalls",
      type: "Reserved",
      capacity: seats.length,
      bandIds: bands.map((b) => b.id),
    };
    const standingBand = { id: catalogueId(rng, 501), name: "Standing" };
    const standing: Area = {
      id: catalogueId(rng, 402),
      name: "Standing",
      type: "Unreserved",
      capacity: pick(rng, [60, 80, 120]),
      bandIds: [standingBand.id],
    };
    for (const seat of seats) seat.areaId = stalls.id;
    return {
      id: planId,
      name: `${venueName} Stalls and Standing`,
      type: "Reserved",
      venueId,
      capacity: stalls.capacity + standing.capacity,
      seats,
      bands: [...bands, standingBand],
      areas: [stalls, standing],
    };
  }

  /**
   * Prices for every band of `plans`, from what the events on the list say of their lowest price: the smallest
   * positive one is the base, and the list is free only when every one of them says 0 (an event that states no
   * price is taken to charge). So the same list comes out whichever event asks first.
   */
  private derivePriceList(id: string, plans: Plan[], events: Json[]): PriceList {
    const rng = rngFor(`${this.seed}:prices:${id}`);
    const stated = events.map((e) => e.attribute_LowestPrice);
    const free = stated.length > 0 && stated.every((lowest) => lowest === 0);
    const positive = stated.filter((lowest): lowest is number => typeof lowest === "number" && lowest > 0);
    const base = positive.length ? Math.min(...positive) : pick(rng, [12, 15, 18, 20, 22.5, 25, 30]);
    const prices: Price[] = [];
    const seen = new Set<string>();
    for (const plan of plans)
      plan.bands.forEach((band, b) => {
        if (seen.has(band.id)) return;
        seen.add(band.id);
        const bandStep = (plan.bands.length - 1 - b) * 8;
        for (const type of this.ticketTypes) {
          prices.push({
            id: catalogueId(
              rngFor(`${this.seed}:price:${id}:${band.id}:${type.id}`),
              30001 + b * 1000 + this.ticketTypes.indexOf(type) * 100,
            ),
            amount: free ? 0 : money(base + bandStep + type.extra),
            isBandDefault: type.isDefault,
            ticketType: type,
            band,
          });
        }
      });
    return { id, prices };
  }

  private deriveAvailability(instanceId: string, plan: Plan): Availability {
    const rng: Rng = rngFor(`${this.seed}:avail:${instanceId}`);
    const soldOut = rng() < 0.06;
    const fraction = soldOut ? 1 : rng() * 0.7;
    const soldSeats = new Set<string>();
    const soldByArea = new Map<string, number>();
    if (plan.seats) {
      const ids = plan.seats.map((s) => s.id);
      const seatsSold = Math.floor(ids.length * fraction);
      while (soldSeats.size < seatsSold && soldSeats.size < ids.length)
        soldSeats.add(ids[Math.floor(rng() * ids.length)]!);
    }
    for (const area of plan.areas ?? [])
      if (area.type === "Unreserved") soldByArea.set(area.id, Math.floor(area.capacity * fraction));
    const unreserved = plan.seats ? sum(soldByArea.values()) : Math.floor(plan.capacity * fraction);
    return { capacity: plan.capacity, soldSeats, soldCount: soldSeats.size + unreserved, soldByArea, locked: 0 };
  }
}

const sum = (values: Iterable<number>) => [...values].reduce((total, n) => total + n, 0);

export function refId(value: unknown): string {
  return value && typeof value === "object" && "id" in value
    ? String((value as { id: unknown }).id)
    : String(value ?? "");
}

/**
 * How far ahead of `now` `shiftDates` puts a data file's earliest performance: at least a full day, so it is on
 * sale on the web at any hour (web sales commonly stop an hour before a show) and stays so for a whole test run.
 * With less, "the earliest performance" was off sale during part of every day and tests failed by the clock.
 */
export const SHIFT_LEAD_MS = DAY_MS;

/**
 * The offset for one data file: whole days, so every performance keeps its local time of day, chosen so the
 * file's earliest performance starts in [now + SHIFT_LEAD_MS, now + SHIFT_LEAD_MS + 1 day). Captures from years
 * ago move forward, future ones move back: either way the file ends up near now.
 */
export function shiftOffset(instances: Json[], now: Date): number {
  const starts = instances
    .map((i) => (isDateTime(i.startUtc) ? parseWallClock(i.startUtc) : NaN))
    .filter((n) => !Number.isNaN(n));
  if (!starts.length) return 0;
  const earliest = Math.min(...starts);
  return Math.ceil((now.getTime() + SHIFT_LEAD_MS - earliest) / DAY_MS) * DAY_MS;
}

/**
 * Shifts each data file by its own offset. Venues' captures come from different years (a 2024 feed beside a
 * 2026 one); one offset for all would put one venue near now and the others months or years away, outside the
 * sync window. Events and their instances move together because both are keyed by the event's file.
 */
function shiftByFile(
  events: Json[],
  instances: Json[],
  eventFiles: ReadonlyMap<string, string>,
  now: Date,
): Map<string, number> {
  const fileOf = (eventId: string) => eventFiles.get(eventId) ?? "";
  const byFile = new Map<string, Json[]>();
  for (const i of instances) {
    const file = fileOf(refId(i.event));
    byFile.set(file, [...(byFile.get(file) ?? []), i]);
  }
  const shifts = new Map([...byFile].map(([file, list]) => [file, shiftOffset(list, now)] as const));
  for (const e of events) shiftRecord(e, shifts.get(fileOf(String(e.id))) ?? 0);
  for (const i of instances) shiftRecord(i, shifts.get(fileOf(refId(i.event))) ?? 0);
  return shifts;
}

/** Rewrites each `xUtc` field from its local twin `x`, read in `timeZone`, keeping the field's own form (`Z` or not). */
export function alignUtcFields(record: Json, timeZone: string): void {
  for (const [key, value] of Object.entries(record)) {
    const local = record[key.slice(0, -"Utc".length)];
    if (!key.endsWith("Utc") || !isDateTime(value) || !isDateTime(local)) continue;
    record[key] = formatWallClock(wallClockToUtcMs(parseWallClock(local), timeZone), value.endsWith("Z"));
  }
}

function shiftRecord(record: Json, offset: number): void {
  if (offset === 0) return;
  for (const [key, value] of Object.entries(record)) if (isDateTime(value)) record[key] = shiftDateTime(value, offset);
}

/**
 * Venues flag access performances with instance attributes, and the captures happen to have none set, so the
 * demo's access filters would find nothing. Spread over the upcoming performances, as a season plans them: every
 * fourth one gets the next kind in turn, with the attribute names these venues use. Deterministic (by start, then id).
 */
export const DEMO_ACCESS_ATTRIBUTES = [
  "SLCaptioned",
  "SLSigned",
  "SLAudioDescribed",
  "SLRelaxed",
  "SLTouchTour",
] as const;

function markAccessForDemo(instances: Json[], now: Date): void {
  const upcoming = instances
    .filter((i) => i.cancelled !== true && isDateTime(i.startUtc) && parseWallClock(i.startUtc) > now.getTime())
    .sort(
      (a, b) =>
        parseWallClock(String(a.startUtc)) - parseWallClock(String(b.startUtc)) ||
        String(a.id).localeCompare(String(b.id)),
    );
  upcoming.forEach((instance, n) => {
    if (n % 4 !== 1) return;
    const name = DEMO_ACCESS_ATTRIBUTES[Math.floor(n / 4) % DEMO_ACCESS_ATTRIBUTES.length]!;
    instance[`attribute_${name}`] = true;
  });
}

/** After shifting, old captures say "off sale" for shows that were past when captured; open the season for the demo. */
function openSalesForDemo(instances: Json[], now: Date): void {
  const nowMs = now.getTime();
  for (const i of instances) {
    if (i.cancelled === true || !isDateTime(i.startUtc) || parseWallClock(i.startUtc) <= nowMs) continue;
    const opens = nowMs - 7 * DAY_MS;
    if (isDateTime(i.startSellingAtWebUtc) && parseWallClock(i.startSellingAtWebUtc) > opens) {
      i.startSellingAtWebUtc = formatWallClock(opens, true);
      i.startSellingAtWeb = formatWallClock(opens);
    }
    i.isOnSale = true;
  }
}
