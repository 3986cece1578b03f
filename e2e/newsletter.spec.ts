import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_URL as CONFIGURED_EMULATOR_URL } from "../playwright.config";
import { DEMO_API_KEY, DEMO_API_USER } from "../emulator/demo-credentials";
import { signedHeaders } from "../emulator/signing";
import { expectNoAxeViolations, saveAndPublish } from "./helpers";

/**
 * The newsletter block end to end: an editor adds it to a page in the studio, picks two contact preferences and
 * publishes; a visitor signs up on the published page (keyboard only, after a mistake the form explains); the
 * customer record in Spektrix (the emulator, read in owner mode) then holds exactly the statements ticked.
 */

const EMULATOR_URL = process.env.E2E_EMULATOR_URL ?? CONFIGURED_EMULATOR_URL;
const EDITOR = { email: "editor@example.com", password: "editor-pass" };

async function signIn(page: Page) {
  await page.goto("/studio");
  await expect(page).toHaveURL(/\/studio\/sign-in/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
}

/** A signed owner-mode GET, dated by the emulator's own clock (it refuses a Date more than 5 minutes off). */
async function ownerGet(page: Page, path: string) {
  const { now } = (await (await page.request.get(`${EMULATOR_URL}/__control/state`)).json()) as { now: string };
  const url = `${EMULATOR_URL}/demo/api/v3/${path}`;
  const headers = signedHeaders({ user: DEMO_API_USER, key: DEMO_API_KEY, method: "GET", url, date: new Date(now) });
  return page.request.get(url, { headers });
}

test("an editor adds a newsletter block; a visitor signs up and Spektrix records their preferences", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto("/studio/pages/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Title", { exact: true }).fill("Stay in touch");
  const slug = `stay-in-touch-${Math.random().toString(36).slice(2, 8)}`;
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Block type").selectOption({ label: "Newsletter sign-up" });
  await page.getByRole("button", { name: "Add block" }).click();
  await expect(page.getByText(/tick the contact preferences they agree to/).first()).toBeVisible();
  await expect(page.getByText("None chosen: the block offers all contact preferences.")).toBeVisible();

  // Two of the three preferences Spektrix has; partner offers stay off this page.
  for (const [query, name] of [
    ["news", /^E-mail newsletter/],
    ["brochure", /^Season brochure by post/],
  ] as const) {
    const picker = page.getByRole("combobox", { name: "Contact preference" });
    await picker.click();
    await picker.fill(query);
    await page.getByRole("option", { name }).click();
  }
  const chosen = page.getByRole("list", { name: "Chosen contact preferences" });
  await expect(chosen.getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Heading (optional)").fill("Hear from us first");
  await expectNoAxeViolations(page);
  await saveAndPublish(page, slug);

  // The visitor's page: the two preferences, neither ticked for them.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.goto(`/info/${slug}`);
  const block = v.locator('[data-block="newsletter"]');
  await expect(block.getByRole("heading", { name: "Hear from us first" })).toBeVisible();
  const boxes = block.getByRole("checkbox");
  await expect(boxes).toHaveCount(2);
  for (const box of await boxes.all()) await expect(box).not.toBeChecked();
  await expect(block).not.toContainText("Partner offers");
  await v.waitForLoadState("networkidle"); // hydrated, and the form token fetched
  await expectNoAxeViolations(v);

  // A person takes a few seconds; the server refuses forms sent faster than that.
  await v.waitForTimeout(3_500);
  const email = `newsletter-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await block.getByLabel("E-mail address").fill("not-an-email");
  await block.getByLabel(/First name/).fill("Ada");
  await block.getByRole("button", { name: "Sign up" }).click();
  await expect(block.getByText("Enter an e-mail address like name@example.com")).toBeVisible();
  await expect(block.getByText("Tick at least one option")).toBeVisible();
  await expect(block.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
  await expect(block.getByLabel("E-mail address")).toBeFocused();

  // Keyboard only: fix the address, tick both preferences, send.
  await block.getByLabel("E-mail address").fill(email);
  await block.getByRole("checkbox", { name: /E-mail newsletter/ }).focus();
  await v.keyboard.press("Space");
  await v.keyboard.press("Tab");
  await v.keyboard.press("Space");
  await expect(boxes.nth(1)).toBeChecked();
  await block.getByLabel("E-mail address").press("Enter");
  const thanks = block.getByRole("status");
  await expect(thanks).toContainText("Thank you!");
  await expect(thanks).toBeFocused();
  await expectNoAxeViolations(v);
  await visitor.close();

  // Spektrix now has the customer, with exactly the two statements ticked.
  const statements = (await (await ownerGet(page, "statements")).json()) as { id: string; name: string }[];
  const wanted = statements.filter((s) => s.name !== "Partner offers").map((s) => ({ id: s.id }));
  const res = await ownerGet(page, `customers?email=${encodeURIComponent(email)}`);
  expect(res.status()).toBe(200);
  const customer = (await res.json()) as { firstName: string; agreedStatements: { id: string }[] };
  expect(customer.firstName).toBe("Ada");
  expect(customer.agreedStatements).toEqual(expect.arrayContaining(wanted));
  expect(customer.agreedStatements).toHaveLength(2);
});
