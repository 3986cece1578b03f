import { readFile } from "node:fs/promises";
import path from "node:path";
import { siteInfo } from "@/lib/site";
import { FALLBACK_TOKENS, parseThemeTokens, themeStylesheet } from "@/lib/spektrix-flows/theme";

/**
 * The stylesheet for Spektrix iframes at a stable URL (`/spektrix-theme.css`), generated at build time from
 * the same design tokens as the site. Venues upload it in Spektrix Website Admin (docs/spektrix-setup.md);
 * the emulator and previews load it from here directly.
 */
export const dynamic = "force-static";

export async function GET() {
  let tokens = FALLBACK_TOKENS;
  try {
    const css = await readFile(path.join(process.cwd(), "app", "globals.css"), "utf8");
    tokens = parseThemeTokens(css).tokens;
  } catch {
    // A deployment without sources keeps the fallback values, which tests keep equal to globals.css.
  }
  return new Response(themeStylesheet(tokens, { venueName: siteInfo().name }), {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      // Spektrix pages on the custom domain may fetch it cross-origin.
      "Access-Control-Allow-Origin": "*",
    },
  });
}
