// Browser stand-ins served by the emulator. Plain ES2017 so they run untranspiled in any current browser.

/** Parent-page half of iframe resizing. Message format (assumed; Spektrix's is undocumented):
 *  the iframe posts the JSON string `{"type":"spektrix:resize","height":<px>}`. */
export const INTEGRATE_JS = `(function () {
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (typeof data === "string") { try { data = JSON.parse(data); } catch (e) { return; } }
    if (!data || data.type !== "spektrix:resize" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + "px";
    }
  });
})();
`;

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
spektrix-payments .spx-pay-field { display: grid; gap: .25rem; }
spektrix-payments input { font: inherit; padding: .5rem; border: 1px solid #767676; border-radius: 4px; }
spektrix-payments input[aria-invalid="true"] { border: 2px solid #a00; }
spektrix-payments .spx-pay-error { margin: 0; color: #a00; font-size: .9em; }
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
 * <spektrix-payments>: a test card form. Card numbers pick the outcome (see README). Invalid fields are marked
 * and nothing is sent; the button names the amount its token is for.
 *
 * The amount: the real component is given a payment token and nothing else about the payment, and Spektrix
 * documents no amount attribute (docs/spektrix-facts.md §5). The token is bound to one basket state, so Spektrix
 * knows what it is for, and a card form opening its payment session learns the amount from it. The stand-in does
 * the same from its own origin (POST emulator-payments/session), so the site passes no amount and nothing here
 * depends on an attribute the real component would ignore.
 */
export const PAYMENTS_JS = `(function () {
  if (customElements.get("spektrix-payments")) return;
  ${CARD_CHECKS_JS}
  var FIELDS = [
    { name: "cardNumber", label: "Card number", attrs: 'inputmode="numeric" autocomplete="cc-number"' },
    { name: "expiry", label: "Expiry (MM/YY)", attrs: 'inputmode="numeric" autocomplete="cc-exp"' },
    { name: "cvc", label: "Security code", attrs: 'inputmode="numeric" autocomplete="cc-csc"' },
    { name: "nameOnCard", label: "Name on card", attrs: 'autocomplete="cc-name"' }
  ];
  var forms = 0;
  class SpektrixPayments extends HTMLElement {
    static get observedAttributes() { return ["payment-token", "custom-domain", "system-name", "client-name"]; }
    connectedCallback() { this.render(); }
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
      });
    }
    render() {
      var token = this.getAttribute("payment-token");
      this.session = null;
      if (!token) { this.innerHTML = '<p class="spx-pay-waiting">Waiting for a payment token…</p>'; return; }
      var id = "spx-pay-" + (++forms);
      this.innerHTML =
        '<form class="spx-pay-form" novalidate>' +
        FIELDS.map(function (f) {
          var input = id + "-" + f.name;
          return '<div class="spx-pay-field"><label for="' + input + '">' + f.label + '</label>' +
            '<input id="' + input + '" name="' + f.name + '" ' + f.attrs + ' required>' +
            '<p class="spx-pay-error" id="' + input + '-error" hidden></p></div>';
        }).join("") +
        '<p role="alert" data-spx-pay-message></p>' +
        '<button type="submit">Pay now</button></form>';
      var self = this;
      var form = this.querySelector("form");
      form.addEventListener("submit", function (e) { e.preventDefault(); self.submit(form); });
      // A marked field loses its mark as soon as it is right; new marks wait for the next "Pay".
      form.addEventListener("input", function (e) {
        if (e.target.getAttribute && e.target.getAttribute("aria-invalid") === "true") self.mark(form, [e.target.name], true);
      });
      this.post("session", { paymentToken: token }).then(function (res) { return res.ok ? res.json() : null; }).then(function (s) {
        // Ignored when the token changed meanwhile; without it the button keeps "Pay now" and paying still works.
        if (!s || self.querySelector("form") !== form) return;
        self.session = s;
        if (typeof s.amountLabel === "string") form.querySelector("button").textContent = "Pay " + s.amountLabel;
      }, function () {});
    }
    /** Expiry dates are judged on the processor's clock; the device's only until the session has answered. */
    today() {
      var now = this.session && this.session.now ? new Date(this.session.now) : new Date();
      return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
    }
    values(form) {
      var values = {};
      FIELDS.forEach(function (f) { values[f.name] = form.elements.namedItem(f.name).value; });
      return values;
    }
    /** Marks (or clears) the fields named, or every field; answers the first invalid input. */
    mark(form, names, clearOnly) {
      var problems = spxCardProblems(this.values(form), this.today());
      var first = null;
      FIELDS.forEach(function (f) {
        if (names && names.indexOf(f.name) < 0) return;
        var input = form.elements.namedItem(f.name);
        var error = form.querySelector("#" + input.id + "-error");
        var problem = problems[f.name];
        if (problem && !clearOnly) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", error.id);
          error.textContent = problem;
          error.hidden = false;
          if (!first) first = input;
        } else if (!problem) {
          input.removeAttribute("aria-invalid");
          input.removeAttribute("aria-describedby");
          error.textContent = "";
          error.hidden = true;
        }
      });
      return first;
    }
    emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true, composed: true })); }
    submit(form) {
      var self = this;
      var button = form.querySelector("button");
      var message = this.querySelector("[data-spx-pay-message]");
      // Nothing is sent and nothing is cleared while a field is wrong: the visitor fixes it where it is.
      var invalid = this.mark(form);
      if (invalid) { invalid.focus(); return Promise.resolve(); }
      var values = this.values(form);
      if (button) button.disabled = true;
      return this.post("submit", {
        paymentToken: this.getAttribute("payment-token"),
        cardNumber: values.cardNumber,
        expiry: values.expiry,
        cvc: values.cvc,
        nameOnCard: values.nameOnCard,
        billingAddressId: this.getAttribute("billing-address-id"),
        storeCard: this.getAttribute("store-card")
      }).then(function (res) { return res.json(); }).then(function (r) {
        if (button) button.disabled = false;
        if (r.outcome === "completed") { if (message) message.textContent = ""; self.emit("onPaymentCompleted", r.orderId ? { orderId: r.orderId } : {}); }
        else if (r.outcome === "refused") { if (message) message.textContent = r.message; self.emit("onPaymentRefused", { message: r.message }); }
        else if (r.outcome === "notFound") { if (message) message.textContent = r.message; self.emit("onPaymentNotFound", { message: r.message }); }
        else { if (message) message.textContent = r.message || "Payment failed"; self.emit("onError", { message: r.message }); }
      }, function (err) {
        if (button) button.disabled = false;
        self.emit("onError", { message: String(err) });
      });
    }
  }
  customElements.define("spektrix-payments", SpektrixPayments);
})();
`;
