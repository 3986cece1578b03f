import type { Hono } from "hono";
import { webSession, type AppEnv, type Ctx, type Emu } from "../context";
import type { Json } from "../data/load";
import { refId } from "../data/catalogue";
import { wallClockForPeople } from "../data/dates";
import { TEST_CARDS } from "../demo-credentials";
import { ApiError } from "../errors";
import { shortId } from "../random";
import { pay } from "../routes/payments";
import { esc } from "./html";
import { formatAmount } from "../system-locale";
import { addressInput } from "../routes/schemas";
import { SEAT_FIELD, SEAT_MAP_CSS, seatMapHtml } from "./seat-map";
import { SEAT_MAP_JS } from "./scripts";
import type { Basket, Session } from "../state";

const money = formatAmount;

interface PageCtx {
  c: Ctx;
  emu: Emu;
  session: Session;
  basket: Basket;
  query: Record<string, string>;
  base: string;
  /** This page's key in `pages` (lower case), so a page can send a visitor back to it. */
  path: string;
}
type Page = {
  title: string;
  /** The page's own look and behaviour, inline in the page as the layout's script already is. */
  style?: string;
  script?: string;
  get: (p: PageCtx) => string;
  post?: (p: PageCtx, form: Record<string, string>) => string | { redirect: string };
};

/** Iframe pages at /{client}/website/{Page}.aspx: small, plain, working forms on the web session. */
export function registerPages(app: Hono<AppEnv>, emu: Emu): void {
  const client = emu.config.clientName;
  const store = emu.store;
  const link = (p: PageCtx, page: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(extra);
    for (const key of ["stylesheet", "resize"]) if (p.query[key]) params.set(key, p.query[key]!);
    const qs = params.toString();
    return `${p.base}/${page}${qs ? `?${qs}` : ""}`;
  };
  const byShortId = (map: Map<string, Json>, short: string | undefined) =>
    [...map.values()].find((x) => shortId(String(x.id)) === short || x.id === short);
  // A new customer who creates an account from a page that asked them to log in is brought back to it, as
  // Spektrix's checkout carries a new customer on to payment.
  const loginForm = (p: PageCtx) =>
    `<form method="post"><input type="hidden" name="action" value="login"><label>Email <input name="email" type="email" autocomplete="email" required></label> <label>Password <input name="password" type="password" autocomplete="current-password" required></label> <button>Log in</button></form><p><a href="${link(p, "secure/ForgottenPassword.aspx")}">Forgotten your password?</a></p><p>New customer? <a href="${link(p, "secure/signup.aspx", { ReturnTo: p.path })}">Create an account</a></p>`;
  const addressFields = (legend: string, required: boolean) => {
    const req = required ? " required" : "";
    return `<fieldset><legend>${legend}</legend><label>Address line 1 <input name="line1" autocomplete="address-line1"${req}></label><br><label>Town or city <input name="town" autocomplete="address-level2"${req}></label><br><label>Postcode <input name="postcode" autocomplete="postal-code"${req}></label></fieldset>`;
  };
  /** The address a form gave, or null when it gave none and none is needed; half an address is refused. */
  const formAddress = (f: Record<string, string>, required: boolean) => {
    const given = { line1: f.line1?.trim(), town: f.town?.trim(), postcode: f.postcode?.trim() };
    if (!given.line1 && !given.town && !given.postcode && !required) return null;
    const parsed = addressInput.safeParse(given);
    if (!parsed.success)
      throw new ApiError(400, "Enter the first line of the address, the town or city and the postcode.");
    return parsed.data;
  };
  const login = (p: PageCtx, f: Record<string, string>) => {
    const customer = store.customerByEmail(f.email ?? "");
    if (!customer || customer.password !== f.password)
      throw new ApiError(401, "The email address or password is incorrect.");
    store.signIn(p.session, customer.id);
  };

  const pages: Record<string, Page> = {
    "eventlist.aspx": {
      title: "What's on",
      get: (p) =>
        `<h1>What's on</h1><ul>${[...store.catalogue.events.values()].map((e) => `<li><a href="${link(p, "EventDetails.aspx", { EventId: shortId(String(e.id)) })}">${esc(e.name)}</a> <span>${esc(e.instanceDates)}</span></li>`).join("")}</ul>`,
    },
    "eventdetails.aspx": {
      title: "Event details",
      get: (p) => {
        const e = byShortId(store.catalogue.events, p.query.eventid);
        if (!e) return `<h1>Event not found</h1>`;
        const rows = store.catalogue
          .instancesOf(String(e.id))
          .map(
            (i) =>
              `<li>${esc(wallClockForPeople(i.start))} ${i.cancelled ? "(cancelled)" : `<a href="${link(p, "ChooseSeats.aspx", { EventInstanceId: shortId(String(i.id)) })}">Book</a>`}</li>`,
          );
        return `<h1>${esc(e.name)}</h1><div class="spx-description">${String(e.htmlDescription ?? "")}</div><h2>Performances</h2><ul>${rows.join("")}</ul>`;
      },
    },
    "chooseseats.aspx": {
      title: "Choose seats",
      style: SEAT_MAP_CSS,
      script: SEAT_MAP_JS,
      get: (p) => {
        const i = byShortId(store.catalogue.instances, p.query.eventinstanceid);
        if (!i) return `<h1>Performance not found</h1>`;
        const event = store.catalogue.events.get(refId(i.event));
        const plan = store.catalogue.plan(String(i.planId));
        const status = store.status(String(i.id), p.basket.id, false, false, true);
        const heading = `<h1>${esc(event?.name)}</h1>`;
        // Outside its web sale window (or off sale, or cancelled) Spektrix's page offers nothing to add [A: wording].
        const refusal = store.saleRefusal(i);
        if (refusal)
          return `${heading}<p>${esc(wallClockForPeople(i.start))}</p><p class="NotOnSale">${esc(refusal)}</p>`;
        // A multi-area plan: the visitor picks an area first (SeatingAreaId, as Spektrix's page takes it).
        const area = plan.areas?.find((a) => shortId(a.id) === p.query.seatingareaid || a.id === p.query.seatingareaid);
        if (plan.areas && !area) {
          const areas = status.areas as { id: string; name: string; available: number }[];
          return `${heading}<p>${esc(wallClockForPeople(i.start))}</p><h2>Where would you like to sit?</h2><ul class="spx-areas">${areas
            .map(
              (a) =>
                `<li><a href="${link(p, "ChooseSeats.aspx", { EventInstanceId: shortId(String(i.id)), SeatingAreaId: shortId(a.id) })}">${esc(a.name)}</a> · ${a.available > 0 ? `${esc(a.available)} available` : "Sold out"}</li>`,
            )
            .join("")}</ul>`;
        }
        const bandId = area ? area.bandIds[0] : plan.bands[0]?.id;
        const priceList = store.catalogue.priceListForInstance(i).prices;
        const prices = priceList.filter((x) => x.band.id === bandId);
        const available = area
          ? (status.areas as { id: string; available: number }[]).find((a) => a.id === area.id)!.available
          : Number(status.available);
        const hidden = `<input type="hidden" name="instance" value="${esc(i.id)}">${area ? `<input type="hidden" name="area" value="${esc(area.id)}">` : ""}`;
        // Reserved seats in view (a reserved plan, or a multi-area plan's reserved area): a map to pick them on,
        // with best available kept beside it for visitors who would rather not choose.
        const seats =
          area?.type === "Unreserved" ? [] : (plan.seats ?? []).filter((s) => !area || s.areaId === area.id);
        const bandIds = new Set(seats.map((s) => s.bandId));
        const map = seats.length
          ? seatMapHtml({
              seats,
              states: store.seatStates(String(i.id), p.basket.id),
              prices: priceList.filter((x) => bandIds.has(x.band.id)),
              hidden,
            })
          : "";
        const quantities = `<form method="post" class="Ticket_Types_Selection"><input type="hidden" name="action" value="add">${hidden}
${prices.map((x) => `<label>${esc(x.ticketType.name)} (${money(x.amount)}) <input type="number" min="0" max="10" value="0" name="type:${esc(x.ticketType.id)}"></label>`).join("<br>")}
<p class="SeatingAreaInstructions">${area?.type === "Unreserved" ? "Unreserved: stand or sit anywhere in this area." : "Best available seats are chosen for you."}</p><button>Add to basket</button></form>`;
        return `${heading}<p>${esc(wallClockForPeople(i.start))}${area ? ` · ${esc(area.name)}` : ""} · <span data-available>${esc(available)}</span> available</p>
${
  // As Spektrix's own page does, a sold-out performance (or area) offers nothing to choose or add.
  available <= 0
    ? `<p class="SoldOut">Sold out. Returned tickets appear here as soon as they are released.</p>`
    : map
      ? `${map}<section aria-labelledby="spx-best-heading"><h2 id="spx-best-heading">Best available</h2><p>Rather not choose? Say how many tickets you want and we pick the best free seats for you, nearest the stage first.</p>${quantities}</section>`
      : quantities
}${
          area
            ? `<p><a href="${link(p, "ChooseSeats.aspx", { EventInstanceId: shortId(String(i.id)) })}">Choose another area</a></p>`
            : ""
        }`;
      },
      post: (p, f) => {
        if (f.action === "seats") {
          // The seats the visitor picked on the map: the store holds exactly those, or refuses them all (a seat
          // sold, held or locked meanwhile, or one the form never offered) as the API does.
          const seats = Object.keys(f)
            .filter((k) => k.startsWith(SEAT_FIELD))
            .map((k) => k.slice(SEAT_FIELD.length));
          if (!seats.length) throw new ApiError(400, "Choose at least one seat on the plan.");
          if (seats.length > 10) throw new ApiError(400, "Choose at most 10 seats at a time.");
          store.addTickets(
            p.basket,
            seats.map((seat) => ({
              instance: f.instance ?? "",
              type: f.type ?? "",
              seat,
              ...(f.area ? { seatingPlan: f.area } : {}),
              attributes: {},
            })),
          );
          return { redirect: link(p, "Basket2.aspx") };
        }
        const items = Object.entries(f)
          .filter(([k, v]) => k.startsWith("type:") && Number(v) > 0)
          .flatMap(([k, v]) =>
            Array.from({ length: Math.min(10, Number(v)) }, () => ({
              instance: f.instance ?? "",
              type: k.slice(5),
              ...(f.area ? { seatingPlan: f.area } : {}),
              attributes: {},
            })),
          );
        if (!items.length) throw new ApiError(400, "Choose at least one ticket.");
        store.addTickets(p.basket, items);
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
    "basket2.aspx": {
      title: "Basket",
      get: (p) => {
        const b = store.basketJson(p.basket, { owner: false });
        // `text` is HTML already (its parts escaped), so it goes into the label as it is: escaped twice, a name
        // such as "Ada's" reads "Ada&#39;s" to a screen reader.
        const line = (kind: string, id: string, text: string, amount: number) =>
          `<li>${text} — ${money(amount)} <form method="post" style="display:inline"><input type="hidden" name="action" value="remove"><input type="hidden" name="kind" value="${kind}"><input type="hidden" name="id" value="${esc(id)}"><button aria-label="Remove ${text}">Remove</button></form></li>`;
        const items = [
          ...p.basket.tickets.map((t) =>
            line(
              "tickets",
              t.id,
              `${esc(store.catalogue.events.get(t.eventId)?.name)} ${esc(t.seatName)} (${esc(t.price.ticketType.name)})`,
              t.price.amount,
            ),
          ),
          ...p.basket.donations.map((d) => line("donations", d.id, "Donation", d.amount)),
          ...p.basket.merchandise.map((m) =>
            line(
              "merchandise",
              m.id,
              esc(store.catalogue.stockItems.find((s) => s.id === m.stockItemId)?.name),
              m.price,
            ),
          ),
          ...p.basket.memberships.map((m) =>
            line(
              "memberships",
              m.id,
              esc(store.catalogue.memberships.find((s) => s.id === m.membershipId)?.name),
              m.price,
            ),
          ),
          ...p.basket.giftVouchers.map((g) => line("giftVouchers", g.id, "Gift voucher", g.amount)),
        ];
        return `<h1 class="BasketHeading">Your basket</h1>${items.length ? `<ul>${items.join("")}</ul>` : "<p>Your basket is empty.</p>"}
<form method="post"><input type="hidden" name="action" value="promo"><label>Promo code <input name="promoCode" value="${esc(b.promoCode)}"></label> <button>Apply</button></form>
<p>Discount: ${money(Number(b.totalDiscount))}</p><p><strong>Total: <span data-total>${money(Number(b.total))}</span></strong></p>
${items.length ? `<p><a href="${link(p, "secure/Checkout.aspx")}">Checkout</a></p>` : ""}`;
      },
      post: (p, f) => {
        if (f.action === "remove") store.removeItems(p.basket, f.kind as "tickets", [f.id ?? ""]);
        if (f.action === "promo") {
          const code = (f.promoCode ?? "").trim().toUpperCase();
          if (code && code !== "DEMO10") throw new ApiError(400, "The promo code is not valid.");
          p.basket.promoCode = code || null;
          store.touch(p.basket);
        }
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
    "secure/checkout.aspx": {
      title: "Checkout",
      get: (p) => {
        if (p.query.orderid)
          return `<h1>Thank you</h1><p>Your order reference is <strong data-order-id>${esc(p.query.orderid)}</strong>.</p>`;
        if (!p.session.customerId) return `<h1>Log in to check out</h1>${loginForm(p)}`;
        if (store.isEmpty(p.basket)) return `<h1>Checkout</h1><p>Your basket is empty.</p>`;
        const customer = store.customer(p.session.customerId);
        const total = store.totals(p.basket).total;
        if (total === 0)
          return `<h1>Checkout</h1><form method="post"><input type="hidden" name="action" value="confirm"><button>Confirm order</button></form>`;
        return `<h1>Checkout</h1><p>Total to pay: <strong>${money(total)}</strong></p><form method="post"><input type="hidden" name="action" value="pay">
${customer.addresses.length ? `<label>Billing address <select name="billingAddressId">${customer.addresses.map((a) => `<option value="${esc(a.id)}">${esc(a.line1)}, ${esc(a.town)}</option>`).join("")}</select></label>` : addressFields("Billing address", true)}<br>
<label>Card number <input name="cardNumber" inputmode="numeric" autocomplete="cc-number" required></label><br><button>Pay now</button></form>
<p><small>Test cards: ${TEST_CARDS.success} succeeds, ${TEST_CARDS.refused} is refused, ${TEST_CARDS.error} errors.</small></p>`;
      },
      post: (p, f) => {
        if (f.action === "login") {
          login(p, f);
          return { redirect: link(p, "secure/Checkout.aspx") };
        }
        if (!p.basket.customerId) throw new ApiError(400, "Log in first.");
        if (f.action === "confirm") {
          if (store.totals(p.basket).total > 0) throw new ApiError(409, "The basket requires payment.", [], 11);
          return {
            redirect: link(p, "secure/Checkout.aspx", {
              OrderId: store.completeOrder(p.basket, { amount: 0, type: "None", customerId: p.basket.customerId }).id,
            }),
          };
        }
        store.assertMembershipsAllowed(p.basket);
        // A card payment needs a billing address: one of the customer's, or (when they have none) one entered here.
        const customer = store.customer(p.basket.customerId);
        const billingAddressId = customer.addresses.length
          ? customer.addresses.find((a) => a.id === f.billingAddressId)?.id
          : store.addAddress(customer.id, formAddress(f, true)!).id;
        if (!billingAddressId) throw new ApiError(400, "Choose a billing address.");
        const token = store.issueToken(p.basket, {
          kind: "customer",
          originDomain: "iframe",
          billingAddressId,
          storeCard: false,
          payer: null,
          creditApplied: 0,
        });
        // This stand-in page runs no 3-D Secure check of its own: a challenge card pays as if its bank approved.
        const result = pay(emu, token, f.cardNumber ?? "", true);
        if (result.outcome === "challenge") throw new ApiError(500, "Unexpected 3-D Secure challenge.");
        if (result.outcome !== "completed") throw new ApiError(400, result.message);
        // Spektrix's own checkout page always knows the order it made; only the payments component's event may not.
        return { redirect: link(p, "secure/Checkout.aspx", result.orderId ? { OrderId: result.orderId } : {}) };
      },
    },
    "secure/myaccount.aspx": {
      title: "My account",
      get: (p) => {
        if (!p.session.customerId) return `<h1>Log in</h1>${loginForm(p)}`;
        const c = store.customer(p.session.customerId);
        return `<h1>Hello ${esc(c.firstName)}</h1><h2>Addresses</h2>${c.addresses.length ? `<ul>${c.addresses.map((a) => `<li>${esc(a.line1)}, ${esc(a.town)} ${esc(a.postcode)}</li>`).join("")}</ul>` : "<p>No address yet.</p>"}
<form method="post"><input type="hidden" name="action" value="address">${addressFields("Add an address", true)}<button>Save address</button></form>
<h2>Memberships</h2><ul>${c.memberships.map((m) => `<li>${esc(store.catalogue.memberships.find((x) => x.id === m.membershipId)?.name)} until ${esc(m.expiryDate.slice(0, 10))}</li>`).join("")}</ul>
<h2>Orders</h2><ul>${c.orderIds.map((id) => `<li>${esc(id)}</li>`).join("")}</ul><form method="post"><input type="hidden" name="action" value="logout"><button>Log out</button></form>`;
      },
      post: (p, f) => {
        if (f.action === "login") login(p, f);
        else if (f.action === "address") {
          if (!p.session.customerId) throw new ApiError(401, "Log in first.");
          store.addAddress(p.session.customerId, formAddress(f, true)!);
        } else {
          p.session.customerId = null;
          p.basket.customerId = null;
          store.touch(p.basket);
        }
        return { redirect: link(p, "secure/MyAccount.aspx") };
      },
    },
    "secure/loginlogout.aspx": {
      title: "Log in",
      get: (p) =>
        p.session.customerId
          ? `<h1>Logged in as ${esc(store.customer(p.session.customerId).email)}</h1><form method="post"><input type="hidden" name="action" value="logout"><button>Log out</button></form>`
          : `<h1>Log in</h1>${loginForm(p)}`,
      post: (p, f) => {
        if (f.action === "login") login(p, f);
        else {
          p.session.customerId = null;
          p.basket.customerId = null;
          store.touch(p.basket);
        }
        return { redirect: link(p, "secure/LoginLogout.aspx") };
      },
    },
    // Spektrix e-mails a reset link; the answer is the same whether or not the address has an account.
    "secure/forgottenpassword.aspx": {
      title: "Forgotten your password?",
      get: (p) =>
        p.query.sent
          ? `<h1>Check your email</h1><p>If that address has an account with us, we've sent it a link to set a new password.</p>`
          : `<h1>Forgotten your password?</h1><p>Enter your email address and we'll send you a link to set a new one.</p><form method="post"><label>Email <input name="email" type="email" autocomplete="email" required></label> <button>Send reset link</button></form>`,
      post: (p, f) => {
        if (!f.email) throw new ApiError(400, "Enter your email address.");
        return { redirect: link(p, "secure/ForgottenPassword.aspx", { sent: "1" }) };
      },
    },
    "secure/signup.aspx": {
      title: "Create an account",
      get: () =>
        `<h1>Create an account</h1><form method="post"><label>First name <input name="firstName" autocomplete="given-name" required></label><br><label>Last name <input name="lastName" autocomplete="family-name" required></label><br><label>Email <input name="email" type="email" autocomplete="email" required></label><br><label>Password <input name="password" type="password" autocomplete="new-password" required></label><br>${addressFields("Address (optional)", false)}<button>Create account</button></form>`,
      post: (p, f) => {
        if (!f.email || !f.firstName || !f.lastName) throw new ApiError(400, "Fill in every field.");
        const c = store.createCustomer({
          email: f.email,
          firstName: f.firstName,
          lastName: f.lastName,
          password: f.password || null,
          address: formAddress(f, false) ?? undefined,
        });
        store.signIn(p.session, c.id);
        // Back to the page that asked them to log in (the form posts to its own address, query and all).
        const back = (p.query.returnto ?? "").toLowerCase();
        return { redirect: link(p, isPage(back) && back !== p.path ? back : "secure/MyAccount.aspx") };
      },
    },
    "donations.aspx": {
      title: "Donate",
      get: () =>
        `<h1 class="FundHeading">Make a donation</h1><form method="post"><label>Fund <select name="fundId">${store.catalogue.funds.map((f) => `<option value="${esc(f.id)}">${esc(f.name)}</option>`).join("")}</select></label> <label class="DonationAmount">Amount <input name="amount" type="number" min="1" step="0.01" required></label> <button>Donate</button></form>`,
      post: (p, f) => {
        const amount = Number(f.amount);
        if (!(amount > 0) || !store.catalogue.funds.some((x) => x.id === f.fundId))
          throw new ApiError(400, "Choose a fund and an amount.");
        p.basket.donations.push({
          id: store.newItemId(),
          fundId: f.fundId!,
          amount,
          recognitionName: null,
          isAnonymous: false,
          tributeTypeId: null,
          tributeName: null,
        });
        store.touch(p.basket);
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
    "memberships.aspx": {
      title: "Memberships",
      get: () =>
        `<h1>Memberships</h1>${store.catalogue.memberships.map((m) => `<form method="post"><input type="hidden" name="membershipId" value="${esc(m.id)}"><h2>${esc(m.name)} — ${money(m.price)}</h2><p>${esc(m.description)}</p><button>Join ${esc(m.name)}</button></form>`).join("")}`,
      post: (p, f) => {
        const m = store.catalogue.memberships.find((x) => x.id === f.membershipId);
        if (!m) throw new ApiError(400, "Unknown membership.");
        if (p.basket.memberships.some((x) => x.membershipId === m.id))
          throw new ApiError(400, "This membership is already in the basket.");
        p.basket.memberships.push({
          id: store.newItemId(),
          membershipId: m.id,
          autoRenew: m.autoRenew,
          price: m.price,
          isRenewal: false,
        });
        try {
          store.assertMembershipsAllowed(p.basket);
        } catch (err) {
          p.basket.memberships.pop();
          throw err;
        }
        store.touch(p.basket);
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
    "giftvouchers.aspx": {
      title: "Gift vouchers",
      get: () =>
        `<h1>Gift vouchers</h1><form method="post"><label>Amount <input name="amount" type="number" min="5" max="500" required></label><br><label>To <input name="toName"></label><br><label>From <input name="fromName"></label><br><label>Message <textarea name="message"></textarea></label><br><button>Add gift voucher</button></form>`,
      post: (p, f) => {
        const amount = Number(f.amount);
        const type = store.catalogue.giftVoucherTypes[0];
        if (!(amount > 0) || (type && (amount < type.minimumAmount || amount > type.maximumAmount)))
          throw new ApiError(400, "Choose an amount between 5 and 500.");
        p.basket.giftVouchers.push({
          id: store.newItemId(),
          amount,
          toName: f.toName ?? "",
          fromName: f.fromName ?? "",
          message: f.message ?? "",
          sendDate: null,
          deliveryType: "CustomerEmail",
          deliveryEmailAddress: null,
        });
        store.touch(p.basket);
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
    // Spektrix serves this page without .aspx in production [D: a venue's site].
    ticketsubscriptions: {
      title: "Subscriptions",
      get: () =>
        `<h1>Subscriptions</h1>${store.catalogue.ticketSubscriptionStructures
          .map(
            (s) =>
              `<section><h2>${esc(s.name)}</h2><p>${esc(s.description)}</p>${s.pricingSets
                .map(
                  (set) =>
                    `<form method="post"><input type="hidden" name="pricingSetId" value="${esc(set.id)}"><label>${esc(s.name)}, ${esc(set.name)} (${money(set.price)}) <input type="number" name="quantity" min="1" max="10" value="1"></label> <button>Add ${esc(s.name)} (${esc(set.name)})</button></form>`,
                )
                .join("")}</section>`,
          )
          .join("")}`,
      post: (p, f) => {
        for (const structure of store.catalogue.ticketSubscriptionStructures) {
          const set = structure.pricingSets.find((x) => x.id === f.pricingSetId);
          if (!set) continue;
          for (let n = 0; n < Math.max(1, Math.min(10, Number(f.quantity) || 1)); n++)
            p.basket.ticketSubscriptions.push({
              id: store.newItemId(),
              pricingSetId: set.id,
              structureName: structure.name,
              pricingSetName: set.name,
              price: set.price,
            });
          store.touch(p.basket);
          return { redirect: link(p, "Basket2.aspx") };
        }
        throw new ApiError(400, "Unknown subscription.");
      },
    },
    "merchandise.aspx": {
      title: "Shop",
      get: () =>
        `<h1>Shop</h1>${store.catalogue.stockItems.map((s) => `<form method="post"><input type="hidden" name="stockItem" value="${esc(s.id)}"><h2>${esc(s.name)} — ${money(s.price)}</h2><label>Quantity <input type="number" name="quantity" min="1" max="20" value="1"></label> <button>Add ${esc(s.name)}</button></form>`).join("")}`,
      post: (p, f) => {
        const item = store.catalogue.stockItems.find((x) => x.id === f.stockItem);
        if (!item) throw new ApiError(400, "Unknown item.");
        for (let n = 0; n < Math.max(1, Math.min(20, Number(f.quantity) || 1)); n++)
          p.basket.merchandise.push({
            id: store.newItemId(),
            stockItemId: item.id,
            reference: null,
            price: item.price,
          });
        store.touch(p.basket);
        return { redirect: link(p, "Basket2.aspx") };
      },
    },
  };

  // Own keys only: "constructor" is not a page.
  function isPage(key: string): boolean {
    return Object.hasOwn(pages, key);
  }

  const handle = async (c: Ctx) => {
    const base = `/${client}/website`;
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(c.req.url).pathname.slice(base.length + 1)).toLowerCase();
    } catch {
      rel = ""; // A malformed escape (%E0) names no page.
    }
    const page = isPage(rel) ? pages[rel] : undefined;
    if (!page) return c.html(layout(c, emu, "Page not found", "<h1>Page not found</h1>"), 404);
    const query: Record<string, string> = {};
    for (const [k, v] of new URL(c.req.url).searchParams) query[k.toLowerCase()] = v;
    const session = webSession(c, emu)!;
    const p: PageCtx = { c, emu, session, basket: store.sessionBasket(session), query, base, path: rel };
    let error = "";
    if (c.req.method === "POST" && page.post) {
      const form = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
      try {
        const out = page.post(p, form);
        if (typeof out !== "string") return c.redirect(out.redirect, 303);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        error = err.message;
        p.basket = store.sessionBasket(session);
      }
    }
    const body = (error ? `<p role="alert" class="spx-error">${esc(error)}</p>` : "") + page.get(p);
    return c.html(layout(c, emu, page.title, body, p, page), error ? 400 : 200);
  };
  app.get(`/${client}/website/*`, handle);
  app.post(`/${client}/website/*`, handle);
}

function layout(c: Ctx, emu: Emu, title: string, body: string, p?: PageCtx, page?: Page): string {
  const q = new URL(c.req.url).searchParams;
  const sheet = q.get("stylesheet") ?? q.get("Stylesheet");
  // An uploaded file name resolves under /{client}/resources/ as on Spektrix; a URL or path is used as given.
  const href = sheet ? (/^(https?:)?\//.test(sheet) ? sheet : `/${emu.config.clientName}/resources/${sheet}`) : null;
  const resize = (q.get("resize") ?? "").toLowerCase() === "true";
  const basket = p ? emu.store.basketJson(p.basket, { owner: false }) : null;
  const messages = basket
    ? `parent.postMessage("basketContents:" + ${JSON.stringify(JSON.stringify(basket)).replace(/</g, "\\u003c")}, "*"); parent.postMessage("basketHash:" + ${JSON.stringify(basket.hash)}, "*");`
    : "";
  const resizer = resize
    ? // The content's own height (body bottom plus its margin), not scrollHeight: scrollHeight never drops below
      // the frame's current height, so a frame sized by it could grow but never shrink.
      `function spxSize(){ var b = document.body, h = Math.ceil(b.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(b).marginBottom || "0")); parent.postMessage(JSON.stringify({ type: "spektrix:resize", height: h }), "*"); }
window.addEventListener("load", spxSize); if (window.ResizeObserver) new ResizeObserver(spxSize).observe(document.body);`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
${page?.style ? `<style>${page.style}</style>` : ""}${href ? `<link rel="stylesheet" href="${esc(href)}">` : ""}</head>
<body class="spx-page"><main>${body}</main>
<script>if (window.parent !== window) { ${messages} ${resizer} }</script>${page?.script ? `<script>${page.script}</script>` : ""}</body></html>`;
}
