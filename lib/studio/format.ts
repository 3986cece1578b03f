/** Small display helpers for the studio (client-safe). Dates and times read as on the public site. */
import { formatDayAndTime } from "@/lib/events/format";

export function formatAge(seconds: number | null): string {
  if (seconds === null) return "never";
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}

/** An instant in the venue's zone (pass `siteInfo().timeZone`: the server's own zone is not the venue's). */
export function formatWhen(date: Date | string | null | undefined, timeZone: string): string {
  if (!date) return "—";
  const d = typeof date === "string" ? new Date(date) : date;
  return Number.isNaN(d.getTime()) ? "—" : formatDayAndTime(d, timeZone);
}

export function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  if (value instanceof Date) return value.toISOString();
  const s = String(value);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}
