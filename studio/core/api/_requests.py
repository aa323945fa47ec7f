"""How a submit request looks — its path and body — built once: the client sends exactly this, and
"Show request" with its cURL and Python snippets shows exactly this."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote


def slug_path(slug: str) -> str:
    """An endpoint slug in a URL path: its "/" kept, everything else quoted."""
    return quote(slug.strip("/"), safe="/")


def run_path(slug: str) -> str:
    """The path of POST /ms/v1/run/{slug}."""
    return f"/ms/v1/run/{slug_path(slug)}"


def run_url(base_url: str, slug: str) -> str:
    """The full URL a submit goes to."""
    return f"{base_url.rstrip('/')}{run_path(slug)}"


def run_body(input_value: dict[str, Any], webhook_url: str | None = None) -> dict[str, Any]:
    """The JSON body of a submit: only ``input`` and, when set, ``webhook_url``."""
    body: dict[str, Any] = {"input": input_value}
    if webhook_url:
        body["webhook_url"] = webhook_url
    return body
