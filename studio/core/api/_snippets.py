"""The exact request a submit sends (see _requests) as JSON, cURL and Python; the key masked.

A body with inline media (a 4.5 MB image is 6 MB of base64) is too big to read and too big for a
shell: one argument may hold at most 128 KB. So the view abbreviates inline media
(``data:image/png;base64,… (4.5 MB)``), and for such a body the snippets read ``request.json``
— the full body, saved beside them — instead of carrying it inline.
"""

from __future__ import annotations

import json
import pprint
import re
import shlex
from typing import Any

from studio.core.api._requests import run_url
from studio.core.units import human_size

MASKED_KEY = "$MOUNTSEA_API_KEY"
BODY_FILE = "request.json"
INLINE_LIMIT = 8 * 1024  # a body up to this size (without inline media) stays in the snippet
_DATA_URI = re.compile(r"^data:(?P<type>[^;,]*)(?P<params>(;[^;,]*)*);base64,(?P<data>.*)$", re.S)
_SHORT_URI = 200  # a data URI shorter than this is shown as it is


def body_json(body: dict[str, Any]) -> str:
    """The full body, exactly as sent."""
    return json.dumps(body, indent=2, ensure_ascii=False)


def abbreviated(value: Any) -> Any:
    """`value` with every long inline ``data:`` URI shortened to its type and size."""
    if isinstance(value, dict):
        return {key: abbreviated(item) for key, item in value.items()}
    if isinstance(value, list):
        return [abbreviated(item) for item in value]
    if isinstance(value, str) and len(value) > _SHORT_URI:
        match = _DATA_URI.match(value)
        if match is not None:
            size = len(match["data"].rstrip("=")) * 3 // 4
            return f"data:{match['type']}{match['params']};base64,… ({human_size(size)})"
    return value


def body_preview(body: dict[str, Any]) -> str:
    """The body to read: as sent, but inline media abbreviated."""
    return body_json(abbreviated(body))


def needs_body_file(body: dict[str, Any]) -> bool:
    """Whether the snippets read the body from ``request.json`` (inline media, or large)."""
    return abbreviated(body) != body or len(json.dumps(body, ensure_ascii=False)) > INLINE_LIMIT


def curl_snippet(base_url: str, slug: str, body: dict[str, Any]) -> str:
    """A cURL command; a large body is read from ``request.json`` (``--data-binary @…``)."""
    if needs_body_file(body):
        note = [f"# {BODY_FILE} holds the request body (Show request → Save body…)"]
        data = f"--data-binary @{BODY_FILE}"
    else:
        note, data = [], f"-d {shlex.quote(json.dumps(body, ensure_ascii=False))}"
    return "\n".join(
        [
            *note,
            f"curl -X POST {shlex.quote(run_url(base_url, slug))} \\",
            f'  -H "Authorization: Bearer {MASKED_KEY}" \\',
            '  -H "Content-Type: application/json" \\',
            f"  {data}",
        ]
    )


def python_snippet(base_url: str, slug: str, body: dict[str, Any]) -> str:
    """An httpx call; a large body is read from ``request.json``."""
    if needs_body_file(body):
        head = ["import json", "import os", "from pathlib import Path"]
        head += ["", "import httpx", "", f"# {BODY_FILE} holds the request body (Save body…)"]
        payload = f"json.loads(Path({BODY_FILE!r}).read_text(encoding='utf-8'))"
    else:
        head = ["import os", "", "import httpx", ""]
        # pformat, not json.dumps: the snippet must be Python (True/None, not true/null).
        payload = pprint.pformat(body, width=88, sort_dicts=False).replace("\n", "\n    ")
    return "\n".join(
        [
            *head,
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
