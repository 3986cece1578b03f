import { routes } from "@/lib/routes";

/** Only same-site studio paths are followed after sign-in (no open redirect). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string") return routes.studio.home;
  return /^\/studio(\/[A-Za-z0-9/_\-.?=&%]*)?$/.test(value) && !value.startsWith("//") ? value : routes.studio.home;
}
