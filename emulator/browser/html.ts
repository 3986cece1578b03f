/** Escapes text for HTML content and double- or single-quoted attributes: one rule for every stand-in page. */
export const esc = (v: unknown) => String(v ?? "").replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
