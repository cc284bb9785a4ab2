// Live updates: the host page reads the event stream once and tells the panel; the panel polls
// only while the stream is down. The page's clock is frozen, so no poll can fire unless a
// test moves time on: whatever shows up without that came by the stream.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

const ticketReads = (page, reference) => {
  const seen = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname.endsWith(`/tickets/${reference}`)) seen.push(r.url());
  });
  return seen;
};

test("an agent's reply appears in the open panel within a second, with no poll", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Live reply" });
  await page.clock.install();
  const streaming = page.waitForResponse((r) => r.url().endsWith("/events") && r.status() === 200);
  await signIn(page, env, env.user(me));
  await streaming;
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Live reply/ }).click();
  await expect(widget.getByRole("heading", { name: "Live reply" })).toBeVisible();

  // While the stream is up, time passing makes no request.
  const reads = ticketReads(page, ticket.reference);
  await page.clock.runFor(20_000);
  expect(reads, "no polling while the stream is up").toEqual([]);

  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Pushed to you", author_name: "Ann" });
  await expect(widget.locator(".ph-message--agent")).toContainText("Pushed to you", { timeout: 1000 });
  expect(reads.length, "one read, prompted by the event").toBe(1);
});

test("the launcher's badge learns of a reply while the panel is shut", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Badge" });
  const streaming = page.waitForResponse((r) => r.url().endsWith("/events") && r.status() === 200);
  await signIn(page, env, env.user(me));
  await streaming;
  await expect(launcher(page)).toHaveAccessibleName("Open support");
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Answered" });
  await expect(launcher(page)).toHaveAccessibleName("Open support, 1 unread", { timeout: 5000 });
});

test("a reply read on screen is not counted as unread, there or after closing", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Read on screen" });
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "First answer" });
  const streaming = page.waitForResponse((r) => r.url().endsWith("/events") && r.status() === 200);
  await signIn(page, env, env.user(me));
  await streaming;
  await expect(launcher(page)).toHaveAccessibleName("Open support, 1 unread");

  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Read on screen/ }).click();
  await expect(widget.getByText("First answer")).toBeVisible();
  await expect(launcher(page), "opening the ticket read it").toHaveAccessibleName("Open support");

  // A reply arriving on the ticket on screen is read as it appears.
  const counted = page.waitForResponse((r) => r.url().endsWith("/session") && r.request().method() === "GET");
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Second answer" });
  await expect(widget.getByText("Second answer")).toBeVisible();
  expect((await (await counted).json()).unread, "counted after it was read").toBe(0);
  await expect(launcher(page)).toHaveAccessibleName("Open support");

  // Closing counts again, and finds nothing unread.
  const recounted = page.waitForResponse((r) => r.url().endsWith("/session") && r.request().method() === "GET");
  await launcher(page).click();
  await expect(page.locator('iframe[title="Support"]')).toBeHidden();
  expect((await (await recounted).json()).unread).toBe(0);
  await expect(launcher(page)).toHaveAccessibleName("Open support");
});

test.describe(() => {
  // The browser logs each refused stream as a failed load.
  test.use({ expectConsoleErrors: true });

  test("without a stream the open panel falls back to polling", async ({ page, env }, testInfo) => {
    const me = email(testInfo);
    const api = await env.asUser(me);
    const { body: ticket } = await api("POST", "/tickets", { subject: "No stream" });
    await page.route("**/events", (route) => route.abort());
    await page.clock.install();
    await signIn(page, env, env.user(me));
    await launcher(page).click();
    const widget = panel(page);
    await widget.getByRole("button", { name: /No stream/ }).click();
    await expect(widget.getByRole("heading", { name: "No stream" })).toBeVisible();

    await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Found by a poll" });
    await page.clock.runFor(4_500);
    await expect(widget.locator(".ph-message--agent")).toContainText("Found by a poll");
  });
});

test("a reply by email appears in the open panel", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  // A ticket from the public form, whose answers are emailed at once with a Reply-To.
  const form = new URLSearchParams({ name: "Ada", email: me, subject: "By email" });
  const submitted = await fetch(`${env.origin}/p/${env.slug}/submit`, {
    method: "POST",
    headers: { origin: env.origin, "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  expect(submitted.status).toBe(200);
  const page_ = await submitted.text();
  const reference = page_.match(/TKT-\d{4}/)[0];
  await env.agent("POST", `/tickets/${reference}/messages`, { body: "Does it work now?" });
  await expect.poll(() => env.mails().find((m) => m.includes("Does it work now?")), { timeout: 10_000 }).toBeTruthy();
  const mail = env.mails().find((m) => m.includes("Does it work now?"));
  const replyTo = mail.match(/^Reply-To: (\S+)/m)[1].replace(/[<>]/g, "");

  const streaming = page.waitForResponse((r) => r.url().endsWith("/events") && r.status() === 200);
  await signIn(page, env, env.user(me));
  await streaming;
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /By email/ }).click();
  await expect(widget.getByText("Does it work now?")).toBeVisible();

  const raw = [
    `From: Ada <${me}>`, `To: ${replyTo}`, `Subject: Re: [${reference}] By email`,
    `Message-ID: <${reference}-reply@example.com>`, "Content-Type: text/plain; charset=utf-8", "",
    "Yes, all good now.", "", "On Mon, 3 Nov 2026, Acme wrote:", "> Does it work now?", "",
  ].join("\r\n");
  const taken = await env.inbound(raw);
  expect(taken.body.status).toBe("accepted");
  await expect(widget.locator(".ph-message--user").last()).toContainText("Yes, all good now.", { timeout: 1000 });
  await expect(widget.getByText("On Mon, 3 Nov 2026")).toHaveCount(0);
});
