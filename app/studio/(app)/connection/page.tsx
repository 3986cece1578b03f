import type { Metadata } from "next";
import { ConnectionCheck } from "@/components/studio/connection-check-client";
import { ConnectionForm } from "@/components/studio/connection-form-client";
import { loadConnection } from "@/lib/studio/connection";
import { requireEditorPage } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Connection" };
export const dynamic = "force-dynamic";

export default async function ConnectionPage() {
  await requireEditorPage(routes.studio.connection);
  const connection = await loadConnection();
  return (
    <div className="grid gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Connection</h1>
        <p className="mt-2 text-ink-soft">
          How the site reaches Spektrix ({connection.baseUrl}). Pickers and checks use these details; the secret key is
          never shown again once saved.
        </p>
      </header>
      <ConnectionCheck />
      <ConnectionForm connection={connection} />
    </div>
  );
}
