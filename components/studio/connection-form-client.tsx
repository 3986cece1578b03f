"use client";

import { useCallback, useEffect, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { routes } from "@/lib/routes";
import { saveConnectionAction, type SaveConnectionState } from "@/lib/studio/actions/connection";
import { isWebCheckMessage, webCheckProblem, type WebCheckResult } from "@/lib/studio/web-check";
import type { ConnectionView } from "@/lib/studio/connection";
import { errorFor, FormMessage, TextField } from "./fields";
import { useStudioForm } from "./studio-form-client";

/** The note a field pinned by the server environment carries instead of its usual hint. */
function pinnedHint(variable: string | undefined): string | undefined {
  return variable
    ? `Set by ${variable} in the server environment, which wins over this form: change it there.`
    : undefined;
}

/** How long the browser check may take before the address counts as unreachable. */
const BROWSER_CHECK_MS = 15_000;

/**
 * A save that moves web mode comes back asking for a browser check (`browserCheck`): the form frames the check
 * page for that address, and when the editor's browser got an answer it saves again carrying the address it
 * checked; otherwise it says what failed, and nothing is saved (ADR 0017).
 */
function useBrowserCheck(result: SaveConnectionState | undefined, resubmit: (checked: string) => void) {
  const target = result && "browserCheck" in result ? result.browserCheck : null;
  const [handled, setHandled] = useState<{ for: SaveConnectionState; problem: string | null } | null>(null);
  const checking = target !== null && handled?.for !== result;
  useEffect(() => {
    if (!checking || !target || !result) return;
    const finish = (outcome: WebCheckResult) => {
      window.removeEventListener("message", onMessage);
      clearTimeout(timer);
      const problem = webCheckProblem(outcome, target, window.location.origin);
      setHandled({ for: result, problem });
      if (!problem) resubmit(target);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin && isWebCheckMessage(event.data) && event.data.target === target)
        finish(event.data.result);
    };
    const timer = setTimeout(() => finish("unreachable"), BROWSER_CHECK_MS);
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("message", onMessage);
      clearTimeout(timer);
    };
  }, [checking, target, result, resubmit]);
  const problem = handled && handled.for === result ? handled.problem : null;
  return { target: checking ? target : null, problem };
}

export function ConnectionForm({ connection }: { connection: ConnectionView }) {
  // The save that follows a browser check sends what the editor typed (not the saved values), with the address checked.
  const { result, pending, submit, formProps } = useStudioForm(saveConnectionAction);
  const resubmit = useCallback((browserChecked: string) => submit({ browserChecked }), [submit]);
  const browser = useBrowserCheck(result, resubmit);
  useEffect(() => {
    // A saved key is never shown again: clear what was typed once the save went through.
    const key = formProps.ref.current?.elements.namedItem("apiKey");
    if (result?.ok && key instanceof HTMLInputElement) key.value = "";
  }, [result, formProps.ref]);
  const shown = browser.problem ? { ok: false as const, message: `Nothing was saved. ${browser.problem}` } : result;
  const errors = result && !result.ok && "fieldErrors" in result ? result.fieldErrors : undefined;
  const e = (name: string) => errorFor(errors, name);
  return (
    <form {...formProps} className="grid gap-6 rounded-[var(--radius-card)] border border-line bg-white p-6" noValidate>
      <fieldset className="grid gap-4">
        <legend className="text-xl font-semibold">Spektrix client</legend>
        <p className="text-sm text-ink-soft">
          The whole site uses these: the events sync, seat availability, the Spektrix iframes and web components, member
          sign-in and checkout. A change is checked with Spektrix before it is saved, and applies from the next page a
          visitor opens, with no rebuild. A value set in the server environment wins; such fields say so.
        </p>
        <TextField
          name="clientName"
          label="Client name"
          defaultValue={connection.clientName}
          error={e("clientName")}
          readOnly={Boolean(connection.pinned.clientName)}
          hint={
            pinnedHint(connection.pinned.clientName) ?? "As in your Spektrix URLs: system.spektrix.com/{client name}/…"
          }
        />
        <TextField
          name="customDomain"
          label="Custom domain"
          defaultValue={connection.customDomain}
          error={e("customDomain")}
          readOnly={Boolean(connection.pinned.baseUrl)}
          hint={
            pinnedHint(connection.pinned.baseUrl) ??
            "e.g. tickets.venue.org; leave empty for system.spektrix.com. Iframes and web components must use it, or baskets come up empty in Safari."
          }
        />
        <TextField
          name="webComponentsUrl"
          label="Web components URL"
          defaultValue={connection.webComponentsUrl}
          error={e("webComponentsUrl")}
          readOnly={Boolean(connection.pinned.webComponentsUrl)}
          hint={
            pinnedHint(connection.pinned.webComponentsUrl) ??
            "Where Spektrix's web-component scripts live. Leave empty for Spektrix's own (webcomponents.spektrix.com/stable)."
          }
        />
        <TextField
          name="apiUser"
          label="Owner API user"
          defaultValue={connection.apiUser}
          error={e("apiUser")}
          autoComplete="off"
          readOnly={Boolean(connection.pinned.apiUser)}
          hint={pinnedHint(connection.pinned.apiUser)}
        />
        <TextField
          name="apiKey"
          label="Owner API secret key"
          type="password"
          autoComplete="new-password"
          error={e("apiKey")}
          readOnly={Boolean(connection.pinned.apiKey)}
          hint={
            pinnedHint(connection.pinned.apiKey) ??
            (connection.storedKeyUnreadable
              ? "The saved key can no longer be read (the server's AUTH_SECRET changed): type it again."
              : connection.apiKeySaved
                ? "A key is saved. Leave empty to keep it; type a new one to replace it."
                : "The site uses the key from the server environment. Type one to keep it here instead (stored encrypted, never shown again).")
          }
        />
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="text-xl font-semibold">Page paths</legend>
        <TextField
          name="accountPath"
          label="Account page"
          defaultValue={connection.accountPath}
          error={e("accountPath")}
        />
        <TextField name="basketPath" label="Basket page" defaultValue={connection.basketPath} error={e("basketPath")} />
        <TextField
          name="checkoutPath"
          label="Checkout page"
          defaultValue={connection.checkoutPath}
          error={e("checkoutPath")}
        />
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="text-xl font-semibold">Stylesheets</legend>
        <TextField
          name="iframeStylesheetUrl"
          label="Iframe stylesheet"
          defaultValue={connection.iframeStylesheetUrl}
          error={e("iframeStylesheetUrl")}
          hint="The name of a .css file uploaded to Spektrix (Website Admin › Stylesheets), e.g. lyric-theme.css. Passed to Spektrix iframes as stylesheet=…; empty: Spektrix uses the domain's default."
        />
        <TextField
          name="componentsStylesheetUrl"
          label="Web components stylesheet URL"
          defaultValue={connection.componentsStylesheetUrl}
          error={e("componentsStylesheetUrl")}
          hint="Linked on the pages that show Spektrix's donate, membership, gift voucher, shop and payment forms. It must be on this site, your Spektrix domain or the web components host: the pages allow stylesheets from nowhere else."
        />
      </fieldset>
      {browser.target ? <iframe hidden title="Connection check" src={routes.studio.webCheck(browser.target)} /> : null}
      <FormMessage result={shown} />
      <div>
        <BusyButton type="submit" className="btn btn-primary" busy={pending || browser.target !== null}>
          {pending ? "Saving…" : browser.target ? "Checking…" : "Save connection"}
        </BusyButton>
      </div>
    </form>
  );
}
