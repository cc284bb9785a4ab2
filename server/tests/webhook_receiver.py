"""A webhook receiver for Porthole's tests. Each delivery is checked with the
`standardwebhooks` package, an implementation independent of Porthole's, and recorded as one
JSON line. Answers 500 to the first FAIL_FIRST deliveries, 401 to any that fails verification,
and 200 otherwise.

Usage: webhook_receiver.py PORT SECRET|- LOG [FAIL_FIRST]
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

port, secret, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
fail_first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
verifier = Webhook(secret) if secret != "-" else None
lock = threading.Lock()
seen = 0


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        global seen
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        headers = {k.lower(): v for k, v in self.headers.items()}
        verified = None
        if verifier is not None:
            try:
                verifier.verify(body, headers)
                verified = True
            except WebhookVerificationError:
                verified = False
        with lock:
            seen += 1
            if seen <= fail_first:
                status = 500
            elif verified is False:
                status = 401
            else:
                status = 200
            with open(log, "a") as f:
                f.write(json.dumps({"path": self.path, "headers": headers, "body": body.decode(),
                                    "verified": verified, "status": status}) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
