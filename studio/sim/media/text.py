"""The prompt caption: a translucent rounded panel with a small label and wrapped text."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

_LATIN_FONTS = ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_CJK_FONTS = ("wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def load_font(size: int, sample: str = "") -> Font:
    """DejaVu Sans (or a CJK font for CJK text), else Pillow's built-in font.

    Fonts are loaded per call, not cached: a FreeType face is not safe to share across threads.
    """
    wants_cjk = any(ord(ch) >= 0x2E80 for ch in sample)
    names = (*_CJK_FONTS, *_LATIN_FONTS) if wants_cjk else (*_LATIN_FONTS, *_CJK_FONTS)
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


@dataclass(frozen=True)
class CaptionLayout:
    box: tuple[int, int, int, int]
    lines: tuple[str, ...]
    label: str
    font_size: int
    padding: int


def layout_caption(width: int, height: int, prompt: str, label: str) -> CaptionLayout | None:
    """Where the caption goes, or None when there is nothing to say or no room."""
    short = min(width, height)
    if not prompt.strip() or short < 48:
        return None
    size = max(11, min(44, round(short * 0.036)))
    margin = max(6, round(short * 0.04))
    padding = max(5, round(size * 0.7))
    font = load_font(size, prompt)
    max_lines = 1 if height < 260 else 2
    lines = wrap(prompt, font, width - 2 * margin - 2 * padding, max_lines)
    label_size = max(8, round(size * 0.6))
    shown_label = label if height >= 260 else ""
    text_width = max(font.getlength(line) for line in lines)
    label_width = load_font(label_size).getlength(shown_label) if shown_label else 0.0
    panel_w = round(max(text_width, label_width)) + 2 * padding
    label_h = round(label_size * 1.6) if shown_label else 0
    panel_h = round(len(lines) * size * 1.3) + label_h + 2 * padding - round(size * 0.2)
    top = height - margin - panel_h
    return CaptionLayout(
        (margin, top, margin + panel_w, height - margin), tuple(lines), shown_label, size, padding
    )


def wrap(text: str, font: Font, max_width: float, max_lines: int) -> list[str]:
    """Greedy word wrap (character wrap for unspaced scripts), ellipsised past max_lines."""
    tokens = text.split() if " " in text.strip() else list(text.strip())
    joiner = " " if " " in text.strip() else ""
    lines: list[str] = []
    current = ""
    for token in tokens:
        candidate = f"{current}{joiner}{token}" if current else token
        if font.getlength(candidate) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = token
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _ellipsise(lines[-1], font, max_width)
    return [
        _ellipsise(line, font, max_width) if font.getlength(line) > max_width else line
        for line in lines
    ]


def _ellipsise(line: str, font: Font, max_width: float) -> str:
    while line and font.getlength(line + "…") > max_width:
        line = line[:-1]
    return line.rstrip(" ,.;:") + "…"


def draw_caption(image: Image.Image, prompt: str, label: str, *, frosted: bool = True) -> None:
    """Draw the caption onto an RGB image in place (frosted glass behind it for stills)."""
    layout = layout_caption(image.width, image.height, prompt, label)
    if layout is None:
        return
    radius = layout.padding
    mask = Image.new("L", image.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(layout.box, radius=radius, fill=255)
    if frosted:
        blurred = image.crop(layout.box).filter(ImageFilter.GaussianBlur(layout.font_size * 0.8))
        image.paste(blurred, layout.box[:2], mask.crop(layout.box))
    shade = Image.new("RGB", image.size, (10, 12, 20))
    image.paste(Image.blend(image, shade, 0.42), (0, 0), mask)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    _draw_text(ImageDraw.Draw(overlay), layout)
    image.paste(overlay, (0, 0), overlay)


def caption_overlay(width: int, height: int, prompt: str, label: str) -> Image.Image | None:
    """The caption alone on a transparent RGBA layer (cheap to composite on every video frame)."""
    layout = layout_caption(width, height, prompt, label)
    if layout is None:
        return None
    overlay = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle(layout.box, radius=layout.padding, fill=(10, 12, 20, 120))
    _draw_text(draw, layout)
    return overlay


def _draw_text(draw: ImageDraw.ImageDraw, layout: CaptionLayout) -> None:
    left, top = layout.box[:2]
    draw.rounded_rectangle(layout.box, radius=layout.padding, outline=(255, 255, 255, 60))
    x, y = left + layout.padding, top + layout.padding
    if layout.label:
        label_font = load_font(max(8, round(layout.font_size * 0.6)))
        draw.text((x, y), layout.label, font=label_font, fill=(255, 255, 255, 170))
        y += round(layout.font_size * 0.6 * 1.6)
    font = load_font(layout.font_size, "".join(layout.lines))
    for line in layout.lines:
        draw.text((x + 1, y + 1), line, font=font, fill=(0, 0, 0, 110))
        draw.text((x, y), line, font=font, fill=(255, 255, 255, 240))
        y += round(layout.font_size * 1.3)
