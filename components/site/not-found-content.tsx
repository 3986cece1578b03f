import { SiteLink } from "@/components/site/site-link-client";
import { routes } from "@/lib/routes";

/** What a page that is not there says, inside whichever frame the route already has. */
export function NotFoundContent() {
  return (
    <div className="container-page py-24 text-center">
      <p className="eyebrow text-brand">404</p>
      <h1 className="mt-3 text-4xl font-semibold">We can’t find that page</h1>
      <p className="mx-auto mt-4 max-w-md text-ink-soft">
        It may have moved, or the show may have finished its run. Everything currently on sale is in What’s on.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <SiteLink href={routes.whatsOn} className="btn btn-primary">
          See what’s on
        </SiteLink>
        <SiteLink href={routes.home} className="btn btn-ghost text-brand">
          Home
        </SiteLink>
      </div>
    </div>
  );
}
