"""Why a body cannot be sent, in words ("needs an input image (Image URL)"), and the schema's
"one of these" groups that the words and the translation both need."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from studio.core.schema import FieldError, FieldSpec, FormSpec

_MEDIA_WORDS: Final = {
    "image": "an input image",
    "video": "an input video",
    "audio": "input audio",
    "file": "an input file",
}


def required_groups(schema: Any, keyword: str) -> list[list[str]]:
    """The root's `anyOf`/`oneOf` alternatives that only require names: [["prompt"], [...]]."""
    alternatives = schema.get(keyword) if isinstance(schema, dict) else None
    if not isinstance(alternatives, list):
        return []
    groups = []
    for alternative in alternatives:
        if not isinstance(alternative, dict) or set(alternative) != {"required"}:
            return []
        names = alternative["required"]
        if not isinstance(names, list):
            return []
        groups.append([n for n in names if isinstance(n, str)])
    return groups


def describe(spec: FormSpec, schema: Any, errors: list[FieldError]) -> str:
    """Every problem once, joined: what the model needs that the comparison did not give."""
    phrases = [_phrase(spec, schema, error.path, error.message) for error in errors]
    return "; ".join(dict.fromkeys(phrases)) or "The model would not accept this input."


def _phrase(spec: FormSpec, schema: Any, path: str, message: str) -> str:
    field = spec.field(path) if path else None
    title = field.title if field is not None else (path or "The input")
    if message.startswith("Fill in "):
        return _group_phrase(spec, schema, path, message)
    if message == "Required":
        return _needs(field, path) or f"{title} is required and has no default"
    return f"{title}: {message}"


def _needs(field: FieldSpec | None, path: str) -> str:
    if path == "prompt":
        return "needs a prompt"
    if field is not None and field.media is not None:
        return f"needs {_MEDIA_WORDS[field.media.value]} ({field.title})"
    return ""


def _group_phrase(spec: FormSpec, schema: Any, path: str, message: str) -> str:
    """ "Fill in Image URL or Video URL" → "needs an input image or an input video (…)"."""
    for keyword in ("anyOf", "oneOf"):
        groups = required_groups(schema, keyword)
        if not any(path in group for group in groups):
            continue
        if message.startswith("Fill in only one of"):
            return message
        names = [group[0] for group in groups if group]
        if "prompt" in names:
            return "needs a prompt"
        fields = [f for f in (spec.field(n) for n in names) if f is not None]
        titles = " or ".join(f.title for f in fields)
        kinds = [f.media.value for f in fields if f.media is not None]
        if fields and len(kinds) == len(fields):
            words = " or ".join(dict.fromkeys(_MEDIA_WORDS[k] for k in kinds))
            return f"needs {words} ({titles})"
        return f"needs {titles}"
    return message
