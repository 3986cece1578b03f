"use client";

import { SiteLink } from "@/components/site/site-link-client";
import { useEffect } from "react";
import { routes } from "@/lib/routes";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The digest lets staff match a visitor's report to the server log without exposing details here.
    console.error("page error", error.digest ?? error.message);
  }, [error]);

  return (
    <div role="alert" className="container-page py-24 text-center">
      <p className="eyebrow text-brand">Something went wrong</p>
      <h1 className="mt-3 text-4xl font-semibold">This page didn’t load</h1>
      <p className="mx-auto mt-4 max-w-md text-ink-soft">
        It’s us, not you. Try again in a moment; if it keeps happening, the box office can help you book by phone.
      </p>
      {error.digest ? <p className="mt-2 text-xs text-ink-soft">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" onClick={reset} className="btn btn-primary">
          Try again
        </button>
        <SiteLink href={routes.home} className="btn btn-ghost text-brand">
          Home
        </SiteLink>
      </div>
    </div>
  );
}
