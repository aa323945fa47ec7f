"""From what the user set up to what each column will send: the table's column plans, the label of
a varied column, and how every listed model fits the intent."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from studio.core.compare import fit, media_problems, plan
from studio.core.schema import FormSpec
from studio.ui.compare.table import ColumnPlan
from studio.ui.compare.words import problem_text, value_text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.compare import Fit, Intent, MediaFacts, Translation, Variant
    from studio.ui.compare.tasks import Task


def variant_key(variant: Variant) -> str:
    """Which column a hand-set value belongs to: the model and what the column varies."""
    return f"{variant.slug}|{json.dumps(dict(variant.changes), sort_keys=True, default=str)}"


def variant_label(variant: Variant) -> str:
    """ "seed 48213", "6 s", "16:9": what this column changes ("" for none)."""
    parts = []
    for setting, value in variant.changes.items():
        if setting == "seed":
            parts.append(QCoreApplication.translate("Compare", "seed %1").replace("%1", str(value)))
        elif setting == "duration_s":
            parts.append(QCoreApplication.translate("Compare", "%1 s").replace(
                "%1", value_text(value)))  # fmt: skip
        else:
            parts.append(value_text(value))
    return " · ".join(parts)


def spec_of(detail: EndpointDetail | None) -> FormSpec | None:
    if detail is None:
        return None
    try:
        return FormSpec.from_schema(detail.input_schema)
    except Exception:  # an unreadable schema: the table still shows, without editors
        return None


def column_plan(
    detail: EndpointDetail | None,
    title: str,
    variant: Variant,
    *,
    intent: Intent,
    facts: Mapping[str, MediaFacts],
    names: Mapping[str, str],
    unavailable: str = "",
) -> ColumnPlan:
    """What one column will send; `unavailable` says why its settings are missing."""
    label = variant_label(variant)
    if detail is None:
        return ColumnPlan(title, label, None, unavailable, names=names)
    translation = plan(detail.input_schema, intent, variant.overrides)
    problems = media_plan_problems(detail.input_schema, translation, facts)
    status = "; ".join(problems.values())
    return ColumnPlan(title, label, translation, status, problems, spec_of(detail), names)


def media_plan_problems(
    schema: dict[str, Any], translation: Translation, facts: Mapping[str, MediaFacts]
) -> dict[str, str]:
    """What the model will not accept about each file, in words, by intent setting."""
    found: dict[str, str] = {}
    for problem in media_problems(schema, translation, facts):
        text = problem_text(problem, facts[problem.setting].name)
        found[problem.setting] = f"{found[problem.setting]} {text}" if problem.setting in found \
            else text  # fmt: skip
    return found


def fits(
    endpoints: Sequence[Endpoint],
    details: Mapping[str, EndpointDetail],
    task: Task,
    intent: Intent,
) -> dict[str, Fit | None]:
    """How each model fits (None while its settings are unknown), the task's missing media
    stood in for so that models are judged by kind before a file is chosen."""
    judged = task.with_placeholders(intent)
    found: dict[str, Fit | None] = {}
    for endpoint in endpoints:
        detail = details.get(endpoint.slug)
        found[endpoint.slug] = None if detail is None else fit(detail.input_schema, judged)
    return found
