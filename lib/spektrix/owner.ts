// Owner-mode keys sign requests with full access to customer data: this module must never reach a browser.
import "server-only";

export {
  createSpektrixOwnerClient,
  type OwnerCredentials,
  type SpektrixOwnerClient,
  type SpektrixOwnerClientOptions,
} from "./owner-client";
export { signRequest, type SignRequestInput, type SignedHeaders } from "./signing";
export { createCatalogueReader, type CatalogueReaderOptions } from "./catalogue-reader";
