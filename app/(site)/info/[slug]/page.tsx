import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PublishedBlocks } from "@/components/studio/published-blocks";
import { loadPublishedPage } from "@/lib/studio/published";
import { routes } from "@/lib/routes";

/** Pages editors build in the studio, as published (lib/studio/published caches them). */

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const page = await loadPublishedPage(slug);
  if (!page) return { title: "Page not found", robots: { index: false } };
  return {
    title: page.seoTitle ?? page.title,
    description: page.seoDescription ?? undefined,
    alternates: { canonical: routes.info(page.slug) },
  };
}

export default async function PublishedPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const page = await loadPublishedPage(slug);
  if (!page) notFound();
  return (
    <article className="container-page grid gap-10 py-12">
      <h1 className="text-display font-semibold">{page.title}</h1>
      <PublishedBlocks blocks={page.blocks} />
    </article>
  );
}
