// The README's demo, as a newcomer uses it: log in on the demo host site, open a ticket, log
// out, log in as the other user, and see an agent's CLI reply arrive.
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { test, expect, launcher, panel } from "../fixtures.mjs";

const binary = path.resolve(import.meta.dirname, "../../target/debug/porthole");

test("the demo host site works for Alice, then Bob, and shows a CLI reply", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "porthole-demo-"));
  const db = path.join(dir, "demo.db");
  const demo = spawn(binary, ["--database", db, "demo", "--listen", "127.0.0.1:0", "--host-listen", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  try {
    const host = await new Promise((resolve) =>
      readline.createInterface({ input: demo.stdout }).on("line", (line) => {
        const m = line.match(/Demo host site.*(http:\/\/\S+)\/$/);
        if (m) resolve(m[1]);
      })
    );
    await page.goto(`${host}/`);
    await page.getByRole("button", { name: "Log in as Alice" }).click();
    await launcher(page).click();
    const widget = panel(page);
    await widget.getByRole("button", { name: "New ticket" }).click();
    await widget.getByLabel("Subject").fill("Alice needs help");
    await widget.getByRole("button", { name: "Send ticket" }).click();
    await expect(widget.getByRole("heading", { name: "Alice needs help" })).toBeVisible();

    execFileSync(binary, ["--database", db, "ticket", "reply", "--workspace", "demo", "TKT-0001", "Hello Alice, on it.", "--as", "Sam"]);
    await expect(widget.locator(".ph-message--agent")).toContainText("Hello Alice, on it.");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in as Bob" }).click();
    await launcher(page).click();
    await expect(panel(page).locator(".ph-empty")).toBeVisible();
    expect(await page.content()).not.toContain("Alice needs help");
  } finally {
    demo.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
