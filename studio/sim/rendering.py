"""Turns a task's input into output media: resolve input media, call the generator, write files."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote_to_bytes

OUTPUT_KEYS: Mapping[str, str] = {"video": "videos", "image": "images", "audio": "audio"}
FILE_STEMS: Mapping[str, str] = {"video": "video", "image": "image", "audio": "audio"}


class RenderedFileLike(Protocol):
    """What the media generator returns per file (studio.sim.media.RenderedFile)."""

    @property
    def data(self) -> bytes: ...
    @property
    def content_type(self) -> str: ...
    @property
    def extension(self) -> str: ...
    @property
    def width(self) -> int | None: ...
    @property
    def height(self) -> int | None: ...
    @property
    def duration(self) -> float | None: ...


class GeneratedLike(Protocol):
    """The generator's result (studio.sim.media.Generated)."""

    @property
    def files(self) -> Sequence[RenderedFileLike]: ...
    @property
    def extra_output(self) -> Mapping[str, Any]: ...


GenerateFn = Callable[[Mapping[str, Any], Mapping[str, Any], Mapping[str, bytes]], GeneratedLike]
LocalFileLookup = Callable[[str], Path | None]


class MediaInputError(ValueError):
    """An input media reference that looks resolvable but is broken (e.g. bad base64)."""


@dataclass(frozen=True)
class RenderResult:
    output: dict[str, Any]
    file_names: list[str]


def strings_with_paths(value: Any, path: str = "input") -> Iterator[tuple[str, str]]:
    """Every string inside ``value`` (dicts and lists, recursively) with its dotted path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from strings_with_paths(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings_with_paths(item, f"{path}.{index}")


def decode_data_uri(uri: str) -> bytes:
    """Bytes of a ``data:`` URI (base64 or percent-encoded); raises ValueError if broken."""
    header, comma, payload = uri.partition(",")
    if not comma:
        raise ValueError("data URI without a comma")
    if header.lower().endswith(";base64"):
        try:
            return base64.b64decode(payload, validate=True)
        except binascii.Error as error:
            raise ValueError(f"invalid base64: {error}") from None
    return unquote_to_bytes(payload)


def resolve_media(inputs: Mapping[str, Any], local_file: LocalFileLookup) -> dict[str, bytes]:
    """Bytes of every data: URI and every URL of the simulator's own /files, keyed by the string."""
    media: dict[str, bytes] = {}
    for path, text in strings_with_paths(inputs):
        if text in media:
            continue
        if text[:5].lower() == "data:":
            try:
                media[text] = decode_data_uri(text)
            except ValueError as error:
                raise MediaInputError(f"{path}: {error}") from None
            continue
        file_path = local_file(text)
        if file_path is not None:
            media[text] = file_path.read_bytes()
    return media


def render_task(
    generate: GenerateFn,
    *,
    entry: Mapping[str, Any],
    inputs: Mapping[str, Any],
    local_file: LocalFileLookup,
    task_dir: Path,
    files_url: str,
) -> RenderResult:
    """Blocking: generate, write files into ``task_dir``, return the Task ``output``.

    ``files_url`` is the absolute URL prefix of ``task_dir`` (``http://host:port/files/<id>``).
    """
    media = resolve_media(inputs, local_file)
    generated = generate(entry, inputs, media)
    capability = str(entry["capability"])
    # No parents=True: if the data dir is gone (shutdown), a late render must not recreate it.
    task_dir.mkdir(exist_ok=True)
    items: list[dict[str, Any]] = []
    names: list[str] = []
    for index, rendered in enumerate(generated.files):
        name = f"{FILE_STEMS.get(capability, 'file')}-{index}.{rendered.extension}"
        write_file_atomically(task_dir / name, rendered.data)
        names.append(name)
        items.append(describe_file(capability, rendered, name, f"{files_url}/{name}"))
    output: dict[str, Any] = {}
    if capability in OUTPUT_KEYS:
        output[OUTPUT_KEYS[capability]] = items
    output.update(generated.extra_output)
    return RenderResult(output=output, file_names=names)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Temporary sibling, then rename: a reader or a restart never finds half a file."""
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(data)
    temporary.replace(path)


def describe_file(
    capability: str, rendered: RenderedFileLike, name: str, url: str
) -> dict[str, Any]:
    """One output item: url, content_type, file_name, file_size + the capability's metadata."""
    item: dict[str, Any] = {
        "url": url,
        "content_type": rendered.content_type,
        "file_name": name,
        "file_size": len(rendered.data),
    }
    if capability in ("image", "video"):
        item["width"] = rendered.width
        item["height"] = rendered.height
    if capability in ("video", "audio"):
        item["duration"] = rendered.duration
    return item
