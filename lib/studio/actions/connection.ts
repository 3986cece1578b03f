"use server";

import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { checkConnection, clearPickerCache, type ConnectionReport } from "../spektrix";
import { saveConnection } from "../connection";
import { FORBIDDEN, formObject, type ActionResult } from "../forms";
import { asEditor } from "../guard";

export async function saveConnectionAction(_prev: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  return asEditor(async () => {
    const result = await saveConnection(formObject(form));
    if (!result.ok)
      return { ok: false, message: "Nothing was saved: some fields need attention.", fieldErrors: result.fieldErrors };
    clearPickerCache();
    revalidateTag(tags.siteSettings, { expire: 0 });
    return { ok: true, message: "Connection saved." };
  }, FORBIDDEN);
}

export async function checkConnectionAction(): Promise<ActionResult<ConnectionReport>> {
  return asEditor(async () => ({ ok: true, data: await checkConnection() }), FORBIDDEN);
}
