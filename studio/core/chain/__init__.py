"""The creative chain: where an output can go next, frames from videos, masks, lineage values.

``send_targets`` groups the endpoints that take an output (Animate, Edit, Extend, …),
``extend_targets`` continues a shot, ``plan_send`` places local files into a form's value;
``probe_video``/``decode_frame``/``frame_png`` take frames; ``load_mask_source``/``mask_png``
make masks. ``Source``, ``InputUse``, ``Link`` and ``Lineage`` are what the library records.
"""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.chain._frames import (
        Frame,
        FrameError,
        VideoFacts,
        decode_frame,
        frame_png,
        probe_video,
    )
    from studio.core.chain._masks import (
        MAX_MASK_PIXELS,
        MaskError,
        MaskSource,
        load_mask_source,
        mask_png,
        mask_problem,
    )
    from studio.core.chain._targets import (
        GROUP_ORDER,
        ExtendTarget,
        Group,
        Placement,
        SendPlan,
        SendTarget,
        extend_targets,
        family_of,
        plan_send,
        send_targets,
        takes,
    )
    from studio.core.chain._values import (
        SENDABLE_KINDS,
        InputUse,
        Lineage,
        Link,
        Source,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_frames": (
            "Frame",
            "FrameError",
            "VideoFacts",
            "decode_frame",
            "frame_png",
            "probe_video",
        ),
        "_masks": (
            "MAX_MASK_PIXELS",
            "MaskError",
            "MaskSource",
            "load_mask_source",
            "mask_png",
            "mask_problem",
        ),
        "_targets": (
            "GROUP_ORDER",
            "ExtendTarget",
            "Group",
            "Placement",
            "SendPlan",
            "SendTarget",
            "extend_targets",
            "family_of",
            "plan_send",
            "send_targets",
            "takes",
        ),
        "_values": (
            "SENDABLE_KINDS",
            "InputUse",
            "Lineage",
            "Link",
            "Source",
        ),
    },
)

__all__ = [
    "GROUP_ORDER",
    "MAX_MASK_PIXELS",
    "SENDABLE_KINDS",
    "ExtendTarget",
    "Frame",
    "FrameError",
    "Group",
    "InputUse",
    "Lineage",
    "Link",
    "MaskError",
    "MaskSource",
    "Placement",
    "SendPlan",
    "SendTarget",
    "Source",
    "VideoFacts",
    "decode_frame",
    "extend_targets",
    "family_of",
    "frame_png",
    "load_mask_source",
    "mask_png",
    "mask_problem",
    "plan_send",
    "probe_video",
    "send_targets",
    "takes",
]
