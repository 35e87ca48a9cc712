"""Charts as inline SVG, drawn at build time: no JavaScript, no chart library.

Each chart has a title and a description for screen readers, its words in the page's
language, and never relies on colour alone: bands and statuses are also written as
words or drawn as patterns. The same figures are in a table beside each chart. Each is
drawn for a phone's width and a desk's (`svg.both_widths`); words wrap, never cut.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from .axes import axis_labels, month_ticks
from .svg import FONT, SMALL, block_height, both_widths, legend, lines_text, patterns, svg, wrap

MAX_OVERRUN = 100.0  # a bar past 100 times its track is drawn as 100 times

# Opportunities: a high score is good news, so their bands are blue, never red.
OPPORTUNITY_PATTERNS = patterns("good-", ("#d3e4f5", "#0b4f8a"), ("#e6f0fa", "#0b4f8a"), -45)
BAND_FILL = {"low": "#e3f1e6", "medium": "url(#{p}-dots)", "high": "url(#{p}-hatch)"}
PALETTES = {
    "threat": BAND_FILL,
    "opportunity": {"low": "#f3f7fc", "medium": "url(#{p}-good-dots)",
                    "high": "url(#{p}-good-hatch)"},
}

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


def _bar(prefix: str, width: int, y: float, bar: Bar) -> tuple[list[str], float]:
    """One bar with its label above and its figures below; returns it and the y below."""
    label = wrap(bar.label, FONT, width, bold=True)
    top = y + block_height(len(label)) + 6
    track = width - 2
    share = _share(bar.share, MAX_OVERRUN)
    whole = track / max(1.0, share)  # the width that stands for 100%
    inside, past = (fill.format(p=prefix) for fill in BAR_FILLS[bar.status])
    css = f"rh-bar--{bar.status}"  # with rh-bar (within the track) or rh-bar-past
    figures = wrap(bar.figures, SMALL, width)
    body = [lines_text(0, y + FONT, label, FONT, ' font-weight="bold"'),
            lines_text(0, top + 26 + SMALL, figures, SMALL),
            f'<rect x="1" y="{top:.1f}" width="{whole:.1f}" height="16" fill="none" '
            f'stroke="#555"/>'
            f'<rect class="rh-bar {css}" x="1" y="{top:.1f}" '
            f'width="{whole * min(share, 1.0):.1f}" height="16" fill="{inside}"/>']
    if share > 1.0:
        edge = "#b3261e" if past.startswith("url") else inside
        body.append(f'<rect class="rh-bar-past {css}" x="{1 + whole:.1f}" y="{top:.1f}" '
                    f'width="{whole * (share - 1.0):.1f}" height="16" fill="{past}" '
                    f'stroke="{edge}"/>')
    if bar.marker is not None:
        x = 1 + whole * _share(bar.marker, 1.0)
        body.append(f'<line class="rh-marker" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4:.1f}" '
                    f'y2="{top + 20:.1f}" stroke="#000" stroke-width="2" '
                    f'stroke-dasharray="3 2"/>')
    return body, top + 26 + block_height(len(figures), SMALL) + 14


def _share(value: float, most: float) -> float:
    """A share that can be drawn: 0 to `most`, never infinite or not-a-number."""
    return min(value, most) if value > 0.0 else 0.0


def bar_chart(prefix: str, title: str, desc: str, bars: Sequence[Bar]) -> Markup:
    """Horizontal bars with their label written above each one and figures below.

    The outlined track stands for the whole (the target, the budget); a bar past it
    carries on beyond the track, drawn as its status says (BAR_FILLS).
    """
    def draw(p: str, width: int) -> Markup:
        body: list[str] = []
        y = 0.0
        for bar in bars:
            part, y = _bar(p, width, y, bar)
            body += part
        return svg(p, width, max(y, 72), title, desc, body)
    return both_widths(prefix, draw)


@dataclass(frozen=True)
class Lane:
    """One milestone on the timeline."""

    label: str
    due: date
    forecast: date | None
    completed: date | None
    status: str  # in words


SHAPES = {"due": '<circle cx="{x}" cy="{y}" r="6" fill="#fff" stroke="#000" stroke-width="2"/>',
          "forecast": '<path d="M {x} {top} l 7 7 l -7 7 l -7 -7 z" fill="#8a6100"/>',
          "completed": '<rect x="{left}" y="{top}" width="14" height="14" fill="#00796b"/>'}


def _shape(key: str, x: float, y: float) -> str:
    return SHAPES[key].format(x=f"{x:.1f}", y=f"{y:.1f}", top=f"{y - 7:.1f}",
                              left=f"{x - 7:.1f}")


def _lane(lane: Lane, x: Callable[[date], float], y: float, width: int
          ) -> tuple[list[str], float]:
    """A milestone's words, then its track; returns them and the track's middle."""
    label = wrap(lane.label, FONT, width, bold=True)
    status_y = y + block_height(len(label))
    mid = status_y + block_height(1, SMALL) + 16
    body = [lines_text(0, y + FONT, label, FONT, ' font-weight="bold"'),
            lines_text(0, status_y + SMALL, [lane.status], SMALL)]
    end_day = lane.completed or lane.forecast
    if end_day is not None:
        body.append(f'<line x1="{x(lane.due):.1f}" x2="{x(end_day):.1f}" y1="{mid:.1f}" '
                    f'y2="{mid:.1f}" stroke="#555" stroke-width="2"/>')
    body.append(_shape("due", x(lane.due), mid))
    if lane.forecast is not None and lane.completed is None:
        body.append(_shape("forecast", x(lane.forecast), mid))
    if lane.completed is not None:
        body.append(_shape("completed", x(lane.completed), mid))
    return body, mid


def timeline_chart(prefix: str, title: str, desc: str, lanes: Sequence[Lane], as_of: date,
                   words: dict[str, str], month: Callable[[date], str]) -> Markup:
    """Baseline due date, latest forecast and completion per milestone, and the as-of line.

    `words` names the shapes in the legend and the as-of line; `month` labels the axis.
    The as-of line and the month lines cross each lane's track, never its words.
    """
    dates = [as_of] + [d for lane in lanes for d in (lane.due, lane.forecast, lane.completed)
                       if d is not None]
    start, end = min(dates) - timedelta(days=20), max(dates) + timedelta(days=20)

    def draw(p: str, width: int) -> Markup:
        def x(day: date) -> float:
            return 8 + (width - 16) * (day - start).days / (end - start).days

        keys = [(f'<g transform="translate({{x}} {{y}})">{_shape(k, 8, 8)}</g>', words[k])
                for k in SHAPES]
        body, y = legend(keys, width, 0)
        now = x(as_of)
        left = now < width * 0.6
        body.append(lines_text(now + (4 if left else -4), y + SMALL, [words["as_of"]], SMALL,
                               f' text-anchor="{"start" if left else "end"}" fill="#b3261e"'))
        y += block_height(1, SMALL) + 8
        tracks: list[float] = []
        for lane in lanes:
            part, mid = _lane(lane, x, y, width)
            body += part
            tracks.append(mid)
            y = mid + 22
        ticks = month_ticks(start, end, width, month, SMALL)
        for day, _ in ticks:
            body += [f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{m - 12:.1f}" '
                     f'y2="{m + 12:.1f}" stroke="#ccc"/>' for m in tracks]
        body += [f'<line class="rh-as-of-line" x1="{now:.1f}" x2="{now:.1f}" '
                 f'y1="{m - 14:.1f}" y2="{m + 14:.1f}" stroke="#b3261e" stroke-width="2" '
                 f'stroke-dasharray="6 3"/>' for m in tracks]
        body += axis_labels(ticks, x, y + SMALL, width, SMALL)
        return svg(p, width, y + SMALL + 8, title, desc, body)
    return both_widths(prefix, draw)
