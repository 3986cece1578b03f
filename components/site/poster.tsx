/**
 * A typographic poster for events with no image (or one that fails to load): the title set large in the
 * display face on one of a few house colourways, chosen from the title so each show keeps its look.
 */
const PALETTES = [
  { bg: "#1b1320", glow: "rgba(184,134,47,0.55)", accent: "#d9b26a", ink: "#fbf7f1" },
  { bg: "#5a1426", glow: "rgba(246,228,231,0.28)", accent: "#f1c9a5", ink: "#fbf7f1" },
  { bg: "#173434", glow: "rgba(232,192,122,0.40)", accent: "#e8c07a", ink: "#f4efe6" },
  { bg: "#2a2452", glow: "rgba(240,180,160,0.40)", accent: "#f0b4a0", ink: "#f6f1ff" },
  { bg: "#3b2a14", glow: "rgba(251,247,241,0.25)", accent: "#f3d9a4", ink: "#fbf7f1" },
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function Poster({ title, genre, size = "card", showTitle = true }: { title: string; genre?: string | null; size?: "card" | "hero"; showTitle?: boolean }) {
  const h = hash(title);
  const p = PALETTES[h % PALETTES.length]!;
  const angle = 110 + (h % 70);
  const long = title.length > 38;
  const titleClass =
    size === "hero"
      ? long
        ? "text-3xl md:text-5xl"
        : "text-4xl md:text-6xl"
      : long
        ? "text-xl"
        : "text-2xl sm:text-[1.7rem]";
  return (
    <div
      aria-hidden
      className="absolute inset-0 flex flex-col justify-between overflow-hidden p-5 md:p-7"
      style={{
        backgroundColor: p.bg,
        backgroundImage: `radial-gradient(120% 80% at ${20 + (h % 60)}% -10%, ${p.glow}, transparent 60%), linear-gradient(${angle}deg, transparent 55%, rgba(255,255,255,0.05) 55%, rgba(255,255,255,0.05) 70%, transparent 70%)`,
        color: p.ink,
      }}
    >
      <span className="eyebrow" style={{ color: p.accent }}>
        {genre || "Live on stage"}
      </span>
      <span className={`${showTitle ? "" : "invisible"} font-display font-semibold leading-[1.02] tracking-tight [text-wrap:balance] line-clamp-4 ${titleClass}`}>{title}</span>
      <span className="block h-px w-16" style={{ backgroundColor: p.accent }} />
    </div>
  );
}
