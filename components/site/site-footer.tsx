import Link from "next/link";
import { primaryNav, routes } from "@/lib/site";

type FooterProps = {
  venueName: string;
  address: string;
  boxOffice: { phone: string; email: string; hours: string };
};

export function SiteFooter({ venueName, address, boxOffice }: FooterProps) {
  return (
    <footer className="mt-auto bg-stage text-paper/85">
      <div className="container-page grid grid-cols-1 gap-10 py-12 md:grid-cols-[1.4fr_1fr_1fr]">
        <div>
          <p className="font-display text-2xl text-paper">{venueName}</p>
          <p className="mt-3 max-w-sm text-sm leading-relaxed">{address}</p>
        </div>
        <div>
          <h2 className="eyebrow text-gold">Box office</h2>
          <ul className="mt-3 space-y-1.5 text-sm">
            <li>
              <a className="hover:text-paper underline-offset-4 hover:underline" href={`tel:${boxOffice.phone.replace(/\s+/g, "")}`}>
                {boxOffice.phone}
              </a>
            </li>
            <li>
              <a className="hover:text-paper underline-offset-4 hover:underline" href={`mailto:${boxOffice.email}`}>
                {boxOffice.email}
              </a>
            </li>
            <li>{boxOffice.hours}</li>
          </ul>
        </div>
        <nav aria-label="Footer">
          <h2 className="eyebrow text-gold">Visit</h2>
          <ul className="mt-3 space-y-1.5 text-sm">
            {primaryNav.map((item) => (
              <li key={item.href}>
                <Link className="hover:text-paper underline-offset-4 hover:underline" href={item.href}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link className="hover:text-paper underline-offset-4 hover:underline" href={routes.accessibility}>
                Access performances
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-white/10">
        <p className="container-page py-4 text-xs text-paper/60">
          Tickets are sold through Spektrix. © {new Date().getFullYear()} {venueName}.
        </p>
      </div>
    </footer>
  );
}
