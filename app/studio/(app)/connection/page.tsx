import type { Metadata } from "next";
import { ConnectionCheck } from "@/components/studio/connection-check-client";
import { siteInfo } from "@/lib/site";
import { ConnectionForm } from "@/components/studio/connection-form-client";
import { ConnectionHistory } from "@/components/studio/connection-history";
import { loadConnection } from "@/lib/studio/connection";
import { requireEditorPage } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Connection" };
export const dynamic = "force-dynamic";

export default async function ConnectionPage() {
  await requireEditorPage(routes.studio.connection);
  const connection = await loadConnection();
  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Connection</h1>
        <p className="mt-2 break-words text-ink-soft [overflow-wrap:anywhere]">
          How the whole site reaches Spektrix. In use now:{" "}
          <strong data-testid="connection-in-use">
            {connection.active.baseUrl}/{connection.active.clientName}
          </strong>{" "}
          as <code>{connection.active.apiUser}</code>, web components from{" "}
          <code>{connection.active.webComponentsUrl}</code>.
        </p>
      </header>
      <ConnectionCheck timeZone={siteInfo().timeZone} />
      <ConnectionForm connection={connection} />
      <ConnectionHistory history={connection.history} saved={connection.saved} />
    </div>
  );
}
