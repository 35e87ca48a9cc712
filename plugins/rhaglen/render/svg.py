"""What every chart is drawn with: an SVG in two widths, wrapped words, patterns, legends.

SVG text scales with the drawing, so each chart is drawn twice, for the width of a
phone's column and for a desk's, and the style sheet shows the one that fits
(`.rh-chart--narrow`, `.rh-chart--wide`): its words then render at about the size they
are drawn (never below 12 CSS pixels). Words are wrapped onto lines, never cut.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from markupsafe import Markup

NARROW, WIDE = 360, 720  # viewBox widths: a phone's column (~358 px), a desk's (~690 px)
FONT = 16  # words; figures and axes are SMALL, never smaller
SMALL = 14
LINE = 1.25  # line height, in ems
GLYPH = 0.55  # an average glyph's width in ems, rounded up: text cannot be measured here
BOLD = 0.6


def esc(value: object) -> str:
    """Text for SVG content or attributes."""
    return html.escape(str(value), quote=True)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An estimate of how wide `text` is drawn, on the generous side."""
    return len(text) * size * (BOLD if bold else GLYPH)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """`text` on as many lines as it needs to fit `width`, broken between words.

    A single word longer than the width keeps its own line rather than being cut.
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def lines_text(x: float, y: float, lines: Sequence[str], size: float = FONT,
               attrs: str = "") -> str:
    """One `<text>` with a `<tspan>` per line; `y` is the first line's baseline."""
    spans = "".join(f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * LINE:.1f}">'
                    f'{esc(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{attrs}>{spans}</text>'


def block_height(lines: int, size: float = FONT) -> float:
    """The height that `lines` lines of text take."""
    return lines * size * LINE


def patterns(name: str, stripe: tuple[str, str], dots: tuple[str, str], angle: int) -> str:
    """Two fills that show without colour, ids `{p}-<name>hatch` and `{p}-<name>dots`.

    `stripe` and `dots` are (background, ink) colours; p is the chart's prefix.
    """
    return (f'<defs>\n<pattern id="{{p}}-{name}hatch" width="6" height="6" '
            f'patternUnits="userSpaceOnUse" patternTransform="rotate({angle})">'
            f'<rect width="6" height="6" fill="{stripe[0]}"/><line x1="0" y1="0" x2="0" '
            f'y2="6" stroke="{stripe[1]}" stroke-width="3"/></pattern>\n'
            f'<pattern id="{{p}}-{name}dots" width="6" height="6" '
            f'patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="{dots[0]}"/>'
            f'<circle cx="3" cy="3" r="1.2" fill="{dots[1]}"/></pattern>\n</defs>')


PATTERNS = patterns("", ("#fde0dc", "#b3261e"), ("#fff1c2", "#8a6100"), 45)


def svg(prefix: str, width: int, height: float, title: str, desc: str, body: Sequence[str],
        defs: str = "", role: str = "img") -> Markup:
    """One drawing of a chart: `width` wide, with its title and description for readers.

    `role` is "img", or "group" for a chart whose marks are links a reader can follow.
    """
    variant = "narrow" if width == NARROW else "wide"
    return Markup(
        f'<svg class="rh-chart rh-chart--{variant}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height:.0f}" role="{role}" '
        f'aria-labelledby="{prefix}-title {prefix}-desc" font-size="{FONT}" '
        f'font-family="inherit"><title id="{prefix}-title">{esc(title)}</title>'
        f'<desc id="{prefix}-desc">{esc(desc)}</desc>'
        + PATTERNS.format(p=prefix) + defs.format(p=prefix) + "".join(body) + "</svg>")


def both_widths(prefix: str, draw: Callable[[str, int], Markup]) -> Markup:
    """The chart drawn for a phone and for a desk; the style sheet shows one of them.

    The desk's drawing keeps `prefix` for its ids, the phone's adds "-narrow".
    """
    return Markup(draw(prefix + "-narrow", NARROW) + "\n" + draw(prefix, WIDE))


def legend(items: Sequence[tuple[str, str]], width: float, y: float,
           size: float = SMALL) -> tuple[list[str], float]:
    """Keys in a row that wraps: each a swatch (SVG drawn in a 16×16 box at x, y) and words.

    `items` holds (swatch, words), the swatch with `{x}` and `{y}` for its top left.
    Returns the drawing and the y below it.
    """
    body, x, top = [], 0.0, y
    for swatch, words in items:
        wide = 22 + text_width(words, size)
        if x and x + wide > width:
            x, top = 0.0, top + block_height(1, size) + 6
        body.append(swatch.format(x=f"{x:.1f}", y=f"{top:.1f}")
                    + lines_text(x + 22, top + 13, [words], size))
        x += wide + 14
    return body, top + block_height(1, size) + 6
