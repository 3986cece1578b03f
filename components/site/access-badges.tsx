import type { AccessFlag } from "@/lib/db/schema";
import { ACCESS_LABELS } from "@/lib/events/filters";

const SHORT: Record<AccessFlag, string> = { captioned: "CC", bsl: "BSL", audioDescribed: "AD", relaxed: "R", touchTour: "TT" };

/** Access performance badges: the text is always there; the short code is a visual aid only. */
export function AccessBadges({ flags, size = "md" }: { flags: readonly AccessFlag[]; size?: "sm" | "md" }) {
  if (!flags.length) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Access">
      {flags.map((f) => (
        <li
          key={f}
          className={`inline-flex items-center gap-1.5 rounded-pill border border-[#1d4e6b]/30 bg-[#e7f0f5] font-medium text-[#163e56] ${size === "sm" ? "px-2 py-0.5 text-xs" : "px-2.5 py-1 text-[0.8rem]"}`}
        >
          <span aria-hidden className="font-bold tracking-wide">
            {SHORT[f]}
          </span>
          <span>{ACCESS_LABELS[f]}</span>
        </li>
      ))}
    </ul>
  );
}
