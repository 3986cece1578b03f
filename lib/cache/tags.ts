/**
 * Every cache tag the site uses, built in one place so the sync (which revalidates) and the pages (which
 * tag their reads) can never disagree on a string.
 */
import { STORE_TAG } from "./follow-store.mjs";

export const tags = {
  /**
   * Every read of the content store carries it, so a cache that no longer matches the store (changed while no
   * server ran, restored, another database) can drop everything it derived from it at once (ADR 0008).
   */
  store: STORE_TAG,
  /** Anything that lists events: home, what's on, calendar, sitemap, feeds. */
  listings: "listings",
  /** One event's page and everything derived from it. Keyed by the site's slug-independent source id. */
  event: (sourceId: string) => `event:${sourceId}`,
  /**
   * Which event each slug names: one map, so a made-up slug caches nothing of its own. Separate from `listings`
   * so an event page carries no listing tag: a change to one event then re-renders that event's page and the
   * listings, not every event page (ADR 0002). The sync revalidates it when an event takes a new slug.
   */
  slugs: "slugs",
  /**
   * Reads that show a venue's name or address outside listings (an event page, its suggestions, the venue
   * facets): venues change rarely (Spektrix's record, or the editor's name for it), and then they all re-render.
   */
  venues: "venues",
  /** Spektrix option lists the flows read (funds, memberships, vouchers, merchandise), all or one kind. */
  catalogue: "spektrix-catalogue",
  catalogueKind: (kind: string) => `spektrix-catalogue:${kind}`,
  /**
   * What the browser is told about the Spektrix connection (lib/spektrix-flows/config.ts). Every page carries it,
   * with `store`: a saved change drops them all (this instance at once, the others at their next store check).
   */
  connection: "spektrix-connection",
  syncSettings: "sync-settings",
  siteSettings: "site-settings",
  page: (slug: string) => `page:${slug}`,
  /** Which studio pages are published: one list, so a made-up /info slug caches nothing of its own. */
  publishedPages: "published-pages",
} as const;
