import type { ConnectionChange } from "@/lib/connection";
import { connectionFieldLabel } from "@/lib/studio/connection";
import { formatWhen } from "@/lib/studio/format";
import { siteInfo } from "@/lib/site";

/** Who changed the connection, when, and which fields (never the values: the key is one of them). */
export function ConnectionHistory({ history, saved }: { history: ConnectionChange[]; saved: boolean }) {
  const zone = siteInfo().timeZone;
  return (
    <section className="grid gap-3" aria-labelledby="connection-history">
      <h2 id="connection-history" className="text-xl font-semibold">
        Changes
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-ink-soft">
          {saved ? "No change recorded yet." : "Nothing saved here yet: the site uses the server environment’s values."}
        </p>
      ) : (
        <ol className="grid gap-2 text-sm" data-testid="connection-history">
          {history.map((change) => (
            <li key={`${change.at}-${change.by}`} className="rounded border border-line bg-white px-3 py-2">
              <time dateTime={change.at} className="font-semibold">
                {formatWhen(change.at, zone)}
              </time>{" "}
              by {change.by}: {change.fields.map(connectionFieldLabel).join(", ")}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
