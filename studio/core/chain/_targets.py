"""Where an output can go next: the endpoints whose schema takes it, grouped by what they do.

``send_targets`` answers Send to… for one kind of output, ``extend_targets`` Extend shot for a
video, and ``plan_send`` turns a choice into the form's starting value: the output's local file
in the field (a list fills in order, a single field takes the first), the prompt carried over.
Only top-level media fields are offered: a nested one (``elements[].image_url``) has no one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

from studio.core.schema import MediaInput, media_inputs

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from studio.core.api import EndpointDetail
    from studio.core.chain._values import Source


class Group(StrEnum):
    """What a target does with the output; the menu shows the groups in this order."""

    ANIMATE = "Animate"
    EXTEND = "Extend"
    EDIT = "Edit"
    END_FRAME = "Use as end frame"
    REFERENCE = "Use as reference"
    TRANSCRIBE = "Transcribe"
    SOUNDTRACK = "Soundtrack"


GROUP_ORDER: Final = tuple(Group)
# Which field kinds take an output of each kind: a video's audio track fits any audio field.
_TAKES: Final[Mapping[str, frozenset[str]]] = {
    "image": frozenset({"image", "file"}),
    "video": frozenset({"video", "audio", "file"}),
    "audio": frozenset({"audio", "file"}),
}
_VISUAL_ROLES: Final[Mapping[str, Group]] = {
    "start": Group.ANIMATE,
    "end": Group.END_FRAME,
    "reference": Group.REFERENCE,
}


@dataclass(frozen=True)
class SendTarget:
    """One Send to… entry: an endpoint and the fields of it that fit (ask when several do)."""

    slug: str
    name: str
    group: Group
    fields: tuple[MediaInput, ...]
    uses: int = 0  # jobs of this endpoint in the library: the most used come first


@dataclass(frozen=True)
class ExtendTarget:
    """Where Extend shot can go: a field taking the last frame, or the clip itself."""

    slug: str
    name: str
    field: MediaInput
    takes_clip: bool  # the endpoint continues the clip; else it starts from the last frame
    same_family: bool
    uses: int = 0


@dataclass(frozen=True)
class Placement:
    """A source put into a field of the form (position in a list, 0 for a single field)."""

    field: str
    position: int
    source: Source


@dataclass(frozen=True)
class SendPlan:
    """The form's starting value for a send, and what did not fit."""

    values: dict[str, Any]
    placements: tuple[Placement, ...]
    left_out: tuple[Source, ...] = ()
    missing_field: str | None = None  # the endpoint's schema no longer has this field


def takes(field_kind: str, output_kind: str) -> bool:
    """Whether a media field of this kind can hold an output of that kind."""
    return field_kind in _TAKES.get(output_kind, frozenset())


def is_transcriber(detail: EndpointDetail) -> bool:
    return detail.capability == "transcribe" or "transcribe" in detail.mode


def family_of(slug: str) -> str:
    """The model family in a slug: "kling-v3" of "kuaishou/kling-v3/pro/image-to-video"."""
    parts = slug.split("/")
    return parts[1] if len(parts) > 2 else slug


def group_of(output_kind: str, field: MediaInput, detail: EndpointDetail) -> Group | None:
    """What sending an output of this kind into this field does; None when it does not fit."""
    if field.kind not in _TAKES.get(output_kind, frozenset()) or field.role == "mask":
        return None
    if field.kind == "audio" or (output_kind == "audio" and field.kind == "file"):
        return Group.TRANSCRIBE if is_transcriber(detail) else Group.SOUNDTRACK
    if field.role == "source":
        if field.kind == "video" and "edit" not in detail.mode:
            return Group.EXTEND
        return Group.EDIT
    if field.kind == "video" and field.role in ("start", "end"):
        return Group.EXTEND
    return _VISUAL_ROLES.get(field.role)


def top_level(field: MediaInput) -> bool:
    return "." not in field.path and "[]" not in field.path


def send_targets(
    output_kind: str, details: Iterable[EndpointDetail], usage: Mapping[str, int]
) -> list[SendTarget]:
    """Every (endpoint, group) that takes an output of this kind: groups in GROUP_ORDER, the
    most used endpoints first within each, then by name."""
    targets = []
    for detail in details:
        fields_by_group: dict[Group, list[MediaInput]] = {}
        for field in media_inputs(dict(detail.input_schema)):
            group = group_of(output_kind, field, detail) if top_level(field) else None
            if group is not None:
                fields_by_group.setdefault(group, []).append(field)
        for group, fields in fields_by_group.items():
            name = detail.name or detail.slug
            uses = usage.get(detail.slug, 0)
            targets.append(SendTarget(detail.slug, name, group, tuple(fields), uses))
    return sorted(targets, key=lambda t: (GROUP_ORDER.index(t.group), -t.uses, t.name.lower()))


def extend_targets(
    video_endpoint: str, details: Iterable[EndpointDetail], usage: Mapping[str, int]
) -> list[ExtendTarget]:
    """Endpoints that continue a shot: the clip's own family first, then the most used.

    An endpoint with a "continue from clip" video field takes the clip itself; otherwise its
    start-frame field takes the clip's last frame.
    """
    family = family_of(video_endpoint)
    found = []
    for detail in details:
        if detail.capability not in ("video", "") or "edit" in detail.mode:
            continue
        fields = [f for f in media_inputs(dict(detail.input_schema)) if top_level(f)]
        clip = next((f for f in fields if f.kind == "video" and f.role == "source"), None)
        start = next((f for f in fields if f.kind == "image" and f.role == "start"), None)
        chosen = clip or start
        if chosen is None or chosen.multiple:
            continue
        found.append(
            ExtendTarget(
                detail.slug,
                detail.name or detail.slug,
                chosen,
                takes_clip=chosen is clip,
                same_family=family_of(detail.slug) == family,
                uses=usage.get(detail.slug, 0),
            )
        )
    return sorted(found, key=lambda t: (not t.same_family, -t.uses, t.name.lower()))


def plan_send(
    schema: Mapping[str, Any], field: str, sources: Sequence[Source], prompt: str = ""
) -> SendPlan:
    """The starting value of an endpoint's form that puts ``sources`` (local files) in ``field``.

    A list field takes them in order (up to its maxItems), a single field the first; the
    prompt goes into the schema's "prompt" when it has one. A field the schema no longer has is
    named in ``missing_field`` and nothing is placed.
    """
    properties = schema.get("properties")
    properties = properties if isinstance(properties, dict) else {}
    values: dict[str, Any] = {}
    if prompt and "prompt" in properties:
        values["prompt"] = prompt
    target = next((f for f in media_inputs(dict(schema)) if f.path == field), None)
    usable = [s for s in sources if s.file is not None]
    if target is None or not top_level(target):
        return SendPlan(values, (), tuple(sources), missing_field=field)
    if target.multiple:
        limit = _max_items(properties.get(field))
        taken = usable[:limit] if limit is not None else usable
        values[field] = [str(s.file) for s in taken]
    else:
        taken = usable[:1]
        if taken:
            values[field] = str(taken[0].file)
    placements = tuple(Placement(field, i, s) for i, s in enumerate(taken))
    return SendPlan(values, placements, tuple(s for s in sources if s not in taken))


def _max_items(spec: Any) -> int | None:
    limit = spec.get("maxItems") if isinstance(spec, dict) else None
    return limit if isinstance(limit, int) and limit > 0 else None
