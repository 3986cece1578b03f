import Link from "next/link";
import { routes, siteInfo } from "@/lib/site";

const quickLinks = [
  { href: `${routes.whatsOn}?when=today`, label: "Tonight", note: "What's on today" },
  { href: `${routes.whatsOn}?when=weekend`, label: "This weekend", note: "Friday to Sunday" },
  { href: `${routes.whatsOn}?when=7days`, label: "Next 7 days", note: "The week ahead" },
  { href: routes.accessibility, label: "Access performances", note: "Captioned, BSL, audio described, relaxed" },
];

export default function HomePage() {
  const site = siteInfo();
  return (
    <>
      <section className="relative overflow-hidden bg-stage text-paper">
        <div
          aria-hidden
          className="absolute inset-0 bg-[radial-gradient(60rem_28rem_at_70%_-10%,rgba(184,134,47,0.35),transparent_60%),radial-gradient(40rem_24rem_at_10%_110%,rgba(122,31,53,0.55),transparent_60%)]"
        />
        <div className="container-page relative py-20 md:py-28">
          <p className="eyebrow text-gold">The season ahead</p>
          <h1 className="mt-4 max-w-3xl text-display font-semibold">
            Stories worth leaving the house for.
          </h1>
          <p className="mt-6 max-w-xl text-lg text-paper/80">
            Plays, concerts and family shows at {site.name}. Find a date that suits you, or a show you can’t miss.
          </p>
          <div className="mt-9 flex flex-wrap gap-3">
            <Link href={routes.whatsOn} className="btn btn-primary">
              See what’s on
            </Link>
            <Link href={routes.membership} className="btn btn-ghost text-paper">
              Become a member
            </Link>
          </div>
        </div>
      </section>

      <section aria-labelledby="plan-your-visit" className="container-page py-14">
        <h2 id="plan-your-visit" className="text-3xl font-semibold">
          Plan your visit
        </h2>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {quickLinks.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="group block h-full rounded-card border border-line bg-white/60 p-5 transition hover:border-brand hover:bg-white"
              >
                <span className="font-display text-xl font-semibold group-hover:text-brand">{link.label}</span>
                <span className="mt-1 block text-sm text-ink-soft">{link.note}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="support" className="bg-brand-tint">
        <div className="container-page grid gap-6 py-14 md:grid-cols-[2fr_1fr] md:items-center">
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
            <Link href={routes.support} className="btn btn-primary">
              Donate
            </Link>
            <Link href={routes.membership} className="btn btn-ghost text-brand">
              Membership
            </Link>
          </div>
        </div>
      </section>
    </>
  );
}
