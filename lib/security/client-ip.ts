import { env } from "@/lib/config";

/**
 * The caller's address, for rate limiting and nothing else. `X-Forwarded-For` is only as honest as the last
 * proxy that wrote it: a visitor can send any list, and each trusted proxy appends the address it saw. With
 * `TRUSTED_PROXY_HOPS=N` (the number of proxies in front of the site), the N-th entry from the end is the one
 * the outermost trusted proxy recorded. With 0 (no proxy), Next fills the header from the socket when the
 * visitor did not send one, but cannot stop a visitor who did, so limits that matter are also keyed on
 * something the visitor cannot change (the e-mail address tried, the signed-in customer).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, trustedHops = env().TRUSTED_PROXY_HOPS): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const entries = (get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, trustedHops);
  const ip = entries[index] ?? get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : "unknown";
}
