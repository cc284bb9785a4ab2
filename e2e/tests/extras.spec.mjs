// What the panel loads lazily (widget/extras): files attached and downloaded, a resolved
// ticket rated, and articles suggested and read before writing.
import fs from "node:fs";
import { test, expect, email, signIn, launcher, panel, PNG } from "../fixtures.mjs";


test("a user attaches a screenshot to a new ticket and downloads it from the thread", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Subject").fill("Chart is blank");
  await widget.getByLabel("Attach files (optional)").setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: PNG });
  await expect(widget.getByRole("list", { name: "Attached files" })).toContainText("chart.png");
  await widget.getByRole("button", { name: "Send" }).click();

  await expect(widget.getByRole("heading", { name: "Chart is blank" })).toBeVisible();
  const file = widget.getByRole("button", { name: /chart\.png/ });
  await expect(file).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), file.click()]);
  expect(download.suggestedFilename()).toBe("chart.png");
  expect(fs.readFileSync(await download.path()).equals(PNG)).toBe(true);
});

test.describe("refused files", () => {
  // The refused upload's 422 is logged by the browser as a failed resource load.
  test.use({ expectConsoleErrors: true });

test("a file that is not what its name says is refused beside the field, and a reply may be files alone", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Logs" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Logs/ }).click();
  const field = widget.getByLabel("Attach files (optional)");
  // An executable named as a PDF.
  await field.setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00\x03\x00\x00\x00") });
  await expect(widget.getByRole("alert").filter({ hasText: "“invoice.pdf” cannot be attached." })).toBeVisible();

  await field.setInputFiles({ name: "server.log", mimeType: "text/plain", buffer: Buffer.from("boot ok\nready\n") });
  await expect(widget.getByRole("list", { name: "Attached files" })).toContainText("server.log");
  await widget.getByRole("button", { name: "Send" }).click();
  await expect(widget.getByRole("button", { name: /server\.log/ })).toBeVisible();
  await expect(widget.getByRole("list", { name: "Attached files" }).filter({ hasText: "Remove" })).toHaveCount(0);
  const seen = await env.agent("GET", `/tickets/${ticket.reference}`);
  const reply = seen.messages.at(-1);
  expect(reply.body).toBe("");
  expect(reply.attachments.map((a) => a.name)).toEqual(["server.log"]);
});
});

test("a user rates a resolved ticket in the panel, once", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Slow export" });
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Sped it up.", status: "resolved" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Slow export/ }).click();
  await expect(widget.getByRole("heading", { name: "How did we do?" })).toBeVisible();
  await widget.getByLabel("4").check();
  await widget.getByLabel("Anything to add? (optional)").fill("Quick, thanks");
  await widget.getByRole("button", { name: "Send rating" }).click();
  await expect(widget.getByText("Thank you for your rating.")).toBeVisible();
  const seen = await env.agent("GET", `/tickets/${ticket.reference}`);
  expect(seen.rating).toMatchObject({ score: 4, comment: "Quick, thanks" });

  // Opened again, the resolution is rated: nothing is asked.
  await widget.getByRole("button", { name: /Back to your tickets/ }).click();
  await widget.getByRole("button", { name: /Slow export/ }).click();
  await expect(widget.getByText("Sped it up.")).toBeVisible();
  await expect(widget.getByRole("heading", { name: "How did we do?" })).toHaveCount(0);
});

test("articles are suggested as the subject is typed, read in place, and count as deflection", async ({ page, env }, testInfo) => {
  const ws = env.newWorkspace("kb");
  await ws.agent("POST", "/articles", {
    title: "Reset your password",
    body: "Open **Settings**, then *Security*. [Help centre](https://example.com/help)\n\n<script>alert(1)</script>",
    published: true,
    visibility: "signed_in",
  });
  await page.goto(ws.page);
  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), ws.user(email(testInfo)));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Subject").pressSequentially("reset passw");
  const suggestion = widget.getByRole("button", { name: "Reset your password" });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  const article = widget.locator(".ph-article");
  await expect(article.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expect(article.locator("strong")).toHaveText("Settings");
  await expect(article.locator("script")).toHaveCount(0);
  await expect(article.getByRole("link", { name: "Help centre" })).toHaveAttribute("href", "https://example.com/help");

  await expect
    .poll(async () => (await ws.agent("GET", "/reports/deflection")).self_served)
    .toBe(1);
  // Writing a ticket after all: the read no longer counts as a ticket saved.
  await widget.getByRole("button", { name: "Send" }).click();
  await expect(widget.getByRole("heading", { name: "reset passw" })).toBeVisible();
  const report = await ws.agent("GET", "/reports/deflection");
  expect(report).toMatchObject({ article_reads: 1, self_served: 0, tickets_opened: 1 });
});
