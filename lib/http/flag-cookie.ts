/**
 * Script-readable flag cookies (`name=1`): the hints the header reads to skip calls it does not need (the
 * signed-in hint in lib/auth/cookies, the basket hint in lib/basket/hint). One reader, so each hint's name is
 * matched whole: `not-has-basket=1` is not `has-basket=1`.
 */
export function hasFlagCookie(cookieHeader: string, name: string): boolean {
  return cookieHeader.split(";").some((part) => part.trim() === `${name}=1`);
}
