import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Renders structured data through the one escaping serialiser. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
