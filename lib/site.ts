import { env } from "@/lib/config";
import { routes } from "@/lib/routes";

/** The pages the studio may move that the navigation links to, at the paths in force (getFlowSettings().pagePaths). */
export type NavPaths = { account: string };

/** The main navigation, with the account page where the studio put it. */
export function primaryNav(paths: NavPaths) {
  return [
    { href: routes.whatsOn, label: "What's on" },
    { href: routes.support, label: "Support us" },
    { href: routes.membership, label: "Membership" },
    { href: paths.account, label: "Account" },
  ];
}

/** Pages the footer adds to the main ones: nothing else links to the shop, and gift vouchers only from two pages. */
export function footerNav(paths: NavPaths) {
  return [
    ...primaryNav(paths),
    { href: routes.giftVouchers, label: "Gift vouchers" },
    { href: routes.shop, label: "Shop" },
  ];
}

export function siteInfo() {
  const e = env();
  return {
    name: e.VENUE_NAME,
    url: e.SITE_URL,
    timeZone: e.VENUE_TIME_ZONE,
    boxOffice: { phone: "+1 403 555 0142", email: "boxoffice@example.org", hours: "Tue–Sat, 12pm–6pm" },
    address: "215 Stage Door Lane, Calgary, AB",
  };
}
