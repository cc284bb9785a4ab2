#!/usr/bin/env python3
"""The server at scale: the same requests against databases of 1 k and 1 M tickets, and the
user's list against a bare axum handler serving the same bytes. wrk makes the load, pinned to
the second core, with the server on the first. Prints the figures, writes them into
BENCHMARKS.md between markers, and exits non-zero if a budget is broken.

Run by scripts/bench-server.sh, which builds what it needs. Usage:
    bench_server.py PORTHOLE_BIN BARE_BIN [--sizes 1000,1000000] [--seconds 5] [--keep DIR]

--keep DIR keeps the seeded databases in DIR and uses them again on the next run (the tickets
that run creates included), which saves the minutes of seeding while trying a change; the
figures it writes are only comparable to a fresh run's if nothing else changed.
"""

import argparse
import hashlib
import hmac
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("porthole")
parser.add_argument("bare")
parser.add_argument("--sizes", default="1000,1000000")
parser.add_argument("--seconds", type=int, default=5)
parser.add_argument("--keep", help="a directory to keep the seeded databases in, and reuse them from")
args = parser.parse_args()
SIZES = [int(s) for s in args.sizes.split(",")]
USER = "bench-user@example.com"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def wait_for(url):
    for _ in range(200):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception as e:  # noqa: BLE001 - any failure means "not yet"
            if getattr(e, "code", None):
                return
            time.sleep(0.05)
    sys.exit(f"{url} never answered")


def wrk(url, headers, connections, script=None):
    """p50 and p99 in ms, and requests per second: after a second's warm-up, the run with the
    median p50 of three, since a shared machine's figures wander from one run to the next."""
    once(url, headers, connections, script, 1)
    runs = sorted((once(url, headers, connections, script, args.seconds) for _ in range(3)),
                  key=lambda r: r["p50"])
    return runs[1]


def once(url, headers, connections, script, seconds):
    cmd = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        cmd += ["-s", script]
    for h in headers:
        cmd += ["-H", h]
    out = run(*cmd)

    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        sys.exit(f"{url}: {errors.group(1)} failed requests\n{out}")
    return {"p50": ms("50"), "p99": ms("99"), "rps": rps}


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        kb = int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1))
    return kb / 1024


ORIGIN = "http://127.0.0.1"
# Ticket creation: each request a new ticket from the next of many users, so that no one meets
# the limit of 30 tickets an hour: 6,000 users may open 180,000, enough for the 16 s of runs at
# over 10,000 a second.
CREATE_LUA = """
local tokens = {}
for line in io.lines(os.getenv("PORTHOLE_BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local n = 0
-- Each request its own Idempotency-Key, as the widget sends one: unique across wrk's threads
-- (each numbered by setup) and across runs (the time).
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads .. "-" .. os.time())
end
request = function()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. tokens[n % #tokens + 1],
    ["Content-Type"] = "application/json",
    ["Origin"] = "ORIGIN",
    ["Idempotency-Key"] = "bench-" .. id .. "-" .. n,
  }, '{"subject":"Export fails with a timeout","description":"Since this morning every export of more than a thousand rows stops with a timeout after thirty seconds."}')
end
""".replace("ORIGIN", ORIGIN)
CREATORS = 6000

# Writes to tickets spread over the whole database, as agents' work is: a reply, or a status
# change, to a ticket picked at random among the first SIZE.
AGENT_WRITE_LUA = """
local size = tonumber(os.getenv("PORTHOLE_BENCH_SIZE"))
local patch = os.getenv("PORTHOLE_BENCH_PATCH") == "1"
local n = 0
request = function()
  n = n + 1
  local path = string.format("/api/v1/agent/tickets/TKT-%04d", math.random(1, size))
  if patch then
    local status = (n % 2 == 0) and "waiting" or "open"
    return wrk.format("PATCH", path, nil, '{"status":"' .. status .. '"}')
  end
  return wrk.format("POST", path .. "/messages", nil,
    '{"body":"Thanks for waiting: the export limit is lifted, please try again.","author_name":"Ann"}')
end
"""

# Customers' replies, each to a ticket of their own: PORTHOLE_BENCH_REPLIES holds a session
# token and a reference a line, for the tickets the creators opened.
USER_REPLY_LUA = """
local pairs = {}
for line in io.lines(os.getenv("PORTHOLE_BENCH_REPLIES")) do
  local token, ref = line:match("(%S+) (%S+)")
  pairs[#pairs + 1] = { token, ref }
end
local n = 0
request = function()
  n = n + 1
  local pair = pairs[n % #pairs + 1]
  return wrk.format("POST", "/api/v1/widget/bench/tickets/" .. pair[2] .. "/messages", {
    ["Authorization"] = "Bearer " .. pair[1],
    ["Content-Type"] = "application/json",
    ["Origin"] = "ORIGIN",
  }, '{"body":"It still stops after thirty seconds, here is what I see."}')
end
""".replace("ORIGIN", ORIGIN)

# The list of the next of many users, each with a session of their own: few answers can come
# from the cache of lists, all the more so while something writes.
DISTINCT_LIST_LUA = """
local tokens = {}
for line in io.lines(os.getenv("PORTHOLE_BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local uncached = os.getenv("PORTHOLE_BENCH_UNCACHED") == "1"
local n = 0
request = function()
  n = n + 1
  local path = "/api/v1/widget/bench/tickets"
  if uncached then path = path .. "?limit=" .. (n % 97 + 2) end
  return wrk.format("GET", path, {
    ["Authorization"] = "Bearer " .. tokens[n % #tokens + 1],
    ["Origin"] = "ORIGIN",
  })
end
""".replace("ORIGIN", ORIGIN)


class Writing:
    """Ten agent replies a second, each to a random one of `numbers`, for as long as it is
    entered. Each makes its ticket's owner's kept lists stale."""

    def __init__(self, base, key, numbers):
        self.base, self.key, self.numbers = base, key, numbers

    def __enter__(self):
        import random
        import threading
        self.stop = threading.Event()

        def loop():
            while not self.stop.wait(0.1):
                number = random.choice(self.numbers)
                urllib.request.urlopen(urllib.request.Request(
                    f"{self.base}/agent/tickets/TKT-{number:04d}/messages", method="POST",
                    data=json.dumps({"body": "A note while you read", "author_name": "Bo"}).encode(),
                    headers={"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}))
        self.thread = threading.Thread(target=loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        self.thread.join()


def session(base, secret, email):
    """A widget session for `email`, made as the host's backend and the widget would."""
    hash_hex = hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(
        f"{base}/widget/bench/session", method="POST",
        data=json.dumps({"email": email, "verification_hash": hash_hex}).encode(),
        headers={"Content-Type": "application/json", "Origin": ORIGIN})
    return json.load(urllib.request.urlopen(request))["token"]


def flagged(name, measure):
    """`measure` with the Lua scripts' switch `name` on."""
    os.environ[name] = "1"
    try:
        return measure()
    finally:
        os.environ[name] = "0"


def writing(base, key, numbers, measure):
    with Writing(base, key, numbers):
        return measure()


results = {}
workdir = tempfile.mkdtemp(prefix="porthole-bench-")
scripts = {}
for name, text in [("create", CREATE_LUA), ("agent_write", AGENT_WRITE_LUA),
                   ("user_reply", USER_REPLY_LUA), ("distinct_list", DISTINCT_LIST_LUA)]:
    scripts[name] = os.path.join(workdir, f"{name}.lua")
    with open(scripts[name], "w") as f:
        f.write(text)
create_lua = scripts["create"]
user_list_body = None
for size in SIZES:
    db = os.path.join(args.keep or workdir, f"{size}.db")
    seeded = None
    if not os.path.exists(db):
        started = time.time()
        run(args.porthole, "--database", db, "seed", "--workspace", "bench",
            "--tickets", str(size), "--contacts", str(max(size // 10, 10)))
        seeded = time.time() - started
    # Half-way down the agent list: the cursor a page there carries (updated_at.id).
    with sqlite3.connect(db) as conn:
        mid = conn.execute(
            "SELECT updated_at, id FROM tickets ORDER BY updated_at DESC, id DESC LIMIT 1 OFFSET ?",
            (size // 2,)).fetchone()
    deep_cursor = f"{mid[0]}.{mid[1]}"
    rotated = run(args.porthole, "--database", db, "workspace", "rotate-secret", "bench", "--grace-hours", "0")
    secret = re.search(r"^\s+(\S+)$", rotated, re.M).group(1)
    key = run(args.porthole, "--database", db, "api-key", "create", "--workspace", "bench", "--name", "bench")
    key = re.search(r"(phk_\S+)", key).group(1)
    port = free_port()
    server = subprocess.Popen(
        ["taskset", "-c", "0", args.porthole, "--database", db, "serve", "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        wait_for(f"http://127.0.0.1:{port}/healthz")
        token = session(base, secret, USER)
        tokens_file = os.path.join(workdir, f"tokens-{size}")
        with open(tokens_file, "w") as f:
            f.writelines(session(base, secret, f"creator{i}@example.com") + "\n" for i in range(CREATORS))
        os.environ["PORTHOLE_BENCH_TOKENS"] = tokens_file
        # A browser sends Origin on every call from the host page, so the benchmark does too.
        user = [f"Authorization: Bearer {token}", f"Origin: {ORIGIN}"]
        agent = [f"Authorization: Bearer {key}"]
        first = json.load(urllib.request.urlopen(urllib.request.Request(
            f"{base}/agent/tickets", headers={"Authorization": f"Bearer {key}"})))
        list_request = urllib.request.Request(f"{base}/widget/bench/tickets", headers={"Authorization": f"Bearer {token}"})
        if user_list_body is None:
            user_list_body = urllib.request.urlopen(list_request).read()
        os.environ["PORTHOLE_BENCH_SIZE"] = str(size)
        json_agent = agent + ["Content-Type: application/json"]
        root = base.rsplit("/api", 1)[0]
        results[size] = {
            "seed_s": seeded,
            "user list, 1 connection": wrk(f"{base}/widget/bench/tickets", user, 1),
            "user list, 64 connections": wrk(f"{base}/widget/bench/tickets", user, 64),
            "session (unread count)": wrk(f"{base}/widget/bench/session", user, 1),
            "agent list, first page": wrk(f"{base}/agent/tickets", agent, 1),
            "agent list, next page by cursor": wrk(f"{base}/agent/tickets?cursor={first['next_cursor']}", agent, 1),
            "agent list, half-way down by cursor": wrk(f"{base}/agent/tickets?cursor={deep_cursor}", agent, 1),
            "agent list by sentiment, offset 1,000": wrk(f"{base}/agent/tickets?sort=sentiment&offset=1000", agent, 1),
            "agent search, a rare word": wrk(f"{base}/agent/tickets?q=zyzzogeton", agent, 1),
            "agent search, a common word": wrk(f"{base}/agent/tickets?q=invoice", agent, 1),
            "agent search, two common words": wrk(f"{base}/agent/tickets?q=export%20timeout", agent, 1),
            "agent email filter": wrk(f"{base}/agent/tickets?email=customer7%40seed.example", agent, 1),
            "ticket creation, 64 connections": wrk(f"{base}/widget/bench/tickets", [], 64, create_lua),
        }
        # The creators' tickets, just opened, are what they reply to.
        with open(tokens_file) as f:
            tokens = [line.strip() for line in f]
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            opened = conn.execute(
                "SELECT c.email, t.number FROM tickets t JOIN contacts c ON c.id = t.contact_id "
                "WHERE c.email LIKE 'creator%@example.com' AND t.status <> 'closed'").fetchall()
        replies_file = os.path.join(workdir, f"replies-{size}")
        with open(replies_file, "w") as f:
            f.writelines(f"{tokens[int(email[7:].split('@')[0])]} TKT-{number:04d}\n" for email, number in opened)
        os.environ["PORTHOLE_BENCH_REPLIES"] = replies_file
        readers_tickets = [number for _, number in opened]
        results[size].update({
            "customer reply, 64 connections": wrk(root, [], 64, scripts["user_reply"]),
            "agent reply to a random ticket, 64 connections": wrk(root, json_agent, 64, scripts["agent_write"]),
            "status change of a random ticket, 64 connections":
                flagged("PORTHOLE_BENCH_PATCH", lambda: wrk(root, json_agent, 64, scripts["agent_write"])),
            # The writes go to the readers' own tickets, so each makes a list they ask for stale.
            "user list, 6,000 users, 10 writes/s, 64 connections":
                writing(base, key, readers_tickets, lambda: wrk(root, [], 64, scripts["distinct_list"])),
            # A page size of its own for each request: no answer is kept for it, so this is the
            # path that reads the database each time.
            "user list, 6,000 users, each from the database, 64 connections":
                flagged("PORTHOLE_BENCH_UNCACHED", lambda: wrk(root, [], 64, scripts["distinct_list"])),
            "rss_mb": rss_mb(server.pid),
        })
    finally:
        server.terminate()
        server.wait()

body_file = os.path.join(workdir, "body.json")
with open(body_file, "wb") as f:
    f.write(user_list_body)
port = free_port()
bare = subprocess.Popen(["taskset", "-c", "0", args.bare, f"127.0.0.1:{port}", body_file],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_for(f"http://127.0.0.1:{port}/list")
    bare_64 = wrk(f"http://127.0.0.1:{port}/list", [], 64)
finally:
    bare.terminate()
    bare.wait()

small, big = SIZES[0], SIZES[-1]
rows, broken = [], []
for name in [k for k in results[small] if isinstance(results[small][k], dict)]:
    a, b = results[small][name], results[big][name]
    ratio = b["p50"] / a["p50"] if a["p50"] else float("inf")
    ok = ratio <= 2.0
    if not ok:
        broken.append(f"{name}: {ratio:.1f}x slower at {big:,} than at {small:,} (budget 2x)")
    rows.append(f"| {name} | {a['p50']:.2f} / {a['p99']:.2f} ms | {b['p50']:.2f} / {b['p99']:.2f} ms | "
                f"{b['rps']:,.0f}/s | {ratio:.1f}x | {'within budget' if ok else 'OVER BUDGET'} |")
user64 = results[big]["user list, 64 connections"]
share = user64["rps"] / bare_64["rps"]
distinct = results[big]["user list, 6,000 users, 10 writes/s, 64 connections"]
distinct_share = distinct["rps"] / bare_64["rps"]
WRITES = ["ticket creation, 64 connections", "customer reply, 64 connections",
          "agent reply to a random ticket, 64 connections", "status change of a random ticket, 64 connections"]
checks = [
    ("user list throughput against the bare handler, 64 connections", f"{share:.0%}", "at least 50%", share >= 0.5),
    ("user list p99 at 64 connections", f"{user64['p99']:.1f} ms", "10 ms", user64["p99"] <= 10),
    ("user list of 6,000 users under 10 writes/s against the bare handler", f"{distinct_share:.0%}", "at least 25%",
     distinct_share >= 0.25),
    ("user list of 6,000 users under 10 writes/s, p99", f"{distinct['p99']:.1f} ms", "10 ms", distinct["p99"] <= 10),
    *[(f"{w.split(',')[0]} p99 at 64 connections, {n:,} tickets", f"{results[n][w]['p99']:.1f} ms", "25 ms",
       results[n][w]["p99"] <= 25) for w in WRITES for n in SIZES],
    (f"server RSS at {big:,} tickets", f"{results[big]['rss_mb']:.0f} MB", "64 MB", results[big]["rss_mb"] <= 64),
]
for name, figure, budget, ok in checks:
    if not ok:
        broken.append(f"{name}: {figure} (budget {budget})")

seeding = "kept from an earlier run" if results[big]["seed_s"] is None else f"{results[big]['seed_s']:.0f} s for the larger"
table = "\n".join([
    f"Produced by `scripts/bench-server.sh`: databases of {small:,} and {big:,} tickets made with "
    f"`porthole seed` ({seeding}), the release server pinned to "
    f"core 0 and `wrk` to core 1; each figure is the median (by p50) of three {args.seconds} s runs after a "
    f"second's warm-up. p50 / p99 latency.",
    "",
    f"| request | {small:,} tickets | {big:,} tickets | throughput at {big:,} | ratio of p50 | |",
    "|---|---|---|---|---|---|",
    *rows,
    "",
    "| measure | figure | budget | |",
    "|---|---|---|---|",
    f"| bare axum handler, same body, 64 connections | {bare_64['rps']:,.0f}/s, p99 {bare_64['p99']:.2f} ms | | |",
    *[f"| {n} | {f} | {b} | {'within budget' if ok else 'OVER BUDGET'} |" for n, f, b, ok in checks],
])
print(table)
path = os.path.join(os.path.dirname(__file__), "..", "BENCHMARKS.md")
with open(path) as f:
    doc = f.read()
start, end = "<!-- server:start -->", "<!-- server:end -->"
section = f"{start}\n## The server at scale\n\n{table}\n{end}"
doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, doc, flags=re.S) \
    if start in doc else doc.rstrip() + "\n\n" + section + "\n"
with open(path, "w") as f:
    f.write(doc)
if broken:
    print("\nBudgets broken:\n  " + "\n  ".join(broken))
    sys.exit(1)
