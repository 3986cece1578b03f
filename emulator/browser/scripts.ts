// Browser stand-ins served by the emulator. Plain ES2017 so they run untranspiled in any current browser.

/**
 * Parent-page half of iframe resizing: the stand-in for `integrate.js`, which Spektrix documents as the way its
 * iframes resize (the page includes it; the frame's src ends in `resize=true`). How Spektrix's pages talk to it is
 * not documented, so the site never reads those messages itself; here the iframe posts the JSON string
 * `{"type":"spektrix:resize","height":<px>}`. As a real script would, it acts only on messages from Spektrix's own
 * origin, and only for a frame that asked to be resized.
 */
export function integrateJs(spektrixOrigin: string): string {
  return `(function () {
  var ORIGIN = ${JSON.stringify(spektrixOrigin)};
  window.addEventListener("message", function (event) {
    if (event.origin !== ORIGIN) return;
    var data = event.data;
    if (typeof data === "string") { try { data = JSON.parse(data); } catch (e) { return; } }
    if (!data || data.type !== "spektrix:resize" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source || !/[?&]resize=true(&|$)/i.test(frame.src)) continue;
      frame.style.height = Math.max(50, Math.ceil(data.height)) + "px";
    }
  });
})();
`;
}

export const COMPONENT_LOADER_JS = `(function () {
  var script = document.currentScript;
  var wanted = script && script.getAttribute("data-components");
  var list = wanted ? wanted.split(",").map(function (s) { return s.trim(); }).filter(Boolean) : null;

  function apiBase(el) {
    var domain = el.getAttribute("custom-domain");
    var client = el.getAttribute("client-name") || el.getAttribute("system-name");
    var origin = !domain ? "https://system.spektrix.com" : /^https?:\\/\\//.test(domain) ? domain.replace(/\\/$/, "") : "https://" + domain;
    return origin + "/" + client + "/api/v3/";
  }
  function show(el, on) { if (el) { if (on) el.removeAttribute("style"); else el.style.display = "none"; } }

  class SpektrixElement extends HTMLElement {
    connectedCallback() {
      if (!this.shadowRoot) this.attachShadow({ mode: "open" }).innerHTML = "<slot></slot>";
      show(this.querySelector("[data-success-container]"), false);
      show(this.querySelector("[data-fail-container]"), false);
      if (!this._wired) { this._wired = true; this.wire(); }
      this.refresh();
    }
    wire() {}
    refresh() {}
    on(selector, type, fn) {
      var self = this;
      this.querySelectorAll(selector).forEach(function (node) { node.addEventListener(type, function (e) { fn.call(self, e, node); }); });
    }
    api(method, path, body) {
      return fetch(apiBase(this) + path, {
        method: method,
        credentials: "include",
        headers: body === undefined ? {} : { "Content-Type": "application/json; charset=UTF-8" },
        body: body === undefined ? undefined : JSON.stringify(body)
      }).then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: "Invalid response", problems: [] }; }
          if (!res.ok) throw json || { message: res.statusText, problems: [] };
          return json;
        });
      });
    }
    succeed(detail) {
      show(this.querySelector("[data-fail-container]"), false);
      show(this.querySelector("[data-success-container]"), true);
      this.dispatchEvent(new CustomEvent("success", { detail: detail, bubbles: true }));
      document.dispatchEvent(new CustomEvent("spektrix-basket-changed"));
      var forward = this.getAttribute("forward-to");
      if (forward) window.location.href = forward;
    }
    failed(err) {
      var box = this.querySelector("[data-fail-container]");
      if (box) { box.textContent = (err && err.message ? err.message : String(err)) + " " + ((err && err.problems) || []).toString(); show(box, true); }
      show(this.querySelector("[data-success-container]"), false);
      this.dispatchEvent(new CustomEvent("fail", { detail: err, bubbles: true }));
    }
    send(method, path, body) {
      var self = this;
      return this.api(method, path, body).then(function (json) { self.succeed(json); }, function (err) { self.failed(err); });
    }
    fill(selector, value) { this.querySelectorAll(selector).forEach(function (n) { n.textContent = value; }); }
  }

  class BasketSummary extends SpektrixElement {
    wire() { var self = this; document.addEventListener("spektrix-basket-changed", function () { self.refresh(); }); }
    refresh() {
      var self = this;
      return this.api("GET", "basket").then(function (b) {
        var count = b.tickets.length + b.merchandiseItems.length + b.donations.length + b.membershipSubscriptions.length + b.giftVouchers.length;
        self.setAttribute("count", String(count));
        self.fill("[data-basket-item-count]", String(count));
        self.fill("[data-basket-summary-basket-total]", b.total.toFixed(2));
        self.fill("[data-basket-summary-discount-total]", b.totalDiscount.toFixed(2));
        self.fill("[data-basket-summary-currency]", self.getAttribute("currency") || "£");
        self.dispatchEvent(new CustomEvent("success", { detail: b }));
      }, function (err) { self.dispatchEvent(new CustomEvent("fail", { detail: err })); });
    }
  }

  class LoginStatus extends SpektrixElement {
    wire() { var self = this; document.addEventListener("spektrix-basket-changed", function () { self.refresh(); }); }
    refresh() {
      var self = this;
      show(this.querySelector("[data-loading-container]"), true);
      return this.api("GET", "customer").then(function (c) {
        self.fill("[data-logged-in-status-customer-first-name]", c.firstName);
        self.fill("[data-logged-in-status-customer-last-name]", c.lastName);
        self.fill("[data-logged-in-status-customer-email-address]", c.email);
        show(self.querySelector("[data-logged-in-container]"), true);
        show(self.querySelector("[data-logged-out-container]"), false);
      }, function () {
        show(self.querySelector("[data-logged-in-container]"), false);
        show(self.querySelector("[data-logged-out-container]"), true);
      }).then(function () { show(self.querySelector("[data-loading-container]"), false); });
    }
  }

  class Donate extends SpektrixElement {
    wire() {
      this.amount = Number(this.getAttribute("donation-amount") || 0);
      this.on("[data-donate-amount]", "click", function (e, n) { this.setAmount(Number(n.getAttribute("data-donate-amount"))); });
      this.on("[data-custom-donation-input]", "input", function (e, n) { this.setAmount(Number(n.value)); });
      this.on("[data-clear-donation]", "click", function () { this.setAmount(0); });
      this.on("[data-submit-donation]", "click", function (e) {
        e.preventDefault();
        var d = { fundId: this.getAttribute("fund-id"), amount: this.amount };
        var name = this.querySelector("[data-tribute-name]");
        if (name && name.value) d.tributeName = name.value;
        this.send("POST", "basket/donations", [d]);
      });
      this.setAmount(this.amount);
    }
    setAmount(value) { this.amount = value; this.fill("[data-display-donation-amount]", value.toFixed(2)); }
  }

  class Memberships extends SpektrixElement {
    wire() {
      this.on("[data-submit-membership]", "click", function (e) {
        e.preventDefault();
        var box = this.querySelector("[data-set-autorenew]");
        this.send("POST", "basket/membership-subscriptions", [{ membership: this.getAttribute("membership-id"), autoRenew: !!(box && box.checked) }]);
      });
    }
  }

  class GiftVouchers extends SpektrixElement {
    wire() {
      this.on("[data-submit-gift-voucher]", "click", function (e) {
        e.preventDefault();
        var self = this;
        function val(attr) { var n = self.querySelector("[" + attr + "]"); return n ? n.value : ""; }
        var amount = Number(val("data-amount") || val("data-set-amount") || this.giftVoucherAmount || 0);
        this.send("POST", "basket/gift-vouchers", [{
          amount: amount, toName: val("data-to-name"), fromName: val("data-from-name"), message: val("data-message"),
          sendDate: val("data-send-date") || null, deliveryType: val("data-delivery-type") || "CustomerEmail",
          deliveryEmailAddress: val("data-delivery-email-address") || null
        }]);
      });
    }
  }

  class Merchandise extends SpektrixElement {
    wire() {
      this.quantity = Number(this.getAttribute("merchandise-quantity") || 1);
      this.on("[data-increment-quantity]", "click", function () { this.setQuantity(this.quantity + 1); });
      this.on("[data-decrement-quantity]", "click", function () { this.setQuantity(Math.max(1, this.quantity - 1)); });
      this.on("[data-custom-quantity-input]", "input", function (e, n) { this.setQuantity(Math.max(1, Number(n.value) || 1)); });
      this.on("[data-submit-merchandise]", "click", function (e) {
        e.preventDefault();
        var items = [];
        for (var i = 0; i < this.quantity; i++) items.push({ stockItem: this.getAttribute("merchandise-item-id") });
        this.send("POST", "basket/merchandise", items);
      });
      this.setQuantity(this.quantity);
    }
    setQuantity(q) { this.quantity = q; this.fill("[data-display-quantity]", String(q)); }
  }

  var all = {
    "spektrix-basket-summary": BasketSummary,
    "spektrix-login-status": LoginStatus,
    "spektrix-donate": Donate,
    "spektrix-memberships": Memberships,
    "spektrix-gift-vouchers": GiftVouchers,
    "spektrix-merchandise": Merchandise
  };
  Object.keys(all).forEach(function (name) {
    if ((!list || list.indexOf(name) >= 0) && !customElements.get(name)) customElements.define(name, all[name]);
  });
})();
`;

export const PAYMENTS_CSS = `spektrix-payments { display: block; font: inherit; }
spektrix-payments .spx-pay-form { display: grid; gap: .75rem; max-width: 26rem; }
spektrix-payments [data-spx-pay-message]:empty { display: none; }
spektrix-payments button { font: inherit; padding: .6rem 1rem; cursor: pointer; }
spektrix-payments [role="alert"] { color: #a00; }
`;

/**
 * The card form's own checks, made in the browser before anything is sent, as a real card form (Adyen's) makes
 * them: number (Luhn), expiry (MM/YY, not before the current month), security code (3–4 digits) and name.
 * `spxCardProblems(fields, today)` answers `{ field: message }` for each invalid field; `today` is
 * `{ year, month }` on the processor's clock. Every test card in emulator/README.md passes (tested), so no card
 * needs an exception. Plain ES2017 with no backslashes, so it reads the same inside the template below and in
 * tests (tests/emulator/card-checks.test.ts).
 */
export const CARD_CHECKS_JS = `function spxLuhn(digits) {
  var sum = 0;
  for (var i = 0; i < digits.length; i++) {
    var d = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) { d = d * 2; if (d > 9) d = d - 9; }
    sum += d;
  }
  return sum % 10 === 0;
}
function spxCardProblems(fields, today) {
  var problems = {};
  var number = String(fields.cardNumber || "").replace(/[ -]/g, "");
  if (!number) problems.cardNumber = "Enter the card number.";
  else if (!/^[0-9]{12,19}$/.test(number) || !spxLuhn(number)) problems.cardNumber = "Enter a valid card number.";

  var expiry = String(fields.expiry || "").replace(/ /g, "");
  var parts = /^([0-9]{2})[/]?([0-9]{2})$/.exec(expiry);
  var month = parts ? Number(parts[1]) : 0;
  var year = parts ? 2000 + Number(parts[2]) : 0;
  if (!expiry) problems.expiry = "Enter the expiry date.";
  else if (!parts || month < 1 || month > 12) problems.expiry = "Enter the expiry date as MM/YY.";
  // A card is good until the end of its expiry month.
  else if (year < today.year || (year === today.year && month < today.month)) problems.expiry = "This card has expired.";

  var cvc = String(fields.cvc || "").trim();
  if (!cvc) problems.cvc = "Enter the security code.";
  else if (!/^[0-9]{3,4}$/.test(cvc)) problems.cvc = "Enter the 3 or 4 digit security code.";

  if ("nameOnCard" in fields && !String(fields.nameOnCard || "").trim()) problems.nameOnCard = "Enter the name on the card.";
  return problems;
}
`;

/**
 * <spektrix-payments>: the card form. As the real one does, it loads the payment provider's script from the
 * provider's own origin, which puts the card fields in a frame from that origin (the page never sees a card
 * number), and it renders the Pay button itself. Card numbers pick the outcome (see README); a 3-D Secure test
 * card makes Spektrix answer with a challenge, which the component opens in a frame from the card issuer's origin
 * by posting the challenge request there (as Adyen's component does), then sends the issuer's answer back.
 * Invalid fields are marked inside the card fields and nothing is sent.
 *
 * The amount: the real component is given a payment token and nothing else about the payment, and Spektrix
 * documents no amount attribute (docs/spektrix-facts.md §5). The token is bound to one basket state, so Spektrix
 * knows what it is for, and a card form opening its payment session learns the amount from it. The stand-in does
 * the same from its own origin (POST emulator-payments/session), so the site passes no amount and nothing here
 * depends on an attribute the real component would ignore.
 */
export function paymentsJs(providerSdkUrl: string): string {
  return `(function () {
  if (customElements.get("spektrix-payments")) return;
  var PROVIDER_SDK = ${JSON.stringify(providerSdkUrl)};
  var sdk = null;
  function loadSdk() {
    if (!sdk) sdk = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = PROVIDER_SDK;
      script.onload = function () { window.SpxCardFields ? resolve(window.SpxCardFields) : reject(new Error("no card fields")); };
      script.onerror = function () { sdk = null; reject(new Error("The payment provider's script did not load.")); };
      document.head.appendChild(script);
    });
    return sdk;
  }
  class SpektrixPayments extends HTMLElement {
    static get observedAttributes() { return ["payment-token", "custom-domain", "system-name", "client-name"]; }
    connectedCallback() { this.render(); }
    disconnectedCallback() { if (this.fields) { this.fields.destroy(); this.fields = null; } }
    attributeChangedCallback() { if (this.isConnected) this.render(); }
    endpoint(action) {
      var domain = this.getAttribute("custom-domain") || "";
      var client = this.getAttribute("system-name") || this.getAttribute("client-name");
      var origin = /^https?:\\/\\//.test(domain) ? domain.replace(/\\/$/, "") : "https://" + domain;
      return origin + "/" + client + "/emulator-payments/" + action;
    }
    post(action, body) {
      return fetch(this.endpoint(action), {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (res) { return res.json(); });
    }
    render() {
      var token = this.getAttribute("payment-token");
      var self = this;
      this.session = null;
      if (this.fields) { this.fields.destroy(); this.fields = null; }
      if (!token) { this.innerHTML = '<p class="spx-pay-waiting">Waiting for a payment token…</p>'; return; }
      this.innerHTML =
        '<div class="spx-pay-form"><div class="spx-pay-fields"></div>' +
        '<p role="alert" data-spx-pay-message></p>' +
        '<div class="spx-pay-challenge" hidden></div>' +
        '<button type="button" class="spx-pay-button">Pay now</button></div>';
      var button = this.querySelector(".spx-pay-button");
      var rendered = this.firstChild;
      button.addEventListener("click", function () { self.submit(); });
      loadSdk().then(function (cardFields) {
        if (self.firstChild !== rendered || (self.session && self.session.amount === 0)) return;
        self.fields = cardFields.mount(self.querySelector(".spx-pay-fields"));
      }, function (err) { self.fail(err.message); });
      this.post("session", { paymentToken: token }).then(function (s) {
        // Ignored when the token changed meanwhile; without it the button keeps "Pay now" and paying still works.
        if (!s || typeof s.amountLabel !== "string" || self.firstChild !== rendered) return;
        self.session = s;
        if (s.amount === 0) {
          // Account credit covers it all: no card is asked for.
          if (self.fields) { self.fields.destroy(); self.fields = null; }
          self.querySelector(".spx-pay-fields").hidden = true;
          button.textContent = "Pay with account credit";
        } else button.textContent = "Pay " + s.amountLabel;
      }, function () {});
    }
    /** Expiry dates are judged on the processor's clock; the device's only until the session has answered. */
    today() {
      var now = this.session && this.session.now ? new Date(this.session.now) : new Date();
      return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
    }
    emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true, composed: true })); }
    message(text) { var m = this.querySelector("[data-spx-pay-message]"); if (m) m.textContent = text || ""; }
    busy(on) { var b = this.querySelector(".spx-pay-button"); if (b) b.disabled = on; }
    fail(message) { this.busy(false); this.message(message || "Payment failed"); this.emit("onError", { message: message }); }
    submit() {
      var self = this;
      if (this.session && this.session.amount === 0) {
        this.busy(true);
        return this.post("submit", { paymentToken: this.getAttribute("payment-token") })
          .then(function (r) { return self.settle(r); })
          .catch(function (err) { self.fail(String(err && err.message || err)); });
      }
      if (!this.fields) return Promise.resolve();
      this.busy(true);
      return this.fields.encrypt(this.today()).then(function (result) {
        // Nothing is sent and nothing is cleared while a field is wrong: the fields mark it where it is.
        if (!result.ok) { self.busy(false); return; }
        return self.post("submit", {
          paymentToken: self.getAttribute("payment-token"),
          encryptedCard: result.encryptedCard,
          billingAddressId: self.getAttribute("billing-address-id"),
          storeCard: self.getAttribute("store-card")
        }).then(function (r) { return self.settle(r); });
      }).catch(function (err) { self.fail(String(err && err.message || err)); });
    }
    settle(r) {
      var self = this;
      if (r.outcome === "challenge") return this.challenge(r);
      this.busy(false);
      if (r.outcome === "completed") { this.message(""); this.emit("onPaymentCompleted", r.orderId ? { orderId: r.orderId } : {}); }
      else if (r.outcome === "refused") { this.message(r.message); this.emit("onPaymentRefused", { message: r.message }); }
      else if (r.outcome === "notFound") { this.message(r.message); this.emit("onPaymentNotFound", { message: r.message }); }
      else self.fail(r.message);
    }
    /** 3-D Secure: the challenge request is posted into a frame on the issuer's origin, whose answer comes back by message. */
    challenge(r) {
      var self = this;
      var box = this.querySelector(".spx-pay-challenge");
      var name = "spx-3ds-" + Math.random().toString(36).slice(2);
      var issuer = new URL(r.acsUrl).origin;
      box.innerHTML = '<p class="spx-pay-challenge-title">Your bank needs to confirm this payment.</p>' +
        '<iframe name="' + name + '" title="Your bank’s security check" style="display:block;width:100%;height:16rem;border:1px solid #ccc;border-radius:6px"></iframe>';
      box.hidden = false;
      var frame = box.querySelector("iframe");
      var form = document.createElement("form");
      form.method = "POST";
      form.action = r.acsUrl;
      form.target = name;
      form.hidden = true;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "creq";
      input.value = r.creq;
      form.appendChild(input);
      box.appendChild(form);
      return new Promise(function (resolve) {
        function onMessage(event) {
          if (event.origin !== issuer || event.source !== frame.contentWindow) return;
          var data = event.data || {};
          if (data.type !== "spx-3ds:result" || typeof data.cres !== "string") return;
          window.removeEventListener("message", onMessage);
          box.hidden = true;
          box.innerHTML = "";
          resolve(self.post("details", { paymentToken: self.getAttribute("payment-token"), cres: data.cres }).then(function (next) { return self.settle(next); }));
        }
        window.addEventListener("message", onMessage);
        form.submit();
      });
    }
  }
  customElements.define("spektrix-payments", SpektrixPayments);
})();
`;
}

/**
 * The seat map on ChooseSeats (emulator/browser/seat-map.ts). The page works without it (every seat is a
 * checkbox in a form); the script adds what a venue's map has: one tab stop for the whole map with arrow keys
 * between seats (a hundred tab stops would bury the button), each seat's price for the ticket type chosen, a
 * running summary, and the sideways-scroll hint only when the plan is wider than the frame.
 */
export const SEAT_MAP_JS = `(function () {
  var form = document.querySelector("[data-spx-seat-map]");
  if (!form) return;
  var map = form.querySelector(".spx-map");
  var hint = form.querySelector("[data-spx-scroll-hint]");
  var type = form.querySelector("[data-spx-type]");
  var chosen = form.querySelector("[data-spx-chosen]");
  var money = new Intl.NumberFormat(form.getAttribute("data-locale"), { style: "currency", currency: form.getAttribute("data-currency") });
  var rows = Array.prototype.map.call(form.querySelectorAll(".spx-row"), function (row) {
    return Array.prototype.slice.call(row.querySelectorAll("input:not(:disabled)"));
  }).filter(function (row) { return row.length; });
  var seats = [].concat.apply([], rows);
  function prices() {
    var option = type && type.options[type.selectedIndex];
    try { return option ? JSON.parse(option.getAttribute("data-prices")) : {}; } catch (e) { return {}; }
  }
  function update() {
    var table = prices();
    var names = [];
    var total = 0;
    var priced = true;
    seats.forEach(function (seat) {
      var amount = table[seat.getAttribute("data-band")];
      var name = seat.getAttribute("data-name");
      seat.setAttribute("aria-label", amount === undefined ? name : name + ", " + money.format(amount));
      if (!seat.checked) return;
      names.push(name.replace(",", ""));
      if (amount === undefined) priced = false; else total += amount;
    });
    chosen.textContent = names.length
      ? names.length + (names.length === 1 ? " seat" : " seats") + " chosen: " + names.join("; ") + "." + (priced ? " Total " + money.format(total) + "." : "")
      : "No seats chosen yet.";
  }
  function fits() { if (hint) hint.hidden = map.scrollWidth <= map.clientWidth + 1; }
  // Roving tab stop: the first chosen seat, else the first free one.
  function focusable(target) { seats.forEach(function (s) { s.tabIndex = s === target ? 0 : -1; }); }
  focusable(seats.filter(function (s) { return s.checked; })[0] || seats[0]);
  function move(seat, key) {
    var r = -1, i = -1;
    rows.forEach(function (row, n) { var at = row.indexOf(seat); if (at >= 0) { r = n; i = at; } });
    if (r < 0) return null;
    if (key === "ArrowLeft") return rows[r][i - 1];
    if (key === "ArrowRight") return rows[r][i + 1];
    if (key === "Home") return rows[r][0];
    if (key === "End") return rows[r][rows[r].length - 1];
    var next = rows[key === "ArrowUp" ? r - 1 : r + 1];
    if (!next) return null;
    // The seat in the next row nearest across, as the eye moves.
    var x = seat.getBoundingClientRect().left;
    return next.reduce(function (best, s) {
      return Math.abs(s.getBoundingClientRect().left - x) < Math.abs(best.getBoundingClientRect().left - x) ? s : best;
    });
  }
  map.addEventListener("keydown", function (event) {
    if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].indexOf(event.key) < 0) return;
    var target = move(event.target, event.key);
    event.preventDefault();
    if (!target) return;
    focusable(target);
    target.focus();
  });
  map.addEventListener("focusin", function (event) { if (seats.indexOf(event.target) >= 0) focusable(event.target); });
  form.addEventListener("change", update);
  window.addEventListener("resize", fits);
  update();
  fits();
})();
`;
