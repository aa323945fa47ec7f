"""How long a simulated task takes and how it ends: durations, jitter and the prompt magic words."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

BASE_SECONDS: Mapping[str, float] = {"image": 4.0, "video": 25.0, "audio": 12.0, "transcribe": 5.0}
DEFAULT_SECONDS = 5.0
JITTER = 0.2
QUEUED_SHARE = 0.1
SLOW_FACTOR = 3.0


class Outcome(StrEnum):
    """How a task that is not canceled will end."""

    SUCCEED = "succeed"
    FAIL = "fail"
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class MagicWords:
    """What the markers found in a task's input ask for."""

    outcome: Outcome = Outcome.SUCCEED
    slow: bool = False


@dataclass(frozen=True)
class TaskPlan:
    """Seconds spent queued and processing (already divided by speed) and the planned outcome."""

    queued_seconds: float
    processing_seconds: float
    outcome: Outcome

    @property
    def total_seconds(self) -> float:
        return self.queued_seconds + self.processing_seconds


def find_magic_words(inputs: Mapping[str, Any]) -> MagicWords:
    """Scan ``prompt`` first, then every other string (recursively) for the markers."""
    outcome = Outcome.SUCCEED
    slow = False
    for text in _strings_prompt_first(inputs):
        lowered = text.lower()
        slow = slow or "[slow]" in lowered
        if outcome is Outcome.SUCCEED:
            outcome = _terminal_marker(lowered)
    return MagicWords(outcome=outcome, slow=slow)


def _terminal_marker(text: str) -> Outcome:
    fail_at = text.find("[fail]")
    timeout_at = text.find("[timeout]")
    if fail_at < 0 and timeout_at < 0:
        return Outcome.SUCCEED
    if timeout_at < 0 or (0 <= fail_at < timeout_at):
        return Outcome.FAIL
    return Outcome.TIMEOUT


def _strings_prompt_first(inputs: Mapping[str, Any]) -> Iterator[str]:
    prompt = inputs.get("prompt")
    if isinstance(prompt, str):
        yield prompt
    for key, value in inputs.items():
        if key != "prompt":
            yield from _strings_in(value)


def _strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)


def jitter_factor(task_id: str) -> float:
    """A factor in [0.8, 1.2] derived only from the task id, so a task's timing is reproducible."""
    digest = hashlib.sha256(task_id.encode()).digest()
    unit = int.from_bytes(digest[:8], "big") / 2**64
    return 1.0 - JITTER + 2 * JITTER * unit


def plan_task(
    task_id: str, capability: str, inputs: Mapping[str, Any], speed: float = 1.0
) -> TaskPlan:
    """The task's simulated timeline: base duration by capability, jitter, [slow], / speed."""
    magic = find_magic_words(inputs)
    seconds = BASE_SECONDS.get(capability, DEFAULT_SECONDS) * jitter_factor(task_id)
    if magic.slow:
        seconds *= SLOW_FACTOR
    seconds /= speed
    queued = seconds * QUEUED_SHARE
    return TaskPlan(
        queued_seconds=queued, processing_seconds=seconds - queued, outcome=magic.outcome
    )
