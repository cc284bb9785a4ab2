// The full-page embed, keyboard use, and small screens.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

test("the full-page iframe embed shows the portal and no launcher", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "Seen on the portal page" });
  await signIn(page, env, env.user(me), { portal: true });
  const portal = page.frameLocator("#porthole_help_center");
  await expect(portal.getByRole("button", { name: /Seen on the portal page/ })).toBeVisible();
  await expect(launcher(page)).toHaveCount(0);
  await expect(portal.getByRole("button", { name: "Close support" })).toHaveCount(0);
  await portal.getByRole("button", { name: /Seen on the portal page/ }).click();
  await portal.getByLabel("Reply").fill("From the portal");
  await portal.getByRole("button", { name: "Send" }).click();
  await expect(portal.locator(".ph-message--user")).toContainText("From the portal");
});

test("keyboard only: open, tab through the panel without leaving it, Escape closes", async ({ page, env }, testInfo) => {
  await signIn(page, env, env.user(email(testInfo)));
  await expect(launcher(page)).toBeVisible();
  await page.locator("#host-link").focus();
  await page.keyboard.press("Tab");
  await expect(launcher(page)).toBeFocused();
  await page.keyboard.press("Enter");
  const widget = panel(page);
  await expect(widget.getByRole("button", { name: "New ticket" })).toBeVisible();
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "true");

  // Focus is in the panel, and Tab cycles inside it.
  await expect(widget.getByRole("button", { name: "Close support" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(widget.getByRole("button", { name: "New ticket" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(widget.getByRole("button", { name: "Close support" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(widget.getByRole("button", { name: "New ticket" })).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(widget.getByLabel("Subject")).toBeVisible();
  await widget.getByLabel("Subject").focus();
  await page.keyboard.type("Typed without a mouse");
  await page.keyboard.press("Escape");
  await expect(page.locator('iframe[title="Support"]')).toBeHidden();
  await expect(launcher(page)).toBeFocused();
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");

  // Reopening finds the draft where it was left.
  await page.keyboard.press("Enter");
  await expect(widget.getByLabel("Subject")).toHaveValue("Typed without a mouse");
});

test.describe("on a narrow screen", () => {
  test.use({ viewport: { width: 390, height: 700 } });

  test("the panel fills the screen and inputs are large enough not to zoom", async ({ page, env }, testInfo) => {
    await signIn(page, env, env.user(email(testInfo)));
    await launcher(page).click();
    const frame = page.locator('iframe[title="Support"]');
    await expect(panel(page).getByRole("button", { name: "New ticket" })).toBeVisible();
    expect(await frame.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 700 });
    await panel(page).getByRole("button", { name: "New ticket" }).click();
    const size = await panel(page).getByLabel("Subject").evaluate((el) => getComputedStyle(el).fontSize);
    expect(parseFloat(size)).toBeGreaterThanOrEqual(16);
  });
});

test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the panel follows the system colour scheme", async ({ page, env }, testInfo) => {
    await signIn(page, env, env.user(email(testInfo)));
    await launcher(page).click();
    const body = panel(page).locator("body");
    await expect(body).toHaveCSS("background-color", "rgb(21, 24, 30)");
  });
});
