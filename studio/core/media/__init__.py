"""Media files: probing, thumbnails, waveforms, generation metadata and sidecars, text outputs.

Plain blocking functions: callers run them in a thread.
"""

from studio.core.media._files import extension_for, sha256_file
from studio.core.media._finish import FileFacts, finish_file, source_facts_of
from studio.core.media._metadata import (
    build_request,
    embed_metadata,
    read_metadata,
    sidecar_bytes,
    sidecar_path,
    write_sidecar,
)
from studio.core.media._probe import MediaInfo, probe
from studio.core.media._text import (
    TEXT_MEDIA_TYPE,
    is_text_media,
    plain_text,
    read_plain_text,
    text_bytes,
    text_media,
    text_result,
    write_text_output,
)
from studio.core.media._thumbnails import (
    THUMB_SIZE,
    ThumbnailError,
    make_thumbnail,
    thumbs_dir,
    waveform_tile,
)
from studio.core.media._waveform import WaveformError, WaveformPeaks, compute_peaks

__all__ = [
    "TEXT_MEDIA_TYPE",
    "THUMB_SIZE",
    "FileFacts",
    "MediaInfo",
    "ThumbnailError",
    "WaveformError",
    "WaveformPeaks",
    "build_request",
    "compute_peaks",
    "embed_metadata",
    "extension_for",
    "finish_file",
    "is_text_media",
    "make_thumbnail",
    "plain_text",
    "probe",
    "read_metadata",
    "read_plain_text",
    "sha256_file",
    "sidecar_bytes",
    "sidecar_path",
    "source_facts_of",
    "text_bytes",
    "text_media",
    "text_result",
    "thumbs_dir",
    "waveform_tile",
    "write_sidecar",
    "write_text_output",
]
