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
spektrix-payments label { display: grid; gap: .25rem; }
spektrix-payments input { font: inherit; padding: .5rem; border: 1px solid #767676; border-radius: 4px; }
spektrix-payments button { font: inherit; padding: .6rem 1rem; cursor: pointer; }
spektrix-payments [role="alert"] { color: #a00; }
`;

/** <spektrix-payments>: a test card form. Card numbers pick the outcome (see README). */
export const PAYMENTS_JS = `(function () {
  if (customElements.get("spektrix-payments")) return;
  class SpektrixPayments extends HTMLElement {
    static get observedAttributes() { return ["payment-token", "custom-domain", "system-name", "client-name"]; }
    connectedCallback() { this.render(); }
    attributeChangedCallback() { if (this.isConnected) this.render(); }
    endpoint() {
      var domain = this.getAttribute("custom-domain") || "";
      var client = this.getAttribute("system-name") || this.getAttribute("client-name");
      var origin = /^https?:\\/\\//.test(domain) ? domain.replace(/\\/$/, "") : "https://" + domain;
      return origin + "/" + client + "/emulator-payments/submit";
    }
    render() {
      var token = this.getAttribute("payment-token");
      if (!token) { this.innerHTML = '<p class="spx-pay-waiting">Waiting for a payment token…</p>'; return; }
      this.innerHTML =
        '<form class="spx-pay-form" novalidate>' +
        '<label>Card number<input name="cardNumber" inputmode="numeric" autocomplete="cc-number" required></label>' +
        '<label>Expiry (MM/YY)<input name="expiry" autocomplete="cc-exp" value="12/30"></label>' +
        '<label>Security code<input name="cvc" autocomplete="cc-csc" value="123"></label>' +
        '<label>Name on card<input name="nameOnCard" autocomplete="cc-name"></label>' +
        '<p role="alert" data-spx-pay-message></p>' +
        '<button type="submit">Pay now</button></form>';
      var self = this;
      this.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); self.submit(new FormData(e.target)); });
    }
    emit(name, detail) { this.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true, composed: true })); }
    submit(form) {
      var self = this;
      var button = this.querySelector("button");
      var message = this.querySelector("[data-spx-pay-message]");
      if (button) button.disabled = true;
      return fetch(this.endpoint(), {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          paymentToken: this.getAttribute("payment-token"),
          cardNumber: String(form.get("cardNumber") || ""),
          expiry: String(form.get("expiry") || ""),
          cvc: String(form.get("cvc") || ""),
          nameOnCard: String(form.get("nameOnCard") || ""),
          billingAddressId: this.getAttribute("billing-address-id"),
          storeCard: this.getAttribute("store-card")
        })
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
