/**
 * Catalogue lists for the flow pages and blocks (funds, memberships, gift vouchers, merchandise, statements), read on the server
 * through the typed client with short caching. Results are values, never throws: a page shows
 * "temporarily unavailable" instead of an error boundary when Spektrix cannot be reached.
 */
import { unstable_cache } from "next/cache";
import { env } from "@/lib/config";
import { activeConnection, type SpektrixConnection } from "@/lib/connection";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { tags } from "@/lib/cache/tags";
import { createCatalogueReader } from "@/lib/spektrix/owner";
import {
  describeSpektrixError,
  type Fund,
  type GiftVoucherType,
  type MembershipType,
  type MerchandiseItem,
  type SeatingType,
  type Statement,
} from "@/lib/spektrix";

export type CatalogueResult<T> = { ok: true; items: T[] } | { ok: false; reason: string };

/** Seconds a catalogue list is reused before it is fetched again. */
export const CATALOGUE_REVALIDATE_SECONDS = 120;

function readerFor(connection: SpektrixConnection) {
  // Short timeout and one retry: a page waits at most a few seconds for a list it can live without. Owner mode:
  // Spektrix bot-protects web-mode calls that do not come from a browser.
  return createCatalogueReader({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    owner: connection.owner,
    timeoutMs: Math.min(env().SPEKTRIX_TIMEOUT_MS, 4_000),
    retries: 1,
  });
}

type Reader = ReturnType<typeof readerFor>;

/**
 * One cached list per kind (and key parts, such as the performance a price list belongs to) and connection
 * version: a changed connection reads its own lists at once, and the
 * old connection's entries are never served for it. Failures throw inside the cached function, so only
 * successes are cached.
 */
const cached =
  <T>(key: string, list: (reader: Reader) => Promise<T[]>, ...keyParts: string[]) =>
  async (): Promise<T[]> => {
    const connection = await activeConnection();
    return unstable_cache(() => list(readerFor(connection)), ["spektrix-flows", key, ...keyParts, connection.version], {
      revalidate: CATALOGUE_REVALIDATE_SECONDS,
      tags: [tags.catalogue, tags.catalogueKind(key)],
    })();
  };

const loaders = {
  funds: cached<Fund>("funds", (r) => r.listFunds()),
  memberships: cached<MembershipType>("memberships", (r) => r.listMembershipTypes()),
  giftVoucherTypes: cached<GiftVoucherType>("gift-voucher-types", (r) => r.listGiftVoucherTypes()),
  merchandise: cached<MerchandiseItem>("merchandise", (r) => r.listMerchandise()),
  seatingTypes: cached<SeatingType>("seating-types", (r) => r.listSeatingTypes()),
  statements: cached<Statement>("statements", (r) => r.listStatements()),
};

async function settle<T>(what: string, load: () => Promise<T[]>): Promise<CatalogueResult<T>> {
  try {
    return { ok: true, items: await load() };
  } catch (error) {
    const { reason } = describeSpektrixError(error);
    logger("spektrix-flows").warn({ list: what, reason, error: errorText(error) }, "catalogue list unavailable");
    return { ok: false, reason };
  }
}

export const loadFunds = () => settle("funds", loaders.funds);
export const loadMembershipTypes = () => settle("memberships", loaders.memberships);
export const loadGiftVoucherTypes = () => settle("gift voucher types", loaders.giftVoucherTypes);
export const loadMerchandise = () => settle("merchandise", loaders.merchandise);
export const loadSeatingTypes = () => settle("seating types", loaders.seatingTypes);

/**
 * The ticket types on one performance's price list: the basket names each ticket's type by them ("Adult · Seat
 * A1"). Callers pass only performances they know exist, so no cache entry comes from a made-up id.
 */
export const loadTicketTypes = (performanceId: string) =>
  settle(
    "ticket types",
    cached(
      "ticket-types",
      async (r) => (await r.getPriceList(performanceId)).prices.map((p) => p.ticketType),
      performanceId,
    ),
  );

/** Contact preferences: what the newsletter block offers and what its sign-up accepts (one list for both). */
export const loadStatements = () => settle("statements", loaders.statements);

/**
 * Finds the record a block is configured with. `missing` means the id is set but Spektrix no longer has it:
 * editors need to hear about that; visitors get the block's fallback.
 */
export function pickConfigured<T extends { id: string }>(
  items: T[],
  id: string | null | undefined,
): { item: T | null; missing: string | null } {
  if (!id) return { item: null, missing: null };
  const item = items.find((x) => x.id === id) ?? null;
  return { item, missing: item ? null : id };
}
