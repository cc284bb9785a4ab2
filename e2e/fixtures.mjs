// `env`: one porthole server and its host sites per worker. `page` fails the test if the
// page (or any frame in it) logs a console error, unless the test sets expectConsoleErrors.
import crypto from "node:crypto";
import { test as base, expect } from "@playwright/test";
import { startPorthole } from "./harness.mjs";

export const test = base.extend({
  env: [
    async ({}, use) => {
      const env = await startPorthole();
      await use(env);
      env.stop();
    },
    { scope: "worker" },
  ],
  expectConsoleErrors: [false, { option: true }],
  page: async ({ page, expectConsoleErrors }, use) => {
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text() + " @ " + m.location().url));
    page.on("pageerror", (e) => errors.push(e.message + " " + e.stack));
    await use(page);
    if (!expectConsoleErrors) expect(errors, "console errors").toEqual([]);
  },
});

export { expect };

/// A unique address per test, so tests sharing a server never see each other's tickets.
export function email(testInfo, who = "user") {
  const id = crypto.createHash("sha256").update(`${testInfo.testId}/${testInfo.retry}`).digest("hex");
  return `${who}-${id.slice(0, 16)}@example.com`;
}

/// Loads the host page and signs `user` in with `init`.
export async function signIn(page, env, user, { portal = false, origin = env.host } = {}) {
  await page.goto(`${origin}/${portal ? "?portal" : ""}`);
  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), user);
}

// A 1×1 PNG: what a screenshot is, by its bytes (a whole one: images are decoded on upload).
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAAD0lEQVR4AQEEAPv/AP9jRwQOAapJJildAAAAAElFTkSuQmCC",
  "base64",
);

export const launcher = (page) => page.getByRole("button", { name: /^Open support/ });
export const panel = (page) => page.frameLocator('iframe[title="Support"]');
