import type { Price, Seat } from "../data/catalogue";
import type { SeatState } from "../state";
import { esc } from "./html";
import { formatAmount, SYSTEM_CURRENCY, SYSTEM_LOCALE } from "../system-locale";

/** Form field of one chosen seat (`seat:<id>`), as quantities are `type:<id>`: one name per value, no arrays. */
export const SEAT_FIELD = "seat:";

/** How a seat a visitor cannot choose is named, after its row and number. */
const UNAVAILABLE: Record<Exclude<SeatState, "available">, string> = {
  sold: "sold",
  held: "held in another basket",
  locked: "not on sale",
  yours: "already in your basket",
};

const LEGEND: [state: SeatState | "selected", text: string][] = [
  ["available", "Available"],
  ["selected", "Your choice"],
  ["yours", "In your basket"],
  ["held", "Held or not on sale"],
  ["sold", "Sold"],
];

/** "Row C, seat 12": the name a seat is read by, before its price or state. */
const seatName = (s: Seat) => `Row ${s.row}, seat ${s.number}`;

/**
 * The seat map of a reserved plan (or of a multi-area plan's reserved area), stage at the top: one checkbox per
 * seat, so choosing works with a keyboard, a screen reader and without script. Seats a visitor cannot take are
 * disabled and say why; each state has its own mark as well as its colour. The ticket type applies to every
 * chosen seat, and each seat's name carries its price for that type (the script keeps it current).
 */
export function seatMapHtml(opts: {
  seats: readonly Seat[];
  states: ReadonlyMap<string, SeatState>;
  prices: readonly Price[];
  hidden: string;
}): string {
  const types = [...new Map(opts.prices.map((p) => [p.ticketType.id, p.ticketType])).values()];
  // Per type, its price in each band: what a seat in that band costs with that type.
  const byType = new Map(
    types.map((t) => [
      t.id,
      new Map(opts.prices.filter((p) => p.ticketType.id === t.id).map((p) => [p.band.id, p.amount])),
    ]),
  );
  const first = byType.get(types[0]?.id ?? "");
  const rows = new Map<string, Seat[]>();
  for (const s of opts.seats) rows.set(s.row, [...(rows.get(s.row) ?? []), s]);
  let selectable = 0;
  const rowHtml = [...rows]
    .map(([row, seats]) => {
      const cells = [...seats]
        .sort((a, b) => a.x - b.x || a.number - b.number)
        .map((s) => {
          const state = opts.states.get(s.id) ?? "sold";
          const price = first?.get(s.bandId);
          // A seat with no price for the first type is offered under another: the server checks the pair.
          const open = state === "available";
          if (open) selectable++;
          const label = open
            ? `${seatName(s)}${price === undefined ? "" : `, ${formatAmount(price)}`}`
            : `${seatName(s)}, ${UNAVAILABLE[state]}`;
          return `<label class="spx-seat${s.nextIsAcrossAisle ? " spx-aisle" : ""}" data-state="${state}"><input type="checkbox" name="${SEAT_FIELD}${esc(s.id)}" value="1" aria-label="${esc(label)}" data-name="${esc(seatName(s))}" data-band="${esc(s.bandId)}"${open ? "" : " disabled"}><span aria-hidden="true"></span></label>`;
        })
        .join("");
      return `<div class="spx-row" role="group" aria-label="Row ${esc(row)}"><span class="spx-row-label" aria-hidden="true">${esc(row)}</span>${cells}<span class="spx-row-label" aria-hidden="true">${esc(row)}</span></div>`;
    })
    .join("");
  const options = types
    .map((t) => {
      const amounts = Object.fromEntries(byType.get(t.id)!);
      return `<option value="${esc(t.id)}" data-prices="${esc(JSON.stringify(amounts))}">${esc(t.name)}</option>`;
    })
    .join("");
  const legend = LEGEND.map(
    ([state, text]) =>
      `<li><span class="spx-seat" data-state="${state}" aria-hidden="true"><span></span></span>${esc(text)}</li>`,
  ).join("");
  return `<section class="spx-pick" aria-labelledby="spx-pick-heading"><h2 id="spx-pick-heading">Pick your seats</h2>
<form method="post" class="spx-seat-form" data-spx-seat-map data-locale="${SYSTEM_LOCALE}" data-currency="${SYSTEM_CURRENCY}"><input type="hidden" name="action" value="seats">${opts.hidden}
<ul class="spx-legend" aria-label="Key to the seating plan">${legend}</ul>
<p class="spx-scroll-hint" id="spx-scroll-hint" data-spx-scroll-hint>The plan is wider than the screen: scroll it sideways.</p>
<div class="spx-map" role="region" aria-label="Seating plan, stage at the top" aria-describedby="spx-scroll-hint"${selectable ? "" : ' tabindex="0"'}><div class="spx-map-inner"><div class="spx-stage">Stage</div>${rowHtml}</div></div>
<p><label>Ticket type for your seats <select name="type" data-spx-type>${options}</select></label></p>
<p class="spx-chosen" aria-live="polite" data-spx-chosen>${selectable ? "No seats chosen yet." : "No seats left to choose here."}</p>
<button>Add chosen seats to basket</button></form></section>`;
}

/** The seat map's look, inside the page (the emulator's pages load no assets of their own). */
export const SEAT_MAP_CSS = `
.spx-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .5rem 0; }
.spx-legend li { display: flex; align-items: center; gap: .35rem; }
.spx-map { max-width: 100%; overflow-x: auto; border: 1px solid #767676; border-radius: 6px; padding: .5rem 0; }
.spx-map:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.spx-map-inner { width: max-content; margin: 0 auto; padding: 0 .5rem; }
.spx-stage { text-align: center; background: #e6e6e6; color: #222; border-radius: 0 0 40% 40%; padding: .2rem 0; margin-bottom: .6rem; font-size: .85rem; letter-spacing: .1em; text-transform: uppercase; }
.spx-row { display: flex; align-items: center; gap: 4px; margin: 4px 0; }
.spx-row-label { width: 1.4rem; text-align: center; font-size: .8rem; }
.spx-seat { position: relative; display: inline-block; width: 28px; height: 28px; flex: none; }
.spx-seat.spx-aisle { margin-right: 14px; }
.spx-seat input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: pointer; }
.spx-seat input:disabled { cursor: not-allowed; }
.spx-seat span { position: absolute; inset: 0; box-sizing: border-box; border: 2px solid #1d6b38; border-radius: 6px 6px 3px 3px; background: #fff; color: #fff; font: bold 16px/24px sans-serif; text-align: center; pointer-events: none; }
.spx-seat input:checked + span, .spx-seat[data-state="selected"] span { background: #1d6b38; }
.spx-seat input:checked + span::after, .spx-seat[data-state="selected"] span::after { content: "✓"; }
.spx-seat input:focus-visible + span { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.spx-seat[data-state="yours"] span { background: #1a5fb4; border-color: #1a5fb4; }
.spx-seat[data-state="yours"] span::after { content: "★"; }
.spx-seat[data-state="sold"] span { background: #d0d0d0; border-color: #8a8a8a; color: #444; }
.spx-seat[data-state="sold"] span::after { content: "×"; }
.spx-seat[data-state="held"] span, .spx-seat[data-state="locked"] span { border-color: #8a8a8a; background: repeating-linear-gradient(45deg, #fff 0 3px, #9a9a9a 3px 5px); }
.spx-scroll-hint { font-size: .9rem; margin: .25rem 0; }
.spx-scroll-hint[hidden] { display: none; }
`;
