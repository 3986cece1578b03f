import type { Metadata } from "next";
import { SyncSettingsEditor } from "@/components/studio/sync-settings-editor-client";
import { requireEditorPage } from "@/lib/studio/guard";
import { activeConnection } from "@/lib/connection";
import { currentSyncSettings, keptVenueNames, spektrixVenueNames } from "@/lib/studio/sync";
import { EVENT_TARGETS, MAP_MODES, TRANSFORMS } from "@/lib/sync/settings";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Sync settings" };
export const dynamic = "force-dynamic";

export default async function SyncSettingsPage() {
  await requireEditorPage(routes.studio.syncSettings);
  const loaded = await currentSyncSettings();
  const renames = loaded.settings.display.venueNames;
  // The venues of the client in use; another client's are named apart (their renames wait for it).
  const { clientName } = await activeConnection();
  const [venues, keptVenues] = await Promise.all([
    spektrixVenueNames(renames, undefined, clientName),
    keptVenueNames(renames, clientName),
  ]);
  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Sync settings</h1>
        <p className="mt-2 text-ink-soft">
          How events and performances arrive from Spektrix, and which site fields each Spektrix field fills. Version{" "}
          {loaded.version || "— (defaults)"} is in force.
        </p>
        {loaded.problem ? <p className="mt-2 text-danger">{loaded.problem}</p> : null}
      </header>
      <SyncSettingsEditor
        initial={loaded.settings}
        version={loaded.version}
        options={{
          targets: Object.keys(EVENT_TARGETS),
          transforms: [...TRANSFORMS],
          modes: [...MAP_MODES],
          targetTransforms: EVENT_TARGETS as unknown as Record<string, string[]>,
          venues,
          keptVenues,
        }}
      />
    </div>
  );
}
