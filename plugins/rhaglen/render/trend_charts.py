"""Charts of figures over time: a value against its expected path, and a status strip.

Lines differ by dash and marker shape as well as colour, and every mark a reader needs
is also in the table beside the chart. Drawn for a phone's width and a desk's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from .axes import axis_labels, month_ticks, value_ticks
from .svg import SMALL, block_height, both_widths, esc, legend, lines_text, svg, text_width, wrap


@dataclass(frozen=True)
class LineStyle:
    stroke: str
    dash: str  # "" for a solid line
    width: float
    marker: str  # SVG with {x} and {y} for its centre, "" for none
    line: bool = True  # False: the points alone, unjoined


DOT = '<circle cx="{x}" cy="{y}" r="5" fill="#00796b"/>'
RING = '<circle cx="{x}" cy="{y}" r="6" fill="#fff" stroke="#000" stroke-width="2"/>'
SQUARE = ('<rect x="{x}" y="{y}" width="12" height="12" fill="#fff" stroke="#000" '
          'stroke-width="2" transform="translate(-6 -6)"/>')
STYLES = {
    "reported": LineStyle("#00796b", "", 3, DOT),
    "expected": LineStyle("#555", "6 4", 2, ""),
    "baseline": LineStyle("#000", "", 0, RING, line=False),
    "target": LineStyle("#000", "", 0, SQUARE, line=False),
    "budget": LineStyle("#b3261e", "2 3", 2.5, ""),
}


@dataclass(frozen=True)
class Series:
    """A named line of (date, value) points, drawn as `style` (a key of STYLES)."""

    label: str
    points: tuple[tuple[date, float], ...]
    style: str


def _swatch(style: LineStyle) -> str:
    """The legend's key for a style: a short line and its marker, 18 wide."""
    line = (f'<line x1="0" x2="18" y1="8" y2="8" stroke="{style.stroke}" '
            f'stroke-width="{style.width}"'
            + (f' stroke-dasharray="{style.dash}"' if style.dash else "") + "/>"
            if style.line else "")
    return f'<g transform="translate({{x}} {{y}})">{line}{style.marker.format(x=9, y=8)}</g>'


def trend_chart(prefix: str, title: str, desc: str, series: Sequence[Series],
                month: Callable[[date], str], number: Callable[[float], str],
                from_zero: bool = False) -> Markup:
    """Values over time with round-number gridlines, month labels and a legend.

    `number` writes the value axis in the page's language; `from_zero` starts it at 0.
    """
    points = [p for s in series for p in s.points]
    days = [d for d, _ in points]
    values = [v for _, v in points] + ([0.0] if from_zero else [])
    ticks = value_ticks(min(values), max(values))
    start, end = min(days) - timedelta(days=15), max(days) + timedelta(days=15)

    def draw(p: str, width: int) -> Markup:
        keys = [(_swatch(STYLES[s.style]), s.label) for s in series]
        body, top = legend(keys, width, 0)
        left = max(text_width(number(t), SMALL) for t in ticks) + 8
        height = 150 if width < 500 else 200
        bottom = top + 8 + height

        def x(day: date) -> float:
            return left + 8 + (width - left - 16) * (day - start).days / (end - start).days

        def y(value: float) -> float:
            return bottom - height * (value - ticks[0]) / (ticks[-1] - ticks[0])

        for tick in ticks:
            body.append(f'<line x1="{left}" x2="{width}" y1="{y(tick):.1f}" '
                        f'y2="{y(tick):.1f}" stroke="#ddd"/>'
                        + lines_text(left - 6, y(tick) + 5, [number(tick)], SMALL,
                                     ' text-anchor="end"'))
        body += [_series(s, x, y) for s in series]
        labels = month_ticks(start, end, width - left, month, SMALL)
        body += axis_labels(labels, x, bottom + 8 + SMALL, width, SMALL)
        return svg(p, width, bottom + 16 + SMALL, title, desc, body)
    return both_widths(prefix, draw)


def _series(series: Series, x: Callable[[date], float], y: Callable[[float], float]) -> str:
    style = STYLES[series.style]
    at = [(x(d), y(v)) for d, v in series.points]
    path = ""
    if style.line and len(at) > 1:
        path = (f'<polyline class="rh-line rh-line--{series.style}" points="'
                + " ".join(f"{a:.1f},{b:.1f}" for a, b in at)
                + f'" fill="none" stroke="{style.stroke}" stroke-width="{style.width}"'
                + (f' stroke-dasharray="{style.dash}"' if style.dash else "") + "/>")
    marks = "".join(style.marker.format(x=f"{a:.1f}", y=f"{b:.1f}") for a, b in at)
    return path + marks


@dataclass(frozen=True)
class StripCell:
    """One update in the status strip: its status value, words, date and page."""

    value: str  # "green", "amber", "red"
    label: str  # "Amber – some problems"
    when: str  # its date in words
    href: str


RAG_FILL = {"green": "#e3f1e6", "amber": "url(#{p}-dots)", "red": "url(#{p}-hatch)"}
RAG_INK = {"green": "#1b5e20", "amber": "#6d4c00", "red": "#8c1d18"}


def rag_strip(prefix: str, title: str, desc: str, cells: Sequence[StripCell]) -> Markup:
    """A cell per update, oldest first, in rows: a band coloured and patterned by status
    (plain, dotted, striped), the status in words and the date, linked to the update."""
    def draw(p: str, width: int) -> Markup:
        per_row = max(1, min(len(cells), width // 100))
        cell = width / per_row
        body: list[str] = []
        y = 0.0
        for start in range(0, len(cells), per_row):
            row = cells[start:start + per_row]
            words = [(wrap(c.label, SMALL, cell - 10, bold=True), wrap(c.when, SMALL, cell - 10))
                     for c in row]
            for i, (c, (label, when)) in enumerate(zip(row, words, strict=True)):
                body.append(_strip_cell(p, c, (i * cell, y, cell), label, when))
            deep = max(len(label) + len(when) for label, when in words)
            y += 30 + block_height(deep, SMALL) + 14
        return svg(p, width, y, title, desc, body, role="group")
    return both_widths(prefix, draw)


def _strip_cell(p: str, c: StripCell, box: tuple[float, float, float], label: list[str],
                when: list[str]) -> str:
    x, y, cell = box
    fill = RAG_FILL.get(c.value, "#fff").format(p=p)
    ink = RAG_INK.get(c.value, "#000")
    return (f'<a href="{esc(c.href)}" tabindex="-1"><rect class="rh-strip rh-strip--{c.value}" '
            f'x="{x + 2:.1f}" y="{y:.1f}" width="{cell - 4:.1f}" height="24" fill="{fill}" '
            f'stroke="{ink}" stroke-width="2"/>'
            + lines_text(x + 4, y + 30 + SMALL, label, SMALL, f' font-weight="bold" fill="{ink}"')
            + lines_text(x + 4, y + 30 + block_height(len(label), SMALL) + SMALL, when, SMALL)
            + "</a>")
