"""The library's facts in each output's sidecar, and reading them back to rebuild the library.

Beside every finished output its sidecar (``<stem>.sidecar.json``; ``<file>.json`` before
readable names, still read) holds the request (endpoint, input, task id, model),
and from this version the job's own facts (local id, remote ids, timings, backend) and the
output's place (index, position in its task, kind). A damaged library is rebuilt from these: a
sidecar carries everything a gallery row needs. Output URLs are never written: they may be signed,
and sidecars travel with exported files.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from studio.core.library._types import OutputKind
from studio.core.media import SIDECAR_FORMAT, read_metadata, sha256_file
from studio.core.paths import existing_sidecar, sidecar_owner

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    from studio.core.library._types import JobRecord, OutputRecord

log = logging.getLogger(__name__)

# <local_id>[-a<attempt>]-<position>.<ext>, as studio.core.jobs named outputs before readable
# names; those end "· <short id>[-a<attempt>]-<position>.<ext>", which gives the short id only.
_OUTPUT_NAME: Final = re.compile(r"(?P<id>[A-Za-z0-9_-]+?)(?:-a(?P<attempt>\d+))?-(?P<pos>\d+)")
_READABLE_END: Final = " · "
_MAX_SIDECAR: Final = 64 * 1024 * 1024


def sidecar_facts(job: JobRecord, output: OutputRecord) -> dict[str, Any]:
    """The "job" and "output" blocks written into a finished output's sidecar."""
    return {
        "job": {
            "local_id": job.local_id,
            "capability": job.capability,
            "schema_fingerprint": job.schema_fingerprint,
            "backend": job.backend,
            "remote_ids": list(job.remote_ids),
            "created_at": job.created_at,
            "submitted_at": job.submitted_at,
            "started_at": job.started_at,
            "finished_at": job.finished_at,
            "elapsed_ms": job.elapsed_ms,
        },
        "output": {
            "index": output.index,
            "position": output.position,
            "kind": output.kind.value,
            "created_at": output.created_at,
        },
    }


@dataclass(frozen=True, slots=True)
class FoundOutput:
    """An output file found in the outputs folder, with what its sidecar (or name) says."""

    file: Path
    local_id: str
    request: dict[str, Any]
    job: dict[str, Any]
    output: dict[str, Any]
    sha256: str
    size: int
    mtime: float

    @property
    def kind(self) -> OutputKind:
        kind = self.output.get("kind")
        if isinstance(kind, str):
            try:
                return OutputKind(kind)
            except ValueError:
                pass
        media_type = str(self.output.get("media_type") or "")
        if self.file.suffix.lower() == ".json":
            return OutputKind.TEXT
        for candidate in (OutputKind.IMAGE, OutputKind.VIDEO, OutputKind.AUDIO):
            if media_type.startswith(f"{candidate.value}/"):
                return candidate
        return OutputKind.OTHER

    @property
    def task_id(self) -> str:
        task_id = self.request.get("task_id")
        return task_id if isinstance(task_id, str) else ""

    def number(self, key: str) -> float | None:
        """A numeric fact of the job block (a time or duration), else None."""
        value = self.job.get(key)
        return float(value) if isinstance(value, int | float) else None


def _read_sidecar(path: Path) -> dict[str, Any] | None:
    try:
        if path.stat().st_size > _MAX_SIDECAR:
            return None
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("format") != SIDECAR_FORMAT:
        return None
    request = document.get("request")
    return (
        document if isinstance(request, dict) and isinstance(request.get("input"), dict) else None
    )


def _block(document: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _file_hash(file: Path, document: Mapping[str, Any], size: int) -> str:
    """The finished file's hash as its sidecar records it, else computed (older sidecars)."""
    for key in ("final", "source"):
        facts = _block(document, key)
        if isinstance(facts.get("sha256"), str) and facts.get("size") == size:
            return str(facts["sha256"])
    return sha256_file(file)


def _name_match(file: Path) -> re.Match[str] | None:
    """The id and position in an output's name: the whole stem of an old name, the part after
    the last " · " of a readable one (see studio.core.jobs)."""
    stem = file.name[: -len(file.suffix)] if file.suffix else file.name
    if _READABLE_END in stem:
        return _OUTPUT_NAME.fullmatch(stem.rsplit(_READABLE_END, 1)[1])
    return _OUTPUT_NAME.fullmatch(stem)


def _local_id_of(file: Path, job: Mapping[str, Any]) -> str | None:
    local_id = job.get("local_id")
    if isinstance(local_id, str) and local_id:
        return local_id
    match = _name_match(file)  # a sidecar without the job block, or none: the name tells
    return match["id"] if match else None


def _position_of(file: Path) -> int | None:
    match = _name_match(file)
    return int(match["pos"]) if match else None


def found_output(file: Path) -> FoundOutput | None:
    """What a rebuild knows of one output file: from its sidecar, else its embedded request.

    None when nothing tells which job it belongs to (it stays on disk, uncounted in the library).
    """
    sidecar = existing_sidecar(file)
    document = _read_sidecar(sidecar) if sidecar is not None else None
    if document is None:
        request = read_metadata(file) if file.suffix.lower() != ".json" else None
        if request is None or request.get("source") == "parameters":
            return None
        document = {"request": request}
    job, output = _block(document, "job"), _block(document, "output")
    local_id = _local_id_of(file, job)
    if local_id is None:
        return None
    if output.get("position") is None and "index" not in output:
        output["position"] = _position_of(file)
    stat = file.stat()
    return FoundOutput(
        file=file,
        local_id=local_id,
        request=dict(document["request"]),
        job=job,
        output=output,
        sha256=_file_hash(file, document, stat.st_size),
        size=stat.st_size,
        mtime=stat.st_mtime,
    )


def _is_sidecar_of_a_file(path: Path) -> bool:
    return sidecar_owner(path) is not None


def output_files(root: Path) -> Iterator[Path]:
    """Every file in the outputs folder that may be an output: not a sidecar, temp or part."""
    for path in sorted(root.rglob("*")):
        name = path.name
        if not path.is_file() or name.startswith(".") or name.endswith((".part", ".tmp")):
            continue
        if _is_sidecar_of_a_file(path) and _read_sidecar(path) is not None:
            continue
        yield path


def has_recorded_outputs(root: Path) -> bool:
    """Whether the outputs folder holds at least one output with a readable sidecar."""
    if not root.is_dir():
        return False
    return any(
        _read_sidecar(path) is not None and _is_sidecar_of_a_file(path)
        for path in root.rglob("*.json")
    )
