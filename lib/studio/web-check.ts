/**
 * The browser half of the connection check (ADR 0017). Spektrix serves web mode only to browsers on origins the
 * venue allowed, so only the editor's browser can tell whether the site's origin is allowed at a candidate
 * address. The Connection page cannot ask itself: its own security policy lets it reach the connection in use,
 * not the candidate. So it frames a tiny page of this site (app/studio/web-check) whose policy allows exactly
 * the candidate; that page reads the candidate's session basket as a visitor's browser would and posts back
 * what happened. Shared by that route (the page) and the Connection form (the messages).
 */

/** The `type` of the message the check page posts to the Connection page. */
export const WEB_CHECK_MESSAGE = "spektrix-web-check";

/**
 * What the browser met: `ok` (Spektrix answered this site's origin), `origin` (the address answers, but not to
 * this origin: not allowed in Spektrix), `unreachable` (no answer at all), or the HTTP status of a refusal.
 */
export type WebCheckResult = "ok" | "origin" | "unreachable" | `status:${number}`;

export interface WebCheckMessage {
  type: typeof WEB_CHECK_MESSAGE;
  target: string;
  result: WebCheckResult;
}

export function isWebCheckMessage(data: unknown): data is WebCheckMessage {
  if (!data || typeof data !== "object") return false;
  const m = data as Record<string, unknown>;
  return (
    m.type === WEB_CHECK_MESSAGE &&
    typeof m.target === "string" &&
    typeof m.result === "string" &&
    /^(ok|origin|unreachable|status:\d{3})$/.test(m.result)
  );
}

/** What the editor reads when the browser check fails (null when it passed). */
export function webCheckProblem(result: WebCheckResult, target: string, siteOrigin: string): string | null {
  const where = new URL(target).origin;
  if (result === "ok") return null;
  if (result === "origin")
    return `Spektrix at ${where} does not answer this site (${siteOrigin}) in the browser: add ${siteOrigin} to the allowed origins in Spektrix (Settings, Domain Specific Config), then save again.`;
  if (result === "unreachable")
    return `Your browser could not reach ${where}: check the custom domain (and that it has a certificate), then save again.`;
  return `Spektrix at ${where} refused the browser's request (${result.replace("status:", "HTTP ")}): check the client name, then save again.`;
}

/** The check page: one inline script, allowed by its nonce, that may connect to the target's origin only. */
export function webCheckPage(target: string, nonce: string): { html: string; policy: string } {
  const origin = new URL(target).origin;
  const policy = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `connect-src ${origin}`,
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  // The target travels as JSON inside the script (every `<` escaped), never as markup.
  const data = JSON.stringify({ type: WEB_CHECK_MESSAGE, target }).replace(/</g, "\\u003c");
  const script = `(() => {
  const message = ${data};
  const say = (result) => parent.postMessage({ ...message, result }, location.origin);
  fetch(message.target, { credentials: "include", cache: "no-store" }).then(
    (res) => say(res.ok ? "ok" : "status:" + res.status),
    // No answer this origin may read: does the address answer at all (an opaque reply)?
    () => fetch(message.target, { mode: "no-cors", cache: "no-store" }).then(() => say("origin"), () => say("unreachable")),
  );
})();`;
  return {
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connection check</title></head><body><script nonce="${nonce}">${script}</script></body></html>`,
    policy,
  };
}
