"""The media inputs of a schema: where images, videos and audio go, and what each one is for.

`media_inputs(schema)` lists every media field of an input schema in form order with a dotted path
("image_urls", "settings.image_url", "elements[].image_url": `[]` steps into array items), its
kind, whether it takes several, its role (see `_roles`) and its title. Send to…, Compare and the
mask painter all ask this one question instead of guessing from field names themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studio.core.schema._form_spec import FormSpec
from studio.core.schema._model import FieldKind, FieldSpec, MediaKind
from studio.core.schema._roles import Clues, fallback_role, role_from_words

if TYPE_CHECKING:
    from collections.abc import Iterator

_UNIONS = (FieldKind.CHOICE, FieldKind.PRESET)


@dataclass(frozen=True)
class MediaInput:
    """One media field: `path` from the root, `kind` (image, video, audio or file), whether it
    is an array of them (`multiple`), its `role` (start, end, reference, mask or source) and the
    `title` the form shows for it."""

    path: str
    kind: str
    multiple: bool
    role: str
    title: str


@dataclass(frozen=True)
class _Found:
    clues: Clues
    title: str


def media_inputs(schema: dict[str, Any]) -> list[MediaInput]:
    """Every media field of `schema`, in form order; [] for a schema with none (never raises)."""
    spec = FormSpec.from_schema(schema)
    found = [f for field in spec.fields for f in _walk(field, field.name, (), in_array=False)]
    named = [role_from_words(f.clues) for f in found]
    roles = {role for role in named if role is not None}
    top = frozenset(field.name for field in spec.fields)
    return [
        MediaInput(
            path=f.clues.path,
            kind=f.clues.kind,
            multiple=f.clues.multiple,
            role=role or fallback_role(f.clues, top, roles),
            title=f.title,
        )
        for f, role in zip(found, named, strict=True)
    ]


def _walk(
    spec: FieldSpec, path: str, parents: tuple[str, ...], *, in_array: bool
) -> Iterator[_Found]:
    """The media fields at and under `spec`, whose dotted path is `path`."""
    media = _media_of(spec)
    if media is not None:
        kind, item, listed = media
        yield _found(spec, item, path, parents=parents, several=in_array or listed, kind=kind)
        return
    if spec.kind is FieldKind.OBJECT:
        # An array's item object adds no title of its own: "Elements › Image URL".
        titles = parents if path.endswith("[]") else (*parents, spec.title)
        for child in spec.children:
            yield from _walk(child, f"{path}.{child.name}", titles, in_array=in_array)
    elif spec.kind is FieldKind.ARRAY and spec.item is not None:
        yield from _walk(spec.item, f"{path}[]", (*parents, spec.title), in_array=True)


def _media_of(spec: FieldSpec) -> tuple[MediaKind, FieldSpec, bool] | None:
    """The media kind `spec` holds, the spec of one such value, and whether it takes a list.

    A choice between one URL and a list of them takes a list (a list fits it either way).
    """
    options = spec.options if spec.kind in _UNIONS else (spec,)
    lists = [o.item for o in options if o.kind is FieldKind.ARRAY and o.item is not None]
    for item in lists:
        if item.kind is FieldKind.MEDIA and item.media is not None:
            return item.media, item, True
    for option in options:
        if option.kind is FieldKind.MEDIA and option.media is not None:
            return option.media, option, False
    return None


def _found(
    spec: FieldSpec,
    item: FieldSpec,
    path: str,
    *,
    parents: tuple[str, ...],
    several: bool,
    kind: MediaKind,
) -> _Found:
    words = [*parents, spec.title]
    texts = [*words, spec.description, item.description if item is not spec else ""]
    clues = Clues(kind.value, several, path, " ".join(t for t in texts if t))
    return _Found(clues, " › ".join(words))
