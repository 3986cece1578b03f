import type { ConfirmationPerformance } from "@/lib/checkout/confirmation";
import { formatPerformanceTime } from "@/lib/events/format";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { PerformanceTickets } from "./performance-tickets";

export interface OrderSummaryProps {
  heading: string;
  performances: ConfirmationPerformance[];
  extras: { label: string; amount: number }[];
  total: number;
  totalDiscount?: number;
  timeZone: string;
  /** Extra content under each performance (e.g. calendar links on the confirmation). */
  renderPerformanceActions?: (performance: ConfirmationPerformance) => React.ReactNode;
  headingLevel?: 2 | 3;
}

/** The basket or order, as Spektrix priced it: performances with their seats, other items, discount and total. */
export function OrderSummary({
  heading,
  performances,
  extras,
  total,
  totalDiscount = 0,
  timeZone,
  renderPerformanceActions,
  headingLevel = 2,
}: OrderSummaryProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label={heading} className="rounded-card border border-line bg-white">
      <Heading className="border-b border-line px-6 py-4 text-xl font-semibold">{heading}</Heading>
      <ul className="divide-y divide-line">
        {performances.map((p) => {
          const when = formatPerformanceTime(p.startUtc, timeZone);
          return (
            <li key={p.performanceId} className="px-6 py-5">
              <div className="flex items-start justify-between gap-4">
                <PerformanceTickets eventName={p.eventName} when={when} tickets={p.tickets} />
                <p className="shrink-0 font-semibold tabular-nums">{formatMoney(p.total)}</p>
              </div>
              {renderPerformanceActions ? <div className="mt-3">{renderPerformanceActions(p)}</div> : null}
            </li>
          );
        })}
        {extras.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex justify-between gap-4 px-6 py-4">
            <span>{item.label}</span>
            <span className="font-semibold tabular-nums">{formatMoney(item.amount)}</span>
          </li>
        ))}
      </ul>
      <div className="border-t border-line bg-paper-deep/50 px-6 py-4">
        <dl className="flex justify-between text-lg font-semibold">
          <dt>Total</dt>
          <dd className="tabular-nums">{formatMoney(total)}</dd>
        </dl>
        {/* Spektrix prices each line after its discounts, so the lines already add up to the total: the saving
            is told, not taken off a second time. */}
        {totalDiscount > 0 ? (
          <p className="mt-1.5 text-sm text-success">Includes {formatMoney(totalDiscount)} in discounts.</p>
        ) : null}
      </div>
    </section>
  );
}
