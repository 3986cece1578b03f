/**
 * Public surface of the Spektrix client. Safe to import anywhere (browser included), but a client component
 * takes types from here and reaches the client through `@/lib/spektrix/load`: a value import puts the client, its
 * schemas and zod into the page's first load (ADR 0016; the first-load budget would catch it).
 * Owner mode is deliberately not re-exported: import `createSpektrixOwnerClient` from `@/lib/spektrix/owner`
 * (server only) so API keys and signing never reach a client bundle.
 */
export { createSpektrixClient, createCatalogue, createWebSession } from "./client";
export type {
  SpektrixClient,
  SpektrixClientOptions,
  SpektrixCatalogue,
  SpektrixWebSession,
  NewTicket,
  NewGiftVoucher,
  CustomerPaymentRequest,
  DateInput,
} from "./client";
export { mapWithConcurrency, type RetryPolicy } from "./http";
export * from "./errors";
export * from "./types";
export { isSpektrixId, isCustomerId, isOpaqueId, assertSpektrixId, shortId } from "./ids";
export {
  iframeUrl,
  integrateScriptUrl,
  bookingStep,
  bookingUrl,
  IFRAME_PAGES,
  IFRAME_PARAMS,
  type IframePage,
  type BookingStep,
  type IframeUrlInput,
  type BookingUrlInput,
} from "./urls";
