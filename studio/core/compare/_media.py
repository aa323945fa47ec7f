"""The intent's media onto a model's media inputs: the start image to its start (or source) field,
the end frame to its end field, references to its reference list, video and audio to what the
model works on (else to its references)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from studio.core.compare._intent import How, TranslationRow
from studio.core.compare._steps import Step, dropped
from studio.core.schema import FieldKind, MediaInput

if TYPE_CHECKING:
    from studio.core.schema import FieldSpec, FormSpec

MEDIA_SETTINGS: Final = ("image", "end_image", "reference_images", "video", "audio")
# Where each setting may go, best first: (role, kind, how it counts there).
_TARGETS: Final[dict[str, tuple[tuple[str, str, How], ...]]] = {
    "image": (("start", "image", How.SENT), ("source", "image", How.SENT)),
    "end_image": (("end", "image", How.SENT),),
    "reference_images": (("reference", "image", How.SENT),),
    "video": (("source", "video", How.SENT), ("reference", "video", How.MAPPED)),
    "audio": (("source", "audio", How.SENT), ("reference", "audio", How.MAPPED)),
}
_ROLE_WORDS: Final = {
    "start": "the start",
    "end": "the end",
    "reference": "a reference",
    "source": "the input",
    "mask": "the mask",
}


def media_step(
    spec: FormSpec, inputs: list[MediaInput], taken: set[str], setting: str, requested: Any
) -> Step:
    """Where one media setting goes (a path not in `taken`), or dropped when nowhere fits."""
    for role, kind, how in _TARGETS[setting]:
        found = next(
            (m for m in inputs if (m.role, m.kind) == (role, kind) and m.path not in taken), None
        )
        field = spec.field(found.path) if found is not None else None
        if found is not None and field is not None and field.max_items != 0:
            taken.add(found.path)
            return _place(setting, requested, found, field, how)
    return dropped(setting, requested)


def _place(setting: str, requested: Any, target: MediaInput, field: FieldSpec, how: How) -> Step:
    several = isinstance(requested, list)
    items = list(requested) if several else [requested]
    if target.multiple:
        room = field.max_items if field.kind is FieldKind.ARRAY else None
        kept = items[:room] if room is not None else items
        sent: Any = kept if several else kept[0]
        path = target.path if several else f"{target.path}[0]"
        value: Any = kept
    else:
        kept = items[:1]
        sent = value = kept[0]
        path = target.path
        how = How.MAPPED if several and how is How.SENT else how
    if len(kept) < len(items):
        how = How.CLAMPED
    note = _note(setting, target, how, len(items), len(kept))
    row = TranslationRow(setting, requested, path, sent, how, note)
    return Step(row, {target.path: value})


def _note(setting: str, target: MediaInput, how: How, asked: int, kept: int) -> str:
    where = f"{target.title} ({_ROLE_WORDS.get(target.role, target.role)} {target.kind})"
    if how is How.CLAMPED:
        return f"Only {kept} of the {asked} fit this model; they go to {where}."
    if how is How.MAPPED and setting in ("video", "audio"):
        return f"This model has no {setting} to work on, so it is used as {where}."
    if how is How.MAPPED:
        return f"This model takes one; the first goes to {where}."
    count = f"{asked} {target.kind}s" if asked > 1 else f"the {target.kind}"
    return f"Sent as asked: {count} to {where}."
