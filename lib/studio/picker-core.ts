/**
 * Picker logic with no I/O: the kinds, the shape stored in blocks, search and ranking, the short cache and the
 * debounce. Shared by the server proxy and the client combobox, and unit-tested as pure functions.
 */
import { formatRun } from "@/lib/events/format";
import { routes } from "@/lib/routes";
import { foldText } from "@/lib/text/fold";
// Type only: the catalogue is built on the server (lib/sync/field-catalogue.ts); this module stays client-safe.
import type { FieldCatalogue } from "@/lib/sync/field-catalogue";
import { ATTRIBUTE_PREFIX } from "@/lib/sync/source";

export const PICKER_KINDS = [
  "event",
  "performance",
  "fund",
  "membership",
  "voucher",
  "merchandise",
  "seating-type",
  "subscription",
  "statement",
] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

export const PICKER_LABELS: Record<PickerKind, { one: string; many: string }> = {
  event: { one: "event", many: "events" },
  performance: { one: "performance", many: "performances" },
  fund: { one: "fund", many: "funds" },
  membership: { one: "membership type", many: "membership types" },
  voucher: { one: "gift voucher", many: "gift vouchers" },
  merchandise: { one: "merchandise item", many: "merchandise" },
  "seating-type": { one: "seating type", many: "seating types" },
  subscription: { one: "subscription", many: "subscriptions" },
  statement: { one: "contact preference", many: "contact preferences" },
};

export function isPickerKind(value: unknown): value is PickerKind {
  return typeof value === "string" && (PICKER_KINDS as readonly string[]).includes(value);
}

/** One row of picker results. `sortKey` orders upcoming-first for dated kinds (ISO time), else by label. */
export interface PickerItem {
  id: string;
  label: string;
  /** A second line: date and venue, price, on-sale state. */
  detail?: string;
  /** ISO UTC start, for performances and events. */
  at?: string;
  sortKey?: string;
}

/**
 * An event's second line: its run with the year ("24 Oct – 2 Nov 2026"; Spektrix's own `instanceDates` has none,
 * repeats a single day as "8 December-8 December", and a picker reaches two years ahead), then whether it is on
 * sale. From the UTC instants in the venue's zone where Spektrix sends them, else from its local wall-clock times
 * (older systems send only those), else its own text.
 */
export function eventPickerDetail(
  event: {
    instanceDates: string | null;
    firstPerformanceUtc: string | null;
    lastPerformanceUtc: string | null;
    firstPerformanceLocal?: string | null;
    lastPerformanceLocal?: string | null;
    isOnSale: boolean;
  },
  timeZone: string,
): string {
  const run =
    runOf(event.firstPerformanceUtc, event.lastPerformanceUtc, timeZone) ??
    // A wall-clock time read as UTC and shown in UTC is the same wall-clock day.
    runOf(
      event.firstPerformanceLocal && `${event.firstPerformanceLocal}Z`,
      event.lastPerformanceLocal && `${event.lastPerformanceLocal}Z`,
      "UTC",
    ) ??
    event.instanceDates;
  return [run, event.isOnSale ? "on sale" : "not on sale"].filter(Boolean).join(" · ");
}

function runOf(firstAt: string | null | undefined, lastAt: string | null | undefined, timeZone: string) {
  const first = firstAt ? new Date(firstAt) : null;
  const last = lastAt ? new Date(lastAt) : first;
  return first && last && !Number.isNaN(first.getTime()) && !Number.isNaN(last.getTime())
    ? formatRun(first, last, timeZone)
    : null;
}

/** What a block stores for a pick: the id, and a snapshot of the label so the pick still reads when Spektrix is down. */
export interface PickedRef {
  id: string;
  label: string;
  /** For performances: the start as shown when picked. */
  at?: string;
}

export const PICKER_MIN_QUERY = 0;
export const PICKER_MAX_QUERY = 100;
export const PICKER_PAGE = 20;
export const PICKER_DEBOUNCE_MS = 300;
export const PICKER_CACHE_MS = 60_000;

/** A visitor's query, folded and cut to a sane length. */
export function normaliseQuery(q: unknown): string {
  if (typeof q !== "string") return "";
  return foldText(q).slice(0, PICKER_MAX_QUERY);
}

/**
 * Items matching every word of the query (in label, detail or id), best first: label prefix matches, then the
 * rest; within each, dated items upcoming-first (past ones last), then alphabetical. At most `limit`.
 */
export function searchItems(
  items: readonly PickerItem[],
  query: string,
  options: { limit?: number; now?: Date } = {},
): PickerItem[] {
  const q = normaliseQuery(query);
  const words = q ? q.split(" ") : [];
  const now = (options.now ?? new Date()).toISOString();
  const scored = items
    .map((item) => {
      // The whole text: cut to the query's length, a long label would hide the id behind it.
      const hay = foldText(`${item.label} ${item.detail ?? ""} ${item.id}`);
      if (!words.every((w) => hay.includes(w))) return null;
      const label = foldText(item.label);
      const rank = q && label.startsWith(q) ? 0 : 1;
      const past = item.at !== undefined && item.at < now ? 1 : 0;
      return { item, rank, past };
    })
    .filter((x): x is { item: PickerItem; rank: number; past: number } => x !== null);
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.past - b.past ||
      (a.item.at && b.item.at
        ? a.past
          ? b.item.at.localeCompare(a.item.at)
          : a.item.at.localeCompare(b.item.at)
        : 0) ||
      (a.item.sortKey ?? a.item.label).localeCompare(b.item.sortKey ?? b.item.label),
  );
  return scored.slice(0, options.limit ?? PICKER_PAGE).map((s) => s.item);
}

/** A time-limited cache that also collapses concurrent loads of the same key into one. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly inflight = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 200,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
  }

  /** The cached value, or the result of `load` (shared by concurrent callers; failures are not cached). */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = load()
      .then((value) => {
        this.set(key, value);
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Calls `fn` with the latest arguments once `ms` has passed without another call. `cancel` drops a pending call. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms = PICKER_DEBOUNCE_MS,
  timers: Timers = realTimers,
) {
  let handle: unknown;
  const debounced = (...args: A) => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = undefined;
      fn(...args);
    }, ms);
  };
  debounced.cancel = () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };
  return debounced;
}

/** Builds the proxy URL for a search (`q`) or an existence check (`id`). */
export function pickerUrl(kind: PickerKind, params: { q?: string; id?: string }): string {
  const search = new URLSearchParams();
  if (params.q !== undefined) search.set("q", params.q.slice(0, PICKER_MAX_QUERY));
  if (params.id !== undefined) search.set("id", params.id);
  return `${routes.api.studioPicker(kind)}?${search.toString()}`;
}

/**
 * Which Spektrix names a sync-settings picker offers, and how the setting writes them: a sync map reads any event
 * field by its full name (`attribute_Genre`); exclusion rules and the performance rules name an attribute without
 * its prefix (`Genre`, `SLCaptioned`), of events or of performances (instances).
 */
export type FieldPickerScope = "event-field" | "event-attribute" | "performance-attribute";

export interface FieldPickerItem extends PickerItem {
  /** A saved name the current data does not carry: kept as an option, so a save never drops it unseen. */
  missing?: boolean;
}

export const NOT_SENT_NOW = "not in Spektrix's data now";

/**
 * The options of a Spektrix-field picker: each name with an example value from the data, then any saved name the
 * data no longer carries, marked. `catalogue` null (not loaded, or Spektrix unreachable): the saved names only,
 * unmarked, since nothing says they are gone.
 */
export function fieldPickerItems(
  catalogue: FieldCatalogue | null,
  scope: FieldPickerScope,
  saved: readonly string[] = [],
): FieldPickerItem[] {
  const samples = catalogue ? (scope === "performance-attribute" ? catalogue.performance : catalogue.event) : [];
  const items: FieldPickerItem[] = samples
    .filter((s) => scope === "event-field" || s.name.startsWith(ATTRIBUTE_PREFIX))
    .map((s) => {
      const id = scope === "event-field" ? s.name : s.name.slice(ATTRIBUTE_PREFIX.length);
      return { id, label: id, detail: s.example === null ? "empty in every record now" : `e.g. ${s.example}` };
    });
  const known = new Set(items.map((i) => i.id));
  const kept = [...new Set(saved.map((name) => name.trim()))]
    .filter((name) => name !== "" && !known.has(name))
    .map((name): FieldPickerItem =>
      catalogue ? { id: name, label: name, detail: NOT_SENT_NOW, missing: true } : { id: name, label: name },
    );
  return [...kept, ...items];
}

/**
 * A list setting's problems, for the one field that edits the list: every message under `path` (the list's own,
 * e.g. too many, and each entry's, e.g. `performances.access.captioned.2` or `events.exclude.0.attribute`), an
 * entry's named by the entry so the field says which; and the positions of the entries with a problem.
 */
export function listFieldErrors(
  errors: Readonly<Record<string, readonly string[]>>,
  path: string,
  names: readonly string[],
): { message: string | undefined; invalid: ReadonlySet<number> } {
  const messages: string[] = [];
  const invalid = new Set<number>();
  for (const [key, list] of Object.entries(errors)) {
    if (key !== path && !key.startsWith(`${path}.`)) continue;
    const at = /^(\d+)(?:\.|$)/.exec(key.slice(path.length + 1))?.[1];
    const index = at === undefined ? undefined : Number(at);
    if (index !== undefined) invalid.add(index);
    const name = index === undefined ? undefined : names[index];
    messages.push(...list.map((m) => (name === undefined ? m : `“${name}” ${m}`)));
  }
  return { message: messages.length ? messages.join("; ") : undefined, invalid };
}
