import { SiteLink } from "@/components/site/site-link-client";
import { ListingLink } from "@/components/site/whats-on/listing-link";
import { routes } from "@/lib/routes";

/** A removed, hidden or unknown event: say so plainly and point somewhere useful (served with a 404). */
export default function EventNotFound() {
  return (
    <div className="container-page py-20 text-center md:py-28">
      <p className="eyebrow text-brand">No longer available</p>
      <h1 className="mt-3 text-4xl font-semibold md:text-5xl">This show isn’t on sale any more</h1>
      <p className="mx-auto mt-4 max-w-lg text-lg text-ink-soft">
        It may have finished its run, been withdrawn, or moved to a new page. Everything currently on sale is in What’s
        on, and the box office is happy to help.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <SiteLink href={routes.whatsOn} className="btn btn-primary">
          See what’s on
        </SiteLink>
        <ListingLink href={`${routes.whatsOn}?when=7days`} className="btn btn-ghost text-brand">
          The next 7 days
        </ListingLink>
      </div>
    </div>
  );
}
