import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/config";
import { isSessionRevoked } from "@/lib/auth/revocation";
import { STUDIO_SESSION_COOKIE, verifySessionToken } from "./session-token";
import { findStudioUser, type StudioUser } from "./users";
import { safeReturnPath } from "./guard-paths";
import { errorResponse } from "@/lib/http/errors";
import { routes } from "@/lib/routes";

export { safeReturnPath };

/**
 * The one gate of the studio. Every studio page, server action and route handler calls one of these on the
 * server before it does anything; nothing relies on middleware or on the client.
 */

export class StudioAccessError extends Error {
  readonly status = 403;
  constructor(reason = "Editors only") {
    super(reason);
    this.name = "StudioAccessError";
  }
}

export type Editor = StudioUser;

/** The signed-in editor, or null for visitors, members and anyone with a forged, expired or revoked cookie. */
export async function currentEditor(): Promise<Editor | null> {
  const store = await cookies();
  const claims = verifySessionToken(store.get(STUDIO_SESSION_COOKIE)?.value, env().AUTH_SECRET);
  if (!claims) return null;
  if (await isSessionRevoked("studio", claims.sub, claims.at ?? claims.iat * 1000)) return null;
  const user = await findStudioUser(claims.sub);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, role: "editor" };
}

/** For server actions and route handlers: the editor, or a StudioAccessError (mapped to 403). */
export async function requireEditor(): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) throw new StudioAccessError();
  return editor;
}

/** For studio pages: the editor, or a redirect to the studio sign-in (which comes back here afterwards). */
export async function requireEditorPage(returnTo: string = routes.studio.home): Promise<Editor> {
  const editor = await currentEditor();
  if (!editor) redirect(`${routes.studio.signIn}?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return editor;
}

/** Route-handler wrapper: checks the editor first, maps access errors to 403 and anything else to 500. */
export function editorRoute<Ctx>(handler: (request: Request, context: Ctx, editor: Editor) => Promise<Response>) {
  return async (request: Request, context: Ctx): Promise<Response> => {
    let editor: Editor;
    try {
      editor = await requireEditor();
    } catch (error) {
      if (error instanceof StudioAccessError)
        return errorResponse(403, "forbidden", "Editors only. Sign in at /studio/sign-in.");
      throw error;
    }
    return handler(request, context, editor);
  };
}

/**
 * Server-action wrapper: checks the editor before running `fn`, and turns an access failure into the form
 * result every studio form understands (so a member or visitor posting to an action gets "Editors only").
 */
export async function asEditor<T, F>(fn: (editor: Editor) => Promise<T>, onForbidden: F): Promise<T | F> {
  let editor: Editor;
  try {
    editor = await requireEditor();
  } catch (error) {
    if (error instanceof StudioAccessError) return onForbidden;
    throw error;
  }
  return fn(editor);
}
