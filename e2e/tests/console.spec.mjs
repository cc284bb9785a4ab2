// The agents' console in Chromium: an invited agent sets a password, finds a customer's ticket
// in the inbox and answers it; the customer sees the answer live in the widget.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, email, signIn, launcher, panel, PNG } from "../fixtures.mjs";

const PASSWORD = "tide pool lantern 42";

/// Invites an agent with the CLI and signs them in through the invitation, in a browser of
/// their own; fails the test on any script error or dialog there.
async function agentConsole(browser, env, who) {
  const out = env.cli(["agent", "invite", "--workspace", env.slug, "--email", who, "--name", "Ann Agent"]);
  const link = out.match(/\/console\/invitation\?t=\S+/)[0];
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(env.origin + link);
  await expect(page).toHaveURL(`${env.origin}/console/invitation`);
  await page.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
  await page.getByLabel("The same password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();
  return { page, context, problems };
}

test("an agent answers a ticket from the console and the customer sees it live", async ({ page, browser, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const hostile = `<img src=x onerror=alert(1)> export of ${me} fails`;
  const { body: ticket } = await api("POST", "/tickets", { subject: "Cannot export CSV", description: hostile });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Cannot export CSV/ }).click();
  await expect(widget.getByRole("heading", { name: "Cannot export CSV" })).toBeVisible();

  const agent = await agentConsole(browser, env, email(testInfo, "agent"));
  const c = agent.page;
  await c.getByLabel("Search subjects, messages and notes").fill(me);
  await c.getByRole("button", { name: "Search" }).click();
  await c.getByRole("link", { name: new RegExp(`${ticket.reference} Cannot export CSV`) }).click();
  await expect(c.getByRole("heading", { name: /Cannot export CSV/ })).toBeVisible();
  // What the customer wrote is shown as they wrote it, and nothing in it runs.
  await expect(c.getByText(hostile)).toBeVisible();
  await expect(c.getByText(me).first()).toBeVisible();

  await c.getByRole("button", { name: "Assign to me" }).click();
  await expect(c.locator(".pc-assignee")).toHaveText(email(testInfo, "agent"));
  await c.getByLabel("Reply").fill("Fixed in 2.3, please try again");
  await c.getByLabel(/^Attach files/).setInputFiles({ name: "fix.png", mimeType: "image/png", buffer: PNG });
  await expect(c.getByRole("list", { name: "Attached files" })).toContainText("fix.png");
  await c.getByLabel("Then set the status to").selectOption("waiting");
  await c.getByRole("button", { name: "Send" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Reply sent." })).toBeVisible();

  await expect(widget.locator(".ph-message--agent")).toContainText("Fixed in 2.3, please try again");
  await expect(widget.locator(".ph-message--agent")).toContainText("Ann Agent");
  await expect(widget.getByRole("button", { name: /fix\.png/ })).toBeVisible();
  const seen = await env.agent("GET", `/tickets/${ticket.reference}`);
  expect(seen.status).toBe("waiting");
  expect(agent.problems).toEqual([]);
  await agent.context.close();
});

test("an agent's Markdown reply, previewed, reaches the customer formatted, beside the agent's name and picture", async ({ page, browser, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Router blinks", description: "Orange light" });
  await signIn(page, env, env.user(me));
  await launcher(page).click();
  const widget = panel(page);
  await widget.getByRole("button", { name: /Router blinks/ }).click();
  await expect(widget.getByRole("heading", { name: "Router blinks" })).toBeVisible();

  const agent = await agentConsole(browser, env, email(testInfo, "agent"));
  const c = agent.page;
  await c.getByRole("link", { name: /Ann Agent \(Agent\)/ }).click();
  await c.getByLabel("Shown to customers").fill("Ann Lee");
  await c.getByRole("button", { name: "Save name" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await c.getByLabel(/^Choose a picture/).setInputFiles({ name: "me.png", mimeType: "image/png", buffer: PNG });
  await expect(c.getByRole("status").filter({ hasText: "Your picture is changed." })).toBeVisible();
  await expect(c.getByRole("img", { name: "Your picture" })).toBeVisible();

  await c.goto(`${env.origin}/console#/tickets/${ticket.reference}`);
  await expect(c.getByRole("heading", { name: /Router blinks/ })).toBeVisible();
  await c.getByLabel("Reply").fill("Try **restarting** it:\n- unplug it\n- wait ten seconds\n\n<img src=x onerror=alert(1)>");
  await c.getByRole("button", { name: "Preview" }).click();
  const preview = c.getByRole("region", { name: "Preview: how it will read" });
  await expect(preview.locator("strong")).toHaveText("restarting");
  await expect(preview.locator("li")).toHaveCount(2);
  await expect(preview.locator("img")).toHaveCount(0);
  await c.getByRole("button", { name: "Send" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Reply sent." })).toBeVisible();

  const reply = widget.locator(".ph-message--agent");
  await expect(reply.locator("strong")).toHaveText("restarting");
  await expect(reply.locator("li")).toHaveCount(2);
  await expect(reply).toContainText("Ann Lee");
  // The agent's picture, loaded from Porthole's origin under the panel's CSP; the hostile
  // image the agent pasted is gone.
  const avatar = reply.locator("img.ph-avatar");
  await expect(avatar).toHaveAttribute("src", /^\/avatars\/[0-9a-f]{32}$/);
  await expect.poll(() => avatar.evaluate((img) => img.complete && img.naturalWidth)).toBe(1);
  await expect(reply.locator("img")).toHaveCount(1);
  expect(agent.problems).toEqual([]);
  await agent.context.close();
});

test("a new ticket reaches the open inbox without a reload, and signing out ends the session", async ({ browser, env }, testInfo) => {
  const me = email(testInfo);
  const agent = await agentConsole(browser, env, email(testInfo, "agent"));
  const c = agent.page;
  await c.getByRole("button", { name: "Unassigned" }).click();
  const api = await env.asUser(me);
  await api("POST", "/tickets", { subject: `Live arrival for ${me}` });
  await expect(c.getByRole("link", { name: new RegExp(`Live arrival for ${me}`) })).toBeVisible();

  await c.getByRole("button", { name: "Sign out" }).click();
  await expect(c.getByRole("heading", { name: "Sign in to the console" })).toBeVisible();
  await c.goto(`${env.origin}/console`);
  await expect(c).toHaveURL(`${env.origin}/console/sign-in`);
  expect(agent.problems).toEqual([]);
  await agent.context.close();
});

test("reports chart the team's days and download as CSV", async ({ browser, env }, testInfo) => {
  const api = await env.asUser(email(testInfo));
  await api("POST", "/tickets", { subject: "Counted" });
  const agent = await agentConsole(browser, env, email(testInfo, "agent"));
  const c = agent.page;
  await c.getByRole("link", { name: "Reports" }).click();
  await expect(c.getByRole("heading", { name: "Reports" })).toBeVisible();
  await expect(c.getByRole("heading", { name: "First response" })).toBeVisible();
  await expect(c.getByRole("heading", { name: "Satisfaction" })).toBeVisible();
  await c.getByText("The numbers").click();
  const today = new Date().toISOString().slice(0, 10);
  const row = c.getByRole("row", { name: new RegExp(today) });
  await expect(row).toBeVisible();
  expect(Number(await row.getByRole("cell").nth(1).textContent())).toBeGreaterThan(0);
  await c.getByLabel("Period").selectOption("7");
  await expect(c.getByRole("row")).toHaveCount(8);
  const [download] = await Promise.all([c.waitForEvent("download"), c.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(agent.problems).toEqual([]);
  await agent.context.close();
});

test("an admin changes the widget's greeting and colour in the console and the widget shows them", async ({ page, browser, env }, testInfo) => {
  const ws = env.newWorkspace("branded");
  const out = env.cli(["agent", "invite", "--workspace", ws.slug, "--email", email(testInfo, "admin"), "--role", "admin"]);
  const link = out.match(/\/console\/invitation\?t=\S+/)[0];
  const context = await browser.newContext();
  const c = await context.newPage();
  const problems = [];
  c.on("pageerror", (e) => problems.push(e.message));
  await c.goto(env.origin + link);
  await c.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
  await c.getByLabel("The same password again").fill(PASSWORD);
  await c.getByRole("button", { name: "Set password and sign in" }).click();
  await c.getByRole("link", { name: "Settings" }).click();
  await c.getByLabel("Greeting on an empty ticket list").fill("Ahoy! Nothing here yet.");
  await c.getByLabel("Brand colour").fill("#0a7f3c");
  await c.getByRole("button", { name: "Save appearance" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await c.getByLabel("Categories, separated by commas").fill("Billing, <b>Bugs</b>");
  await c.getByRole("button", { name: "Save forms" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Saved." }).nth(1)).toBeVisible();
  // The harness's server sends email: the invitation goes to the newcomer's inbox.
  const newcomer = email(testInfo, "newcomer");
  await c.getByLabel("Invite by email").fill(newcomer);
  await c.getByRole("button", { name: "Invite" }).click();
  await expect(c.getByRole("status").filter({ hasText: "the link is in their inbox" })).toBeVisible();
  await expect.poll(() => env.mails().some((m) => m.includes(newcomer) && m.includes("/console/invitation?t="))).toBe(true);
  await expect(c.getByRole("listitem").filter({ hasText: newcomer })).toContainText("invited");
  // A webhook aimed at this machine's own network is refused, with the server's reason.
  await c.getByLabel("Add an endpoint").fill("http://127.0.0.1:9/hook");
  await c.getByRole("button", { name: "Add", exact: true }).click();
  await expect(c.getByRole("alert")).toContainText("not a private, loopback or link-local");
  await expect(c.getByRole("region", { name: "Webhooks" }).getByRole("listitem")).toHaveCount(0);
  // An API key, shown once, that then works and is listed by its first characters only.
  await c.getByLabel("New key for").fill("Zapier");
  await c.getByRole("button", { name: "Make key" }).click();
  const shown = await c.getByRole("status").filter({ hasText: "shown once: phk_" }).textContent();
  const key = shown.match(/phk_\S+/)[0];
  expect((await fetch(`${env.origin}/api/v1/agent/tickets`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  const listed = c.getByRole("region", { name: "API keys" }).getByRole("list");
  await expect(listed).toContainText("Zapier");
  await expect(listed).not.toContainText(key);
  expect(problems).toEqual([]);
  await context.close();

  await page.goto(ws.page);
  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), ws.user(email(testInfo)));
  await launcher(page).click();
  const widget = panel(page);
  await expect(widget.getByText("Ahoy! Nothing here yet.")).toBeVisible();
  const settings = await ws.agent("GET", "/settings");
  expect(settings.primary_color).toBe("#0a7f3c");
  expect(settings.categories).toEqual(["Billing", "<b>Bugs</b>"]);
  await widget.getByRole("button", { name: "New ticket" }).click();
  await expect(widget.getByLabel("Category").locator("option", { hasText: "<b>Bugs</b>" })).toHaveCount(1);
});

test("two agents on one ticket see each other, and who is writing", async ({ browser, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: `Shared attention ${me}` });
  const first = await agentConsole(browser, env, email(testInfo, "first"));
  const second = await agentConsole(browser, env, email(testInfo, "second"));
  // The first agent's page runs on a clock the test moves, so its 10 s heartbeat comes at once.
  await first.page.clock.install();
  await first.page.goto(`${env.origin}/console#/tickets/${ticket.reference}`);
  await expect(first.page.getByRole("heading", { name: new RegExp(ticket.reference) })).toBeVisible();
  await second.page.goto(`${env.origin}/console#/tickets/${ticket.reference}`);
  await expect(second.page.locator(".pc-presence")).toContainText("Ann Agent is viewing this ticket.");
  await second.page.getByLabel("Reply").fill("Drafting…");
  await first.page.clock.runFor(11_000);
  await expect(first.page.locator(".pc-presence")).toContainText("Ann Agent is writing a reply");
  expect([...first.problems, ...second.problems]).toEqual([]);
  await first.context.close();
  await second.context.close();
});

test("the console's screens have no accessibility violations axe can find", async ({ browser, env }, testInfo) => {
  const api = await env.asUser(email(testInfo));
  const { body: ticket } = await api("POST", "/tickets", { subject: "Accessible?", description: "Checking" });
  const out = env.cli(["agent", "invite", "--workspace", env.slug, "--email", email(testInfo, "admin"), "--role", "admin"]);
  const link = out.match(/\/console\/invitation\?t=\S+/)[0];
  const context = await browser.newContext();
  const c = await context.newPage();
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page: c }).analyze();
    expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  };
  await c.goto(`${env.origin}/console/sign-in`);
  await check("sign-in");
  await c.goto(env.origin + link);
  await check("invitation");
  await c.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
  await c.getByLabel("The same password again").fill(PASSWORD);
  await c.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(c.getByRole("heading", { name: "Inbox" })).toBeVisible();
  await expect(c.getByRole("link", { name: /Accessible\?/ }).first()).toBeVisible();
  await check("inbox");
  await c.goto(`${env.origin}/console#/tickets/${ticket.reference}`);
  await expect(c.getByRole("heading", { name: /Accessible\?/ })).toBeVisible();
  await check("ticket");
  await c.getByRole("link", { name: "Reports" }).click();
  await expect(c.getByRole("heading", { name: "First response" })).toBeVisible();
  await check("reports");
  await c.getByRole("link", { name: "Settings" }).click();
  await expect(c.getByRole("heading", { name: "Team" })).toBeVisible();
  await check("settings");
  await c.getByRole("link", { name: /\(Admin\)/ }).click();
  await expect(c.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await check("profile");
  await c.goto(`${env.origin}/console/security`);
  await check("security");
  await context.close();
});

test("an agent writes and publishes an article, and what it shows is sanitised", async ({ browser, env }, testInfo) => {
  const agent = await agentConsole(browser, env, email(testInfo, "agent"));
  const c = agent.page;
  const title = `Resetting a password ${Date.now()}`;
  await c.getByRole("link", { name: "Articles" }).click();
  await c.getByLabel("Title").fill(title);
  await c.getByLabel(/^Text/).fill("Open **Settings**.\n\n<script>alert(1)</script>\n\n[Help](javascript:alert(2))");
  await c.getByLabel("Published").check();
  await c.getByRole("button", { name: "Save article" }).click();
  await expect(c.getByRole("status")).toContainText(`“${title}” published.`);
  const item = c.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("published");
  const href = await item.getByRole("link", { name: "Open" }).getAttribute("href");
  const html = await (await fetch(env.origin + href)).text();
  expect(html).toContain("<strong>Settings</strong>");
  expect(html).not.toContain("<script>alert(1)");
  expect(html).not.toContain("javascript:");
  expect(agent.problems).toEqual([]);
  await agent.context.close();
});

test("an admin sees an email the SMTP server refused, in light on a desktop and dark on a phone, with nothing axe can fault", async ({ browser, env }, testInfo) => {
  // A portal ticket from an address the SMTP server refuses: its confirmation is given up on.
  const refused = email(testInfo, "bounce");
  const form = new URLSearchParams({ name: "Bo", email: refused, subject: "Unreachable", description: "Nobody reads this inbox." });
  const submitted = await fetch(`${env.origin}/p/${env.slug}/submit`, { method: "POST", headers: { Origin: env.origin }, body: form });
  expect(submitted.status).toBe(200);
  const out = env.cli(["agent", "invite", "--workspace", env.slug, "--email", email(testInfo, "admin"), "--role", "admin"]);
  const link = out.match(/\/console\/invitation\?t=\S+/)[0];
  // Light on a desktop, dark on a phone.
  for (const [colorScheme, viewport] of [["light", { width: 1280, height: 800 }], ["dark", { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ colorScheme, viewport });
    const c = await context.newPage();
    if (colorScheme === "light") {
      await c.goto(env.origin + link);
      await c.getByLabel("Password (at least 12 characters)").fill(PASSWORD);
      await c.getByLabel("The same password again").fill(PASSWORD);
      await c.getByRole("button", { name: "Set password and sign in" }).click();
    } else {
      await c.goto(`${env.origin}/console/sign-in?workspace=${env.slug}`);
      await c.getByLabel("Email").fill(email(testInfo, "admin"));
      await c.getByLabel("Password").fill(PASSWORD);
      await c.getByRole("button", { name: "Sign in" }).click();
    }
    await expect(c.getByRole("heading", { name: "Inbox" })).toBeVisible();
    await c.getByRole("link", { name: "Settings" }).click();
    // Each visit reads the list again: wait for the worker to have given up on the email.
    const undelivered = c.getByRole("list", { name: "Not delivered" });
    await expect(async () => {
      await c.reload();
      await expect(undelivered).toContainText(refused, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(undelivered).toContainText("550");
    await expect(undelivered).toContainText("given up at");
    // Nothing is wider than the screen, on a phone too.
    expect(await c.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await c.getByRole("heading", { name: "Not delivered" }).scrollIntoViewIfNeeded();
    await c.screenshot({ path: testInfo.outputPath(`email-${colorScheme}.png`) });
    const { violations } = await new AxeBuilder({ page: c }).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

    // The ticket itself says its customer never got the email.
    const item = await undelivered.getByRole("listitem").filter({ hasText: refused }).textContent();
    await c.goto(`${env.origin}/console#/tickets/${item.match(/TKT-\d+/)[0]}`);
    const onTicket = c.getByRole("region", { name: "Emails not delivered" });
    await expect(onTicket).toContainText(refused);
    await expect(onTicket).toContainText("550");
    expect(await c.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await onTicket.scrollIntoViewIfNeeded();
    await c.screenshot({ path: testInfo.outputPath(`ticket-undelivered-${colorScheme}.png`) });
    const onTicketAxe = await new AxeBuilder({ page: c }).analyze();
    expect(onTicketAxe.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target + n.failureSummary).join(" ")}`)).toEqual([]);
    await context.close();
  }
});

test("an agent whose browser speaks French works the console in French, with nothing axe can fault", async ({ browser, env }, testInfo) => {
  const me = email(testInfo);
  const api = await env.asUser(me);
  const { body: ticket } = await api("POST", "/tickets", { subject: "Facture introuvable", description: "Où est-elle ?" });
  const out = env.cli(["agent", "invite", "--workspace", env.slug, "--email", email(testInfo, "agent"), "--name", "Anne"]);
  const link = out.match(/\/console\/invitation\?t=\S+/)[0];
  const context = await browser.newContext({ locale: "fr-FR" });
  const c = await context.newPage();
  const problems = [];
  c.on("pageerror", (e) => problems.push(e.message));
  const check = async (what) => {
    const { violations } = await new AxeBuilder({ page: c }).analyze();
    expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  };
  await c.goto(env.origin + link);
  await expect(c.locator("html")).toHaveAttribute("lang", "fr");
  await c.getByLabel("Mot de passe (12 caractères au moins)").fill("court");
  await c.getByLabel("Le même mot de passe, à nouveau").fill("court");
  // The browser holds back a password under minlength; the server says why in French too.
  await c.locator("form").evaluate((f) => f.setAttribute("novalidate", ""));
  await c.getByRole("button", { name: "Choisir le mot de passe et se connecter" }).click();
  await expect(c.getByRole("alert")).toHaveText(/^Choisissez un autre mot de passe : au moins 12 caractères/);
  await c.getByLabel("Mot de passe (12 caractères au moins)").fill(PASSWORD);
  await c.getByLabel("Le même mot de passe, à nouveau").fill(PASSWORD);
  await c.getByRole("button", { name: "Choisir le mot de passe et se connecter" }).click();

  await expect(c.getByRole("heading", { name: "Boîte de réception" })).toBeVisible();
  await expect(c.getByRole("button", { name: "Non attribués" })).toBeVisible();
  await expect(c.getByRole("status").filter({ hasText: /tickets?$/ })).toBeVisible();
  const row = c.getByRole("row").filter({ hasText: ticket.reference });
  await expect(row).toContainText("Ouvert");
  await check("inbox");
  await row.getByRole("link").click();
  await expect(c.getByRole("heading", { name: /Facture introuvable/ })).toBeVisible();
  await expect(c.getByText(/^via Widget · ouvert le /)).toBeVisible();
  await c.getByRole("button", { name: "M'attribuer" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Enregistré." })).toBeVisible();
  await c.getByLabel("Répondre").fill("Elle est dans Facturation.");
  await c.getByRole("button", { name: "Envoyer" }).click();
  await expect(c.getByRole("status").filter({ hasText: "Réponse envoyée." })).toBeVisible();
  await check("ticket");
  await c.getByRole("link", { name: "Rapports" }).click();
  await expect(c.getByRole("heading", { name: "Première réponse" })).toBeVisible();
  await expect(c.getByText(/^\d+ tickets? répondus?$/)).toBeVisible();
  await check("reports");
  // The agent may choose another language than their browser's: the console speaks it at once.
  await c.getByRole("link", { name: /Anne \(Agent\)/ }).click();
  await c.getByRole("combobox", { name: "Langue de la console" }).selectOption("de");
  await expect(c.getByRole("heading", { name: "Ihr Profil" })).toBeVisible();
  await expect(c.locator("html")).toHaveAttribute("lang", "de");
  expect(problems).toEqual([]);
  await context.close();
});
