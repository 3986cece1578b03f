/** The top of a flow page (support, membership, vouchers, shop, basket): eyebrow, title, a line of intro. */
export function FlowPageHero({
  eyebrow,
  title,
  children,
  tone = "tint",
}: {
  eyebrow: string;
  title: string;
  children?: React.ReactNode;
  tone?: "tint" | "stage";
}) {
  const stage = tone === "stage";
  return (
    <section className={stage ? "relative overflow-hidden bg-stage text-paper" : "border-b border-line bg-brand-tint"}>
      {stage && (
        <div
          aria-hidden
          className="absolute inset-0 bg-[radial-gradient(50rem_22rem_at_85%_-20%,rgba(184,134,47,0.35),transparent_60%),radial-gradient(36rem_20rem_at_0%_120%,rgba(122,31,53,0.6),transparent_60%)]"
        />
      )}
      <div className="container-page relative py-12 md:py-16">
        <p className={`eyebrow ${stage ? "text-gold" : "text-brand"}`}>{eyebrow}</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-semibold md:text-5xl">{title}</h1>
        {children && (
          <div className={`mt-4 max-w-2xl text-lg ${stage ? "text-paper/85" : "text-ink-soft"}`}>{children}</div>
        )}
      </div>
    </section>
  );
}
