"use client";

import Image from "next/image";
import { useEffect, useRef, useState } from "react";
import type { ImageRef } from "@/lib/events/types";
import { Poster } from "./poster";

/**
 * An event image over its typographic poster. If there is no image, or it fails to load (offline demo, a
 * removed Spektrix blob), the poster is what remains. Remote images are served as they are (`unoptimized`):
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
  const [loaded, setLoaded] = useState(false);
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    // An image that failed before hydration fired its error event too early for React to see.
    const img = ref.current;
    if (img && img.complete) {
      if (img.naturalWidth === 0) setFailed(true);
      else setLoaded(true);
    }
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
          // Hidden until it has loaded, so a failed image never shows the browser's broken-image icon.
          className={`object-cover transition-opacity duration-300 ${loaded ? "opacity-100" : "opacity-0"}`}
          onLoad={() => setLoaded(true)}
          onError={() => setFailed(true)}
        />
      ) : null}
    </>
  );
}
