// The demo system is a Canadian venue's: it sells in Canadian dollars, as the site's default VENUE_CURRENCY says,
// and its addresses are in Canada. One place, so the iframe pages, the seat map's running total and the card
// form's "Pay …" button write amounts the same way, and every address without a country gets the same one.
export const SYSTEM_CURRENCY = "CAD";
export const SYSTEM_LOCALE = "en-CA";
/** The country of an address given without one (the system's own forms do not ask). */
export const SYSTEM_COUNTRY = { id: "CA", name: "Canada" } as const;
const FORMAT = new Intl.NumberFormat(SYSTEM_LOCALE, { style: "currency", currency: SYSTEM_CURRENCY });

/** `$42.50`, as the system's own pages write an amount. */
export const formatAmount = (n: number) => FORMAT.format(n);
