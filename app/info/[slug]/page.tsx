import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PublishedBlocks } from "@/components/studio/published-blocks";
import { tags } from "@/lib/cache/tags";
import { publishedPage } from "@/lib/studio/pages";
import { routes } from "@/lib/routes";

/** Pages editors build in the studio, as published. Cached by the page's tag; publishing revalidates it. */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function load(slug: string) {
  return unstable_cache(() => publishedPage(slug), ["studio-page", slug], {
    tags: [tags.page(slug), tags.store],
    revalidate: 3600,
  })();
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  if (!SLUG.test(slug)) return {};
  const page = await load(slug);
  if (!page) return {};
  return {
    title: page.seoTitle ?? page.title,
    description: page.seoDescription ?? undefined,
    alternates: { canonical: routes.info(page.slug) },
  };
}

export default async function PublishedPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const page = await load(slug);
  if (!page) notFound();
  return (
    <article className="container-page grid gap-10 py-12">
      <h1 className="text-display font-semibold">{page.title}</h1>
      <PublishedBlocks blocks={page.blocks} />
    </article>
  );
}
