/** Client-safe surface of sign-in: types, role checks and paths. Server helpers are in `./server`. */
export { isSignedIn, isMember, greetingName, type SiteUser, type SiteSession } from "./session";
export { authRoutes, safeCallbackPath } from "./paths";
export { SIGN_IN_ERRORS } from "./authorize";
