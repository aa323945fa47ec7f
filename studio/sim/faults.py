"""Fault profiles: which injected failure (if any) the next request gets.

Profile syntax (``--faults PROFILE`` or ``POST /_sim/faults {"profile": PROFILE}``):

* ``none`` — no faults (default).
* ``kind:probability`` items, comma separated, e.g. ``429:0.2,5xx:0.1`` — each matching request
  draws once from a seeded RNG (seed 0, reset whenever the profile is set), so runs repeat.
* ``kind*N`` — the next N matching requests get that fault, e.g. ``429*2`` or ``truncate*1``.
  Counted items are used before probabilities, in the order written; both may be mixed.
* presets: ``flaky`` (a mild mix) and ``chaos`` (a lot of everything).

Kinds and the requests they match (the ``/_sim`` admin routes are never faulted):

=============  ===========  ===============================================================
Kind           Matches      Effect
=============  ===========  ===============================================================
``5xx``        /ms/v1       503 with a NestJS JSON error body
``429``        /ms/v1       429 with ``Retry-After: 1``
``reset``      both         the connection is closed without any response
``slow``       both         the response is delayed by 2 s, then served normally
``malformed``  /ms/v1       200 with a body that is not valid JSON
``truncate``   /files       full Content-Length, half the body, then the connection closes
=============  ===========  ===============================================================
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class FaultKind(StrEnum):
    SERVER_ERROR = "5xx"
    RATE_LIMIT = "429"
    RESET = "reset"
    SLOW = "slow"
    MALFORMED = "malformed"
    TRUNCATE = "truncate"


class RouteClass(StrEnum):
    """Which family of routes a request belongs to, for fault matching."""

    API = "api"
    FILES = "files"


APPLIES_TO: dict[FaultKind, frozenset[RouteClass]] = {
    FaultKind.SERVER_ERROR: frozenset({RouteClass.API}),
    FaultKind.RATE_LIMIT: frozenset({RouteClass.API}),
    FaultKind.RESET: frozenset({RouteClass.API, RouteClass.FILES}),
    FaultKind.SLOW: frozenset({RouteClass.API, RouteClass.FILES}),
    FaultKind.MALFORMED: frozenset({RouteClass.API}),
    FaultKind.TRUNCATE: frozenset({RouteClass.FILES}),
}

PRESETS = {
    "flaky": "429:0.05,5xx:0.05,slow:0.05,reset:0.02,truncate:0.03",
    "chaos": "429:0.15,5xx:0.15,reset:0.1,slow:0.1,malformed:0.05,truncate:0.2",
}
SLOW_DELAY_SECONDS = 2.0


class FaultProfileError(ValueError):
    """The profile text does not follow the documented syntax."""


@dataclass(frozen=True)
class FaultRule:
    """``kind:probability`` (count None) or ``kind*count`` (probability None)."""

    kind: FaultKind
    probability: float | None = None
    count: int | None = None


@dataclass(frozen=True)
class FaultProfile:
    text: str
    rules: tuple[FaultRule, ...]


def parse_profile(text: str) -> FaultProfile:
    """Parse the profile syntax above; raises FaultProfileError naming the bad item."""
    name = text.strip().lower()
    if name in ("", "none"):
        return FaultProfile(text="none", rules=())
    expanded = PRESETS.get(name, name)
    rules = tuple(_parse_rule(item.strip()) for item in expanded.split(","))
    return FaultProfile(text=name, rules=rules)


def _parse_rule(item: str) -> FaultRule:
    if "*" in item:
        kind_text, _, amount = item.partition("*")
        count = _whole_number(amount, item)
        if count < 0:
            raise FaultProfileError(f"{item!r}: the count must be >= 0")
        return FaultRule(kind=_kind(kind_text, item), count=count)
    if ":" in item:
        kind_text, _, amount = item.partition(":")
        probability = _number(amount, item)
        if not 0.0 <= probability <= 1.0:
            raise FaultProfileError(f"{item!r}: the probability must be within 0..1")
        return FaultRule(kind=_kind(kind_text, item), probability=probability)
    raise FaultProfileError(f"{item!r}: expected kind:probability, kind*count or a preset")


def _kind(text: str, item: str) -> FaultKind:
    try:
        return FaultKind(text.strip())
    except ValueError:
        known = ", ".join(kind.value for kind in FaultKind)
        raise FaultProfileError(f"{item!r}: unknown fault kind (known: {known})") from None


def _whole_number(text: str, item: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise FaultProfileError(f"{item!r}: {text!r} is not a whole number") from None


def _number(text: str, item: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise FaultProfileError(f"{item!r}: {text!r} is not a number") from None


class FaultInjector:
    """Holds the active profile, its remaining counts and its seeded RNG."""

    def __init__(self, profile: str = "none", seed: int = 0) -> None:
        self._seed = seed
        self._profile = parse_profile("none")
        self._remaining: list[int] = []
        self._rng = random.Random(seed)
        self.set_profile(profile)

    @property
    def profile(self) -> FaultProfile:
        return self._profile

    def set_profile(self, text: str) -> FaultProfile:
        """Replace the profile (counts and RNG start afresh); raises FaultProfileError."""
        self._profile = parse_profile(text)
        self._remaining = [rule.count or 0 for rule in self._profile.rules]
        self._rng = random.Random(self._seed)
        return self._profile

    def pick(self, route: RouteClass) -> FaultKind | None:
        """The fault for the next request on this route family, or None."""
        for index, rule in enumerate(self._profile.rules):
            if rule.count is not None and self._remaining[index] > 0 and _matches(rule, route):
                self._remaining[index] -= 1
                return rule.kind
        chances = [
            rule
            for rule in self._profile.rules
            if rule.probability is not None and _matches(rule, route)
        ]
        if not chances:
            return None
        draw = self._rng.random()
        for rule in chances:
            assert rule.probability is not None
            draw -= rule.probability
            if draw < 0:
                return rule.kind
        return None

    def describe(self) -> dict[str, Any]:
        """The admin view: profile text, rules and the counts still to be used."""
        rules = []
        for index, rule in enumerate(self._profile.rules):
            described: dict[str, Any] = {"kind": rule.kind.value}
            if rule.count is None:
                described["probability"] = rule.probability
            else:
                described["remaining"] = self._remaining[index]
            rules.append(described)
        return {"profile": self._profile.text, "rules": rules}


def _matches(rule: FaultRule, route: RouteClass) -> bool:
    return route in APPLIES_TO[rule.kind]
