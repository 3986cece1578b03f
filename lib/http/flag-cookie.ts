/**
 * Script-readable flag cookies (`name=1`): the hints the header reads to skip calls it does not need (the
 * signed-in hint in lib/auth/cookies, the basket hints in lib/basket/hint). One reader, so each hint's name is
 * matched whole: `not-has-basket=1` is not `has-basket=1`; one writer for the hints the browser sets itself.
 */
export function hasFlagCookie(cookieHeader: string, name: string): boolean {
  return cookieHeader.split(";").some((part) => part.trim() === `${name}=1`);
}

/** The `document.cookie` assignment that sets a flag cookie for `maxAgeSeconds`, or clears it. */
export function flagCookieAssignment(name: string, maxAgeSeconds: number, on: boolean, secure: boolean): string {
  const attributes = `path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
  return on ? `${name}=1; max-age=${maxAgeSeconds}; ${attributes}` : `${name}=; max-age=0; ${attributes}`;
}
