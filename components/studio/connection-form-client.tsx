"use client";

import { useActionState } from "react";
import { saveConnectionAction } from "@/lib/studio/actions/connection";
import type { ConnectionView } from "@/lib/studio/connection";
import { errorFor, FormMessage, TextField } from "./fields";

/** The note a field pinned by the server environment carries instead of its usual hint. */
function pinnedHint(variable: string | undefined): string | undefined {
  return variable
    ? `Set by ${variable} in the server environment, which wins over this form: change it there.`
    : undefined;
}

export function ConnectionForm({ connection }: { connection: ConnectionView }) {
  const [result, action, pending] = useActionState(saveConnectionAction, undefined);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const e = (name: string) => errorFor(errors, name);
  return (
    <form
      action={action}
      className="grid gap-6 rounded-[var(--radius-card)] border border-line bg-white p-6"
      noValidate
    >
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
          label="Iframe stylesheet URL"
          defaultValue={connection.iframeStylesheetUrl}
          error={e("iframeStylesheetUrl")}
          hint="Passed to Spektrix iframes as stylesheet=…"
        />
        <TextField
          name="componentsStylesheetUrl"
          label="Web components stylesheet URL"
          defaultValue={connection.componentsStylesheetUrl}
          error={e("componentsStylesheetUrl")}
          hint="Linked on the pages that show Spektrix's donate, membership, gift voucher, shop and payment forms. It must be on this site, your Spektrix domain or the web components host: the pages allow stylesheets from nowhere else."
        />
      </fieldset>
      <FormMessage result={result} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Saving…" : "Save connection"}
        </button>
      </div>
    </form>
  );
}
