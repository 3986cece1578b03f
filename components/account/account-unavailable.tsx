import { SiteLink } from "@/components/site/site-link-client";
import { routes } from "@/lib/routes";
import { telHref } from "@/lib/text/phone";
import type { siteInfo } from "@/lib/site";

/**
 * A signed-in page whose customer record Spektrix did not give (down, slow, garbled): what happened, that nothing
 * is lost, and the ways on, server-rendered in the site's frame so it reads without JavaScript.
 */
export function AccountUnavailable({
  retryHref,
  site,
}: {
  /** This page, to try again. */
  retryHref: string;
  site: ReturnType<typeof siteInfo>;
}) {
  return (
    <div className="container-page max-w-2xl py-16 md:py-24" role="status">
      <p className="eyebrow text-brand">Your account</p>
      <h1 className="mt-3 text-4xl font-semibold">We can’t show your account just now</h1>
      <p className="mt-4 text-lg text-ink-soft">
        Our ticketing system isn’t answering at the moment. Your bookings and membership are safe, and you are still
        signed in. Please try again in a few minutes, or call the box office on{" "}
        <a href={telHref(site.boxOffice.phone)} className="text-brand underline underline-offset-4">
          {site.boxOffice.phone}
        </a>
        .
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        {/* A plain link, not client navigation: the point is a fresh request to the server. */}
        <a href={retryHref} className="btn btn-primary">
          Try again
        </a>
        <SiteLink href={routes.whatsOn} className="btn btn-ghost text-brand">
          See what’s on
        </SiteLink>
      </div>
    </div>
  );
}
