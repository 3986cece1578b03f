import type { AccessFlag } from "@/lib/db/schema";
import { ACCESS_LABELS, SIGN_LANGUAGE } from "@/lib/events/filters";

/** The short code venues print beside an access performance. */
export const ACCESS_CODES: Record<AccessFlag, string> = {
  captioned: "CC",
  bsl: SIGN_LANGUAGE,
  audioDescribed: "AD",
  relaxed: "R",
  touchTour: "TT",
};

/** Access performance badges: the text is always there; the short code is a visual aid only. Styled by `.access-badges` in globals.css. */
export function AccessBadges({ flags, size = "md" }: { flags: readonly AccessFlag[]; size?: "sm" | "md" }) {
  if (!flags.length) return null;
  return (
    <ul className={size === "sm" ? "access-badges access-badges-sm" : "access-badges"} aria-label="Access">
      {flags.map((f) => (
        <li key={f}>
          <span aria-hidden>{ACCESS_CODES[f]}</span>
          <span>{ACCESS_LABELS[f]}</span>
        </li>
      ))}
    </ul>
  );
}
