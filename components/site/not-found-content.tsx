import type { ReactNode } from "react";
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
