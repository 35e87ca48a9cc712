"""Charts as inline SVG, drawn at build time: no JavaScript, no chart library.

Each chart has a title and a description for screen readers, its words in the page's
language, and never relies on colour alone: bands and statuses are also written as
words or drawn as patterns. The same figures are in a table beside each chart.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

WIDTH = 420  # viewBox units; the chart scales to the column, readable on a phone
FONT = 16

MAX_OVERRUN = 100.0  # a bar past 100 times its track is drawn as 100 times


def _patterns(name: str, stripe: tuple[str, str], dots: tuple[str, str], angle: int) -> str:
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


PATTERNS = _patterns("", ("#fde0dc", "#b3261e"), ("#fff1c2", "#8a6100"), 45)
# Opportunities: a high score is good news, so their bands are blue, never red.
OPPORTUNITY_PATTERNS = _patterns("good-", ("#d3e4f5", "#0b4f8a"), ("#e6f0fa", "#0b4f8a"), -45)
BAND_FILL = {"low": "#e3f1e6", "medium": "url(#{p}-dots)", "high": "url(#{p}-hatch)"}
PALETTES = {
    "threat": BAND_FILL,
    "opportunity": {"low": "#f3f7fc", "medium": "url(#{p}-good-dots)",
                    "high": "url(#{p}-good-hatch)"},
}


def esc(value: object) -> str:
    """Text for SVG content or attributes."""
    return html.escape(str(value), quote=True)


def _shorten(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _svg(prefix: str, height: int, title: str, desc: str, body: list[str],
         defs: str = "") -> Markup:
    return Markup(
        f'<svg class="rh-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
        f'{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'font-size="{FONT}" font-family="inherit">'
        f'<title id="{prefix}-title">{esc(title)}</title>'
        f'<desc id="{prefix}-desc">{esc(desc)}</desc>'
        + PATTERNS.format(p=prefix) + defs.format(p=prefix) + "".join(body) + "</svg>")


# How each status of a bar is drawn besides its words: the fill within the track, and
# the fill past it. Only a bad status is hatched: an objective past its target is drawn
# full and carries on past the track in green, never in the "off track" pattern.
BAR_FILLS: dict[str, tuple[str, str]] = {
    "met": ("#1b5e20", "#66bb6a"),
    "on-track": ("#00796b", "#00796b"),
    "off-track": ("url(#{p}-hatch)", "url(#{p}-hatch)"),
    "no-data": ("none", "none"),
    "within": ("#00796b", "#00796b"),  # spend within its budget
    "over": ("#00796b", "url(#{p}-hatch)"),  # spend past its budget
}


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: a label, a share filled, and words for the figures."""

    label: str
    share: float  # 0 to 1 is within the track; above 1 is drawn past it
    figures: str  # the same figures in words, such as "44 of 55"
    status: str  # a key of BAR_FILLS: how the bar is drawn
    marker: float | None = None  # a tick on the track, such as where the plan expects to be


def _bar(prefix: str, y: int, bar: Bar) -> list[str]:
    track = WIDTH - 2
    share = _share(bar.share, MAX_OVERRUN)
    whole = track / max(1.0, share)  # the width that stands for 100%
    inside, past = (fill.format(p=prefix) for fill in BAR_FILLS[bar.status])
    css = f"rh-bar--{bar.status}"  # with rh-bar (within the track) or rh-bar-past
    body = [f'<text x="0" y="{y + 16}" font-weight="bold">{esc(_shorten(bar.label, 46))}</text>'
            f'<text x="0" y="{y + 60}">{esc(bar.figures)}</text>'
            f'<rect x="1" y="{y + 24}" width="{whole:.1f}" height="16" fill="none" '
            f'stroke="#555"/>'
            f'<rect class="rh-bar {css}" x="1" y="{y + 24}" width="{whole * min(share, 1.0):.1f}" '
            f'height="16" fill="{inside}"/>']
    if share > 1.0:
        edge = "#b3261e" if past.startswith("url") else inside
        body.append(f'<rect class="rh-bar-past {css}" x="{1 + whole:.1f}" y="{y + 24}" '
                    f'width="{whole * (share - 1.0):.1f}" height="16" fill="{past}" '
                    f'stroke="{edge}"/>')
    if bar.marker is not None:
        x = 1 + whole * _share(bar.marker, 1.0)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y + 20}" y2="{y + 44}" '
                    f'stroke="#000" stroke-width="2" stroke-dasharray="3 2"/>')
    return body


def _share(value: float, most: float) -> float:
    """A share that can be drawn: 0 to `most`, never infinite or not-a-number."""
    return min(value, most) if value > 0.0 else 0.0


def bar_chart(prefix: str, title: str, desc: str, bars: Sequence[Bar]) -> Markup:
    """Horizontal bars with their label and figures written above each one.

    The outlined track stands for the whole (the target, the budget); a bar past it
    carries on beyond the track, drawn as its status says (BAR_FILLS).
    """
    row = 72
    body = [part for i, bar in enumerate(bars) for part in _bar(prefix, i * row, bar)]
    return _svg(prefix, max(row * len(bars), row), title, desc, body)


@dataclass(frozen=True)
class Lane:
    """One milestone on the timeline."""

    label: str
    due: date
    forecast: date | None
    completed: date | None
    status: str  # in words


def _ticks(start: date, end: date) -> list[date]:
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next((s for s in (3, 6, 12, 24, 60) if months / s <= 4), 120)
    day = date(start.year, ((start.month - 1) // step) * step + 1, 1)
    ticks = []
    while day <= end:
        if day >= start:
            ticks.append(day)
        month = day.month - 1 + step
        day = date(day.year + month // 12, month % 12 + 1, 1)
    return ticks


def timeline_chart(prefix: str, title: str, desc: str, lanes: Sequence[Lane], as_of: date,
                   words: dict[str, str], month: Callable[[date], str]) -> Markup:
    """Baseline due date, latest forecast and completion per milestone, and the as-of line.

    `words` names the shapes in the legend and the as-of line; `month` labels the axis.
    """
    dates = [as_of] + [d for lane in lanes for d in (lane.due, lane.forecast, lane.completed)
                       if d is not None]
    start, end = min(dates) - timedelta(days=20), max(dates) + timedelta(days=20)
    span = (end - start).days

    def x(day: date) -> float:
        return 6 + (WIDTH - 12) * (day - start).days / span

    row, top = 64, 52
    shapes = {"due": '<circle cx="{x}" cy="{y}" r="6" fill="#fff" stroke="#000" '
                     'stroke-width="2"/>',
              "forecast": '<path d="M {x} {top} l 6 6 l -6 6 l -6 -6 z" fill="#8a6100"/>',
              "completed": '<rect x="{left}" y="{top}" width="12" height="12" '
                           'fill="#00796b"/>'}
    body, legend_x, legend_y = [], 8.0, 12
    for key, shape in shapes.items():
        width = 24 + len(words[key]) * 8.5  # an estimate: SVG text cannot be measured here
        if legend_x + width > WIDTH:
            legend_x, legend_y = 8.0, legend_y + 22
        body.append(shape.format(x=legend_x, y=legend_y, top=legend_y - 6, left=legend_x - 6)
                    + f'<text x="{legend_x + 12}" y="{legend_y + 5}">{esc(words[key])}</text>')
        legend_x += width + 12
    top += legend_y - 12
    height = top + row * len(lanes) + 24
    for tick in _ticks(start, end):
        body.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top - 6}" '
                    f'y2="{height - 22}" stroke="#ddd"/><text x="{x(tick):.1f}" '
                    f'y="{height - 6}" text-anchor="middle" font-size="12">'
                    f'{esc(month(tick))}</text>')
    for i, lane in enumerate(lanes):
        y = top + i * row
        end_day = lane.completed or lane.forecast
        body.append(f'<text x="0" y="{y + 12}" font-weight="bold">'
                    f'{esc(_shorten(lane.label, 30))}<tspan font-weight="normal"> · '
                    f'{esc(lane.status)}</tspan></text>')
        if end_day is not None:
            body.append(f'<line x1="{x(lane.due):.1f}" x2="{x(end_day):.1f}" y1="{y + 36}" '
                        f'y2="{y + 36}" stroke="#555" stroke-width="2"/>')
        body.append(f'<circle cx="{x(lane.due):.1f}" cy="{y + 36}" r="6" fill="#fff" '
                    f'stroke="#000" stroke-width="2"/>')
        if lane.forecast is not None and lane.completed is None:
            fx = x(lane.forecast)
            body.append(f'<path d="M {fx:.1f} {y + 29} l 7 7 l -7 7 l -7 -7 z" '
                        f'fill="#8a6100"/>')
        if lane.completed is not None:
            body.append(f'<rect x="{x(lane.completed) - 6:.1f}" y="{y + 30}" width="12" '
                        f'height="12" fill="#00796b"/>')
    now = x(as_of)
    body.append(f'<line x1="{now:.1f}" x2="{now:.1f}" y1="{top - 14}" y2="{height - 22}" '
                f'stroke="#b3261e" stroke-width="2" stroke-dasharray="6 3"/>'
                f'<text x="{now + (4 if now < WIDTH * 0.6 else -4):.1f}" y="{top - 18}" '
                f'text-anchor="{"start" if now < WIDTH * 0.6 else "end"}" fill="#b3261e">'
                f'{esc(words["as_of"])}</text>')
    return _svg(prefix, height, title, desc, body)


def heat_map(prefix: str, title: str, desc: str, cells: dict[tuple[int, int], list[str]],
             band: Callable[[int], str], words: dict[str, str],
             palette: str = "threat") -> Markup:
    """A 5x5 grid, likelihood up and impact across, each cell's count and risk ids.

    `band(score)` is "low", "medium" or "high"; `words` holds the axis names and the
    band names, which the legend writes out beside each fill. `palette` is "threat"
    (green, amber, red) or "opportunity" (shades of blue); both add patterns to colour.
    """
    left, top, size = 40, 8, 80
    fills = PALETTES[palette]
    body = []
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = left + (impact - 1) * size, top + (5 - likelihood) * size
            ids = cells.get((likelihood, impact), [])
            fill = fills[band(likelihood * impact)].format(p=prefix)
            body.append(f'<rect x="{x}" y="{y}" width="{size}" height="{size}" '
                        f'fill="{fill}" stroke="#fff" stroke-width="2"/>')
            if ids:
                body.append(f'<text x="{x + size / 2}" y="{y + 34}" text-anchor="middle" '
                            f'font-size="24" font-weight="bold">{len(ids)}</text>'
                            f'<text x="{x + size / 2}" y="{y + 58}" text-anchor="middle" '
                            f'font-size="12">{esc(_shorten(", ".join(ids), 12))}</text>')
        body.append(f'<text x="{left - 10}" y="{top + (5 - likelihood) * size + 45}" '
                    f'text-anchor="end">{likelihood}</text>')
    for impact in range(1, 6):
        body.append(f'<text x="{left + (impact - 0.5) * size}" y="{top + 5 * size + 18}" '
                    f'text-anchor="middle">{impact}</text>')
    bottom = top + 5 * size
    body.append(f'<text x="{left + 2.5 * size}" y="{bottom + 38}" text-anchor="middle">'
                f'{esc(words["impact"])} →</text>'
                f'<text x="12" y="{top + 2.5 * size}" text-anchor="middle" '
                f'transform="rotate(-90 12 {top + 2.5 * size})">{esc(words["likelihood"])} →'
                f'</text>')
    for i, name in enumerate(("low", "medium", "high")):
        x = left + i * 140
        fill = fills[name].format(p=prefix)
        body.append(f'<rect x="{x}" y="{bottom + 52}" width="18" height="18" fill="{fill}" '
                    f'stroke="#555"/><text x="{x + 24}" y="{bottom + 66}">'
                    f'{esc(words[name])}</text>')
    defs = OPPORTUNITY_PATTERNS if palette == "opportunity" else ""
    return _svg(prefix, bottom + 80, title, desc, body, defs)


def grid_chart(prefix: str, title: str, desc: str, points: Sequence[tuple[int, int, int]],
               words: dict[str, str]) -> Markup:
    """Stakeholders as numbered markers on a 5x5 grid of influence (up) and interest (across).

    `points` holds (number, influence, interest); the quadrants are named in `words`, and
    a table beside the chart names each number.
    """
    left, top, size = 40, 8, 72
    span = 5 * size
    body = [f'<rect x="{left}" y="{top}" width="{span}" height="{span}" fill="#fff" '
            f'stroke="#555"/>',
            f'<rect x="{left + span / 2}" y="{top}" width="{span / 2}" height="{span / 2}" '
            f'fill="url(#{prefix}-dots)" opacity="0.5"/>',
            f'<line x1="{left + span / 2}" x2="{left + span / 2}" y1="{top}" '
            f'y2="{top + span}" stroke="#555" stroke-dasharray="4 3"/>',
            f'<line x1="{left}" x2="{left + span}" y1="{top + span / 2}" '
            f'y2="{top + span / 2}" stroke="#555" stroke-dasharray="4 3"/>']
    corners = (("satisfy", left + 6, top + 18, "start"),
               ("manage", left + span - 6, top + 18, "end"),
               ("monitor", left + 6, top + span - 8, "start"),
               ("inform", left + span - 6, top + span - 8, "end"))
    for key, x, y, anchor in corners:
        body.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-style="italic" '
                    f'font-size="13">{esc(words[key])}</text>')
    placed: dict[tuple[int, int], int] = {}
    for number, influence, interest in points:
        slot = placed.get((influence, interest), 0)
        placed[(influence, interest)] = slot + 1
        cx = left + (interest - 0.5) * size + (slot % 3 - 1) * 20
        cy = top + (5 - influence + 0.5) * size + (slot // 3) * 20
        body.append(f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="11" fill="#00796b"/>'
                    f'<text x="{cx:.0f}" y="{cy + 5:.0f}" text-anchor="middle" fill="#fff" '
                    f'font-size="13" font-weight="bold">{number}</text>')
    for i in range(1, 6):
        body.append(f'<text x="{left - 10}" y="{top + (5 - i + 0.5) * size + 5}" '
                    f'text-anchor="end">{i}</text><text x="{left + (i - 0.5) * size}" '
                    f'y="{top + span + 18}" text-anchor="middle">{i}</text>')
    body.append(f'<text x="{left + span / 2}" y="{top + span + 40}" text-anchor="middle">'
                f'{esc(words["interest"])} →</text><text x="12" y="{top + span / 2}" '
                f'text-anchor="middle" transform="rotate(-90 12 {top + span / 2})">'
                f'{esc(words["influence"])} →</text>')
    return _svg(prefix, top + span + 50, title, desc, body)
