/**
 * The server's catalogue reader: every catalogue read the server makes (the sync, live availability, the flow
 * pages' lists, basket labels, the bench read-through) goes through here, signed in owner mode.
 *
 * Why owner mode: Spektrix documents that web-mode (unsigned, cookie-session) requests are meant to come from a
 * browser, and server-side web-mode traffic is likely to be blocked by its bot management. Signed requests are
 * what a server is expected to send.
 *
 * Why a filter: an owner-mode read sees more than the web does. `GET events` in web mode lists only events with
 * an instance set "Visible" to the web (Spektrix's event-filtering guide); in owner mode box-office-only events
 * and instances come back too. The reader gives the public view the web would have: records marked not visible
 * on the web are dropped, and an event is kept only when at least one of its instances is visible. The marker
 * (`isVisibleOnWeb: false`, read into `hiddenFromWeb`) is assumed, see README; a record without it counts as
 * visible, so a system that names the field differently shows everything it would show in owner mode.
 *
 * Server only: built on the owner client (import it through `./owner`, which carries the `server-only` marker).
 */
import { createSpektrixOwnerClient, type SpektrixOwnerClientOptions } from "./owner-client";
import type { SpektrixCatalogue } from "./client";
import { SpektrixHttpError } from "./errors";
import type { Event, Performance } from "./types";

export type CatalogueReaderOptions = SpektrixOwnerClientOptions;

const visible = (record: { hiddenFromWeb?: true }) => record.hiddenFromWeb !== true;

/** What Spektrix would answer in web mode for a record the web cannot see. */
function notOnTheWeb(what: string, id: string, path: string): SpektrixHttpError {
  return new SpektrixHttpError({
    status: 404,
    code: null,
    message: `${what} ${id} is not visible on the web`,
    problems: [],
    request: { method: "GET", path },
  });
}

/** The public view of an event read with its instances: visible instances only, or null when none is. */
function publicEvent(event: Event, keepPerformances: boolean): Event | null {
  if (!visible(event)) return null;
  const { performances, ...rest } = event;
  // Without instance data (a system that ignores `$expand`) the event's own marker is all there is to go on.
  if (performances === undefined) return rest;
  const shown = performances.filter(visible);
  if (performances.length > 0 && shown.length === 0) return null;
  return keepPerformances ? { ...rest, performances: shown } : rest;
}

export function createCatalogueReader(options: CatalogueReaderOptions): SpektrixCatalogue {
  const owner = createSpektrixOwnerClient(options);
  return {
    ...owner,
    async listEvents(query = {}) {
      const events = await owner.listEvents({ ...query, expandInstances: true });
      return events.map((e) => publicEvent(e, query.expandInstances === true)).filter((e): e is Event => e !== null);
    },
    async getEvent(id, query = {}) {
      const event = publicEvent(
        await owner.getEvent(id, { ...query, expandInstances: true }),
        query.expandInstances === true,
      );
      if (!event) throw notOnTheWeb("Event", id, `events/${id}`);
      return event;
    },
    async listPerformances(query = {}) {
      return (await owner.listPerformances(query)).filter(visible);
    },
    async listEventPerformances(eventId, query = {}) {
      return (await owner.listEventPerformances(eventId, query)).filter(visible);
    },
    async getPerformance(id, query = {}): Promise<Performance> {
      const performance = await owner.getPerformance(id, query);
      if (!visible(performance)) throw notOnTheWeb("Instance", id, `instances/${id}`);
      return performance;
    },
  };
}
