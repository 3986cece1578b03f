import type { Hono } from "hono";
import { parseBody, webSession, type AppEnv, type Emu } from "../context";
import { ApiError, badRequest } from "../errors";
import { registerBasketItems } from "./basket";
import type { CustomerRec } from "../data/demo";
import * as s from "./schemas";

const notLoggedIn = () => new ApiError(401, "No customer is logged in.", ["Not logged in"]);

/** Singular web-mode paths: the session's basket and customer. */
export function registerWeb(api: Hono<AppEnv>, emu: Emu): void {
  const store = emu.store;
  registerBasketItems(api, emu, "/basket", (c) => store.sessionBasket(webSession(c, emu)!));

  const current = (c: Parameters<typeof webSession>[0]) => {
    const session = webSession(c, emu)!;
    if (!session.customerId) throw notLoggedIn();
    return store.customer(session.customerId);
  };

  api.get("/customer", (c) => c.json(store.customerJson(current(c), { owner: false })));
  api.get("/customer/addresses", (c) => c.json(current(c).addresses));
  api.get("/customer/orders", (c) => c.json(current(c).orderIds.map((id) => store.order(id).json)));

  api.post("/customer/authenticate", (c) => {
    const body = parseBody(c, s.authenticate);
    const customer = store.customerByEmail(body.email);
    if (!customer || customer.password === null || customer.password !== body.password) {
      throw new ApiError(401, "The email address or password is incorrect.", ["Invalid credentials"]);
    }
    const session = webSession(c, emu)!;
    store.signIn(session, customer.id);
    return c.json(store.customerJson(customer, { owner: false }));
  });

  api.post("/customer/deauthenticate", (c) => {
    const session = webSession(c, emu)!;
    session.customerId = null;
    const basket = store.sessionBasket(session);
    if (basket.customerId !== null) {
      basket.customerId = null;
      store.touch(basket);
    }
    return c.body(null, 204);
  });

  api.post("/customer/redeem-gift-voucher", (c) =>
    c.json(store.redeemGiftVoucher(current(c).id, parseBody(c, s.redeemGiftVoucher).voucherCode)),
  );
  api.patch("/customer", (c) => c.json(store.customerJson(updateCustomer(current(c), c), { owner: false })));

  // Web-mode sign-up: creates the customer and logs the session in.
  api.post("/customer", (c) => {
    const body = parseBody(c, s.newCustomer);
    const customer = store.createCustomer(body);
    const session = webSession(c, emu)!;
    store.signIn(session, customer.id);
    return c.json(store.customerJson(customer, { owner: false }));
  });
}

/** Plural owner-mode paths. Only reached with a valid signature. */
export function registerOwner(api: Hono<AppEnv>, emu: Emu): void {
  const store = emu.store;
  api.post("/baskets", (c) => {
    const body = parseBody(c, s.newBasket.optional());
    const customerId = body?.customer ? (typeof body.customer === "string" ? body.customer : body.customer.id) : null;
    if (customerId) store.customer(customerId);
    const b = store.newBasket(customerId);
    return c.json(store.basketJson(b, { owner: true }));
  });
  registerBasketItems(api, emu, "/baskets/:basketId", (c) => store.basket(c.req.param("basketId") ?? ""));

  api.get("/customers", (c) => {
    const email = c.req.query("email");
    if (!email) throw badRequest("Give an email: customers?email=…");
    const customer = store.customerByEmail(email);
    if (!customer) throw new ApiError(404, "Customer not found.", [`No customer with email ${email}`]);
    return c.json(store.customerJson(customer, { owner: true }));
  });
  api.post("/customers", (c) =>
    c.json(store.customerJson(store.createCustomer(parseBody(c, s.newOwnerCustomer)), { owner: true })),
  );
  // [A: answer] Only adds consent; answers the customer's agreed statements as references, as the record shows them.
  api.post("/customers/:id/agreed-statements", (c) => {
    const ids = parseBody(c, s.agreedStatements);
    return c.json(store.agreeStatements(c.req.param("id"), ids).map((id) => ({ id })));
  });
  api.get("/customers/:id", (c) => c.json(store.customerJson(store.customer(c.req.param("id")), { owner: true })));
  api.patch("/customers/:id", (c) =>
    c.json(store.customerJson(updateCustomer(store.customer(c.req.param("id")), c), { owner: true })),
  );
  api.post("/customers/:id/redeem-gift-voucher", (c) =>
    c.json(store.redeemGiftVoucher(c.req.param("id"), parseBody(c, s.redeemGiftVoucher).voucherCode)),
  );
  api.get("/customers/:id/addresses", (c) => c.json(store.customer(c.req.param("id")).addresses));
  api.get("/customers/:id/orders", (c) =>
    c.json(store.customer(c.req.param("id")).orderIds.map((id) => store.order(id).json)),
  );
  api.get("/orders/:id", (c) => c.json(store.order(c.req.param("id")).json));
}

/**
 * The customer fields a profile update may change here: only the Gift Aid declaration. `giftAidConfirmed` is
 * the name third-party code sends (lib/spektrix/README.md); a declaration, once made, is not withdrawn this way.
 */
function updateCustomer(customer: CustomerRec, c: Parameters<typeof parseBody>[0]): CustomerRec {
  parseBody(c, s.customerUpdate);
  customer.giftAidDeclared = true;
  return customer;
}
