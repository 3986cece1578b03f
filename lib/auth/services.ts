/** The account service built from config, once per process. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { createAccountService, type AccountService } from "@/lib/spektrix/account";
import { reportMembershipProblem } from "./membership-health";

let service: AccountService | undefined;

export function accountService(): AccountService {
  if (!service) {
    const e = env();
    const base = createAccountService({
      baseUrl: e.SPEKTRIX_BASE_URL,
      clientName: e.SPEKTRIX_CLIENT_NAME,
      apiUser: e.SPEKTRIX_API_USER,
      apiKey: e.SPEKTRIX_API_KEY,
      timeoutMs: e.SPEKTRIX_TIMEOUT_MS,
      timeZone: e.VENUE_TIME_ZONE,
    });
    // Every reader of memberships (sign-in, the account page, the members' gate) reports a record it could not
    // read as expected, so a real member is never a silent non-member.
    service = {
      ...base,
      async getAccount(customerId, now) {
        const account = await base.getAccount(customerId, now);
        if (account.membershipProblem) await reportMembershipProblem(account.membershipProblem);
        return account;
      },
    };
  }
  return service;
}
