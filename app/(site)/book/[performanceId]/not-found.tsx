import { NotFoundContent } from "@/components/site/not-found-content";

/** A performance that has taken place, gone off sale or never existed (a mistyped or old booking link): a 404. */
export default function PerformanceNotFound() {
  return (
    <NotFoundContent
      eyebrow="Performance not found"
      heading="We can’t find that performance"
      message="It may have already taken place or no longer be on sale, or the link may be mistyped. Other dates for the show are on its page in What’s on, and the box office is happy to help."
    />
  );
}
