"use client";

// Replaces the root layout when the layout itself fails, so it carries its own <html> and plain styles.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1.5rem", textAlign: "center", background: "#fbf7f1", color: "#1b1320" }}>
        <h1 style={{ fontSize: "2rem" }}>The site is having trouble</h1>
        <p>Please try again in a moment. You can still book by phone with the box office.</p>
        <button type="button" onClick={reset} style={{ marginTop: "1.5rem", padding: "0.7rem 1.4rem", borderRadius: 999, background: "#7a1f35", color: "white", border: 0 }}>
          Try again
        </button>
      </body>
    </html>
  );
}
