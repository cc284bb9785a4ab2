// Starts what the browser tests run against: the real porthole binary on a random port with a
// fresh SQLite file, a workspace created with its own CLI, and host sites on other origins.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { startHost } from "./host.mjs";

const root = path.resolve(import.meta.dirname, "..");
// The tests use the debug build cargo test made; the benchmark points this at a release build.
const binary = process.env.PORTHOLE_BIN || path.join(root, "target/debug/porthole");

function cli(db, args) {
  return execFileSync(binary, ["--database", db, ...args], { encoding: "utf8" });
}

/// The line after the one containing `label`: how the CLI prints what it shows once.
function valueAfter(output, label) {
  const lines = output.split("\n");
  return lines[lines.findIndex((l) => l.includes(label)) + 1].trim();
}

/// Starts `porthole serve` and resolves once it says where it listens.
function serve(db) {
  const child = spawn(binary, ["--database", db, "serve", "--listen", "127.0.0.1:0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`porthole exited with ${code}`)));
    readline.createInterface({ input: child.stderr }).on("line", (line) => {
      const m = line.match(/addr=(\S+)/);
      if (m) resolve({ child, origin: `http://${m[1]}` });
    });
  });
}

export async function startPorthole() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "porthole-e2e-"));
  const db = path.join(dir, "porthole.db");
  const slug = "acme";
  const { child, origin } = await serve(db);
  const host = await startHost(origin, slug);
  const stranger = await startHost(origin, slug);
  const created = cli(db, ["workspace", "create", slug, "--name", "Acme", "--allow-origin", host.origin]);
  const secret = valueAfter(created, "secret");
  const agentKey = valueAfter(cli(db, ["api-key", "create", "--workspace", slug, "--name", "Ann"]), "API key");

  const env = {
    origin,
    slug,
    host: host.origin,
    stranger: stranger.origin,
    db,
    /// The workspace's identity secret, as the host backend holds it.
    secret,
    /// What a host backend computes: HMAC-SHA256 of the email (and timestamp), in hex.
    user(email, { timestamp, name = "Test User", secretOverride } = {}) {
      const message = timestamp == null ? email : `${email}:${timestamp}`;
      const verificationHash = crypto
        .createHmac("sha256", secretOverride ?? secret)
        .update(message)
        .digest("hex");
      return { name, email, verificationHash, ...(timestamp == null ? {} : { timestamp }) };
    },
    async agent(method, urlPath, body) {
      const res = await fetch(`${origin}/api/v1/agent${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${agentKey}`, "content-type": "application/json" },
        body: body && JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    /// The widget API as the test's own client, from the allowed host origin.
    async asUser(email) {
      const res = await fetch(`${origin}/api/v1/widget/${slug}/session`, {
        method: "POST",
        headers: { origin: host.origin, "content-type": "application/json" },
        body: JSON.stringify({ email, verification_hash: env.user(email).verificationHash }),
      });
      const { token } = await res.json();
      return async (method, urlPath, body) => {
        const r = await fetch(`${origin}/api/v1/widget/${slug}${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body && JSON.stringify(body),
        });
        return { status: r.status, body: r.status === 204 ? null : await r.json() };
      };
    },
    cli: (args) => cli(db, args),
    /// A workspace of the test's own, allowing the host, so its settings touch no other test.
    newWorkspace(name) {
      const wsSlug = `${name}-${crypto.randomBytes(4).toString("hex")}`;
      const out = cli(db, ["workspace", "create", wsSlug, "--name", name, "--allow-origin", host.origin]);
      const wsSecret = valueAfter(out, "secret");
      const key = valueAfter(cli(db, ["api-key", "create", "--workspace", wsSlug, "--name", "Ann"]), "API key");
      const agent = async (method, urlPath, body) => {
        const res = await fetch(`${origin}/api/v1/agent${urlPath}`, {
          method,
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: body && JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${method} ${urlPath}: ${res.status} ${await res.text()}`);
        return res.status === 204 ? null : res.json();
      };
      return {
        slug: wsSlug,
        page: `${host.origin}/?ws=${wsSlug}`,
        strangerPage: `${stranger.origin}/?ws=${wsSlug}`,
        user: (email, opts = {}) => env.user(email, { ...opts, secretOverride: wsSecret }),
        agent,
        settings: (patch) => agent("PATCH", "/settings", patch),
      };
    },
    stop() {
      child.kill("SIGTERM");
      host.close();
      stranger.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}
