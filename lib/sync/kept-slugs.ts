import { SLUG_MAX, slugify } from "@/lib/text/slug";
import { uniqueSlug } from "./mapping";

/**
 * Event URLs across a switch of Spektrix client (ADR 0017). The client in use has the natural slugs: an event kept
 * from another client gives up a slug an event of the client in use wants, moving to `keptSlug` and recording the
 * slug it gave (`yieldedSlug`), and takes it back once its own client is in use again, if the slug is free or held
 * by a kept event in its turn. A listed event's slug is never taken.
 *
 * Slugs are unique in the store, so the moves are planned here, all against one set of the slugs taken, and written
 * in the order given: each one to a slug nothing holds at that point. Slugs themselves follow the one rule
 * (lib/text/slug.ts); a kept slug is that rule applied to `{slug}-kept-{client}`.
 */

/** An event as far as its slug goes. `keptFrom`: the client it is kept from, null when it is listed or about to be. */
export interface SlugHolder {
  id: number;
  slug: string;
  keptFrom: string | null;
  yieldedSlug: string | null;
}

/** A write: the event `id` moves to `slug`, and records `yieldedSlug` (null once it has its slug back). */
export interface SlugMove {
  id: number;
  slug: string;
  yieldedSlug: string | null;
}

/**
 * The slug a kept event moves to when it gives up `slug`: `{slug}-kept-{client}`, so the studio, the store and
 * anyone reading an old link in a log can tell whose it was. A long slug is cut to make room for the suffix;
 * nothing is parsed back out of it (the natural slug is kept in `yieldedSlug`).
 */
export function keptSlug(slug: string, client: string): string {
  const suffix = `-kept-${slugify(client) || "client"}`;
  return `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** A new event's holder, before it has an id: listed. */
const NEW_EVENT = -1;

export class SlugLedger {
  private readonly taken: Set<string>;
  private readonly holders = new Map<string, SlugHolder>();
  /** The writes, in the order they must be made (before any insert of a new event). */
  readonly moves: SlugMove[] = [];

  /** `events`: every event in the store (their slugs are all taken; a kept one's may move). */
  constructor(events: readonly SlugHolder[]) {
    this.taken = new Set();
    for (const e of events) {
      this.taken.add(e.slug);
      this.holders.set(e.slug, e);
    }
  }

  /** Frees `slug` for a listed event: true when nothing holds it, or a kept event did and has moved aside. */
  private clear(slug: string): boolean {
    const holder = this.holders.get(slug);
    if (!holder) return !this.taken.has(slug);
    if (holder.keptFrom === null) return false;
    // Given up twice (a new event wanted its kept slug too), it still wants its first slug back.
    const yieldedSlug = holder.yieldedSlug ?? slug;
    const moved = { ...holder, slug: uniqueSlug(keptSlug(yieldedSlug, holder.keptFrom), this.taken), yieldedSlug };
    this.moves.push({ id: moved.id, slug: moved.slug, yieldedSlug: moved.yieldedSlug });
    this.holders.delete(slug);
    this.holders.set(moved.slug, moved);
    return true;
  }

  /** The slug a new event of the client in use gets: `base` (from a kept event if need be), or the first free `base-N`. */
  forNew(base: string): string {
    const slug = this.clear(base) ? base : uniqueSlug(base, this.taken);
    this.taken.add(slug);
    this.holders.set(slug, { id: NEW_EVENT, slug, keptFrom: null, yieldedSlug: null });
    return slug;
  }

  /**
   * A listed event that gave up a slug while it was kept takes it back, unless a listed event holds it; returns
   * the slug it gets, or null when it stays where it is (and may try again later). Its present slug stays taken
   * until the moves are written, so nothing else is given it meanwhile.
   */
  reclaim(event: SlugHolder): string | null {
    const wanted = event.yieldedSlug;
    if (!wanted || wanted === event.slug || !this.clear(wanted)) return null;
    this.taken.add(wanted);
    this.holders.set(wanted, { ...event, slug: wanted, keptFrom: null, yieldedSlug: null });
    this.moves.push({ id: event.id, slug: wanted, yieldedSlug: null });
    return wanted;
  }
}
