"""Comparisons as JSON and back, for the library: what an older or newer app wrote is read as far
as it makes sense (unknown keys ignored, missing ones defaulted); a shape that is no comparison
at all raises ValueError."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, Final

from studio.core.compare._comparison import Comparison, Entry, Round, Variant, Verdict
from studio.core.compare._intent import How, Intent, Translation, TranslationRow

FORMAT: Final = 1
_INTENT_FIELDS: Final = tuple(item.name for item in fields(Intent))


def comparison_to_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "id": comparison.id,
        "task": comparison.task,
        "capability": comparison.capability,
        "created_at": comparison.created_at,
        "intent": intent_to_json(comparison.intent),
        "media_names": dict(comparison.media_names),
        "variants": [
            {"slug": v.slug, "changes": dict(v.changes), "overrides": dict(v.overrides)}
            for v in comparison.variants
        ],
        "rounds": [
            {"created_at": r.created_at, "entries": [_entry_to_json(e) for e in r.entries]}
            for r in comparison.rounds
        ],
    }


def comparison_from_json(data: Any) -> Comparison:
    """The comparison `data` holds; ValueError when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        raise ValueError("not a comparison")
    variants = tuple(_variant(v) for v in _list(data.get("variants")))
    rounds = tuple(_round(r, len(variants)) for r in _list(data.get("rounds")))
    names = data.get("media_names")
    return Comparison(
        id=data["id"],
        task=str(data.get("task") or ""),
        capability=str(data.get("capability") or ""),
        intent=intent_from_json(data.get("intent")),
        variants=variants,
        rounds=rounds,
        created_at=_number(data.get("created_at")),
        media_names={str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {},
    )


def intent_to_json(intent: Intent) -> dict[str, Any]:
    values = {name: getattr(intent, name) for name in _INTENT_FIELDS}
    if values["reference_images"] is not None:
        values["reference_images"] = list(values["reference_images"])
    return {name: value for name, value in values.items() if value is not None}


def intent_from_json(data: Any) -> Intent:
    if not isinstance(data, dict):
        raise ValueError("an intent must be an object")
    known = {name: data[name] for name in _INTENT_FIELDS if name in data}
    known["prompt"] = str(known.get("prompt") or "")
    references = known.get("reference_images")
    if references is not None:
        known["reference_images"] = tuple(str(item) for item in _list(references))
    return Intent(**known)


def translation_to_json(translation: Translation) -> dict[str, Any]:
    return {
        "input": translation.input,
        "problem": translation.problem,
        "rows": [
            {
                "setting": row.setting,
                "requested": row.requested,
                "field": row.field,
                "sent": row.sent,
                "how": row.how.value,
                "note": row.note,
            }
            for row in translation.rows
        ],
    }


def translation_from_json(data: Any) -> Translation:
    if not isinstance(data, dict):
        raise ValueError("a translation must be an object")
    body = data.get("input")
    rows = [_row(row) for row in _list(data.get("rows"))]
    return Translation(
        body if isinstance(body, dict) else None, str(data.get("problem") or ""), rows
    )


def _row(data: Any) -> TranslationRow:
    if not isinstance(data, dict):
        raise ValueError("a translation row must be an object")
    try:
        how = How(str(data.get("how")))
    except ValueError:
        how = How.DROPPED
    path = data.get("field")
    return TranslationRow(
        setting=str(data.get("setting") or ""),
        requested=data.get("requested"),
        field=path if isinstance(path, str) else None,
        sent=data.get("sent"),
        how=how,
        note=str(data.get("note") or ""),
    )


def _entry_to_json(entry: Entry) -> dict[str, Any]:
    translation = entry.translation
    return {
        "translation": None if translation is None else translation_to_json(translation),
        "local_id": entry.local_id,
        "problem": entry.problem,
        "seed": entry.seed,
        "verdict": entry.verdict.value,
    }


def _variant(data: Any) -> Variant:
    if not isinstance(data, dict) or not isinstance(data.get("slug"), str):
        raise ValueError("a column must name its model")
    changes = data.get("changes")
    overrides = data.get("overrides")
    return Variant(
        slug=data["slug"],
        changes={k: v for k, v in changes.items() if k in _INTENT_FIELDS}
        if isinstance(changes, dict)
        else {},
        overrides=dict(overrides) if isinstance(overrides, dict) else {},
    )


def _round(data: Any, columns: int) -> Round:
    if not isinstance(data, dict):
        raise ValueError("a round must be an object")
    entries = [_entry(e) for e in _list(data.get("entries"))][:columns]
    entries += [Entry() for _ in range(columns - len(entries))]
    return Round(tuple(entries), _number(data.get("created_at")))


def _entry(data: Any) -> Entry:
    if not isinstance(data, dict):
        raise ValueError("a result must be an object")
    translation = data.get("translation")
    local_id = data.get("local_id")
    seed = data.get("seed")
    try:
        verdict = Verdict(data.get("verdict") or "")
    except ValueError:
        verdict = Verdict.NONE
    return Entry(
        translation=None if translation is None else translation_from_json(translation),
        local_id=local_id if isinstance(local_id, str) else None,
        problem=str(data.get("problem") or ""),
        seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else None,
        verdict=verdict,
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
