/**
 * Realistic rows for the public-site tests and for local work before the sync lands. Names and descriptions
 * come from the real feeds in fixtures/spektrix-real (Kay Meek, Terra Bruce Majestic, Manitoba Opera);
 * dates are laid out from `now` so presets always have something to find.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { events, performances, venues, type AccessFlag } from "@/lib/db/schema";
import type { StoreDb } from "@/lib/db";
import { slugify } from "@/lib/text/slug";

const FIXTURES = path.resolve(process.cwd(), "fixtures/spektrix-real");

interface FixtureEvent {
  name: string;
  description?: string;
  duration?: number | string;
  imageUrl?: string | null;
  attribute_Genre?: string | null;
}

function loadFixtureEvents(): FixtureEvent[] {
  const out: FixtureEvent[] = [];
  for (const file of [
    "kaymeekcentre.event-instances.json",
    "terrabrucemajestic.events.json",
    "manitobaopera.event-instances.json",
  ]) {
    // The captures ship with the repository: a missing or unreadable file fails the test that seeds.
    out.push(...(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as FixtureEvent[]));
  }
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = e.name.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function minutes(d: number | string | undefined): number | null {
  if (typeof d === "number") return d > 0 ? d : null;
  const m = /PT(?:(\d+)H)?(?:(\d+)M)?/.exec(d ?? "");
  if (!m) return null;
  const n = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return n > 0 ? n : null;
}

const LETTERS = "BCDGHJKLMNPQRSTV";
/** A Spektrix-shaped id: decimal, `A`, then 16-letter-alphabet capitals. */
export function fakeId(n: number, prefix = 1): string {
  let s = "";
  let x = n * 7919 + prefix * 104729;
  for (let i = 0; i < 12; i++) {
    s += LETTERS[x % 16];
    x = Math.floor(x / 16) + i * 31 + n;
  }
  return `${prefix}${n}A${s}`;
}

export interface SeedOptions {
  now: Date;
  /** How many events (fixture names repeat with a run suffix past the fixture count). */
  events?: number;
  performancesPerEvent?: number;
  timeZone?: string;
}

export interface SeedResult {
  venueIds: number[];
  eventSlugs: string[];
  performanceIds: string[];
}

const ACCESS_CYCLE: AccessFlag[][] = [
  [],
  [],
  ["captioned"],
  [],
  ["audioDescribed", "touchTour"],
  [],
  ["bsl"],
  ["relaxed"],
  [],
];

export async function seedSite(db: StoreDb, options: SeedOptions): Promise<SeedResult> {
  const source = loadFixtureEvents();
  if (!source.length) throw new Error(`no events in ${FIXTURES}`);
  const count = options.events ?? source.length;
  const perEvent = options.performancesPerEvent ?? 4;

  const venueRows = await db
    .insert(venues)
    .values([
      {
        sourceId: fakeId(1, 201),
        name: "Grosvenor Theatre",
        slug: "grosvenor-theatre",
        address: "1700 Mathers Avenue, West Vancouver, BC",
      },
      {
        sourceId: fakeId(2, 201),
        name: "Studio Theatre",
        slug: "studio-theatre",
        address: "1700 Mathers Avenue, West Vancouver, BC",
      },
    ])
    .returning({ id: venues.id });
  const venueIds = venueRows.map((v) => v.id);

  const result: SeedResult = { venueIds, eventSlugs: [], performanceIds: [] };
  const day = 86_400_000;
  const base = new Date(options.now);
  base.setUTCHours(2, 0, 0, 0); // 7.30pm/8pm-ish in North American zones

  const eventValues = [];
  for (let i = 0; i < count; i++) {
    const f = source[i % source.length]!;
    const round = Math.floor(i / source.length);
    const title = round ? `${f.name.trim()} (${round + 1})` : f.name.trim();
    const genre = f.attribute_Genre?.trim() || ["Theatre", "Music", "Comedy", "Family"][i % 4]!;
    eventValues.push({
      sourceId: fakeId(i + 1, 18),
      slug: `${slugify(f.name).slice(0, 70).replace(/-+$/, "") || "event"}${round ? `-${round + 1}` : ""}`,
      title,
      summary: f.description?.replace(/\r/g, "") ?? null,
      bodyHtml:
        i % 3 === 0
          ? `<p>${(f.description ?? "").split(/\r?\n\r?\n/)[0] ?? ""}</p><p><strong>Running time</strong> is approximate.</p>`
          : "<div id>\r\n\r\n</div>",
      genre,
      heroImageUrl: f.imageUrl || null,
      durationMinutes: minutes(f.duration),
      sourceHash: `seed-${i}`,
      weight: i === 2 ? 10 : 0,
    });
  }
  const inserted = [];
  for (let i = 0; i < eventValues.length; i += 500) {
    inserted.push(
      ...(await db
        .insert(events)
        .values(eventValues.slice(i, i + 500))
        .returning({ id: events.id, slug: events.slug })),
    );
  }
  result.eventSlugs = inserted.map((e) => e.slug);

  const perfValues = [];
  let n = 0;
  for (const [i, e] of inserted.entries()) {
    // Runs start every day or two; each run has `perEvent` consecutive nights, one a matinee.
    const startDay = Math.floor((i * 37) % Math.max(30, Math.ceil(count / 2))) - 1;
    for (let k = 0; k < perEvent; k++) {
      n++;
      const startsAt = new Date(base.getTime() + (startDay + k) * day + (k === perEvent - 1 ? -5 * 3_600_000 : 0));
      const sourceId = fakeId(n, 284);
      perfValues.push({
        sourceId,
        eventId: e.id,
        venueId: venueIds[i % venueIds.length]!,
        startsAt,
        startLocal: startsAt.toISOString().slice(0, 19),
        sellFrom: new Date(options.now.getTime() - 30 * day),
        sellUntil: new Date(startsAt.getTime() - 3_600_000),
        isOnSale: true,
        cancelled: i === 1 && k === 0,
        planId: fakeId(i + 1, 401),
        access: ACCESS_CYCLE[(i + k) % ACCESS_CYCLE.length]!,
        sourceHash: `seed-p-${n}`,
      });
      result.performanceIds.push(sourceId);
    }
  }
  for (let i = 0; i < perfValues.length; i += 1000) {
    await db.insert(performances).values(perfValues.slice(i, i + 1000));
  }
  await db.update(events).set({ firstPerformanceAt: options.now });
  return result;
}
