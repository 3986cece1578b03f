"use client";

import Image from "next/image";
import { useEffect, useRef, useState } from "react";
import type { ImageRef } from "@/lib/events/types";
import { Poster } from "./poster";

/**
 * An event image over its typographic poster, both in the server's HTML. If there is no image, or it fails to
 * load (offline demo, a removed Spektrix blob), the poster is what remains. Remote images are served as they are (`unoptimized`):
 * Spektrix already sizes them, and the optimiser would have to reach the venue's blob host.
 */
export function EventImage({
  image,
  title,
  genre,
  sizes,
  priority = false,
  decorative = false,
  size = "card",
  posterTitle = true,
}: {
  image: ImageRef | null;
  title: string;
  genre?: string | null;
  sizes: string;
  priority?: boolean;
  /** Cards name the event next to the image, so the image adds nothing for screen readers there. */
  decorative?: boolean;
  size?: "card" | "hero";
  /** Off where the title is already printed over the image (home page feature). */
  posterTitle?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    // An image that failed before hydration fired its error event too early for React to see.
    const img = ref.current;
    if (img && img.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  return (
    <>
      <Poster title={title} genre={genre} size={size} showTitle={posterTitle} />
      {image && !failed ? (
        <Image
          ref={ref}
          src={image.url}
          alt={decorative ? "" : image.alt}
          fill
          sizes={sizes}
          priority={priority}
          unoptimized
          // Visible as soon as it arrives, not after hydration: an image kept transparent until a script marks it
          // loaded is painted only once the phone has run the page's JavaScript, and is then its late LCP
          // (ADR 0016). A failed one is removed, leaving the poster underneath (next/image hides its alt text);
          // until the script has run, a failed image may show the browser's broken-image icon, a fair trade.
          className="object-cover"
          onError={() => setFailed(true)}
        />
      ) : null}
    </>
  );
}
