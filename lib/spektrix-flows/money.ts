/** Money as the venue shows it. Spektrix sends decimal amounts in the venue's currency (VENUE_CURRENCY). */
import { publicConfig } from "@/lib/config/public";

const { locale: VENUE_LOCALE, currency: VENUE_CURRENCY } = publicConfig;

// Built on first use, not when the module loads: the header's bundle imports this on every page, and building a
// currency formatter loads locale data (~25 ms of a phone's main thread) that most pages never need (ADR 0016).
let withCents: Intl.NumberFormat | undefined;
let whole: Intl.NumberFormat | undefined;
const currencyFormat = (maximumFractionDigits?: number) =>
  new Intl.NumberFormat(VENUE_LOCALE, {
    style: "currency",
    currency: VENUE_CURRENCY,
    currencyDisplay: "narrowSymbol",
    ...(maximumFractionDigits === undefined ? {} : { maximumFractionDigits }),
  });

/** `$35.50`; whole amounts drop the cents when `compact` (`$25`), for preset buttons. */
export function formatMoney(amount: number, options: { compact?: boolean } = {}): string {
  if (!Number.isFinite(amount)) return "";
  if (options.compact && Number.isInteger(amount)) return (whole ??= currencyFormat(0)).format(amount);
  return (withCents ??= currencyFormat()).format(amount);
}
