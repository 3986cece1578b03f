/**
 * "This machine", in one place: the host names the Spektrix emulator and local development run on, and the only
 * hosts where plain http is accepted for Spektrix (the connection, its form, the page policy) or a session cookie
 * may go without `Secure`. Plain JavaScript so `next.config.mjs`'s imports can use it too.
 */

export const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether `url` is plain http on this machine.
 * @param {string} url
 * @returns {boolean}
 */
export function isLoopbackHttp(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}
