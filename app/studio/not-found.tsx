import Link from "next/link";
import { routes } from "@/lib/routes";

/** A studio record that is not there (deleted, or a mistyped id): in the studio's frame, with the ways back. */
export default function StudioNotFound() {
  return (
    <div className="container-page py-16">
      <p className="eyebrow text-brand">404</p>
      <h1 className="mt-2 text-3xl font-semibold">That isn’t in the studio</h1>
      <p className="mt-3 max-w-prose text-ink-soft">
        It may have been deleted, or the link may be mistyped. Events and pages are listed on their own screens.
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <Link href={routes.studio.events} className="btn btn-primary">
          Events
        </Link>
        <Link href={routes.studio.pages} className="btn btn-ghost text-brand">
          Pages
        </Link>
        <Link href={routes.studio.home} className="btn btn-ghost text-brand">
          Studio home
        </Link>
      </div>
    </div>
  );
}
