/** Money as the venue shows it. Spektrix sends decimal amounts in the venue's currency (VENUE_CURRENCY). */
import { publicConfig } from "@/lib/config/public";

const { locale: VENUE_LOCALE, currency: VENUE_CURRENCY } = publicConfig;

const withCents = new Intl.NumberFormat(VENUE_LOCALE, {
  style: "currency",
  currency: VENUE_CURRENCY,
  currencyDisplay: "narrowSymbol",
});
const whole = new Intl.NumberFormat(VENUE_LOCALE, {
  style: "currency",
  currency: VENUE_CURRENCY,
  currencyDisplay: "narrowSymbol",
  maximumFractionDigits: 0,
});

/** `$35.50`; whole amounts drop the cents when `compact` (`$25`), for preset buttons. */
export function formatMoney(amount: number, options: { compact?: boolean } = {}): string {
  if (!Number.isFinite(amount)) return "";
  return options.compact && Number.isInteger(amount) ? whole.format(amount) : withCents.format(amount);
}
