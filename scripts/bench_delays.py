#!/usr/bin/env python3
"""How long an agent's reply takes to reach the customer: on the open event stream, by email
(accepted by a real SMTP server, aiosmtpd) and by webhook (received by a real HTTP server),
measured from the moment the agent's API call is made. Medians and maxima of N replies; written into
BENCHMARKS.md between markers.

Run by scripts/bench.sh with the release binary and the test venv's Python:
    bench_delays.py PORTHOLE_BIN [--replies 20]
"""

import argparse
import glob
import hashlib
import hmac
import http.client
import http.server
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("porthole")
parser.add_argument("--replies", type=int, default=20)
args = parser.parse_args()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def wait_port(port):
    for _ in range(500):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.02)
    sys.exit(f"nothing listened on {port}")


work = tempfile.mkdtemp(prefix="porthole-delays-")
db = os.path.join(work, "p.db")
maildir = os.path.join(work, "maildir")
host = "https://app.example.com"
created = run(args.porthole, "--database", db, "workspace", "create", "acme", "--name", "Acme",
              "--allow-origin", host)
secret = re.search(r"^\s+(\S+)$", created.split("secret")[1], re.M).group(1)
key = re.search(r"(phk_\S+)", run(args.porthole, "--database", db, "api-key", "create",
                                  "--workspace", "acme", "--name", "Ann", "--role", "admin")).group(1)

smtp_port, hook_port, port = free_port(), free_port(), free_port()
smtp = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{smtp_port}",
                         "-c", "aiosmtpd.handlers.Mailbox", maildir],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
hooks = {}


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        hooks.setdefault(body["data"]["message"]["body"] if "message" in body["data"] else "", time.time())
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


hook_server = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Hook)
threading.Thread(target=hook_server.serve_forever, daemon=True).start()
run(args.porthole, "--database", db, "webhook", "add", "--workspace", "acme",
    f"http://127.0.0.1:{hook_port}/", "--event", "ticket.message", "--allow-private")
server = subprocess.Popen([args.porthole, "--database", db, "serve", "--listen", f"127.0.0.1:{port}",
                           "--smtp-url", f"smtp://127.0.0.1:{smtp_port}", "--mail-from",
                           "support@porthole.test", "--allow-private-webhooks"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    wait_port(smtp_port)
    wait_port(port)
    base = f"http://127.0.0.1:{port}"

    def call(method, path, body=None, headers=None):
        request = urllib.request.Request(base + path, method=method,
                                         data=body and json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json", **(headers or {})})
        return json.load(urllib.request.urlopen(request))

    email = "ada@example.com"
    mac = hmac.new(secret.encode(), email.encode(), hashlib.sha256).hexdigest()
    token = call("POST", "/api/v1/widget/acme/session", {"email": email, "verification_hash": mac},
                 {"Origin": host})["token"]
    user = {"Authorization": f"Bearer {token}"}
    agent = {"Authorization": f"Bearer {key}"}
    # A portal ticket, so each agent reply is emailed at once.
    form = urllib.parse.urlencode({"name": "Ada", "email": email, "subject": "Timing"}).encode()
    urllib.request.urlopen(urllib.request.Request(base + "/p/acme/submit", data=form,
                                                  headers={"Origin": base}))
    reference = call("GET", "/api/v1/agent/tickets", headers=agent)["tickets"][0]["reference"]

    stream = http.client.HTTPConnection("127.0.0.1", port)
    stream.request("GET", "/api/v1/widget/acme/events", headers=user)
    events = stream.getresponse()
    seen = {}

    def read_stream():
        for line in events:
            m = re.match(rb"data: (.*)", line)
            if m:
                data = json.loads(m.group(1))
                if "message" in data:
                    seen.setdefault(data["message"]["body"], time.time())

    threading.Thread(target=read_stream, daemon=True).start()

    def mailed():
        found = {}
        for path in glob.glob(os.path.join(maildir, "new", "*")):
            text = open(path).read()
            m = re.search(r"reply number (\d+)", text)
            if m:
                found[f"reply number {m.group(1)}"] = os.path.getmtime(path)
        return found

    sent = {}
    for i in range(args.replies):
        body = f"reply number {i}"
        sent[body] = time.time()
        call("POST", f"/api/v1/agent/tickets/{reference}/messages", {"body": body}, agent)
        deadline = time.time() + 10
        while not (body in seen and body in hooks and body in mailed()) and time.time() < deadline:
            time.sleep(0.005)
    mail_times = mailed()
finally:
    server.terminate()
    smtp.terminate()
    hook_server.shutdown()


def figures(arrived):
    delays = [(arrived[b] - t) * 1000 for b, t in sent.items() if b in arrived]
    if len(delays) < len(sent):
        sys.exit(f"only {len(delays)} of {len(sent)} arrived")
    return statistics.median(delays), max(delays)


rows = [("on the customer's open event stream", figures(seen)),
        ("by webhook, received", figures(hooks)),
        ("by email, accepted by the SMTP server", figures(mail_times))]
table = "\n".join([
    "Produced by `scripts/bench.sh` (`scripts/bench_delays.py`): the release server with email and "
    f"a webhook on, {args.replies} agent replies to a portal ticket through the agent API, each "
    "timed from the moment the agent's API call is made to its arrival. (Email times are the Maildir file's mtime: "
    "millisecond resolution at best.)",
    "",
    "| an agent's reply arrives | median | worst |",
    "|---|---|---|",
    *[f"| {name} | {m:.1f} ms | {w:.1f} ms |" for name, (m, w) in rows],
])
print(table)
path = os.path.join(os.path.dirname(__file__), "..", "BENCHMARKS.md")
doc = open(path).read()
start, end = "<!-- delays:start -->", "<!-- delays:end -->"
section = f"{start}\n## Delays\n\n{table}\n{end}"
doc = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, doc, flags=re.S) \
    if start in doc else doc.rstrip() + "\n\n" + section + "\n"
open(path, "w").write(doc)
