"""SQL for the library: safe full-text queries, gallery filters and row → record conversion."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Final

from studio.core.jobs import JobStatus
from studio.core.library._types import JobRecord, OutputFilter, OutputKind, OutputRecord

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Mapping

JOB_COLUMNS: Final = (
    "local_id, endpoint, capability, model, schema_fingerprint, input_json, prompt, webhook_url, "
    "status, remote_id, remote_ids_json, error, created_at, submitted_at, started_at, finished_at, "
    "elapsed_ms, task_json, deleted_at, backend"
)
OUTPUT_COLUMNS: Final = (
    'id, local_id, "index", kind, remote_url, local_path, sha256, size, media_type, width, height, '
    "duration, created_at, favourite, trashed_at, task_id, position"
)

# An output and, recursively, every output of a job that used one of them as an input. UNION
# (not UNION ALL) drops repeats, so even a cycle written by hand ends.
MADE_FROM_CONDITION: Final = (
    "o.id IN (WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT made.id FROM family "
    "JOIN job_inputs ji ON ji.output_id = family.id "
    "JOIN outputs made ON made.local_id = ji.local_id) SELECT id FROM family)"
)

# A user's search box: "quoted phrases", bare words, and a possibly unclosed last quote.
_SEARCH_TERM: Final = re.compile(r'"([^"]*)("?)|([^\s"]+)')
_HAS_WORD: Final = re.compile(r"\w")
# unicode61 keeps a run of CJK characters as one token, so words inside it are found with LIKE.
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def search_terms(text: str) -> list[tuple[str, bool]]:
    """Split user input into (term, is_prefix) pairs; only the last open term is a prefix."""
    matches = list(_SEARCH_TERM.finditer(text))
    ends_open = bool(text) and not text[-1].isspace()
    terms: list[tuple[str, bool]] = []
    for position, match in enumerate(matches):
        phrase, closing_quote, word = match.groups()
        term = word if word is not None else phrase
        if not _HAS_WORD.search(term):
            continue
        is_last = position == len(matches) - 1
        unquoted_or_unclosed = word is not None or not closing_quote
        terms.append((term.strip(), is_last and ends_open and unquoted_or_unclosed))
    return terms


def fts_expression(terms: list[tuple[str, bool]]) -> str:
    """An FTS5 MATCH string where every term is a quoted string, so no input is syntax."""
    quoted = [
        '"' + term.replace('"', '""') + '"' + ("*" if prefix else "") for term, prefix in terms
    ]
    return " ".join(quoted)


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_conditions(text: str) -> tuple[list[str], list[Any]]:
    terms = search_terms(text)
    word_terms = [(term, prefix) for term, prefix in terms if not _CJK.search(term)]
    cjk_terms = [term for term, _ in terms if _CJK.search(term)]
    conditions: list[str] = []
    params: list[Any] = []
    if word_terms:
        conditions.append("j.id IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?)")
        params.append(fts_expression(word_terms))
    for term in cjk_terms:
        conditions.append("j.prompt LIKE ? ESCAPE '\\'")
        params.append(_like_pattern(term))
    return conditions, params


def _trash_condition(f: OutputFilter) -> str | None:
    if f.trash_only:
        return "o.trashed_at IS NOT NULL"
    return None if f.include_trashed else "o.trashed_at IS NULL"


def where_clause(f: OutputFilter) -> tuple[str, list[Any]]:
    """The WHERE part (possibly empty) and its parameters for a gallery filter."""
    conditions: list[str] = []
    params: list[Any] = []
    equals = {
        "j.capability": f.capability,
        "j.endpoint": f.endpoint,
        "j.model": f.model,
        "j.status": f.status,
    }
    for column, value in equals.items():
        if value:
            conditions.append(f"{column} = ?")
            params.append(value)
    if f.date_from is not None:
        conditions.append("o.created_at >= ?")
        params.append(f.date_from.timestamp())
    if f.date_to is not None:
        conditions.append("o.created_at < ?")
        params.append(f.date_to.timestamp())
    if f.favourites_only:
        conditions.append("o.favourite = 1")
    if f.made_from is not None:
        conditions.append(MADE_FROM_CONDITION)
        params.append(f.made_from)
    trash = _trash_condition(f)
    if trash:
        conditions.append(trash)
    text_conditions, text_params = _text_conditions(f.text)
    conditions += text_conditions
    params += text_params
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", params


def order_clause(f: OutputFilter) -> str:
    direction = "DESC" if f.newest_first else "ASC"
    return f" ORDER BY o.created_at {direction}, o.id {direction}"


def job_from_row(row: sqlite3.Row) -> JobRecord:
    return JobRecord(
        local_id=row["local_id"],
        endpoint=row["endpoint"],
        capability=row["capability"],
        model=row["model"],
        schema_fingerprint=row["schema_fingerprint"],
        input=json.loads(row["input_json"]),
        prompt=row["prompt"],
        webhook_url=row["webhook_url"],
        status=JobStatus(row["status"]),
        remote_id=row["remote_id"],
        remote_ids=tuple(json.loads(row["remote_ids_json"])),
        error=row["error"],
        created_at=row["created_at"],
        submitted_at=row["submitted_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        elapsed_ms=row["elapsed_ms"],
        task_json=row["task_json"],
        deleted_at=row["deleted_at"],
        backend=row["backend"],
    )


def output_kind(value: str) -> OutputKind:
    """Tolerate kinds a newer app version wrote."""
    try:
        return OutputKind(value)
    except ValueError:
        return OutputKind.OTHER


def output_from_row(row: sqlite3.Row) -> OutputRecord:
    return OutputRecord(
        id=row["id"],
        local_id=row["local_id"],
        index=row["index"],
        kind=output_kind(row["kind"]),
        remote_url=row["remote_url"],
        local_path=row["local_path"],
        sha256=row["sha256"],
        size=row["size"],
        media_type=row["media_type"],
        width=row["width"],
        height=row["height"],
        duration=row["duration"],
        created_at=row["created_at"],
        favourite=bool(row["favourite"]),
        trashed_at=row["trashed_at"],
        task_id=row["task_id"],
        position=row["position"],
    )


_PROMPT_KEYS: Final = ("prompt", "text", "query", "lyrics", "description", "caption")


def extract_prompt(values: Mapping[str, Any]) -> str:
    """The text a user would search for: the prompt, else another prompt-like string field."""
    for key in _PROMPT_KEYS:
        value = values.get(key)
        if isinstance(value, str) and value.strip():
            return value
    for key, value in values.items():
        if key.endswith("prompt") and "negative" not in key and isinstance(value, str):
            return value
    return ""
