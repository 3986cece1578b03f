"use client";

import { serializeJsonLd } from "@/lib/seo/json-ld";

/**
 * Structured data, one `<script type="application/ld+json">` per entry, through the one escaping serialiser.
 * Each entry is `shared` plus its own fields (see `splitShared`). A client component so that the page's RSC
 * payload carries those props, the shared fields once, rather than every script's full text again.
 */
export function JsonLd({ shared, entries }: { shared: object; entries: object[] }) {
  return entries.map((own, i) => (
    <script
      key={i}
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd({ ...shared, ...own }) }}
    />
  ));
}
