import { SiteLink } from "@/components/site/site-link-client";
import { ListingLink } from "@/components/site/whats-on/listing-link";
import { routes } from "@/lib/routes";

/** A removed, hidden or unknown event (a mistyped link too): say so plainly, point somewhere useful (a 404). */
export default function EventNotFound() {
  return (
    <div className="container-page py-20 text-center md:py-28">
      <p className="eyebrow text-brand">Show not found</p>
      <h1 className="mt-3 text-4xl font-semibold md:text-5xl">We can’t find that show</h1>
      <p className="mx-auto mt-4 max-w-lg text-lg text-ink-soft">
        It may have finished its run or been withdrawn, or the link may be mistyped. Everything on sale now is in What’s
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
