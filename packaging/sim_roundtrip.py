"""Smoke check of an installed simulator: one image and one video task, run to the end, fetched.

Standard library only, so it runs under any Python. It proves that the packaged media stack
(Pillow, PyAV/FFmpeg, numpy) works where the package was installed.
usage: sim_roundtrip.py BASE_URL [API_KEY]
"""

from __future__ import annotations

import json
import sys
import time
import urllib.request
from typing import Any

DEMO_KEY = "sim-demo-key"
# Bytes each kind of output file starts with (at some offset), so a broken encoder shows.
SIGNATURES = {"image": (b"\x89PNG", b"\xff\xd8\xff", b"RIFF"), "video": (b"ftyp", b"\x1aE\xdf\xa3")}


def call(base_url: str, key: str, method: str, path: str, body: object = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base_url + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def first_example(base_url: str, key: str, capability: str) -> tuple[str, dict[str, Any]]:
    """The slug and first copy-ready example body of the first endpoint of a capability."""
    listing = call(base_url, key, "GET", f"/ms/v1/endpoints?capability={capability}")
    for summary in listing["data"]:
        detail = call(base_url, key, "GET", f"/ms/v1/endpoints/{summary['slug']}")
        if detail.get("examples") and detail.get("mode", "").startswith("text-to"):
            return str(summary["slug"]), dict(detail["examples"][0])
    raise SystemExit(f"no text-to-{capability} endpoint with an example")


def run_task(base_url: str, key: str, slug: str, body: dict[str, Any]) -> dict[str, Any]:
    task: dict[str, Any] = call(base_url, key, "POST", f"/ms/v1/run/{slug}", body)
    deadline = time.monotonic() + 120
    while task["status"] in ("queued", "processing"):
        if time.monotonic() > deadline:
            raise SystemExit(f"{slug}: still {task['status']} after 120 s")
        time.sleep(0.2)
        task = call(base_url, key, "GET", f"/ms/v1/tasks/{task['task_id']}")
    if task["status"] != "succeeded":
        raise SystemExit(f"{slug}: {task['status']} {task.get('error')}")
    return task


def fetch_head(url: str, key: str) -> tuple[bytes, int]:
    request = urllib.request.Request(url)
    request.add_header("Authorization", f"Bearer {key}")
    with urllib.request.urlopen(request, timeout=60) as response:
        content = response.read()
    return content[:64], len(content)


def check(base_url: str, key: str, capability: str) -> str:
    slug, body = first_example(base_url, key, capability)
    task = run_task(base_url, key, slug, body)
    url = task["output"][f"{capability}s"][0]["url"]
    head, size = fetch_head(url if "://" in url else base_url + url, key)
    if not any(signature in head for signature in SIGNATURES[capability]):
        raise SystemExit(f"{slug}: output {url} does not look like a {capability} file")
    return f"{capability}: {slug} -> {size} bytes"


def main(argv: list[str]) -> int:
    base_url = argv[0].rstrip("/")
    key = argv[1] if len(argv) > 1 else DEMO_KEY
    for capability in ("image", "video"):
        print(check(base_url, key, capability))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
