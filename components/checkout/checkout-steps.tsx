// `short` is what a phone shows, so the three steps fit one line at 360 px.
const STEPS = [
  { id: "basket", label: "Basket", short: null },
  { id: "pay", label: "Details and payment", short: "Payment" },
  { id: "done", label: "Confirmation", short: null },
] as const;

export type CheckoutStepId = (typeof STEPS)[number]["id"];

/** Where the visitor is in the purchase, as an ordered list (the current step is marked for screen readers). */
export function CheckoutSteps({ current }: { current: CheckoutStepId }) {
  const index = STEPS.findIndex((s) => s.id === current);
  return (
    <nav aria-label="Checkout progress">
      <ol className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        {STEPS.map((step, i) => {
          const state = i < index ? "done" : i === index ? "current" : "todo";
          return (
            <li
              key={step.id}
              className="flex items-center gap-3"
              aria-current={state === "current" ? "step" : undefined}
            >
              <span
                aria-hidden
                className={
                  state === "current"
                    ? "grid h-6 w-6 place-items-center rounded-full bg-brand text-xs font-bold text-white"
                    : state === "done"
                      ? "grid h-6 w-6 place-items-center rounded-full bg-success text-xs font-bold text-white"
                      : "grid h-6 w-6 place-items-center rounded-full border border-line bg-white text-xs font-bold text-ink-soft"
                }
              >
                {state === "done" ? "✓" : i + 1}
              </span>
              <span className={state === "current" ? "font-semibold text-ink" : "text-ink-soft"}>
                {step.short ? (
                  <>
                    <span className="sm:hidden">{step.short}</span>
                    <span className="max-sm:hidden">{step.label}</span>
                  </>
                ) : (
                  step.label
                )}
                {state === "done" ? <span className="sr-only"> (completed)</span> : null}
              </span>
              {i < STEPS.length - 1 ? <span aria-hidden className="hidden h-px w-8 bg-line sm:block" /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
