import { NotFoundContent } from "@/components/site/not-found-content";

/** A public page that called notFound() (an unknown booking, page or order): already inside the site's frame. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}
