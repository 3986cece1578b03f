/**
 * `POST /api/checkout/gift-aid`: the member ticked the Gift Aid declaration at checkout; it is recorded on their
 * Spektrix record (owner mode) before the payment starts, so the donation in this order can be claimed. After
 * the member checkout's shared door (./member-request.ts), the body must say `{ "declare": true }`: nothing is
 * ever declared by default, and withdrawing one is the box office's job (Spektrix's profile update only adds).
 */
import { z } from "zod";
import { describeSpektrixError } from "@/lib/spektrix";
import {
  admitMemberRequest,
  refuse,
  type AdmissionReason,
  type MemberRequestDeps,
  type MemberRequestFailure,
  type MemberRequestInput,
} from "./member-request";

export const giftAidBodySchema = z.object({ declare: z.literal(true) }).strict();

export interface GiftAidDeps extends MemberRequestDeps {
  spektrix: { declareGiftAid(customerId: string): Promise<void> };
}

export type GiftAidResult =
  { status: 200; body: { declared: true } } | MemberRequestFailure<AdmissionReason | "upstream">;

export async function declareGiftAid(input: MemberRequestInput, deps: GiftAidDeps): Promise<GiftAidResult> {
  const log = deps.log ?? (() => undefined);
  const admitted = await admitMemberRequest(input, deps, giftAidBodySchema, {
    unauthenticated: "Please sign in to make a Gift Aid declaration.",
    rateLimited: "Too many attempts in a short time. Please wait a minute and try again.",
    logEvent: "gift aid",
  });
  if (!admitted.ok) return admitted.failure;
  try {
    await deps.spektrix.declareGiftAid(admitted.customerId);
    log("gift aid declared");
    return { status: 200, body: { declared: true } };
  } catch (error) {
    const described = describeSpektrixError(error);
    log("gift aid upstream failure", { reason: described.reason, status: described.status });
    return refuse(
      described.status >= 500 ? described.status : 502,
      "upstream",
      "We couldn’t record your Gift Aid declaration just now. Please try again, or continue without it.",
    );
  }
}
