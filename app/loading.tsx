export default function Loading() {
  return (
    <div className="container-page py-14" aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="h-10 w-2/3 max-w-lg animate-pulse rounded-md bg-paper-deep" />
      <div className="mt-8 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="rounded-card border border-line bg-white/60 p-4">
            <div className="aspect-[3/2] animate-pulse rounded-md bg-paper-deep" />
            <div className="mt-4 h-5 w-3/4 animate-pulse rounded bg-paper-deep" />
            <div className="mt-2 h-4 w-1/2 animate-pulse rounded bg-paper-deep" />
          </div>
        ))}
      </div>
    </div>
  );
}
