import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { bestJoinAndSaveOffer, joinAndSaveForBasket } from "@/lib/checkout/join-and-save";
import { basketWithTickets, GUEST_ID, startHarness, type Harness } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("join and save", () => {
  it("picks the membership that saves most, and nothing when nothing is saved", () => {
    const m = (id: string, price: number) => ({ id, name: id, price });
    expect(
      bestJoinAndSaveOffer([{ membership: m("a", 40), discount: { basketTotal: 100, totalDiscount: 0 } }]),
    ).toBeNull();
    expect(bestJoinAndSaveOffer([{ membership: m("a", 40), discount: null }])).toBeNull();
    const best = bestJoinAndSaveOffer([
      { membership: m("friend", 40), discount: { basketTotal: 126, totalDiscount: 6 } },
      { membership: m("patron", 150), discount: { basketTotal: 230, totalDiscount: 9 } },
    ]);
    expect(best).toMatchObject({ membershipId: "patron", saving: 9, totalIfJoined: 230 });
  });

  it("quotes a non-member's basket from Spektrix and stays quiet for members", async () => {
    const basket = await basketWithTickets(h.account, GUEST_ID, 2);
    const deps = {
      listMembershipTypes: () => h.account.owner.listMembershipTypes(),
      potentialDiscount: h.account.potentialDiscount,
    };
    const offer = await joinAndSaveForBasket({ basketId: basket.id, isMember: false }, deps);
    expect(offer).not.toBeNull();
    expect(offer!.saving).toBeGreaterThan(0);
    expect(await joinAndSaveForBasket({ basketId: basket.id, isMember: true }, deps)).toBeNull();
    // Joining is under way (a membership in the basket): no second offer.
    expect(await joinAndSaveForBasket({ basketId: basket.id, isMember: false, hasMembership: true }, deps)).toBeNull();
  });
});
