import { countOf } from "@/lib/text/count";

/**
 * One performance's tickets as a customer reads them (event, when, "2 tickets · A1, A2"): the order summary on
 * checkout and confirmation, and the upcoming bookings on the account page. `size` is the only difference:
 * the account page lists bookings on their own, the summary sets them beside prices.
 */
export function PerformanceTickets({
  eventName,
  when,
  tickets,
  size = "summary",
}: {
  eventName: string;
  when: string | null;
  tickets: readonly { seatName?: string | null }[];
  size?: "summary" | "booking";
}) {
  const seats = tickets.map((t) => t.seatName).filter(Boolean);
  return (
    <div>
      <p
        className={
          size === "booking"
            ? "font-display text-xl font-semibold"
            : "font-display text-lg font-semibold leading-snug text-ink"
        }
      >
        {eventName}
      </p>
      {when ? (
        <p className={size === "booking" ? "mt-1 text-ink-soft" : "mt-0.5 text-sm text-ink-soft"}>{when}</p>
      ) : null}
      <p className="mt-1 text-sm text-ink-soft">
        {countOf(tickets.length, "ticket")}
        {seats.length ? ` · ${seats.join(", ")}` : ""}
      </p>
    </div>
  );
}
