import type { BoxOffice } from "./spektrix-loader-client";
import { telHref } from "@/lib/text/phone";

/** What visitors see when Spektrix cannot be reached: a plain sentence and a way to book by phone or e-mail. */
export function BoxOfficeNotice({
  boxOffice,
  title = "Online booking is temporarily unavailable",
  children,
  compact = false,
}: {
  boxOffice: BoxOffice;
  title?: string;
  children?: React.ReactNode;
  compact?: boolean;
}) {
  return (
    <div
      role="status"
      className={`rounded-[var(--radius-card)] border border-line bg-paper-deep ${compact ? "p-4 text-sm" : "p-5 md:p-6"}`}
    >
      <p className={`font-display font-semibold text-ink ${compact ? "text-base" : "text-xl"}`}>{title}</p>
      <p className="mt-1.5 text-ink-soft">
        {children ?? "Please try again in a few minutes, or contact the box office and we’ll be glad to help."}
      </p>
      <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 font-medium">
        <a className="text-brand underline underline-offset-2" href={telHref(boxOffice.phone)}>
          {boxOffice.phone}
        </a>
        <a className="text-brand underline underline-offset-2" href={`mailto:${boxOffice.email}`}>
          {boxOffice.email}
        </a>
        <span className="text-ink-soft font-normal">{boxOffice.hours}</span>
      </p>
    </div>
  );
}

/** Shown only to editors (draft mode, development): what is wrong with a block and how to fix it. */
export function EditorNotice({ children }: { children: React.ReactNode }) {
  return (
    <div role="note" className="rounded-md border-2 border-dashed border-warning bg-note p-4 text-sm text-ink">
      <p className="font-semibold text-warning">Editor note: this block needs attention</p>
      <p className="mt-1">{children}</p>
      <p className="mt-1 text-ink-soft">Visitors see a fallback instead of this note.</p>
    </div>
  );
}
