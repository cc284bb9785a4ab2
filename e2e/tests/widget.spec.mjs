// The widget as a user meets it: open, read, create, reply, and see agents' answers arrive.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

test("a user opens the widget, sees their tickets, creates one and replies", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: "Invoices will not export", description: "Since Monday" });

  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  const row = widget.getByRole("button", { name: /Invoices will not export/ });
  await expect(row).toContainText("TKT-");
  await expect(row).toContainText("Open");
  await expect(row).toContainText("Since Monday");

  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Subject").fill("Password reset email never arrives");
  await widget.getByLabel("Description").fill("Checked spam too.");
  await widget.getByLabel("Type").selectOption("bug_report");
  await widget.getByRole("button", { name: "Send ticket" }).click();
  await expect(widget.getByRole("heading", { name: "Password reset email never arrives" })).toBeVisible();
  await expect(widget.getByText("Checked spam too.")).toBeVisible();

  await widget.getByLabel("Reply").fill("Also on my phone.");
  await widget.getByRole("button", { name: "Send" }).click();
  await expect(widget.locator(".ph-message--user").last()).toContainText("Also on my phone.");
  await expect(widget.getByLabel("Reply")).toHaveValue("");

  await widget.getByRole("button", { name: /Back to your tickets/ }).click();
  await expect(widget.locator(".ph-ticket")).toHaveCount(2);
  await expect(widget.locator(".ph-ticket").first()).toContainText("Password reset email never arrives");
});

test("the new-ticket form shows the server's objections beside the field and keeps the text", async ({ page, env }, testInfo) => {
  await signIn(page, env, env.user(email(testInfo)));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await widget.getByLabel("Description").fill("Details I do not want to type twice");
  await widget.getByRole("button", { name: "Send ticket" }).click();
  await expect(widget.locator("#ph-subject-error")).toHaveText("Please give your ticket a subject.");
  await expect(widget.getByLabel("Subject")).toHaveAttribute("aria-invalid", "true");
  await expect(widget.getByLabel("Description")).toHaveValue("Details I do not want to type twice");

  // The draft survives leaving the form and coming back.
  await widget.getByRole("button", { name: /Back to your tickets/ }).click();
  await widget.getByRole("button", { name: "New ticket" }).click();
  await expect(widget.getByLabel("Description")).toHaveValue("Details I do not want to type twice");
});

test("an agent's reply appears in the open widget without a reload", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Where is my refund?" });

  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Where is my refund/ }).click();
  await expect(widget.getByRole("heading", { name: "Where is my refund?" })).toBeVisible();

  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Refunded today.", author_name: "Ann", status: "waiting" });
  const reply = widget.locator(".ph-message--agent");
  await expect(reply).toContainText("Refunded today.");
  await expect(reply).toContainText("Ann");
  await expect(widget.locator(".ph-meta")).toContainText("Waiting");
});

test("the list refreshes while open and the launcher shows unread replies", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Unread check" });
  await env.agent("POST", `/tickets/${ticket.reference}/messages`, { body: "Answered" });

  await signIn(page, env, env.user(me));
  await expect(launcher(page)).toHaveAccessibleName("Open support, 1 unread");
  await launcher(page).click();
  const widget = panel(page);
  await expect(widget.locator(".ph-ticket--unread")).toContainText("New reply");
  await widget.getByRole("button", { name: /Unread check/ }).click();
  await expect(widget.getByText("Answered")).toBeVisible();
  await widget.getByRole("button", { name: /Back to your tickets/ }).click();
  await expect(widget.locator(".ph-ticket--unread")).toHaveCount(0);
  await expect(launcher(page)).toHaveAccessibleName("Open support");

  // A second ticket made elsewhere shows up in the open list by itself.
  await api("POST", "/tickets", { subject: "Made on another device" });
  await expect(widget.getByRole("button", { name: /Made on another device/ })).toBeVisible();
});

test("user content is shown as text, never as markup", async ({ page, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const evil = `<img src=x onerror="document.title='pwned'">`;
  await api("POST", "/tickets", { subject: evil, description: `<script>alert(1)</script>` });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await expect(widget.locator(".ph-subject")).toHaveText(evil);
  await expect(widget.locator("img")).toHaveCount(0);
  await expect(page).toHaveTitle("Host app");
});
