import { draftMode } from "next/headers";
import { env } from "@/lib/config";

/**
 * Whether the person looking is an editor: the studio previews pages in Next's draft mode, and developers
 * run `next dev`. Editors get plain messages about misconfigured blocks; visitors get a safe fallback.
 */
export async function isEditorView(): Promise<boolean> {
  if (env().NODE_ENV === "development") return true;
  try {
    return (await draftMode()).isEnabled;
  } catch {
    return false;
  }
}
