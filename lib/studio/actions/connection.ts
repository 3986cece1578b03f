"use server";

import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { runSiteSync } from "@/lib/sync/server";
import { tags } from "@/lib/cache/tags";
import { checkConnection, clearPickerCache, verifyCandidateConnection, type ConnectionReport } from "../spektrix";
import { saveConnection } from "../connection";
import { FORBIDDEN, formObject, NOT_A_FORM, type ActionResult } from "../forms";
import { asEditor } from "../guard";

/** A save's answer; `browserCheck`: the form asks that address from the editor's browser, then saves again. */
export type SaveConnectionState = ActionResult | { ok: false; message: string; browserCheck: string };

export async function saveConnectionAction(
  _prev: SaveConnectionState | undefined,
  form: FormData,
): Promise<SaveConnectionState> {
  return asEditor<SaveConnectionState, typeof FORBIDDEN>(async (editor) => {
    const fields = formObject(form);
    if (!fields) return NOT_A_FORM;
    const result = await saveConnection(fields, { by: editor.email, check: verifyCandidateConnection });
    if (!result.ok) {
      if ("browserCheck" in result)
        return { ok: false, message: "Checking from your browser…", browserCheck: result.browserCheck };
      return "fieldErrors" in result
        ? { ok: false, message: "Nothing was saved: some fields need attention.", fieldErrors: result.fieldErrors }
        : {
            ok: false,
            message: `Nothing was saved: the site could not use this connection. ${result.refused.join(" ")}`,
          };
    }
    if (result.changed.length === 0) return { ok: true, message: "Nothing changed." };
    // Option lists were the old connection's; the flows read their paths and stylesheets again.
    clearPickerCache();
    revalidateTag(tags.siteSettings, { expire: 0 });
    revalidateTag(tags.catalogue, { expire: 0 });
    revalidateTag(tags.connection, { expire: 0 });
    if (result.clientChanged) {
      // The new client's events arrive with a sync: start one once this answer has gone, rather than leave the
      // site without events until the schedule's next run. Its revalidations could not reach Next from there,
      // so caches start over instead (ADR 0008).
      after(() => runSiteSync({ trigger: "studio", revalidate: null }).catch(() => undefined));
    }
    const then = result.clientChanged
      ? "; the previous client’s events are kept, hidden (see Events), and a sync of the new client’s has started."
      : ".";
    return {
      ok: true,
      message: `Connection saved. Changed: ${result.changed.join(", ")}. The whole site uses it now${then}`,
    };
  }, FORBIDDEN);
}

export async function checkConnectionAction(): Promise<ActionResult<ConnectionReport>> {
  return asEditor(async () => ({ ok: true, data: await checkConnection() }), FORBIDDEN);
}
