import type { CSSProperties } from "react";

/**
 * A typographic poster for events with no image (or one that fails to load): the title set large in the
 * display face on one of a few house colourways, chosen from the title so each show keeps its look. The
 * colourways and the layout are the `.poster*` classes in globals.css; each poster only sets where its glow
 * sits and the angle of its stripe. It carries no line above the title: the genre is printed beside it (a
 * poster repeating it read as a stutter), and a fixed line such as "Live on stage" was wrong for films.
 */
const COLOURWAYS = 5;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function Poster({
  title,
  size = "card",
  showTitle = true,
}: {
  title: string;
  size?: "card" | "hero";
  showTitle?: boolean;
}) {
  const h = hash(title);
  const long = title.length > 38;
  // `.poster-title` is sized for a card with a short title; these override it.
  const titleSize =
    size === "hero" ? (long ? " text-3xl md:text-5xl" : " text-4xl md:text-6xl") : long ? " text-xl" : "";
  const style = { "--poster-x": `${20 + (h % 60)}%`, "--poster-angle": `${110 + (h % 70)}deg` } as CSSProperties;
  return (
    <div aria-hidden className={`poster poster-${(h % COLOURWAYS) + 1}`} style={style}>
      <span className={`poster-title${titleSize}${showTitle ? "" : " invisible"}`}>{title}</span>
      <span className="poster-rule" />
    </div>
  );
}
