import { notFound } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { routes } from "@/lib/routes";

/**
 * What a page that is not there says, inside whichever frame the route already has. Routes whose 404 has
 * something more precise to say (a show, a performance) pass their own words and second way on.
 */
export function NotFoundContent({
  eyebrow = "404",
  heading = "We can’t find that page",
  message = "It may have moved, or the show may have finished its run. Everything currently on sale is in What’s on.",
  secondary = (
    <SiteLink href={routes.home} className="btn btn-ghost text-brand">
      Home
    </SiteLink>
  ),
}: {
  eyebrow?: string;
  heading?: string;
  message?: string;
  secondary?: ReactNode;
}) {
  return (
    <div className="container-page py-20 text-center md:py-28">
      <p className="eyebrow text-brand">{eyebrow}</p>
      <h1 className="mt-3 text-4xl font-semibold md:text-5xl">{heading}</h1>
      <p className="mx-auto mt-4 max-w-lg text-lg text-ink-soft">{message}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <SiteLink href={routes.whatsOn} className="btn btn-primary">
          See what’s on
        </SiteLink>
        {secondary}
      </div>
    </div>
  );
}

/**
 * What a page returns where it would call `notFound()`: the same 404, with `content` (what the route's not-found
 * file shows) in the server's HTML (ADR 0022). In a production build Next answers a `notFound()` thrown while a page
 * renders with an empty error document (`<html id="__next_error__">`, the words only in the RSC payload), so without
 * JavaScript, or before it runs, the page is blank (Next.js issues 95613 and 62228). React's server renderer has no
 * error boundaries, so the throw fails the whole document; thrown inside a Suspense boundary it fails only that
 * boundary, whose fallback is then the HTML. On a prerendered page (an ISR route: rendered whole before anything is
 * sent; a 404 is never kept) Next still answers 404, and in the browser the boundary's retry throws again, so the
 * route's not-found boundary shows the same words. Not for pages rendered per request: they send their first
 * bytes, and so their status, before the boundary fails, so the answer would be a 200; those keep `notFound()`.
 * The same goes for these routes under `next dev` and in draft mode, where they too render per request.
 */
export function NotFoundInPlace({ content }: { content: ReactNode }) {
  return (
    <Suspense fallback={content}>
      <NotFound />
    </Suspense>
  );
}

function NotFound(): never {
  notFound();
}
