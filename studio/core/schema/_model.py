"""Value types of the form spec: field kinds, groups, media kinds, field specs and errors."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FieldKind(StrEnum):
    """What sort of editor a field needs."""

    STRING = "string"
    TEXT = "text"
    ENUM = "enum"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    OBJECT = "object"
    ARRAY = "array"
    TUPLE = "tuple"
    MEDIA = "media"
    CONST = "const"
    JSON = "json"
    CHOICE = "choice"
    PRESET = "preset"


class MediaKind(StrEnum):
    """The media a URL field expects."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    FILE = "file"


class FieldGroup(StrEnum):
    """Where a top-level field is shown: always visible or in the collapsed Advanced section."""

    PRIMARY = "primary"
    ADVANCED = "advanced"


@dataclass(frozen=True)
class FieldError:
    """One validation problem: a dotted path in the input ("" for the root) and friendly text."""

    path: str
    message: str


@dataclass(frozen=True)
class NumberBounds:
    """Numeric constraints of an integer or number field."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    multiple_of: float | None = None

    def inclusive(self, integer: bool) -> tuple[float | None, float | None]:
        """The closed range a value may take: exclusive bounds moved in by one step."""
        nudge = 1.0 if integer else (self.multiple_of or 0.01)
        low, high = self.minimum, self.maximum
        if self.exclusive_minimum is not None:
            moved = self.exclusive_minimum + nudge
            moved = math.floor(self.exclusive_minimum) + 1 if integer else moved
            low = moved if low is None else max(low, moved)
        if self.exclusive_maximum is not None:
            moved = self.exclusive_maximum - nudge
            moved = math.ceil(self.exclusive_maximum) - 1 if integer else moved
            high = moved if high is None else min(high, moved)
        return low, high

    @property
    def low(self) -> float | None:
        """The tightest lower bound, inclusive or not."""
        candidates = [b for b in (self.minimum, self.exclusive_minimum) if b is not None]
        return max(candidates) if candidates else None

    @property
    def high(self) -> float | None:
        """The tightest upper bound, inclusive or not."""
        candidates = [b for b in (self.maximum, self.exclusive_maximum) if b is not None]
        return min(candidates) if candidates else None


@dataclass(frozen=True)
class TextRules:
    """String constraints."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: everything a widget needs, nothing about widgets.

    `default` is meaningful only when `has_default`; `const` only when `has_const`. Containers carry
    their parts: `children` (object properties), `extra` (an object's further keys, from
    `additionalProperties` / `patternProperties` with a schema), `item` (array items; for a tuple
    the items after `prefix_items`), `prefix_items` (tuples) and `options` (choice / preset
    alternatives). `schema` is the resolved sub-schema, kept for the JSON fallback and for
    per-option validation.
    """

    name: str
    kind: FieldKind
    title: str
    description: str = ""
    required: bool = False
    nullable: bool = False
    has_default: bool = False
    default: Any = None
    has_const: bool = False
    const: Any = None
    enum: tuple[Any, ...] = ()
    enum_labels: tuple[str, ...] = ()
    bounds: NumberBounds = field(default_factory=NumberBounds)
    text: TextRules = field(default_factory=TextRules)
    media: MediaKind | None = None
    examples: tuple[Any, ...] = ()
    deprecated: bool = False
    order: int = 0
    group: FieldGroup = FieldGroup.ADVANCED
    children: tuple[FieldSpec, ...] = ()
    extra: FieldSpec | None = None
    item: FieldSpec | None = None
    prefix_items: tuple[FieldSpec, ...] = ()
    min_items: int | None = None
    max_items: int | None = None
    options: tuple[FieldSpec, ...] = ()
    schema: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def child(self, name: str) -> FieldSpec | None:
        """The object property called `name`, if any."""
        return next((c for c in self.children if c.name == name), None)

    @property
    def is_seed(self) -> bool:
        """Whether this is a random-seed number (shown with an empty "random" state)."""
        return self.kind is FieldKind.INTEGER and "seed" in self.name.lower()
