// Sessions, logout and refusals, seen from the browser.
import { test, expect, email, signIn, launcher, panel } from "../fixtures.mjs";

test("before the widget is opened only the loader, one session call and the event stream are fetched", async ({ page, env }, testInfo) => {
  const seen = [];
  page.on("request", (r) => seen.push(new URL(r.url()).pathname));
  const streaming = page.waitForResponse((r) => r.url().endsWith("/events"));
  await signIn(page, env, env.user(email(testInfo)));
  await expect(launcher(page)).toBeVisible();
  await streaming;
  const porthole = seen.filter((p) => p !== "/" && p !== "/favicon.ico");
  expect(porthole).toEqual([
    "/loader.js",
    `/api/v1/widget/${env.slug}/session`,
    `/api/v1/widget/${env.slug}/events`,
  ]);
  expect(page.frames()).toHaveLength(1);
});

test("a reload reuses the session from the first-party cookie", async ({ page, env }, testInfo) => {
  const user = env.user(email(testInfo));
  await signIn(page, env, user);
  await expect(launcher(page)).toBeVisible();
  const [cookie] = (await page.context().cookies(env.host)).filter((c) => c.name === `porthole_${env.slug}`);
  expect(cookie.sameSite).toBe("Lax");
  expect(cookie.secure).toBe(true);
  expect(cookie.httpOnly).toBe(false);

  const reuse = page.waitForResponse((r) => r.url().endsWith("/session") && r.request().method() === "POST");
  await signIn(page, env, user);
  expect((await reuse).status()).toBe(200);
  const [again] = (await page.context().cookies(env.host)).filter((c) => c.name === `porthole_${env.slug}`);
  expect(again.value).toBe(cookie.value);
});

test("a page whose cookies the browser will not share still signs the user in, and stop still revokes", async ({ page, env }, testInfo) => {
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new DOMException("cookies refused", "SecurityError"));
    window.cookieStore.get = refuse;
    window.cookieStore.set = refuse;
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await signIn(page, env, env.user(email(testInfo)));
  await expect(launcher(page)).toBeVisible();
  const revoked = page.waitForResponse((r) => r.url().endsWith("/session") && r.request().method() === "DELETE");
  await page.evaluate(() => window.$porthole.helpCenter("stop"));
  expect((await revoked).status()).toBe(204);
  await expect(launcher(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("stop on logout leaves nothing of the first user for the next", async ({ page, env }, testInfo) => {
  const alice = email(testInfo, "alice");
  const bob = email(testInfo, "bob");
  const aliceApi = await env.asUser(alice);
  await aliceApi("POST", "/tickets", { subject: "Alice's private matter" });

  await signIn(page, env, env.user(alice));
  await launcher(page).click();
  await expect(panel(page).getByText("Alice's private matter")).toBeVisible();
  const token = (await page.context().cookies(env.host)).find((c) => c.name === `porthole_${env.slug}`).value;

  await page.evaluate(() => window.$porthole.helpCenter("stop"));
  await expect(launcher(page)).toHaveCount(0);
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(page.frames()).toHaveLength(1);
  // The cookie goes through the Cookie Store API, which settles after `stop` returns.
  await expect
    .poll(async () => (await page.context().cookies(env.host)).some((c) => c.name.startsWith("porthole_")))
    .toBe(false);
  // The session is revoked on the server, not merely forgotten here.
  const res = await fetch(`${env.origin}/api/v1/widget/${env.slug}/tickets`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(401);

  await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), env.user(bob));
  await launcher(page).click();
  await expect(panel(page).locator(".ph-empty")).toBeVisible();
  expect(await page.content()).not.toContain("private matter");
  for (const frame of page.frames()) {
    expect(await frame.content()).not.toContain("private matter");
  }
});

test("init with a different email replaces the session without a stop", async ({ page, env }, testInfo) => {
  const alice = email(testInfo, "alice");
  await signIn(page, env, env.user(alice));
  await expect(launcher(page)).toBeVisible();
  const first = (await page.context().cookies(env.host)).find((c) => c.name === `porthole_${env.slug}`).value;
  await signIn(page, env, env.user(email(testInfo, "bob")));
  await expect(launcher(page)).toBeVisible();
  const second = (await page.context().cookies(env.host)).find((c) => c.name === `porthole_${env.slug}`).value;
  expect(second).not.toBe(first);
  const res = await fetch(`${env.origin}/api/v1/widget/${env.slug}/session`, { headers: { authorization: `Bearer ${first}` } });
  expect(res.status).toBe(401);
});

test.describe("refusals", () => {
  test.use({ expectConsoleErrors: true });

  async function refused(page, env, user, origin) {
    const reported = [];
    page.on("console", (m) => m.type() === "error" && reported.push(m.text()));
    await page.goto(`${origin}/`);
    await page.evaluate((u) => {
      window.errors = [];
      window.$porthole.helpCenter("on", "error", (e) => window.errors.push(e.message));
      window.$porthole.helpCenter("init", { user: u });
    }, user);
    await expect.poll(() => page.evaluate(() => window.errors.length)).toBeGreaterThan(0);
    await expect(launcher(page)).toHaveCount(0);
    expect(page.frames()).toHaveLength(1);
    expect((await page.context().cookies(origin)).some((c) => c.name.startsWith("porthole_"))).toBe(false);
    return { errors: await page.evaluate(() => window.errors), console: reported };
  }

  test("a wrong hash gets a clear error and no data", async ({ page, env }, testInfo) => {
    const user = env.user(email(testInfo), { secretOverride: "not-the-secret" });
    const { errors, console } = await refused(page, env, user, env.host);
    expect(errors[0]).toMatch(/verification hash does not match/);
    expect(console.some((c) => c.includes("Porthole: the verification hash does not match"))).toBe(true);
  });

  test("an expired timestamp gets a clear error and no data", async ({ page, env }, testInfo) => {
    const user = env.user(email(testInfo), { timestamp: Date.now() - 10 * 60 * 1000 });
    const { errors } = await refused(page, env, user, env.host);
    expect(errors[0]).toMatch(/timestamp is outside the allowed window/);
  });

  test("a host page on an origin that is not allowed gets a clear error and no data", async ({ page, env }, testInfo) => {
    const { errors } = await refused(page, env, env.user(email(testInfo)), env.stranger);
    // The browser withholds the refusal itself (no CORS answer), so the loader names the origin.
    expect(errors[0]).toBe(`cannot reach Porthole from ${env.stranger}`);
  });

  test("malformed calls are reported without breaking the host page", async ({ page, env }) => {
    const reported = [];
    page.on("console", (m) => m.type() === "error" && reported.push(m.text()));
    await page.goto(`${env.host}/`);
    await page.evaluate(() => {
      window.$porthole.helpCenter("explode");
      window.$porthole.helpCenter("init", { user: { email: 42 } });
      window.$porthole.helpCenter("init");
      window.$porthole.helpCenter("on", "nonsense", () => {});
    });
    await expect.poll(() => reported.length).toBe(4);
    expect(reported[0]).toContain('unknown "explode"');
    expect(reported[1]).toContain("init needs user.email and user.verificationHash");
    expect(reported[3]).toContain('unknown "nonsense"');
    await expect(page.getByRole("heading", { name: "Host app" })).toBeVisible();
  });

  test("the panel page refuses to be framed by an origin that is not allowed", async ({ page, env }) => {
    const blocked = [];
    page.on("console", (m) => blocked.push(m.text()));
    await page.goto(`${env.stranger}/`);
    await page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.src = src;
      document.body.append(f);
    }, `${env.origin}/w/${env.slug}/?mode=panel&host=${env.stranger}`);
    await expect.poll(() => blocked.some((m) => m.includes("frame-ancestors"))).toBe(true);
  });
});
