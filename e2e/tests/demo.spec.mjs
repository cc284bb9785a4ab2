// The README's demo, as a newcomer uses it: log in on the demo host site, open a ticket, log
// out, log in as the other user, and see an agent's CLI reply arrive.
import { spawn, execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { test, expect, launcher, panel } from "../fixtures.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const binary = path.join(root, "target/debug/porthole");

test("the demo host site works for Alice, then Bob, and shows a CLI reply", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "porthole-demo-"));
  const db = path.join(dir, "demo.db");
  const demo = spawn(binary, ["--database", db, "demo", "--listen", "127.0.0.1:0", "--host-listen", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  try {
    // Everything the demo prints, up to the agent key that ends its walkthrough.
    const printed = await new Promise((resolve) => {
      const lines = [];
      readline.createInterface({ input: demo.stdout }).on("line", (line) => {
        lines.push(line);
        if (line.startsWith("Agent API key")) resolve(lines);
      });
    });
    const host = printed.map((l) => l.match(/Demo host site.*(http:\/\/\S+)\/$/)).find(Boolean)[1];
    await page.goto(`${host}/`);
    await page.getByRole("button", { name: "Log in as Alice" }).click();
    await launcher(page).click();
    const widget = panel(page);
    await widget.getByRole("button", { name: "New ticket" }).click();
    await widget.getByLabel("Subject").fill("Alice needs help");
    await widget.getByRole("button", { name: "Send ticket" }).click();
    await expect(widget.getByRole("heading", { name: "Alice needs help" })).toBeVisible();

    // The reply command exactly as the demo printed it, run from where a newcomer stands.
    const reply = printed.find((l) => l.includes(" ticket reply --workspace demo ")).trim();
    expect(reply).toContain(`--database ${db}`);
    execSync(reply.replace("<REFERENCE>", "TKT-0001").replace('"On it!"', '"Hello Alice, on it." --as Sam'), { cwd: root });
    await expect(widget.locator(".ph-message--agent")).toContainText("Hello Alice, on it.");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in as Bob" }).click();
    await launcher(page).click();
    await expect(panel(page).locator(".ph-empty")).toBeVisible();
    expect(await page.content()).not.toContain("Alice needs help");

    // The curl walkthrough, pasted into a shell as printed, takes a new ticket to Resolved.
    const start = printed.findIndex((l) => l.startsWith("Or walk a ticket's life with curl"));
    const end = printed.findIndex((l) => l.startsWith("Agent API key"));
    const walkthrough = printed.slice(start + 1, end).join("\n");
    const out = execSync(walkthrough, { cwd: root, shell: "/bin/bash", encoding: "utf8" });
    expect(out).toMatch(/^TKT-0002$/m);
    expect(out).toContain('"status":"resolved"');
  } finally {
    demo.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
