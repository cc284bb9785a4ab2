// The benchmark: sizes and timings a user would feel, measured against the real server in
// Debian's Chromium on loopback. Prints the figures, writes BENCHMARKS.md when given --write,
// and exits non-zero if a budget is broken.
import fs from "node:fs";
import http from "node:http";
import { chromium } from "@playwright/test";
import { startPorthole } from "./harness.mjs";
import config from "./playwright.config.mjs";

const BUDGET = { loaderGzip: 2048, firstOpenGzip: 100 * 1024, bytesBeforeOpen: 0 };
const RUNS = 7;

/// Bytes on the wire for `url` when the client accepts only `encoding`.
function encodedSize(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { "accept-encoding": encoding } }, (res) => {
      let n = 0;
      res.on("data", (chunk) => (n += chunk.length));
      res.on("end", () => resolve(n));
    }).on("error", reject);
  });
}

const env = await startPorthole();
const browser = await chromium.launch(config.use.launchOptions);
try {
  const loaderGzip = await encodedSize(`${env.origin}/loader.js`, "gzip");
  const api = await env.asUser("bench@example.com");
  for (let i = 1; i <= 3; i++) await api("POST", "/tickets", { subject: `Benchmark ticket ${i}` });

  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each time: nothing cached, as on a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    const transfers = [];
    // Sizes arrive asynchronously; each is awaited before the transfers are counted, and a
    // request that finishes while the context closes (the event stream) is not counted at all.
    const pending = [];
    let closing = false;
    page.on("requestfinished", (req) => {
      const at = Date.now();
      pending.push(
        req.sizes().then(
          (sizes) => transfers.push({ url: req.url(), type: req.resourceType(), body: sizes.responseBodySize, at }),
          (err) => {
            if (!closing) throw err;
          },
        ),
      );
    });
    await page.goto(`${env.host}/`);
    await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), env.user("bench@example.com"));
    const launcher = page.getByRole("button", { name: /^Open support/ });
    await launcher.waitFor();
    const opened = Date.now();
    await Promise.all(pending);
    const before = transfers.filter((t) => t.url.startsWith(env.origin) && /\/(w|assets)\//.test(t.url));
    await launcher.click();
    await page.frameLocator('iframe[title="Support"]').locator(".ph-ticket").nth(2).waitFor();
    const clickToList = Date.now() - opened;
    await Promise.all(pending);
    const widget = transfers.filter((t) => t.at >= opened && t.url.startsWith(env.origin) && t.type !== "fetch");
    runs.push({ clickToList, before, widget });
    closing = true;
    await context.close();
  }

  // The lazily loaded chunk: what opening a ticket adds (files, rating, suggestions).
  const lazy = [];
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("requestfinished", (req) => lazy.push(req.url()));
    await page.goto(`${env.host}/`);
    await page.evaluate((u) => window.$porthole.helpCenter("init", { user: u }), env.user("bench@example.com"));
    await page.getByRole("button", { name: /^Open support/ }).click();
    const widget = page.frameLocator('iframe[title="Support"]');
    await widget.locator(".ph-ticket").nth(2).waitFor();
    lazy.length = 0;
    await widget.locator(".ph-ticket").first().click();
    // The reply box's file field is drawn by the chunk once it has loaded.
    await widget.getByLabel("Attach files (optional)").waitFor();
    await context.close();
  }
  const chunk = [];
  for (const url of lazy.filter((u) => u.startsWith(env.origin) && /\/assets\/|\/texts/.test(u))) {
    chunk.push({ path: new URL(url).pathname, gzip: await encodedSize(url, "gzip") });
  }
  const chunkGzip = chunk.reduce((n, f) => n + f.gzip, 0);

  const last = runs.at(-1);
  const files = [];
  for (const t of last.widget) {
    files.push({
      path: new URL(t.url).pathname,
      transferred: t.body,
      gzip: await encodedSize(t.url, "gzip"),
    });
  }
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  const times = runs.map((r) => r.clickToList).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const beforeBytes = Math.max(...runs.map((r) => r.before.reduce((n, t) => n + t.body, 0)));
  const result = {
    loaderGzip,
    beforeBytes,
    firstOpenGzip: sum("gzip"),
    firstOpenTransferred: sum("transferred"),
    median,
    times,
  };

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = files
    .map((f) => `| \`${f.path.replace(/-[0-9a-f]{12}\./, "-<hash>.")}\` | ${f.gzip} | ${f.transferred} |`)
    .join("\n");
  const verdict = (ok) => (ok ? "within budget" : "**over budget**");
  const checks = {
    loader: loaderGzip <= BUDGET.loaderGzip,
    before: beforeBytes <= BUDGET.bytesBeforeOpen,
    open: result.firstOpenGzip <= BUDGET.firstOpenGzip,
    // The lazy chunk must stay out of the first open.
    lazy: !files.some((f) => f.path.includes("extras")) && chunk.some((f) => f.path.includes("extras")),
  };
  const chunkRows = chunk
    .map((f) => `| \`${f.path.replace(/-[0-9a-f]{12}\./, "-<hash>.").replace(/\/w\/[^/]+\//, "/w/<workspace>/")}\` | ${f.gzip} |`)
    .join("\n");
  const report = `# Benchmarks

Produced by \`scripts/bench.sh\`, which builds the widget and the release server and runs
\`e2e/bench.mjs\`: the real server on loopback with a fresh SQLite file, a host page on another
origin, and Debian's Chromium (${browser.version()}), with a fresh browser context per run so
nothing is cached. (\`scripts/test.sh\` runs the same script against the debug build to check
the size budgets; its timings are not the ones recorded here.)

| measure | figure | budget | |
|---|---|---|---|
| \`loader.js\`, gzipped | ${loaderGzip} B | ${BUDGET.loaderGzip} B | ${verdict(checks.loader)} |
| widget bytes fetched before the launcher is clicked | ${beforeBytes} B | 0 B | ${verdict(checks.before)} |
| first open: HTML, JS, wasm and CSS, gzipped | ${kb(result.firstOpenGzip)} | ${kb(BUDGET.firstOpenGzip)} | ${verdict(checks.open)} |
| first open, as Chromium received it (brotli) | ${kb(result.firstOpenTransferred)} | | |
| click to a rendered list of 3 tickets, median of ${RUNS} | ${median} ms | | |

Click-to-list times of each run: ${times.join(", ")} ms. Before the click, the page fetches only
\`loader.js\`, makes one session call and opens the event stream; the panel's iframe, HTML,
JavaScript and wasm are fetched only when the user opens it.

First open, file by file (bytes; API calls not included):

| file | gzip | transferred |
|---|---|---|
${rows}

Loaded lazily, when a ticket or the new-ticket form is first opened (file fields, downloads,
ratings, article suggestions; \`widget/extras\`), ${kb(chunkGzip)} gzipped in all, ${verdict(checks.lazy).replace("within budget", "none of it in the first open")}:

| file | gzip |
|---|---|
${chunkRows}
`;
  console.log(report);
  if (process.argv.includes("--write")) {
    // This part of the file only: the server's sections below are written by other scripts.
    const file = new URL("../BENCHMARKS.md", import.meta.url);
    const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const rest = old.indexOf("<!-- ");
    fs.writeFileSync(file, rest === -1 ? report : `${report}\n${old.slice(rest)}`);
  }
  if (!Object.values(checks).every(Boolean)) {
    console.error("budget exceeded");
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  env.stop();
}
