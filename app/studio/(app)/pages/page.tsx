import type { Metadata } from "next";
import Link from "next/link";
import { formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { listPages } from "@/lib/studio/pages";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import { countOf } from "@/lib/text/count";

export const metadata: Metadata = { title: "Pages" };
export const dynamic = "force-dynamic";

export default async function StudioPagesPage() {
  await requireEditorPage(routes.studio.pages);
  const pages = await listPages();
  return (
    <div className="grid gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-4xl font-semibold">Pages</h1>
          <p className="mt-2 text-ink-soft">Pages built from blocks, published at /info/…</p>
        </div>
        <Link href={routes.studio.newPage} className="btn btn-primary">
          New page
        </Link>
      </header>
      {pages.length === 0 ? (
        <p className="text-ink-soft">No pages yet.</p>
      ) : (
        <ul className="grid gap-3">
          {pages.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-[var(--radius-card)] border border-line bg-white p-4"
            >
              <div>
                <Link href={routes.studio.page(p.id)} className="font-semibold text-brand underline">
                  {p.title}
                </Link>
                <p className="text-xs text-ink-soft">
                  /info/{p.publishedSlug ?? p.slug}
                  {p.publishedSlug && p.publishedSlug !== p.slug
                    ? ` (moves to /info/${p.slug} when published)`
                    : ""} · {countOf(p.draftBlocks.length, "block")}
                </p>
              </div>
              <p className="text-sm">
                {p.publishedAt ? `Published ${formatWhen(p.publishedAt, siteInfo().timeZone)}` : "Draft only"}
                {p.unpublishedChanges ? " · unpublished changes" : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
