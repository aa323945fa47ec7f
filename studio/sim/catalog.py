"""The simulator's endpoint catalogue: listing, lookup and validation of `input` by input_schema."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

SUMMARY_FIELDS = ("slug", "name", "provider", "model", "capability", "mode", "tags", "description")


def load_catalog_entries() -> list[dict[str, Any]]:
    """The 35 endpoint objects shipped in ``studio/data/catalog.json``."""
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    entries: list[dict[str, Any]] = json.loads(text)
    return entries


@dataclass(frozen=True)
class Endpoint:
    """One catalogue entry plus its compiled input validator."""

    entry: Mapping[str, Any]
    validator: Draft202012Validator

    @property
    def slug(self) -> str:
        return str(self.entry["slug"])

    @property
    def capability(self) -> str:
        return str(self.entry["capability"])

    def summary(self) -> dict[str, Any]:
        """The list-item view: every field except the schemas and examples."""
        return {key: self.entry[key] for key in SUMMARY_FIELDS if key in self.entry}

    def validate(self, inputs: Mapping[str, Any]) -> list[str]:
        """Messages for every schema violation, each starting ``input.<dotted path>``."""
        errors = sorted(self.validator.iter_errors(inputs), key=lambda e: list(e.absolute_path))
        return [format_validation_error(error) for error in errors]


class Catalog:
    """Endpoints by slug, in catalogue order."""

    def __init__(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self._by_slug: dict[str, Endpoint] = {}
        for entry in entries:
            Draft202012Validator.check_schema(entry["input_schema"])
            validator = Draft202012Validator(entry["input_schema"])
            self._by_slug[str(entry["slug"])] = Endpoint(entry=entry, validator=validator)

    @classmethod
    def load(cls) -> Catalog:
        return cls(load_catalog_entries())

    def get(self, slug: str) -> Endpoint | None:
        return self._by_slug.get(slug)

    def list(self, capability: str | None = None, tag: str | None = None) -> list[Endpoint]:
        """Endpoints matching both filters (a filter left as None matches everything)."""
        return [
            endpoint
            for endpoint in self._by_slug.values()
            if (capability is None or endpoint.capability == capability)
            and (tag is None or tag in endpoint.entry.get("tags", ()))
        ]


def format_validation_error(error: ValidationError) -> str:
    """``input.<path>: <message>``; a missing required property names its own path."""
    path: list[str | int] = list(error.absolute_path)
    if error.validator == "required":
        missing = _missing_property(error)
        if missing is not None:
            path.append(missing)
    return f"{dotted_input_path(path)}: {error.message}"


def dotted_input_path(path: Sequence[str | int]) -> str:
    return ".".join(["input", *(str(part) for part in path)])


def _missing_property(error: ValidationError) -> str | None:
    required = error.validator_value
    instance = error.instance
    if not isinstance(required, list) or not isinstance(instance, Mapping):
        return None
    for name in required:
        if name not in instance and repr(name) in error.message:
            return str(name)
    return None
