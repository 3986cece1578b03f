"use client";

import { ERROR_PAGE_CONTENT_SECURITY_POLICY } from "@/lib/security/headers.mjs";
import { FALLBACK_TOKENS } from "@/lib/spektrix-flows/theme";

// Replaces the root layout when the layout itself fails, so it carries its own <html> and plain styles; the
// colours come from the design tokens as TypeScript values, since the stylesheet may be what failed.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="Content-Security-Policy" content={ERROR_PAGE_CONTENT_SECURITY_POLICY} />
      </head>
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          padding: "4rem 1.5rem",
          textAlign: "center",
          background: FALLBACK_TOKENS.paper,
          color: FALLBACK_TOKENS.ink,
        }}
      >
        <h1 style={{ fontSize: "2rem" }}>The site is having trouble</h1>
        <p>Please try again in a moment. You can still book by phone with the box office.</p>
        <button
          type="button"
          onClick={reset}
          style={{
            marginTop: "1.5rem",
            padding: "0.7rem 1.4rem",
            borderRadius: 999,
            background: FALLBACK_TOKENS.brand,
            color: "white",
            border: 0,
          }}
        >
          Try again
        </button>
      </body>
    </html>
  );
}
