"""Media files: probing, thumbnails, waveforms, metadata and sidecars, text outputs, inputs.

Plain blocking functions: callers run them in a thread.
"""

from typing import TYPE_CHECKING

from studio.core._lazy import lazy_names

if TYPE_CHECKING:
    from studio.core.media._decode import (
        DecodedImage,
        DecodeFailure,
        DecodeResult,
        decode_detail,
        decode_preview,
        describe_decoded,
        fitted_size,
    )
    from studio.core.media._files import (
        extension_for,
        sha256_file,
    )
    from studio.core.media._finish import (
        FileFacts,
        finish_file,
        source_facts_of,
    )
    from studio.core.media._inputs import (
        LARGE_FILE_BYTES,
        LoadedMedia,
        MediaPreview,
        data_uri_preview,
        data_uri_size,
        decode_data_uri,
        describe_data_uri,
        describe_preview,
        load_local_file,
        load_pixels,
        local_file_from_text,
    )
    from studio.core.media._metadata import (
        SIDECAR_FORMAT,
        build_request,
        embed_metadata,
        read_metadata,
        sidecar_bytes,
        write_sidecar,
    )
    from studio.core.media._probe import probe
    from studio.core.media._text import (
        plain_text,
        read_plain_text,
        text_bytes,
    )
    from studio.core.media._thumbnails import (
        THUMB_SIZE,
        ThumbnailError,
        make_thumbnail,
        waveform_tile,
    )
    from studio.core.media._waveform import (
        WaveformError,
        WaveformPeaks,
        compute_peaks,
    )

# Each name's module is imported the first time the name is used (see studio.core._lazy).
__getattr__ = lazy_names(
    __name__,
    {
        "_decode": (
            "DecodedImage",
            "DecodeFailure",
            "DecodeResult",
            "decode_detail",
            "decode_preview",
            "describe_decoded",
            "fitted_size",
        ),
        "_files": (
            "extension_for",
            "sha256_file",
        ),
        "_finish": (
            "FileFacts",
            "finish_file",
            "source_facts_of",
        ),
        "_inputs": (
            "LARGE_FILE_BYTES",
            "LoadedMedia",
            "MediaPreview",
            "data_uri_preview",
            "data_uri_size",
            "decode_data_uri",
            "describe_data_uri",
            "describe_preview",
            "load_local_file",
            "load_pixels",
            "local_file_from_text",
        ),
        "_metadata": (
            "SIDECAR_FORMAT",
            "build_request",
            "embed_metadata",
            "read_metadata",
            "sidecar_bytes",
            "write_sidecar",
        ),
        "_probe": ("probe",),
        "_text": (
            "plain_text",
            "read_plain_text",
            "text_bytes",
        ),
        "_thumbnails": (
            "THUMB_SIZE",
            "ThumbnailError",
            "make_thumbnail",
            "waveform_tile",
        ),
        "_waveform": (
            "WaveformError",
            "WaveformPeaks",
            "compute_peaks",
        ),
    },
)

__all__ = [
    "LARGE_FILE_BYTES",
    "SIDECAR_FORMAT",
    "THUMB_SIZE",
    "DecodeFailure",
    "DecodeResult",
    "DecodedImage",
    "FileFacts",
    "LoadedMedia",
    "MediaPreview",
    "ThumbnailError",
    "WaveformError",
    "WaveformPeaks",
    "build_request",
    "compute_peaks",
    "data_uri_preview",
    "data_uri_size",
    "decode_data_uri",
    "decode_detail",
    "decode_preview",
    "describe_data_uri",
    "describe_decoded",
    "describe_preview",
    "embed_metadata",
    "extension_for",
    "finish_file",
    "fitted_size",
    "load_local_file",
    "load_pixels",
    "local_file_from_text",
    "make_thumbnail",
    "plain_text",
    "probe",
    "read_metadata",
    "read_plain_text",
    "sha256_file",
    "sidecar_bytes",
    "source_facts_of",
    "text_bytes",
    "waveform_tile",
    "write_sidecar",
]
