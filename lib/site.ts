import { env } from "@/lib/config";
import { routes } from "@/lib/routes";

export const primaryNav = [
  { href: routes.whatsOn, label: "What's on" },
  { href: routes.support, label: "Support us" },
  { href: routes.membership, label: "Membership" },
  { href: routes.account, label: "Account" },
] as const;

/** Pages the footer adds to the main ones: nothing else links to the shop, and gift vouchers only from two pages. */
export const footerNav = [
  ...primaryNav,
  { href: routes.giftVouchers, label: "Gift vouchers" },
  { href: routes.shop, label: "Shop" },
] as const;

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
