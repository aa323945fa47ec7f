"""Generation metadata in output files (PNG text, XMP, sidecars), read back for recall.

Plain blocking functions: callers run them in a thread. Pixels are never re-encoded: the metadata
blocks are spliced into the containers (see _containers), streaming, so memory stays small for
files of any size. Pillow's decompression-bomb limit
stays in force for everything that decodes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any, Final

from studio import __version__
from studio.core.media import _containers as containers
from studio.core.media._containers import ContainerError, ContainerFormat
from studio.core.paths import atomic_writer, write_atomically

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

APP_NAME: Final = f"Mountsea Studio {__version__}"
REQUEST_KEYWORD: Final = "mountsea"
PARAMETERS_KEYWORD: Final = "parameters"
AI_SOURCE_TYPE: Final = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
SIDECAR_FORMAT: Final = "mountsea-studio-sidecar/1"
_XMP_DESCRIPTION: Final = re.compile(
    r"<dc:description>\s*<rdf:Alt>\s*<rdf:li[^>]*>(.*?)</rdf:li>", re.DOTALL
)
_A1111_FIELDS: Final = (
    ("Steps", ("num_inference_steps", "steps")),
    ("Sampler", ("sampler", "sampler_name", "scheduler")),
    ("CFG scale", ("guidance_scale", "cfg_scale", "cfg")),
    ("Seed", ("seed",)),
    ("Aspect ratio", ("aspect_ratio",)),
    ("Resolution", ("resolution",)),
    ("Duration", ("duration",)),
)


def _escape(text: str) -> str:
    """&, < and > as XML entities (what xml.sax.saxutils.escape does; importing that module
    pulls in urllib.request and the email package, ~20 ms at start-up)."""
    return html.escape(text, quote=False)


def build_request(
    endpoint: str,
    input: Mapping[str, Any],
    *,
    task_id: str | None = None,
    model: str = "",
    sources: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The request dict stored in files: enough to recall the exact parameters.

    ``sources`` name the library outputs the input was made from (field, position, file name,
    sha256; a frame's timestamp): the key is left out when there are none.
    """
    request: dict[str, Any] = {
        "endpoint": endpoint,
        "input": dict(input),
        "task_id": task_id,
        "model": model,
        "app": APP_NAME,
    }
    if sources:
        request["sources"] = [dict(source) for source in sources]
    return request


# ---- writing ---------------------------------------------------------------------------------


def embed_metadata(path: Path, request: Mapping[str, Any]) -> bool:
    """Write the request into a PNG, JPEG or WebP file in place, atomically, by streaming.

    Returns False (file untouched) for any other format: a sidecar is then the only carrier.
    Raises ContainerError (a ValueError) for a damaged file, which is then left as it was.
    Only block headers and the metadata are held in memory; pixel data is copied in pieces.
    """
    with path.open("rb") as source:
        kind = containers.detect_stream(source)
        if kind is None:
            return False
        request_json = json.dumps(request, ensure_ascii=False, sort_keys=True)
        with atomic_writer(path) as target:
            _write_embedded(kind, source, target, request, request_json)
    return True


def _write_embedded(
    kind: ContainerFormat,
    source: IO[bytes],
    target: IO[bytes],
    request: Mapping[str, Any],
    request_json: str,
) -> None:
    if kind is ContainerFormat.PNG:
        texts = {
            REQUEST_KEYWORD: request_json,
            PARAMETERS_KEYWORD: a1111_parameters(request),
            containers.XMP_PNG_KEYWORD: xmp_packet(request_json).decode("utf-8"),
        }
        containers.write_png_with_text(source, target, texts)
    elif kind is ContainerFormat.JPEG:
        packet = xmp_packet(request_json)
        if len(packet) > containers.JPEG_XMP_MAX:
            packet = xmp_packet(None)  # too big for one segment: the sidecar carries the request
        containers.write_jpeg_with_xmp(source, target, packet)
    else:
        containers.write_webp_with_xmp(source, target, xmp_packet(request_json))


def xmp_packet(request_json: str | None) -> bytes:
    """An XMP packet marking AI-generated media, with the request JSON as its description."""
    description = (
        "<dc:description><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{_escape(request_json)}</rdf:li>'
        "</rdf:Alt></dc:description>"
        if request_json is not None
        else ""
    )
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        f' Iptc4xmpExt:DigitalSourceType="{AI_SOURCE_TYPE}"'
        f' xmp:CreatorTool="{_escape(APP_NAME)}">'
        f"{description}"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def _a1111_value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)
    needs_quotes = any(mark in text for mark in (",", ":", "\n"))
    return json.dumps(text, ensure_ascii=False) if needs_quotes else text


def _a1111_size(values: Mapping[str, Any]) -> str | None:
    size = values.get("image_size")
    source = size if isinstance(size, Mapping) else values
    width, height = source.get("width"), source.get("height")
    if isinstance(width, int) and isinstance(height, int):
        return f"{width}x{height}"
    return size if isinstance(size, str) else None


def a1111_parameters(request: Mapping[str, Any]) -> str:
    """The A1111-style "parameters" text other image tools read: prompt, negative, settings."""
    values: Mapping[str, Any] = request.get("input") or {}
    lines = [str(values.get("prompt") or "")]
    if values.get("negative_prompt"):
        lines.append(f"Negative prompt: {values['negative_prompt']}")
    fields: list[tuple[str, Any]] = []
    for label, keys in _A1111_FIELDS:
        found = next((values[key] for key in keys if values.get(key) is not None), None)
        if found is not None:
            fields.append((label, found))
    size = _a1111_size(values)
    if size:
        fields.append(("Size", size))
    for label, key in (("Model", "model"), ("Endpoint", "endpoint"), ("Task", "task_id")):
        if request.get(key):
            fields.append((label, request[key]))
    fields.append(("Version", request.get("app") or APP_NAME))
    lines.append(", ".join(f"{label}: {_a1111_value(value)}" for label, value in fields))
    return "\n".join(lines)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def sidecar_document(request: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    return {"format": SIDECAR_FORMAT, "request": dict(request), **dict(extra)}


def sidecar_bytes(request: Mapping[str, Any], extra: Mapping[str, Any]) -> bytes:
    document = sidecar_document(request, extra)
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def write_sidecar(
    path: Path, request: Mapping[str, Any], extra: Mapping[str, Any] | None = None
) -> Path:
    """Write `<file>.json` beside the file (request + extra facts such as size or sha256)."""
    target = sidecar_path(path)
    write_atomically(target, sidecar_bytes(request, extra or {}))
    return target


# ---- reading ---------------------------------------------------------------------------------


def _as_request(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict) and isinstance(value.get("input"), dict):
        return value
    return None


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _request_from_xmp(xmp: bytes | str | None) -> dict[str, Any] | None:
    if xmp is None:
        return None
    text = xmp.decode("utf-8", "replace") if isinstance(xmp, bytes) else xmp
    match = _XMP_DESCRIPTION.search(text)
    return _as_request(_parse_json(html.unescape(match.group(1)))) if match else None


def _request_from_parameters(text: str) -> dict[str, Any]:
    """Only prompt and negative prompt from another tool's A1111 text: better than nothing."""
    lines = text.split("\n")
    negative = next((line for line in lines if line.startswith("Negative prompt: ")), None)
    prompt_lines = lines[: lines.index(negative)] if negative else lines[:1]
    values: dict[str, Any] = {"prompt": "\n".join(prompt_lines).strip()}
    if negative:
        values["negative_prompt"] = negative.removeprefix("Negative prompt: ")
    return {"endpoint": "", "input": values, "source": PARAMETERS_KEYWORD}


def _request_from_png(stream: IO[bytes]) -> dict[str, Any] | None:
    texts = containers.png_texts(stream)
    ours = texts.get(REQUEST_KEYWORD)
    found = _as_request(_parse_json(ours)) if ours else None
    found = found or _request_from_xmp(texts.get(containers.XMP_PNG_KEYWORD))
    if found is None and PARAMETERS_KEYWORD in texts:
        found = _request_from_parameters(texts[PARAMETERS_KEYWORD])
    return found


def _embedded_request(path: Path) -> dict[str, Any] | None:
    """The request embedded in a PNG, JPEG or WebP file; only its metadata blocks are read."""
    try:
        with path.open("rb") as stream:
            kind = containers.detect_stream(stream)
            if kind is ContainerFormat.PNG:
                return _request_from_png(stream)
            if kind is ContainerFormat.JPEG:
                return _request_from_xmp(containers.jpeg_xmp(stream))
            if kind is ContainerFormat.WEBP:
                return _request_from_xmp(containers.webp_xmp(stream))
    except (ContainerError, OSError):
        return None
    return None


def _sidecar_request(path: Path) -> dict[str, Any] | None:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _as_request(document.get("request")) if isinstance(document, dict) else None


def read_metadata(path: Path) -> dict[str, Any] | None:
    """The request stored with a file: embedded block first, then `<file>.json`; or a sidecar."""
    if path.suffix.lower() == ".json":
        return _sidecar_request(path)
    embedded = _embedded_request(path)
    if embedded is not None and embedded.get("source") != PARAMETERS_KEYWORD:
        return embedded
    beside = sidecar_path(path)
    from_sidecar = _sidecar_request(beside) if beside.exists() else None
    return from_sidecar or embedded
