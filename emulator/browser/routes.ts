import type { Hono } from "hono";
import type { AppEnv, Emu } from "../context";
import { registerPages } from "./pages";
import { PROVIDER_PATHS } from "./payment-hosts";
import { COMPONENT_LOADER_JS, integrateJs, PAYMENTS_CSS, paymentsJs } from "./scripts";

const js = { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" };
const css = { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "no-cache" };

/** Stand-ins for webcomponents.spektrix.com/stable/* and the iframe site under /{client}/website. */
export function registerBrowser(app: Hono<AppEnv>, emu: Emu): void {
  const client = emu.config.clientName;
  app.get("/webcomponents/stable/spektrix-component-loader.js", (c) => c.body(COMPONENT_LOADER_JS, 200, js));
  // Polyfills are unnecessary in current browsers; served empty so copied snippets keep working.
  app.get("/webcomponents/stable/webcomponents-loader.js", (c) => c.body("/* no polyfills needed */\n", 200, js));
  app.get("/webcomponents/stable/spektrix-payments.js", (c) =>
    c.body(paymentsJs(`${emu.config.paymentHosts.provider}${PROVIDER_PATHS.sdk}`), 200, js),
  );
  app.get("/webcomponents/stable/spektrix-payments.css", (c) => c.body(PAYMENTS_CSS, 200, css));
  app.get(`/${client}/website/scripts/integrate.js`, (c) => c.body(integrateJs(new URL(c.req.url).origin), 200, js));
  app.get(`/${client}/resources/*`, (c) => c.body("/* emulator: uploaded stylesheets are not stored */\n", 200, css));
  app.use(`/${client}/website/*`, async (c, next) => {
    c.set("mode", "browser");
    await next();
  });
  registerPages(app, emu);
}
