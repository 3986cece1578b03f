import { env } from "@/lib/config";

/**
 * The caller's address, for rate limiting and nothing else.
 *
 * The chain is every `X-Forwarded-For` entry followed by the socket peer that connected to this server
 * (`PEER_ADDRESS_HEADER`, stamped by lib/security/peer-address.ts on every request, overwriting anything a
 * visitor sent under that name). A visitor can write any `X-Forwarded-For` they like; each trusted proxy then
 * appends the address it saw. With `TRUSTED_PROXY_HOPS=N` (the number of proxies in front of the site) the
 * caller is the N-th address from the end of the chain; with the default 0 it is the socket peer itself and
 * `X-Forwarded-For` is ignored, so a spoofed header never moves a visitor to a fresh limit.
 */
export const PEER_ADDRESS_HEADER = "x-storefront-peer-address";

export function clientIp(
  headers: Headers | Record<string, string | string[] | undefined>,
  trustedHops = env().TRUSTED_PROXY_HOPS,
): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const peer = get(PEER_ADDRESS_HEADER)?.trim();
  const forwarded =
    trustedHops > 0
      ? (get("x-forwarded-for") ?? "")
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, ...(peer ? [peer] : [])];
  const ip = chain.length ? chain[Math.max(0, chain.length - 1 - trustedHops)] : undefined;
  return ip && ip.length <= 64 ? ip : "unknown";
}
