/** Skeleton of an event page: dark header with image and title, then description and performances. */
export default function Loading() {
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading the show…
      </span>
      <div className="bg-stage">
        <div className="container-page grid grid-cols-1 gap-8 py-8 md:grid-cols-[1.1fr_1fr] md:items-end md:py-14">
          <div className="order-first aspect-[3/2] animate-pulse rounded-card bg-white/10 md:order-last md:aspect-[4/3]" />
          <div>
            <div className="h-3 w-24 animate-pulse rounded bg-white/15" />
            <div className="mt-5 h-12 w-4/5 animate-pulse rounded-md bg-white/15" />
            <div className="mt-3 h-12 w-1/2 animate-pulse rounded-md bg-white/15" />
            <div className="mt-7 h-4 w-2/3 animate-pulse rounded bg-white/10" />
          </div>
        </div>
      </div>
      <div className="container-page grid grid-cols-1 gap-12 py-12 lg:grid-cols-[1fr_1.15fr]">
        <div className="space-y-3">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="h-4 animate-pulse rounded bg-paper-deep" style={{ width: `${90 - i * 7}%` }} />
          ))}
        </div>
        <div className="space-y-3">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="h-20 animate-pulse rounded-card bg-paper-deep" />
          ))}
        </div>
      </div>
    </div>
  );
}
