// Participants: the host copies a colleague on the tickets a user opens, by signing them into
// `init`; the colleague reads and answers in their own widget, and the user sees it live.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

test("a colleague the host copies answers in their own widget and the user sees it live", async ({ page, browser, env }, testInfo) => {
  const me = email(testInfo);
  const colleague = email(testInfo, "colleague");
  const streaming = page.waitForResponse((r) => r.url().endsWith("/events") && r.status() === 200);
  await signIn(page, env, env.user(me, { participants: [colleague] }));
  await streaming;
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Subject").fill("Invoice for the team");
  await widget.getByRole("button", { name: "Send" }).click();
  await expect(widget.getByRole("heading", { name: "Invoice for the team" })).toBeVisible();
  const [ticket] = (await env.agent("GET", `/tickets?email=${encodeURIComponent(me)}`)).tickets;
  const { participants } = await env.agent("GET", `/tickets/${ticket.reference}/participants`);
  expect(participants.map((p) => p.email)).toEqual([colleague]);

  // The colleague, in a browser of their own, signed in as themselves.
  const theirs = await browser.newContext();
  const other = await theirs.newPage();
  await signIn(other, env, env.user(colleague));
  await launcher(other).click();
  const otherWidget = panel(other);
  await otherWidget.getByRole("button", { name: /Invoice for the team/ }).click();
  await otherWidget.getByLabel("Reply").fill("Adding the PO number: 4471");
  await otherWidget.getByRole("button", { name: "Send" }).click();
  await expect(otherWidget.getByText("Adding the PO number: 4471")).toBeVisible();
  await theirs.close();

  await expect(widget.getByText("Adding the PO number: 4471")).toBeVisible();
});

test.describe("unsigned participants", () => {
  // The loader reports the ignored names as a console error, as it reports every warning.
  test.use({ expectConsoleErrors: true });

test("names added in the browser under a hash of the email alone copy nobody", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const user = { ...env.user(me), participants: ["mallory@evil.test"] };
  const warned = page.waitForEvent("console", (m) => m.type() === "error" && m.text().includes("participants were ignored"));
  await page.goto(`${env.host}/`);
  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), user);
  await warned;
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Subject").fill("Mine alone");
  await widget.getByRole("button", { name: "Send" }).click();
  await expect(widget.getByRole("heading", { name: "Mine alone" })).toBeVisible();
  const [ticket] = (await env.agent("GET", `/tickets?email=${encodeURIComponent(me)}`)).tickets;
  const { participants } = await env.agent("GET", `/tickets/${ticket.reference}/participants`);
  expect(participants).toEqual([]);
});
});
