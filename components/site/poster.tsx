import type { CSSProperties } from "react";

/**
 * A typographic poster for events with no image (or one that fails to load): the title's initial set large in
 * the display face on one of a few house colourways, chosen from the title so each show keeps its look. Not the
 * whole title: every card and hero prints the title beside its poster, and a poster repeating it read as a
 * stutter down a page of shows without images. Nor the genre (printed beside it too) or a fixed line such as
 * "Live on stage", which was wrong for films. The colourways and the layout are the `.poster*` classes in
 * globals.css; each poster only sets where its glow sits and the angle of its stripe.
 */
const COLOURWAYS = 5;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The first letter or digit of a title, as a capital ("The 39 Steps" → "T", "¡Ay, Carmela!" → "A"). Composed
 * first, so an accent typed as a separate mark stays on its letter; upper-cased without a locale, so the server
 * and a Turkish browser draw the same letter for "i".
 */
export function posterInitial(title: string): string {
  return (/[\p{L}\p{N}]/u.exec(title.normalize("NFC"))?.[0] ?? "").toUpperCase();
}

export function Poster({
  title,
  size = "card",
  showInitial = true,
}: {
  title: string;
  size?: "card" | "hero";
  /** false where the title is set over the poster (the home page's featured show). */
  showInitial?: boolean;
}) {
  const h = hash(title);
  const style = { "--poster-x": `${20 + (h % 60)}%`, "--poster-angle": `${110 + (h % 70)}deg` } as CSSProperties;
  return (
    <div
      aria-hidden
      className={`poster poster-${(h % COLOURWAYS) + 1}${size === "hero" ? " poster-hero" : ""}`}
      style={style}
    >
      {showInitial ? <span className="poster-initial">{posterInitial(title)}</span> : null}
      <span className="poster-rule" />
    </div>
  );
}
