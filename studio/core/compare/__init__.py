"""Compare: one intent translated onto each model's own schema, with every translation shown, and
the comparisons the library keeps (columns, rounds, verdicts)."""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.compare._comparison import (
        Comparison,
        Entry,
        Round,
        Variant,
        Verdict,
        new_comparison_id,
    )
    from studio.core.compare._fit import (
        Fit,
        fit,
    )
    from studio.core.compare._intent import (
        How,
        Intent,
        Translation,
        TranslationRow,
    )
    from studio.core.compare._limits import (
        MediaFacts,
        MediaLimits,
        MediaProblem,
        MediaProblemKind,
        media_limits,
        media_problems,
    )
    from studio.core.compare._override import (
        can_override,
        override,
    )
    from studio.core.compare._plan import (
        MAX_COLUMNS,
        MIN_COLUMNS,
        plan,
    )
    from studio.core.compare._records import (
        comparison_from_json,
        comparison_to_json,
    )
    from studio.core.compare._translate import translate
    from studio.core.compare._variants import (
        VARIED_SETTINGS,
        fresh_seed,
        seed_variants,
        value_variants,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_comparison": (
            "Comparison",
            "Entry",
            "Round",
            "Variant",
            "Verdict",
            "new_comparison_id",
        ),
        "_fit": (
            "Fit",
            "fit",
        ),
        "_intent": (
            "How",
            "Intent",
            "Translation",
            "TranslationRow",
        ),
        "_limits": (
            "MediaFacts",
            "MediaLimits",
            "MediaProblem",
            "MediaProblemKind",
            "media_limits",
            "media_problems",
        ),
        "_override": (
            "can_override",
            "override",
        ),
        "_plan": (
            "MAX_COLUMNS",
            "MIN_COLUMNS",
            "plan",
        ),
        "_records": (
            "comparison_from_json",
            "comparison_to_json",
        ),
        "_translate": ("translate",),
        "_variants": (
            "VARIED_SETTINGS",
            "fresh_seed",
            "seed_variants",
            "value_variants",
        ),
    },
)

__all__ = [
    "MAX_COLUMNS",
    "MIN_COLUMNS",
    "VARIED_SETTINGS",
    "Comparison",
    "Entry",
    "Fit",
    "How",
    "Intent",
    "MediaFacts",
    "MediaLimits",
    "MediaProblem",
    "MediaProblemKind",
    "Round",
    "Translation",
    "TranslationRow",
    "Variant",
    "Verdict",
    "can_override",
    "comparison_from_json",
    "comparison_to_json",
    "fit",
    "fresh_seed",
    "media_limits",
    "media_problems",
    "new_comparison_id",
    "override",
    "plan",
    "seed_variants",
    "translate",
    "value_variants",
]
