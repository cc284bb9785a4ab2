// The panel's fixes from review: closed and resolved tickets, keyboard focus, the newest
// message in view, announcements, links, marking a ticket solved, and early `open`.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

test("a closed ticket says why it takes no replies and offers a new one", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Old problem" });
  await env.agent("PATCH", `/tickets/${ticket.reference}`, { status: "closed", resolution: "Replaced the card." });

  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Old problem/ }).click();
  await expect(widget.getByText("This ticket is closed.")).toBeVisible();
  await expect(widget.getByText("Resolution: Replaced the card.")).toBeVisible();
  await expect(widget.getByLabel("Reply")).toBeHidden();
  await expect(widget.getByRole("button", { name: "Send" })).toBeHidden();
  await expect(widget.getByRole("button", { name: "Mark as solved" })).toHaveCount(0);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await expect(widget.getByLabel("Subject")).toBeVisible();
});

test("a user marks their ticket solved, and sees type and category", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "Fixed itself", type: "bug_report" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Fixed itself/ }).click();
  await expect(widget.locator(".ph-meta")).toContainText("Bug Report");
  await widget.getByRole("button", { name: "Mark as solved" }).click();
  await expect(widget.locator(".ph-meta")).toContainText("Resolved");
  await expect(widget.getByRole("button", { name: "Mark as solved" })).toHaveCount(0);
});

test("focus follows each screen, and Escape closes from anywhere", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "Focus check" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Focus check/ }).click();
  await expect(widget.getByRole("heading", { name: "Focus check" })).toBeFocused();
  await widget.getByRole("button", { name: /Back to your tickets/ }).click();
  await expect(widget.getByRole("heading", { name: "Your tickets" })).toBeFocused();
  await widget.getByRole("button", { name: "New ticket" }).click();
  await expect(widget.getByRole("heading", { name: "New ticket" })).toBeFocused();
  // Focus left on the body of the panel's page: Escape still closes.
  await page.frame({ url: /\/w\// }).evaluate(() => document.activeElement.blur());
  await page.keyboard.press("Escape");
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
  await expect(launcher(page)).toBeFocused();
});

test("the focus ring is visible on the header's close button", async ({ page, env }, testInfo) => {
  await signIn(page, env, env.user(email(testInfo)));
  await launcher(page).click();
  const widget = panel(page);
  await expect(widget.getByRole("heading", { name: "Your tickets" })).toBeVisible();
  const close = widget.getByRole("button", { name: "Close support" });
  await close.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  const ring = await close.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, color: s.outlineColor, shadow: s.boxShadow };
  });
  // A black ring with a white one inside: one of the two contrasts with any brand colour.
  expect(ring.outline).toBe("solid");
  expect(ring.color).toBe("rgb(0, 0, 0)");
  expect(ring.shadow).toContain("rgb(255, 255, 255)");
});

test("a long thread opens at the newest message with the reply box in view", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Long thread", description: "First" });
  for (let i = 1; i <= 12; i++) {
    await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: `Step ${i}\n\n${"More detail. ".repeat(20)}` });
  }
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Long thread/ }).click();
  await expect(widget.getByText("Step 12")).toBeInViewport();
  await expect(widget.getByLabel("Reply")).toBeInViewport();
  await expect(widget.getByText("First", { exact: true })).not.toBeInViewport();
});

test("an agent's reply in an open thread is announced, and links in it work safely", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Announce" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Announce/ }).click();
  await expect(widget.getByRole("heading", { name: "Announce" })).toBeVisible();
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, {
    body: "See https://docs.example.com/guide. Not javascript:alert(1)",
  });
  // The thread: a list whose additions are announced.
  const log = widget.locator("ol.ph-messages");
  await expect(log).toHaveRole("list");
  await expect(log).toHaveAttribute("aria-live", "polite");
  await expect(log).toContainText("See https://docs.example.com/guide");
  const link = log.getByRole("link", { name: "https://docs.example.com/guide" });
  await expect(link).toHaveAttribute("href", "https://docs.example.com/guide");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(log.getByRole("link")).toHaveCount(1);
});

test("times show the exact moment in the user's language on hover", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "Quand ?" });
  await page.goto(`${env.host}/`);
  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u, locale: "fr" }), env.user(me));
  await page.getByRole("button", { name: /^Ouvrir l'assistance/ }).click();
  const time = panel(page).locator(".ph-ticket .ph-time").first();
  await expect(time).toHaveAttribute("title", /\d{2}\/\d{2}\/\d{4}/);
  await expect(time).not.toHaveAttribute("title", /T\d{2}:/);
});

test("open called straight after init opens the panel once the launcher exists", async ({ page, env }, testInfo) => {
  await page.goto(`${env.host}/`);
  await page.evaluate((u) => {
    window.$porthole.helpCenter("init", { user: u });
    window.$porthole.helpCenter("open");
  }, env.user(email(testInfo)));
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "true");
  await expect(panel(page).getByRole("heading", { name: "Your tickets" })).toBeVisible();
});

test("the full-page portal does not take focus from the host page on load", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "On the page" });
  await signIn(page, env, env.user(me), { portal: true });
  const portal = page.frameLocator("#porthole_help_center");
  await expect(portal.getByRole("button", { name: /On the page/ })).toBeVisible();
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
  expect(focused).not.toBe("IFRAME");
});
