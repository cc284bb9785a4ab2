// The public portal and the signed iframe, in Chromium.
import crypto from "node:crypto";
import { test, expect, email } from "../fixtures.mjs";

async function submitTicket(page, env, who, subject) {
  await page.goto(`${env.origin}/p/${env.slug}/submit`);
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(who);
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Description").fill("It broke.");
  await page.getByLabel("Type").selectOption("bug_report");
  await page.getByRole("button", { name: "Send ticket" }).click();
  await expect(page.getByRole("heading", { name: "Ticket received" })).toBeVisible();
  return (await page.locator(".ph-reference").textContent()).trim();
}

test("a visitor submits, tracks with the token stripped, replies and reopens", async ({ page, env }, testInfo) => {
  const reference = await submitTicket(page, env, email(testInfo), "Portal journey");
  expect(reference).toMatch(/^TKT-\d{4,}$/);
  await expect(page.getByRole("link", { name: "Submit another" })).toBeVisible();

  await page.getByRole("link", { name: "Track ticket" }).click();
  await expect(page.getByRole("heading", { name: "Portal journey" })).toBeVisible();
  expect(page.url()).toBe(`${env.origin}/p/${env.slug}/tickets/${reference}`);
  expect(await page.evaluate(() => location.search)).toBe("");

  await env.agent("PATCH", `/tickets/${reference}`, { status: "resolved", resolution: "Fixed the flux capacitor." });
  await env.agent("POST", `/tickets/${reference}/messages`, { body: "All done.", author_name: "Ann" });
  await page.reload();
  await expect(page.locator(".ph-meta")).toContainText("Resolved");
  await expect(page.locator(".ph-resolution")).toContainText("Fixed the flux capacitor.");

  await page.getByLabel("Reply").fill("Not quite.");
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator(".ph-message--user").last()).toContainText("Not quite.");
  await expect(page.locator(".ph-meta")).toContainText("Open");
  expect(new URL(page.url()).searchParams.has("t")).toBe(false);
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form still submits and the ticket can be tracked", async ({ page, env }, testInfo) => {
    const reference = await submitTicket(page, env, email(testInfo), "No scripts here");
    await page.getByRole("link", { name: "Track ticket" }).click();
    await expect(page.getByRole("heading", { name: "No scripts here" })).toBeVisible();
    expect(page.url()).toBe(`${env.origin}/p/${env.slug}/tickets/${reference}`);
  });
});

test.describe("a tampered link", () => {
  test.use({ expectConsoleErrors: true });

  test("shows a clear page that offers a fresh link by email, which arrives and works", async ({ page, env }, testInfo) => {
    const me = email(testInfo);
    const reference = await submitTicket(page, env, me, "Tampered");
    const href = await page.getByRole("link", { name: "Track ticket" }).getAttribute("href");
    await page.goto(`${env.origin}${href}0`);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Submit a ticket" })).toBeVisible();

    // Email is on in these tests, so the page may offer an email, and the email must come.
    await page.getByLabel("Email", { exact: true }).fill(me);
    await page.getByLabel(/Reference/).fill(reference);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    const fresh = () => env.mails().find((m) => m.includes(me) && m.includes("fresh link"));
    await expect.poll(fresh, { timeout: 10_000 }).toBeTruthy();
    const link = fresh().match(/http:\/\/\S+\/p\/\S+\/tickets\/TKT-\d+\?t=\S+/)[0];
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Tampered" })).toBeVisible();
  });
});

function signedUrl(env, who) {
  const hmac = crypto.createHmac("sha256", env.secret).update(who).digest("hex");
  return `${env.origin}/embed/${env.slug}/tickets?email=${encodeURIComponent(who)}&hmac=${hmac}&nickname=Ada&locale=en`;
}

test("the signed iframe works when framed by an allowed origin", async ({ page, env }, testInfo) => {
  const who = email(testInfo);
  await page.goto(`${env.host}/?frame=${encodeURIComponent(signedUrl(env, who))}`);
  const frame = page.frameLocator("#signed");
  await expect(frame.getByRole("heading", { name: "Your tickets" })).toBeVisible();
  await frame.getByRole("link", { name: "New ticket" }).click();
  await frame.getByLabel("Subject").fill("Asked from the iframe");
  await frame.getByRole("button", { name: "Send ticket" }).click();
  await expect(frame.getByRole("heading", { name: "Asked from the iframe" })).toBeVisible();
  await frame.getByLabel("Reply").fill("And a follow-up");
  await frame.getByRole("button", { name: "Send reply" }).click();
  await expect(frame.locator(".ph-message--user").last()).toContainText("And a follow-up");
  const inner = page.frames().find((f) => f.url().startsWith(env.origin));
  expect(inner.url()).not.toContain("hmac");
});

test.describe("framed by an origin that is not allowed", () => {
  test.use({ expectConsoleErrors: true });

  test("the signed iframe is refused by the browser", async ({ page, env }, testInfo) => {
    const blocked = [];
    page.on("console", (m) => blocked.push(m.text()));
    await page.goto(`${env.stranger}/?frame=${encodeURIComponent(signedUrl(env, email(testInfo)))}`);
    await expect.poll(() => blocked.some((m) => m.includes("frame-ancestors"))).toBe(true);
    await expect(page.frameLocator("#signed").getByRole("heading", { name: "Your tickets" })).toHaveCount(0);
  });
});
