"use client";

import { useActionState } from "react";
import { saveConnectionAction } from "@/lib/studio/actions/connection";
import type { ConnectionView } from "@/lib/studio/connection";
import { errorFor, FormMessage, TextField } from "./fields";

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
          The studio&rsquo;s pickers and &ldquo;Check connection&rdquo; use these values straight away. The public site,
          the sync and checkout read theirs from the server environment (<code>SPEKTRIX_CLIENT_NAME</code>,{" "}
          <code>SPEKTRIX_BASE_URL</code>, <code>SPEKTRIX_API_USER</code>, <code>SPEKTRIX_API_KEY</code>), so change
          those too and redeploy: the site&rsquo;s security headers are fixed when it is built.
        </p>
        <TextField
          name="clientName"
          label="Client name"
          defaultValue={connection.clientName}
          error={e("clientName")}
          hint="As in your Spektrix URLs: system.spektrix.com/{client name}/…"
        />
        <TextField
          name="customDomain"
          label="Custom domain"
          defaultValue={connection.customDomain}
          error={e("customDomain")}
          hint="e.g. tickets.venue.org. Iframes and web components must use it, or baskets come up empty in Safari."
        />
        <TextField
          name="apiUser"
          label="Owner API user"
          defaultValue={connection.apiUser}
          error={e("apiUser")}
          autoComplete="off"
        />
        <TextField
          name="apiKey"
          label="Owner API secret key"
          type="password"
          autoComplete="new-password"
          error={e("apiKey")}
          hint={
            connection.apiKeySource === "studio"
              ? "A key is saved. Leave empty to keep it; type a new one to replace it."
              : "Using the key from the server environment. Type one to store it here instead (kept encrypted, never shown back)."
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
