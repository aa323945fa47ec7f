"""Curation of library outputs: favourites, trash with undo, permanent delete, export and recall."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from studio.core.jobs import output_stem, prompt_of
from studio.core.library import _files as files
from studio.core.library import _queries as queries
from studio.core.library._lineage import LineageStore
from studio.core.library._types import (
    ExportResult,
    JobRecord,
    LibraryError,
    OutputRecord,
    Recall,
    RecallMode,
    TrashToken,
)
from studio.core.media import build_request, sidecar_bytes

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from studio.core.chain import Link

_CHUNK: Final = 500  # ids per statement, far below SQLite's variable limit


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = list(dict.fromkeys(int(value) for value in ids))
    for start in range(0, len(unique), _CHUNK):
        yield unique[start : start + _CHUNK]


def without_seed(value: Any) -> Any:
    """A copy with every key named "seed" removed, at any depth."""
    if isinstance(value, Mapping):
        return {key: without_seed(item) for key, item in value.items() if key != "seed"}
    if isinstance(value, list):
        return [without_seed(item) for item in value]
    return value


def make_recall(
    endpoint: str,
    input: Mapping[str, Any],
    mode: RecallMode | str,
    sources: tuple[Link, ...] = (),
) -> Recall:
    """Parameters to load for a mode; also used for a request read from a dropped file.

    ``sources`` are the library outputs the job used: Remix and Use all put their files back.
    """
    mode = RecallMode(mode)
    if mode is RecallMode.USE_ALL:
        values = dict(input)
    elif mode is RecallMode.REMIX:
        values = without_seed(input)
    else:
        values = {"prompt": queries.extract_prompt(input)}
        sources = ()
    return Recall(endpoint=endpoint, input=values, mode=mode, sources=sources)


def request_for(job: JobRecord, sources: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The request dict written into files of this job (see media.build_request); ``sources``
    name the library outputs it used (Library.source_facts)."""
    return build_request(
        job.endpoint, job.input, task_id=job.remote_id, model=job.model, sources=sources
    )


def export_name(job: JobRecord, output: OutputRecord, file: Path) -> str:
    """The file's own name when it is a readable one; a name from before readable names
    (``<local id>-<index>``) is made readable as studio.core.jobs names outputs now."""
    if not file.name.startswith(job.local_id):
        return file.name
    attempt = job.remote_ids.index(output.task_id) + 1 if output.task_id in job.remote_ids else 1
    try:
        stem = output_stem(
            prompt=prompt_of(job.input),
            endpoint=job.endpoint,
            local_id=job.local_id,
            day=datetime.fromtimestamp(job.created_at).astimezone().date(),
            index=output.position if output.position is not None else output.index,
            attempt=attempt,
        )
    except ValueError:  # an id unfit for a name: the file keeps the one it has
        return file.name
    return stem + file.suffix


def _output_facts(output: OutputRecord) -> dict[str, Any]:
    # Output URLs may be signed: they stay out of exported files.
    return {
        "output": {
            "index": output.index,
            "kind": output.kind.value,
            "media_type": output.media_type,
            "width": output.width,
            "height": output.height,
            "duration": output.duration,
            "sha256": output.sha256,
            "size": output.size,
            "created_at": output.created_at,
        }
    }


class Curation(LineageStore):
    """Favourites, trash, export and recall over the store."""

    def set_favourite(self, output_ids: Iterable[int], on: bool) -> list[int]:
        """Star or unstar; returns the ids whose flag actually changed."""
        flag = int(on)
        return self._update_outputs(output_ids, "favourite = ?", (flag,), "favourite != ?", (flag,))

    def trash(self, output_ids: Iterable[int]) -> TrashToken:
        """Move outputs to the trash (files stay); the token undoes exactly this step."""
        now = self._clock()
        changed = self._update_outputs(output_ids, "trashed_at = ?", (now,), "trashed_at IS NULL")
        return TrashToken(output_ids=tuple(changed), trashed_at=now)

    def restore(self, output_ids: Iterable[int]) -> list[int]:
        return self._update_outputs(output_ids, "trashed_at = NULL", (), "trashed_at IS NOT NULL")

    def undo_trash(self, token: TrashToken) -> list[int]:
        """Restore the token's outputs if they are still in the trash from that same step."""
        return self._update_outputs(
            token.output_ids, "trashed_at = NULL", (), "trashed_at = ?", (token.trashed_at,)
        )

    def empty_trash(self, output_ids: Iterable[int] | None = None) -> list[Path]:
        """Delete trashed outputs (all, or only the given ones) with their files and sidecars.

        Returns the files removed. An output whose file cannot be removed keeps its row.
        """
        targets = self._trashed(output_ids)
        removed: list[Path] = []
        gone: list[int] = []
        for output_id, local_path in targets:
            if local_path is not None:
                try:
                    removed += files.delete_with_sidecar(self.outputs_root, local_path)
                except (OSError, LibraryError):
                    continue
            gone.append(output_id)
        with self._write() as db:
            for chunk in _chunks(gone):
                marks = ", ".join("?" * len(chunk))
                db.execute(f"DELETE FROM outputs WHERE id IN ({marks})", chunk)
        return removed

    def _trashed(self, output_ids: Iterable[int] | None) -> list[tuple[int, str | None]]:
        sql = "SELECT id, local_path FROM outputs WHERE trashed_at IS NOT NULL"
        with self._read() as db:
            if output_ids is None:
                return [(row[0], row[1]) for row in db.execute(sql)]
            found: list[tuple[int, str | None]] = []
            for chunk in _chunks(output_ids):
                marks = ", ".join("?" * len(chunk))
                rows = db.execute(f"{sql} AND id IN ({marks})", chunk).fetchall()
                found += [(row[0], row[1]) for row in rows]
            return found

    def export(self, output_ids: Iterable[int], dest: Path, *, as_zip: bool) -> ExportResult:
        """Copy files with their sidecars into a folder, or into one zip file at dest, each
        under a readable name (see export_name)."""
        sources: list[files.ExportSource] = []
        missing: list[int] = []
        for output_id in dict.fromkeys(output_ids):
            source = self._export_source(output_id)
            if source is None:
                missing.append(output_id)
            else:
                sources.append(source)
        written = files.write_zip(sources, dest) if as_zip else files.copy_to_folder(sources, dest)
        return ExportResult(destination=dest, files=tuple(written), missing=tuple(missing))

    def _export_source(self, output_id: int) -> files.ExportSource | None:
        output = self.get_output(output_id)
        path = None if output is None else self._existing_file(output)
        job = None if output is None else self.get_job(output.local_id)
        if output is None or path is None or job is None:
            return None
        request = request_for(job, self.source_facts(job.local_id))
        sidecar = sidecar_bytes(request, _output_facts(output))
        return files.ExportSource(path, export_name(job, output, path), sidecar)

    def _existing_file(self, output: OutputRecord) -> Path | None:
        with contextlib.suppress(LibraryError):
            path = self.file_of(output)
            if path is not None and path.is_file():
                return path
        return None

    def recall(self, target: int | str, mode: RecallMode | str) -> Recall:
        """Parameters of an output (by id) or a job (by local id) for the form; see RecallMode."""
        local_id = target
        if isinstance(target, int):
            output = self.get_output(target)
            if output is None:
                raise LibraryError(f"no output {target}")
            local_id = output.local_id
        job = self.get_job(str(local_id))
        if job is None:
            raise LibraryError(f"no job {local_id!r}")
        return make_recall(job.endpoint, job.input, mode, self.recall_links(job.local_id))

    def _update_outputs(
        self,
        output_ids: Iterable[int],
        assignment: str,
        values: tuple[Any, ...],
        condition: str,
        condition_values: tuple[Any, ...] = (),
    ) -> list[int]:
        changed: list[int] = []
        with self._write() as db:
            for chunk in _chunks(output_ids):
                marks = ", ".join("?" * len(chunk))
                rows = db.execute(
                    f"UPDATE outputs SET {assignment} WHERE {condition} AND id IN ({marks}) "
                    "RETURNING id",
                    (*values, *condition_values, *chunk),
                ).fetchall()
                changed += [row[0] for row in rows]
        return sorted(changed)
