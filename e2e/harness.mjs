// Starts what the browser tests run against: the real porthole binary on a random port with a
// fresh SQLite file, a workspace created with its own CLI, and host sites on other origins.
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
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

/// A free loopback port (free when asked; taken at once by the caller).
function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/// A real SMTP server on loopback (aiosmtpd, from the venv `scripts/setup.sh test` makes),
/// keeping what it receives in a Maildir; it refuses recipients whose address starts with
/// `bounce` with a 550 (`server/tests/smtp_handler.py`).
async function startSmtp(dir) {
  const python = process.env.PORTHOLE_TEST_PYTHON || path.join(root, "target/test-venv/bin/python");
  const port = await freePort();
  const maildir = path.join(dir, "maildir");
  const child = spawn(python, ["-m", "aiosmtpd", "-n", "-l", `127.0.0.1:${port}`, "-c", "smtp_handler.RefusingMailbox", maildir], {
    stdio: "ignore",
    env: { ...process.env, PYTHONPATH: path.join(root, "server/tests") },
  });
  for (let i = 0; i < 500; i++) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const received = () => {
    const folder = path.join(maildir, "new");
    if (!fs.existsSync(folder)) return [];
    return fs.readdirSync(folder).map((f) => fs.readFileSync(path.join(folder, f), "utf8"));
  };
  return { url: `smtp://127.0.0.1:${port}`, child, received };
}

/// Starts `porthole serve` and resolves once it says where it listens.
function serve(db, smtp) {
  const mail = ["--smtp-url", smtp.url, "--mail-from", "support@porthole.test", "--inbound-address", "reply@inbound.porthole.test"];
  const child = spawn(binary, ["--database", db, "serve", "--listen", "127.0.0.1:0", ...mail], {
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
  const smtp = await startSmtp(dir);
  const { child, origin } = await serve(db, smtp);
  const host = await startHost(origin, slug);
  const stranger = await startHost(origin, slug);
  const created = cli(db, ["workspace", "create", slug, "--name", "Acme", "--allow-origin", host.origin]);
  const secret = valueAfter(created, "secret");
  const agentKey = valueAfter(cli(db, ["api-key", "create", "--workspace", slug, "--name", "Ann", "--role", "admin"]), "API key");
  const inboundSecret = valueAfter(cli(db, ["workspace", "inbound-secret", slug]), "Inbound secret");

  const env = {
    origin,
    slug,
    host: host.origin,
    stranger: stranger.origin,
    db,
    /// The workspace's identity secret, as the host backend holds it.
    secret,
    /// What a host backend computes: HMAC-SHA256 of the email (and timestamp), in hex.
    /// With `participants`, the hash vouches for them too, as README's "Participants" says.
    user(email, { timestamp, name = "Test User", secretOverride, participants } = {}) {
      const base = timestamp == null ? email : `${email}:${timestamp}`;
      const message = participants ? `${base}\nparticipants:${participants.join(",")}` : base;
      const verificationHash = crypto
        .createHmac("sha256", secretOverride ?? secret)
        .update(message)
        .digest("hex");
      return {
        name, email, verificationHash,
        ...(timestamp == null ? {} : { timestamp }),
        ...(participants ? { participants } : {}),
      };
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
    /// Every email the SMTP server has received, with quoted-printable soft breaks and escapes
    /// undone so that links can be read off it.
    mails: () =>
      smtp.received().map((raw) =>
        raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))),
    /// Posts a raw email to the inbound endpoint, as a mail provider's hook does.
    async inbound(raw) {
      const res = await fetch(`${origin}/api/v1/inbound/${slug}`, {
        method: "POST",
        headers: { authorization: `Bearer ${inboundSecret}`, "content-type": "message/rfc822" },
        body: raw,
      });
      return { status: res.status, body: await res.json() };
    },
    /// A workspace of the test's own, allowing the host, so its settings touch no other test.
    newWorkspace(name) {
      const wsSlug = `${name}-${crypto.randomBytes(4).toString("hex")}`;
      const out = cli(db, ["workspace", "create", wsSlug, "--name", name, "--allow-origin", host.origin]);
      const wsSecret = valueAfter(out, "secret");
      const key = valueAfter(cli(db, ["api-key", "create", "--workspace", wsSlug, "--name", "Ann", "--role", "admin"]), "API key");
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
      smtp.child.kill("SIGTERM");
      host.close();
      stranger.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return env;
}
