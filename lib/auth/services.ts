/** The account service built from config, once per process. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { createAccountService, type AccountService } from "@/lib/spektrix/account";

let service: AccountService | undefined;

export function accountService(): AccountService {
  if (!service) {
    const e = env();
    service = createAccountService({
      baseUrl: e.SPEKTRIX_BASE_URL,
      clientName: e.SPEKTRIX_CLIENT_NAME,
      apiUser: e.SPEKTRIX_API_USER,
      apiKey: e.SPEKTRIX_API_KEY,
      timeoutMs: e.SPEKTRIX_TIMEOUT_MS,
      timeZone: e.VENUE_TIME_ZONE,
    });
  }
  return service;
}
