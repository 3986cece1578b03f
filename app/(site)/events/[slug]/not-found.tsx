import { NotFoundContent } from "@/components/site/not-found-content";
import { ListingLink } from "@/components/site/whats-on/listing-link";
import { routes } from "@/lib/routes";

/** A removed, hidden or unknown event (a mistyped link too): say so plainly, point somewhere useful (a 404). */
export default function EventNotFound() {
  return (
    <NotFoundContent
      eyebrow="Show not found"
      heading="We can’t find that show"
      message="It may have finished its run or been withdrawn, or the link may be mistyped. Everything on sale now is in What’s on, and the box office is happy to help."
      secondary={
        <ListingLink href={`${routes.whatsOn}?when=7days`} className="btn btn-ghost text-brand">
          The next 7 days
        </ListingLink>
      }
    />
  );
}
