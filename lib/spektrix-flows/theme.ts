/**
 * The stylesheet for Spektrix iframes, generated from the site's own design tokens (the `@theme` block of
 * app/globals.css), so the embedded booking pages look like the rest of the site. Pure: the route handler
 * reads the CSS file and passes it in; tests prove the fallback values still match the file.
 */

export interface ThemeTokens {
  ink: string;
  inkSoft: string;
  paper: string;
  paperDeep: string;
  line: string;
  brand: string;
  brandDeep: string;
  brandTint: string;
  gold: string;
  success: string;
  warning: string;
  danger: string;
  radiusCard: string;
}

/** Used when app/globals.css cannot be read (e.g. a standalone deployment without sources). */
export const FALLBACK_TOKENS: ThemeTokens = {
  ink: "#1b1320",
  inkSoft: "#4a3f4f",
  paper: "#fbf7f1",
  paperDeep: "#f1e9dd",
  line: "#dfd3c3",
  brand: "#7a1f35",
  brandDeep: "#5a1426",
  brandTint: "#f6e4e7",
  gold: "#b8862f",
  success: "#1f6b43",
  warning: "#8a5a00",
  danger: "#a12a2a",
  radiusCard: "0.75rem",
};

const TOKEN_VARS: Record<keyof ThemeTokens, string> = {
  ink: "--color-ink",
  inkSoft: "--color-ink-soft",
  paper: "--color-paper",
  paperDeep: "--color-paper-deep",
  line: "--color-line",
  brand: "--color-brand",
  brandDeep: "--color-brand-deep",
  brandTint: "--color-brand-tint",
  gold: "--color-gold",
  success: "--color-success",
  warning: "--color-warning",
  danger: "--color-danger",
  radiusCard: "--radius-card",
};

/** Only plain values may pass into the generated CSS: colours and lengths, nothing that could close a rule. */
const SAFE_VALUE = /^(#[0-9a-f]{3,8}|[0-9.]+(rem|px|em)|(rgb|hsl|oklch)a?\([0-9.,%\s/a-z-]+\))$/i;

/** Reads the tokens from the `@theme { … }` block; any token missing or unsafe keeps its fallback. */
export function parseThemeTokens(
  css: string,
  fallback: ThemeTokens = FALLBACK_TOKENS,
): { tokens: ThemeTokens; found: (keyof ThemeTokens)[] } {
  const block = /@theme\s*\{([\s\S]*?)\n\}/.exec(css)?.[1] ?? "";
  const tokens = { ...fallback };
  const found: (keyof ThemeTokens)[] = [];
  for (const [key, cssVar] of Object.entries(TOKEN_VARS) as [keyof ThemeTokens, string][]) {
    const match = new RegExp(`${cssVar.replace(/-/g, "\\-")}\\s*:\\s*([^;]+);`).exec(block);
    const value = match?.[1]?.trim();
    if (value && SAFE_VALUE.test(value)) {
      tokens[key] = value;
      found.push(key);
    }
  }
  return { tokens, found };
}

/**
 * CSS for the Spektrix iframe pages. Spektrix's classic pages use plain forms, tables and buttons; the
 * selectors target elements first and Spektrix's common class names second, so they survive markup changes.
 */
export function themeStylesheet(t: ThemeTokens, options: { venueName?: string } = {}): string {
  const serif = `"Iowan Old Style", "Palatino Linotype", Georgia, serif`;
  const sans = `ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  return `/* Spektrix iframe theme${options.venueName ? ` for ${options.venueName.replace(/[^\w\s.,'&-]/g, "")}` : ""}.
 * Generated from the site's design tokens (app/globals.css @theme). Register it in Spektrix Website Admin;
 * see docs/spektrix-setup.md. Do not edit the copy in Spektrix: change the tokens and upload it again. */
:root {
  --sx-ink: ${t.ink};
  --sx-ink-soft: ${t.inkSoft};
  --sx-paper: ${t.paper};
  --sx-paper-deep: ${t.paperDeep};
  --sx-line: ${t.line};
  --sx-brand: ${t.brand};
  --sx-brand-deep: ${t.brandDeep};
  --sx-brand-tint: ${t.brandTint};
  --sx-gold: ${t.gold};
  --sx-success: ${t.success};
  --sx-warning: ${t.warning};
  --sx-danger: ${t.danger};
  --sx-radius: ${t.radiusCard};
  color-scheme: light;
}
html, body {
  margin: 0;
  background: transparent;
  color: var(--sx-ink);
  font-family: ${sans};
  font-size: 16px;
  line-height: 1.5;
  -webkit-font-smoothing: antialiased;
  /* An order reference or an email address is one long word: it wraps rather than widening a phone's frame. */
  overflow-wrap: break-word;
}
body { padding: 0.25rem; }
h1, h2, h3, h4, legend, .Title, .EventName {
  font-family: ${serif};
  color: var(--sx-ink);
  letter-spacing: -0.01em;
  line-height: 1.15;
  font-weight: 600;
}
h1 { font-size: 1.9rem; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.2rem; }
p, li, td, th, label { color: var(--sx-ink); }
small, .Hint, .Note, .Secondary { color: var(--sx-ink-soft); }
a { color: var(--sx-brand); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { color: var(--sx-brand-deep); }
:focus-visible { outline: 3px solid var(--sx-gold); outline-offset: 2px; border-radius: 2px; }
hr { border: 0; border-top: 1px solid var(--sx-line); margin: 1.5rem 0; }

table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th { text-align: left; font-size: 0.8rem; letter-spacing: 0.12em; text-transform: uppercase; color: var(--sx-ink-soft); font-weight: 600; }
th, td { padding: 0.65rem 0.5rem; border-bottom: 1px solid var(--sx-line); vertical-align: top; }

fieldset { border: 1px solid var(--sx-line); border-radius: var(--sx-radius); padding: 1rem 1.25rem; margin: 0 0 1.25rem; background: #fff; }
label { display: inline-block; font-weight: 600; margin-bottom: 0.25rem; }
input:not([type]), input[type="text"], input[type="email"], input[type="password"], input[type="tel"], input[type="number"], input[type="date"], select, textarea {
  font: inherit;
  color: var(--sx-ink);
  background: #fff;
  border: 1.5px solid var(--sx-line);
  border-radius: 0.5rem;
  padding: 0.6rem 0.75rem;
  min-height: 2.75rem;
  box-sizing: border-box;
  max-width: 100%;
}
input:focus, select:focus, textarea:focus { border-color: var(--sx-brand); outline: 3px solid var(--sx-gold); outline-offset: 1px; }
input[type="checkbox"], input[type="radio"] { accent-color: var(--sx-brand); width: 1.15rem; height: 1.15rem; }

button, input[type="submit"], input[type="button"], .Button, .button, .btn, a.Button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 0.5rem;
  font: inherit;
  font-weight: 600;
  line-height: 1.2;
  color: #fff;
  background: var(--sx-brand);
  border: 1.5px solid var(--sx-brand);
  border-radius: 999px;
  padding: 0.7rem 1.35rem;
  min-height: 2.75rem;
  cursor: pointer;
  text-decoration: none;
  transition: background-color 150ms, border-color 150ms;
}
button:hover, input[type="submit"]:hover, input[type="button"]:hover, .Button:hover, .button:hover, .btn:hover {
  background: var(--sx-brand-deep);
  border-color: var(--sx-brand-deep);
  color: #fff;
}
button.Secondary, .Button.Secondary, .button-secondary, input[type="button"].Secondary {
  color: var(--sx-brand);
  background: transparent;
}
button:disabled, input:disabled { opacity: 0.55; cursor: not-allowed; }

.Error, .error, .ErrorMessage, .validation-summary-errors, [role="alert"] {
  color: var(--sx-danger);
  background: #fff;
  border-left: 4px solid var(--sx-danger);
  padding: 0.6rem 0.9rem;
  border-radius: 0.25rem;
}
.Success, .success, .Confirmation { color: var(--sx-success); border-left: 4px solid var(--sx-success); padding: 0.6rem 0.9rem; background: #fff; }
.Warning, .warning { color: var(--sx-warning); border-left: 4px solid var(--sx-warning); padding: 0.6rem 0.9rem; background: #fff; }

.Panel, .panel, .Box, .card { background: #fff; border: 1px solid var(--sx-line); border-radius: var(--sx-radius); padding: 1rem 1.25rem; }
.Price, .price, .Total, .total { font-variant-numeric: tabular-nums; font-weight: 600; }

/* Seat maps: available seats in the brand colour, chosen ones in gold, unavailable muted. */
.Seat.Available, .seat.available, [data-seat-status="available"] { fill: var(--sx-brand); background: var(--sx-brand); color: #fff; }
.Seat.Selected, .seat.selected, [data-seat-status="selected"], [aria-pressed="true"].seat { fill: var(--sx-gold); background: var(--sx-gold); color: var(--sx-ink); }
.Seat.Unavailable, .seat.unavailable, [data-seat-status="unavailable"] { fill: var(--sx-line); background: var(--sx-line); color: var(--sx-ink-soft); }

@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
}
