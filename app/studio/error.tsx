"use client";

import { useEffect } from "react";

/** A studio page that failed: editors get the reference for the server log and a retry; nothing was saved by it. */
export default function StudioError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("studio page error", error.digest ?? error.message);
  }, [error]);
  return (
    <div role="alert" className="container-page py-16">
      <h1 className="text-3xl font-semibold">This studio page didn’t load</h1>
      <p className="mt-3 max-w-prose text-ink-soft">
        Try again in a moment. If it keeps happening, give your developer this reference from the server log
        {error.digest ? `: ${error.digest}` : ""}.
      </p>
      <button type="button" onClick={reset} className="btn btn-primary mt-6">
        Try again
      </button>
    </div>
  );
}
