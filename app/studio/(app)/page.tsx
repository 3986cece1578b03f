import Link from "next/link";
import { lastMembershipProblem, MEMBERSHIP_PROBLEM_TEXT } from "@/lib/auth/membership-health";
import { getDb } from "@/lib/db";
import { formatAge, formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { getSyncHealth } from "@/lib/sync/status";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function StudioHome() {
  await requireEditorPage(routes.studio.home);
  const [health, membership] = await Promise.all([getSyncHealth(await getDb()), lastMembershipProblem()]);
  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Studio</h1>
        <p className="mt-2 text-ink-soft">
          Connect Spektrix, decide how events sync, edit what the site says, and build pages from blocks.
        </p>
      </header>
      {membership ? (
        <section
          role="status"
          aria-labelledby="membership-h"
          className="rounded-[var(--radius-card)] border border-warning/40 bg-warning-tint p-6"
        >
          <h2 id="membership-h" className="text-xl font-semibold">
            Memberships could not be read
          </h2>
          <p className="mt-2">{MEMBERSHIP_PROBLEM_TEXT[membership.problem]}</p>
          <p className="mt-2 text-sm text-ink-soft">
            Last seen {formatWhen(new Date(membership.at), siteInfo().timeZone)}.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="health-h" className="rounded-[var(--radius-card)] border border-line bg-white p-6">
        <h2 id="health-h" className="text-xl font-semibold">
          Sync health
        </h2>
        <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-ink-soft">Last successful sync</dt>
            <dd className="text-lg font-semibold">{formatAge(health.lastSuccessAgeSeconds)}</dd>
          </div>
          <div>
            <dt className="text-sm text-ink-soft">Missing from Spektrix</dt>
            <dd className="text-lg font-semibold">
              {health.missing.events} events · {health.missing.performances} performances
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-soft">Failed or aborted since last success</dt>
            <dd className="text-lg font-semibold">{health.lastFailure ? health.lastFailure.reason : "none"}</dd>
          </div>
        </dl>
        <Link href={routes.studio.sync} className="btn btn-ghost mt-4 text-brand">
          Sync runs
        </Link>
      </section>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {[
          [
            routes.studio.connection,
            "Connection",
            "Client name, custom domain, owner API user and key; check the connection.",
          ],
          [routes.studio.syncSettings, "Sync settings", "Defaults for new events and performances, and the sync maps."],
          [routes.studio.events, "Events", "Search synced events, edit site fields, hide or keep live."],
          [routes.studio.pages, "Pages", "Build pages from blocks with live Spektrix pickers."],
        ].map(([href, title, text]) => (
          <li key={href} className="rounded-[var(--radius-card)] border border-line bg-white p-5">
            <h2 className="text-lg font-semibold">
              <Link href={href!} className="hover:underline">
                {title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-ink-soft">{text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
