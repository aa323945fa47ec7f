"""A comparison as the library keeps it: the intent, its columns, and each round's translations,
jobs and verdicts. Plain frozen values; `_records` turns them into JSON and back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

    from studio.core.compare._intent import Intent, Translation


class Verdict(StrEnum):
    """What the user said of one result."""

    NONE = ""
    WINNER = "winner"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Variant:
    """One column: a model, what this column changes in the intent (one model, several values:
    `{"seed": 7}`, `{"duration_s": 6}`) and the values the user set by hand in the table, by
    schema field."""

    slug: str
    changes: Mapping[str, Any] = field(default_factory=dict)
    overrides: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """One column in one round: what was sent (or why not), its job, and the user's verdict.

    `seed` is the round's own seed for the column (a rerun draws new ones); None keeps the
    intent's (or the variant's) seed.
    """

    translation: Translation | None = None
    local_id: str | None = None
    problem: str = ""
    seed: int | None = None
    verdict: Verdict = Verdict.NONE


@dataclass(frozen=True)
class Round:
    """One go of every column; a rerun adds a round."""

    entries: tuple[Entry, ...]
    created_at: float = 0.0


def new_comparison_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Comparison:
    """The intent asked once, its columns (`variants`) and the rounds run so far.

    `task` names what is compared ("image-to-video"); `media_names` the files the intent's media
    came from ({"image": "harbour.png"}), for showing them by name.
    """

    id: str
    task: str
    capability: str
    intent: Intent
    variants: tuple[Variant, ...]
    rounds: tuple[Round, ...] = ()
    created_at: float = 0.0
    media_names: Mapping[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The prompt, else the first input's name: what the comparison is listed as."""
        prompt = " ".join(self.intent.prompt.split())
        if prompt:
            return prompt
        return next(iter(self.media_names.values()), "")

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(variant.slug for variant in self.variants)

    def column_intent(self, column: int, round_index: int | None = None) -> Intent:
        """The intent as column `column` sends it: the variant's changes and the round's seed."""
        changes = dict(self.variants[column].changes)
        if round_index is not None and 0 <= round_index < len(self.rounds):
            entries = self.rounds[round_index].entries
            seed = entries[column].seed if column < len(entries) else None
            if seed is not None:
                changes["seed"] = seed
        return replace(self.intent, **changes) if changes else self.intent

    def winner(self) -> tuple[int, int] | None:
        """(round, column) of the result marked the winner, if any."""
        for index, round_ in enumerate(self.rounds):
            for column, entry in enumerate(round_.entries):
                if entry.verdict is Verdict.WINNER:
                    return index, column
        return None

    def winner_local_id(self) -> str | None:
        found = self.winner()
        return None if found is None else self.rounds[found[0]].entries[found[1]].local_id

    def local_ids(self) -> list[tuple[int, int, str]]:
        """(round, column, local_id) of every job sent."""
        return [
            (index, column, entry.local_id)
            for index, round_ in enumerate(self.rounds)
            for column, entry in enumerate(round_.entries)
            if entry.local_id is not None
        ]

    def with_round(self, round_: Round) -> Comparison:
        return replace(self, rounds=(*self.rounds, round_))

    def with_entry(self, round_index: int, column: int, entry: Entry) -> Comparison:
        entries = list(self.rounds[round_index].entries)
        entries[column] = entry
        rounds = list(self.rounds)
        rounds[round_index] = replace(rounds[round_index], entries=tuple(entries))
        return replace(self, rounds=tuple(rounds))

    def with_verdict(self, round_index: int, column: int, verdict: Verdict) -> Comparison:
        """Mark one result; there is one winner at most, so a new winner unmarks the old one."""
        result = self
        if verdict is Verdict.WINNER and (old := self.winner()) is not None:
            old_entry = self.rounds[old[0]].entries[old[1]]
            result = result.with_entry(*old, replace(old_entry, verdict=Verdict.NONE))
        entry = result.rounds[round_index].entries[column]
        return result.with_entry(round_index, column, replace(entry, verdict=verdict))

    def with_variant(self, column: int, variant: Variant) -> Comparison:
        variants = list(self.variants)
        variants[column] = variant
        return replace(self, variants=tuple(variants))
