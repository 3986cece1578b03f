/** The account service for the connection in force, built once per connection version. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { activeConnection } from "@/lib/connection";
import { createAccountService, type AccountService } from "@/lib/spektrix/account";
import { reportMembershipProblem } from "./membership-health";

let built: { version: string; service: AccountService } | undefined;

export async function accountService(): Promise<AccountService> {
  const connection = await activeConnection();
  if (built?.version === connection.version) return built.service;
  const e = env();
  const base = createAccountService({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    apiUser: connection.owner.apiUser,
    apiKey: connection.owner.apiKey,
    timeoutMs: e.SPEKTRIX_TIMEOUT_MS,
    timeZone: e.VENUE_TIME_ZONE,
  });
  // Every reader of memberships (sign-in, the account page, the members' gate) reports a record it could not
  // read as expected, so a real member is never a silent non-member.
  const service: AccountService = {
    ...base,
    async getAccount(customerId, now) {
      const account = await base.getAccount(customerId, now);
      if (account.membershipProblem) await reportMembershipProblem(account.membershipProblem);
      return account;
    },
  };
  built = { version: connection.version, service };
  return service;
}
