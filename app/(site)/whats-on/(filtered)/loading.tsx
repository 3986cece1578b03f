/** Skeleton of the what's on page: header band, filters and a grid of cards, so nothing jumps on arrival. */
export default function Loading() {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading what’s on…
      </span>
      <div className="border-b border-line bg-paper-deep/60">
        <div className="container-page py-10 md:py-14">
          <div className="h-3 w-24 animate-pulse rounded bg-line" />
          <div className="mt-4 h-12 w-72 max-w-full animate-pulse rounded-md bg-line" />
          <div className="mt-8 flex gap-2 overflow-hidden">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="h-9 w-28 shrink-0 animate-pulse rounded-full bg-line/70" />
            ))}
          </div>
        </div>
      </div>
      <div className="container-page grid grid-cols-1 gap-8 py-8 md:py-12 lg:grid-cols-[18rem_1fr] lg:gap-10">
        <div className="h-64 animate-pulse rounded-card border border-line bg-white/60 lg:h-96" />
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2 xl:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="overflow-hidden rounded-card border border-line bg-white">
              <div className="aspect-[3/2] animate-pulse bg-paper-deep" />
              <div className="space-y-3 p-5">
                <div className="h-3 w-16 animate-pulse rounded bg-paper-deep" />
                <div className="h-6 w-4/5 animate-pulse rounded bg-paper-deep" />
                <div className="h-4 w-1/2 animate-pulse rounded bg-paper-deep" />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
