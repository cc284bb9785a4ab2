// The panel as axe sees it, inside the host page, in light and in dark: its landmarks must
// not repeat the host's, the thread must stay a list, and links in message bubbles must read.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

for (const scheme of ["light", "dark"]) {
  test(`the panel has no accessibility violations axe can find (${scheme})`, async ({ page, env }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    const me = email(testInfo);
    const api = await env.asUser(me);
    const { body: ticket } = await api("POST", "/tickets", { subject: "Readable?", description: "Checking" });
    await env.agent("POST", `/tickets/${ticket.reference}/messages`, {
      body: "See [the guide](https://example.com/guide) or https://example.com/faq.",
    });
    const check = async (what) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
    };
    await signIn(page, env, env.user(me));
    await check("host page");
    await launcher(page).click();
    const widget = panel(page);
    await expect(widget.getByRole("heading", { name: "Your tickets" })).toBeVisible();
    await check("list");
    await widget.getByRole("button", { name: /Readable\?/ }).click();
    await expect(widget.getByRole("link", { name: "the guide" })).toBeVisible();
    // The thread is a list of messages whose additions are announced.
    const thread = widget.getByRole("list").filter({ has: widget.getByText("Checking") });
    await expect(thread).toHaveAttribute("aria-live", "polite");
    await expect(thread.getByRole("listitem")).toHaveCount(2);
    await check("thread");
    await widget.getByRole("button", { name: /Back to your tickets/ }).click();
    await widget.getByRole("button", { name: "New ticket" }).click();
    await expect(widget.getByLabel("Subject")).toBeVisible();
    await check("new ticket");
  });
}
