"""A one-off webhook receiver subprocess for tests (servers stay out of the Qt test process)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

# A one-off webhook receiver: answers 500 to the first N posts, then 200; prints each post.
RECEIVER = r"""
import http.server, json, sys
fail_first, expect = int(sys.argv[1]), int(sys.argv[2])
seen = 0
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global seen
        seen += 1
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        status = 500 if seen <= fail_first else 200
        headers = {key.lower(): value for key, value in self.headers.items()}
        record = {"path": self.path, "headers": headers, "body": body, "status": status}
        print(json.dumps(record), flush=True)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
while seen < expect:
    server.handle_request()
"""


def start_receiver(fail_first: int, expect: int) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-c", RECEIVER, str(fail_first), str(expect)]
    receiver = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert receiver.stdout is not None
    port = int(receiver.stdout.readline())
    return receiver, f"http://127.0.0.1:{port}/hooks/mountsea"


def received_posts(receiver: subprocess.Popen[str]) -> list[dict[str, Any]]:
    try:
        output, _ = receiver.communicate(timeout=30)
    finally:
        if receiver.poll() is None:
            receiver.kill()
            receiver.wait()
    return [json.loads(line) for line in output.splitlines() if line.strip()]
