import { SiteLink } from "@/components/site/site-link-client";
import { ListingLink } from "@/components/site/whats-on/listing-link";
import { nextSeasonSoon } from "@/components/site/next-season";
import { EventCard } from "@/components/site/event-card";
import { EventImage } from "@/components/site/event-image-client";
import { formatRun } from "@/lib/events/format";
import type { AccessFlag } from "@/lib/db/schema";
import { ACCESS_LABELS } from "@/lib/events/filters";
import type { ListingEvent } from "@/lib/events/types";
import { ACCESS_CODES } from "./access-badges";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";

const quickLinks = [
  { href: `${routes.whatsOn}?when=today`, label: "Tonight", note: "What’s on today" },
  { href: `${routes.whatsOn}?when=weekend`, label: "This weekend", note: "Friday to Sunday" },
  { href: `${routes.whatsOn}?when=7days`, label: "Next 7 days", note: "The week ahead" },
  { href: `${routes.whatsOn}?view=calendar`, label: "Calendar", note: "The month at a glance" },
];

/** The home page: search and the featured show, quick dates, what's coming up, access performances, support. */
export function HomePageView({
  events,
  accessKinds,
  site,
}: {
  events: ListingEvent[];
  /** Access kinds with upcoming performances: a tile for a kind with none would lead to "nothing matches". */
  accessKinds: readonly AccessFlag[];
  site: ReturnType<typeof siteInfo>;
}) {
  const [featured, ...rest] = events;
  const upcoming = rest.slice(0, 6);

  return (
    <>
      <section className="relative overflow-hidden bg-stage text-paper">
        <div
          aria-hidden
          className="absolute inset-0 bg-[radial-gradient(60rem_28rem_at_70%_-10%,rgba(184,134,47,0.35),transparent_60%),radial-gradient(40rem_24rem_at_10%_110%,rgba(122,31,53,0.55),transparent_60%)]"
        />
        <div className="container-page relative grid grid-cols-1 gap-10 py-14 md:py-20 lg:grid-cols-[1fr_1.05fr] lg:items-center">
          <div>
            <p className="eyebrow text-gold">The season at {site.name}</p>
            <h1 className="mt-4 max-w-3xl text-display font-semibold">Stories worth leaving the house for.</h1>
            <p className="mt-6 max-w-xl text-lg text-paper/80">
              Plays, concerts and family shows. Find a date that suits you, or a show you can’t miss.
            </p>
            <form
              action={routes.whatsOn}
              method="get"
              role="search"
              aria-label="Search shows"
              className="mt-8 flex max-w-lg gap-2"
            >
              <label htmlFor="home-q" className="sr-only">
                Search by title
              </label>
              <input
                id="home-q"
                name="q"
                type="search"
                maxLength={80}
                placeholder="Find a show"
                className="min-w-0 flex-1 rounded-pill border border-white/25 bg-white/10 px-5 py-3 text-paper placeholder:text-paper/70 focus:border-gold"
              />
              <button type="submit" className="btn btn-primary">
                Search
              </button>
            </form>
          </div>
          {featured ? (
            <SiteLink
              href={routes.event(featured.slug)}
              className="group relative block overflow-hidden rounded-card shadow-2xl ring-1 ring-white/10"
            >
              <div className="relative aspect-[4/3]">
                <EventImage
                  image={featured.image}
                  title={featured.title}
                  sizes="(min-width: 1024px) 36rem, 100vw"
                  priority
                  decorative
                  size="hero"
                  posterInitial={false}
                />
                <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/85 via-black/55 to-transparent p-5 pt-16 md:p-7 md:pt-20">
                  <p className="eyebrow text-gold">Featured</p>
                  <p className="mt-1 font-display text-2xl font-semibold leading-tight group-hover:underline md:text-3xl">
                    {featured.title}
                  </p>
                  <p className="mt-1 text-sm text-paper/85">
                    {formatRun(new Date(featured.firstAt), new Date(featured.lastAt), site.timeZone)}
                  </p>
                </div>
              </div>
            </SiteLink>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="plan-your-visit" className="container-page py-12 md:py-14">
        <h2 id="plan-your-visit" className="text-3xl font-semibold">
          Find a date
        </h2>
        <ul className="mt-6 grid grid-cols-2 gap-3 md:gap-4 lg:grid-cols-4">
          {quickLinks.map((link) => (
            <li key={link.href}>
              <ListingLink
                href={link.href}
                className="group block h-full rounded-card border border-line bg-white/60 p-4 transition hover:border-brand hover:bg-white md:p-5"
              >
                <span className="font-display text-xl font-semibold group-hover:text-brand">{link.label}</span>
                <span className="mt-1 block text-sm text-ink-soft">{link.note}</span>
              </ListingLink>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="coming-up" className="container-page pb-14">
        <div className="flex items-end justify-between gap-4">
          <h2 id="coming-up" className="text-3xl font-semibold">
            Coming up
          </h2>
          <SiteLink href={routes.whatsOn} className="shrink-0 font-semibold text-brand underline underline-offset-4">
            Everything on sale
          </SiteLink>
        </div>
        {upcoming.length ? (
          <ul className="mt-6 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {upcoming.map((event) => (
              <li key={event.slug}>
                <EventCard event={event} timeZone={site.timeZone} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-6 rounded-card border border-dashed border-line bg-white/60 p-6 text-ink-soft">
            {nextSeasonSoon(site)}
          </p>
        )}
      </section>

      {accessKinds.length ? (
        <section aria-labelledby="access" className="border-y border-line bg-access-tint/60">
          <div className="container-page grid grid-cols-1 gap-6 py-12 md:grid-cols-[1fr_1.4fr] md:items-center">
            <div>
              <h2 id="access" className="text-3xl font-semibold">
                Access performances
              </h2>
              <p className="mt-3 max-w-md text-ink-soft">
                Performances across the season for people who use captions or sign language, want audio description, or
                would like a more relaxed visit. Call the box office on {site.boxOffice.phone} to talk about access.
              </p>
            </div>
            <ul className="grid grid-cols-2 gap-3">
              {accessKinds.map((kind) => (
                <li key={kind}>
                  <ListingLink
                    href={`${routes.whatsOn}?access=${kind}`}
                    className="flex items-center gap-3 rounded-card border border-access-line/25 bg-white p-4 font-semibold text-access transition hover:border-access"
                  >
                    <span
                      aria-hidden
                      className="inline-flex h-9 min-w-9 items-center justify-center rounded-md bg-access px-1.5 text-sm font-bold text-white"
                    >
                      {ACCESS_CODES[kind]}
                    </span>
                    {ACCESS_LABELS[kind]}
                  </ListingLink>
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="support" className="bg-brand-tint">
        <div className="container-page grid grid-cols-1 gap-6 py-14 md:grid-cols-[2fr_1fr] md:items-center">
          <div>
            <h2 id="support" className="text-3xl font-semibold">
              Keep the lights on
            </h2>
            <p className="mt-3 max-w-2xl text-ink-soft">
              Ticket sales cover less than half of what it costs to put a show on stage. Members and donors make up the
              rest, and get closer to the work.
            </p>
          </div>
          <div className="flex flex-wrap gap-3 md:justify-end">
            <SiteLink href={routes.support} className="btn btn-primary">
              Donate
            </SiteLink>
            <SiteLink href={routes.membership} className="btn btn-ghost text-brand">
              Membership
            </SiteLink>
          </div>
        </div>
      </section>
    </>
  );
}
