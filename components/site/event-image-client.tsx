"use client";

import { useEffect, useRef, useState } from "react";
import { preload } from "react-dom";
import type { ImageRef } from "@/lib/events/types";
import { Poster } from "./poster";

/**
 * An event image over its typographic poster, both in the server's HTML. If there is no image, or it fails to
 * load (offline demo, a removed Spektrix blob), the poster is what remains. Remote images are served as they are:
 * Spektrix already sizes them, and an optimiser would have to reach the venue's blob host. With nothing to
 * optimise, `next/image` would only write this same `<img>`, for ~3 KB of script on every page with an event
 * on it (ADR 0016); the attributes it would set are set here.
 */
export function EventImage({
  image,
  title,
  sizes,
  priority = false,
  decorative = false,
  size = "card",
  posterInitial = true,
}: {
  image: ImageRef | null;
  title: string;
  sizes: string;
  priority?: boolean;
  /** Cards name the event next to the image, so the image adds nothing for screen readers there. */
  decorative?: boolean;
  size?: "card" | "hero";
  /** Off where the title is printed over the image (home page feature), so the poster's initial would clash. */
  posterInitial?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  // The hero is the page's largest paint: ask for it early and first, from the document's head.
  if (priority && image) preload(image.url, { as: "image", fetchPriority: "high" });
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    // An image that failed before hydration fired its error event too early for React to see.
    const img = ref.current;
    if (img && img.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  return (
    <>
      <Poster title={title} size={size} showInitial={posterInitial} />
      {image && !failed ? (
        // eslint-disable-next-line @next/next/no-img-element -- next/image has nothing to optimise here (above)
        <img
          ref={ref}
          src={image.url}
          alt={decorative ? "" : image.alt}
          sizes={sizes}
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : undefined}
          decoding="async"
          // Visible as soon as it arrives, not after hydration: an image kept transparent until a script marks it
          // loaded is painted only once the phone has run the page's JavaScript, and is then its late LCP
          // (ADR 0016). A failed one is removed, leaving the poster underneath; until the script has run, a failed
          // image may show the browser's broken-image icon, a fair trade.
          className="absolute inset-0 h-full w-full object-cover"
          onError={() => setFailed(true)}
        />
      ) : null}
    </>
  );
}
