// Each setting, changed through the agent API and seen in a real browser; and allowed origins
// changing without a restart.
import { test, expect, email, launcher, panel } from "../fixtures.mjs";

/// Loads the workspace's host page and signs in, resolving once the loader is ready.
async function open(page, ws, user, init = {}) {
  await page.goto(ws.page);
  await page.evaluate(
    ([u, extra]) =>
      new Promise((resolve) => {
        window.$porthole.helpCenter("on", "ready", resolve);
        window.$porthole.helpCenter("init", { user: u, ...extra });
      }),
    [user, init]
  );
}

test("title, greeting and colour are applied to the launcher and the panel", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("brand");
  await ws.settings({ title: "Acme Help", greeting: "Nothing here yet. Ask us anything!", primary_color: "#0a7f3c" });
  await open(page, ws, ws.user(email(testInfo)));
  await expect(launcher(page)).toHaveCSS("background-color", "rgb(10, 127, 60)");
  await launcher(page).click();
  const widget = panel(page);
  await expect(widget.locator(".ph-title")).toHaveText("Acme Help");
  await expect(widget.locator(".ph-empty")).toHaveText("Nothing here yet. Ask us anything!");
  await expect(widget.getByRole("button", { name: "New ticket" })).toHaveCSS("background-color", "rgb(10, 127, 60)");
});

test("categories are offered and stored, FAQs shown and their opening counted", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("faqs");
  await ws.settings({
    categories: ["Billing", "Bugs"],
    faqs: [{ question: "Where is my invoice?", answer: "Under Billing, top right." }],
  });
  await open(page, ws, ws.user(email(testInfo)));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByText("Where is my invoice?").click();
  await expect(widget.getByText("Under Billing, top right.")).toBeVisible();
  await expect.poll(async () => (await ws.agent("GET", "/faqs/clicks"))[0].clicks).toBe(1);

  await widget.getByLabel("Subject").fill("Charged twice");
  await widget.getByLabel("Category").selectOption("Billing");
  await widget.getByRole("button", { name: "Send ticket" }).click();
  await expect(widget.getByRole("heading", { name: "Charged twice" })).toBeVisible();
  const list = await ws.agent("GET", "/tickets?category=Billing");
  expect(list.tickets.map((t) => t.subject)).toEqual(["Charged twice"]);
});

test("the locale given at init switches the launcher and the panel", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("locale");
  await open(page, ws, ws.user(email(testInfo)), { locale: "fr" });
  const bouton = page.getByRole("button", { name: "Ouvrir l'assistance" });
  await expect(bouton).toBeVisible();
  await bouton.click();
  const widget = panel(page);
  await expect(widget.getByRole("heading", { name: "Vos demandes" })).toBeVisible();
  await expect(widget.getByRole("button", { name: "Nouvelle demande" })).toBeVisible();
  expect(await widget.locator("html").getAttribute("lang")).toBe("fr");
});

test("the toggle button follows the server setting unless init overrides it", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("toggle");
  await ws.settings({ show_toggle_button: false });
  const user = ws.user(email(testInfo));
  await open(page, ws, user);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll("body > div").length)).toBe(1);
  await expect(launcher(page)).toBeHidden();
  // Hidden is not gone: the host can still open the panel from its own button.
  await page.evaluate(() => window.$porthole.helpCenter("open"));
  await expect(panel(page).getByRole("button", { name: "New ticket" })).toBeVisible();

  await open(page, ws, user, { showToggleButton: true });
  await expect(launcher(page)).toBeVisible();
});

test("revenue-based visibility shows the launcher only to customers at the threshold", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("revenue");
  await ws.settings({ visibility: "revenue", revenue_threshold: 500 });
  await open(page, ws, ws.user(email(testInfo, "small")), { metadata: { value: 499 } });
  await expect(launcher(page)).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll("body > div").length)).toBe(0);
  await open(page, ws, ws.user(email(testInfo, "big")), { metadata: { value: 500, name: "Enterprise" } });
  await expect(launcher(page)).toBeVisible();
});

test("a custom stylesheet from the company's domain reaches the panel", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("css");
  await ws.settings({ custom_css_url: `${env.host}/brand.css` });
  await open(page, ws, ws.user(email(testInfo)));
  await launcher(page).click();
  await expect(panel(page).locator(".ph-title")).toHaveCSS("letter-spacing", "7px");
});

test.describe("allowed origins", () => {
  test.use({ expectConsoleErrors: true });

  test("a newly allowed origin works without a restart, and a removed one stops", async ({ page, env }, testInfo) => {
    const ws = env.newWorkspace("origins");
    const user = ws.user(email(testInfo));
    const tryFrom = async (url) => {
      await page.goto(url);
      return page.evaluate(
        (u) =>
          new Promise((resolve) => {
            window.$porthole.helpCenter("on", "ready", () => resolve("ready"));
            window.$porthole.helpCenter("on", "error", () => resolve("refused"));
            window.$porthole.helpCenter("init", { user: u });
          }),
        user
      );
    };
    expect(await tryFrom(ws.strangerPage)).toBe("refused");
    await ws.agent("PUT", "/origins", { origins: [env.host, env.stranger] });
    expect(await tryFrom(ws.strangerPage)).toBe("ready");
    await launcher(page).click();
    await expect(panel(page).getByRole("button", { name: "New ticket" })).toBeVisible();
    await ws.agent("PUT", "/origins", { origins: [env.host] });
    await page.context().clearCookies();
    expect(await tryFrom(ws.strangerPage)).toBe("refused");
  });
});
