"""Reading a task's input for media generation: schema defaults, seeds, sizes, durations, URLs."""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

MEDIA_URL_FIELDS = (
    "image_url",
    "image_urls",
    "start_image_url",
    "first_frame_url",
    "reference_image_urls",
)
END_IMAGE_FIELDS = ("end_image_url", "last_frame_url")
VIDEO_URL_FIELDS = ("video_url", "video_urls", "reference_video_urls")


def with_defaults(entry: Mapping[str, Any], inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The input with every missing property that has a schema default filled in."""
    schema = entry.get("input_schema")
    properties = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
    merged: dict[str, Any] = {}
    for name, prop in properties.items():
        if isinstance(prop, Mapping) and "default" in prop:
            merged[name] = prop["default"]
    merged.update(inputs)
    return merged


def prompt_text(inputs: Mapping[str, Any]) -> str:
    """The prompt, or the shot prompts of a multi-shot request joined, or ""."""
    prompt = inputs.get("prompt")
    if isinstance(prompt, str) and prompt.strip():
        return prompt.strip()
    return " ".join(shot_prompts(inputs))


def shot_prompts(inputs: Mapping[str, Any]) -> list[str]:
    """The prompts of Kling's multi_prompt shots (empty when absent)."""
    shots = inputs.get("multi_prompt")
    if not isinstance(shots, list):
        return []
    return [
        s["prompt"] for s in shots if isinstance(s, Mapping) and isinstance(s.get("prompt"), str)
    ]


def user_seed(inputs: Mapping[str, Any]) -> int | None:
    seed = inputs.get("seed")
    return seed if isinstance(seed, int) and not isinstance(seed, bool) else None


def derive_seed(entry: Mapping[str, Any], inputs: Mapping[str, Any]) -> int:
    """A 63-bit seed: from the user's seed and prompt when given, else from the whole input."""
    seed = user_seed(inputs)
    basis: Any
    if seed is not None:
        basis = {"seed": seed, "prompt": prompt_text(inputs)}
    else:
        basis = {"slug": entry.get("slug"), "inputs": inputs}
    return stable_hash(basis)


def stable_hash(value: Any) -> int:
    """A process-independent 63-bit hash of a JSON-like value (hash() is salted per process)."""
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hash_bytes(text.encode("utf-8"))


def hash_bytes(data: bytes) -> int:
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big") >> 1


def rng_for(seed: int, *salt: int | str) -> np.random.Generator:
    """An independent generator per purpose, so adding one draw never shifts another."""
    return np.random.default_rng(stable_hash([seed, *salt]))


def parse_ratio(value: Any) -> tuple[int, int] | None:
    """ "16:9" → (16, 9) reduced; anything else (e.g. "auto") → None."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", value)
    if not match:
        return None
    return reduce_ratio(int(match.group(1)), int(match.group(2)))


def reduce_ratio(width: int, height: int) -> tuple[int, int] | None:
    if width <= 0 or height <= 0:
        return None
    divisor = math.gcd(width, height)
    return width // divisor, height // divisor


def fit_ratio(ratio: tuple[int, int], long_side: int, *, even: bool = False) -> tuple[int, int]:
    """The largest size with long side ≤ long_side and exactly this ratio (even sides if asked).

    Ratios with huge terms (from odd input images) cannot be met exactly; they are rounded.
    """
    a, b = ratio
    step = 2 if even else 1
    k = (long_side // max(a, b)) // step * step
    if k >= step:
        return a * k, b * k
    scale = long_side / max(a, b)
    return _round_to(a * scale, step), _round_to(b * scale, step)


def _round_to(value: float, step: int) -> int:
    return max(step, round(value / step) * step)


def first_media_urls(inputs: Mapping[str, Any], fields: Sequence[str]) -> list[str]:
    """Every URL string under these fields, in field order then list order."""
    urls: list[str] = []
    for field in fields:
        value = inputs.get(field)
        items = value if isinstance(value, list) else [value]
        urls.extend(item for item in items if isinstance(item, str) and item)
    return urls


def duration_seconds(value: Any, default: float) -> float:
    """Veo "8s", Kling "5", WAN 5, Seedance "auto" → seconds; "auto", 0 and junk → default."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int | float):
        return float(value) if value > 0 else default
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*s?\s*", value)
        if match and float(match.group(1)) > 0:
            return float(match.group(1))
    return default
