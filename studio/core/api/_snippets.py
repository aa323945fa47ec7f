"""The exact request a submit sends (see _requests) as JSON, cURL and Python; the key masked."""

from __future__ import annotations

import json
import pprint
import shlex
from typing import Any

from studio.core.api._requests import run_url

MASKED_KEY = "$MOUNTSEA_API_KEY"


def body_json(body: dict[str, Any]) -> str:
    return json.dumps(body, indent=2, ensure_ascii=False)


def curl_snippet(base_url: str, slug: str, body: dict[str, Any]) -> str:
    payload = json.dumps(body, ensure_ascii=False)
    return "\n".join(
        [
            f"curl -X POST {shlex.quote(run_url(base_url, slug))} \\",
            f'  -H "Authorization: Bearer {MASKED_KEY}" \\',
            '  -H "Content-Type: application/json" \\',
            f"  -d {shlex.quote(payload)}",
        ]
    )


def python_snippet(base_url: str, slug: str, body: dict[str, Any]) -> str:
    # pformat, not json.dumps: the snippet must be Python (True/None, not true/null).
    payload = pprint.pformat(body, width=88, sort_dicts=False).replace("\n", "\n    ")
    return "\n".join(
        [
            "import os",
            "",
            "import httpx",
            "",
            "response = httpx.post(",
            f"    {run_url(base_url, slug)!r},",
            '    headers={"Authorization": f"Bearer {os.environ[\'MOUNTSEA_API_KEY\']}"},',
            f"    json={payload},",
            "    timeout=60,",
            ")",
            "response.raise_for_status()",
            'print(response.json()["task_id"])',
        ]
    )
