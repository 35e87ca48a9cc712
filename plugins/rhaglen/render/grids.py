"""Charts on a 5×5 grid: the risk heat map and the stakeholder influence/interest grid.

Each score's tick is the centre of its row or column, and whatever stands for a record
is drawn centred exactly on its ticks, so it never looks as if it sat in another cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .charts import OPPORTUNITY_PATTERNS, PALETTES
from .svg import FONT, SMALL, block_height, both_widths, legend, lines_text, svg, text_width, wrap


@dataclass(frozen=True)
class Grid:
    """A 5×5 grid at (left, top), `size` per cell; score 1 to 5 on each axis."""

    left: float
    top: float
    size: float

    @property
    def span(self) -> float:
        return 5 * self.size

    def x(self, across: float) -> float:
        """The centre of column `across` (1 to 5): its tick."""
        return self.left + (across - 0.5) * self.size

    def y(self, up: float) -> float:
        """The centre of row `up` (1 at the bottom, 5 at the top): its tick."""
        return self.top + (5.5 - up) * self.size

    def axes(self, across: str, up: str) -> list[str]:
        """Tick numbers on both axes and the axes' names, outside the grid."""
        bottom, mid = self.top + self.span, self.top + self.span / 2
        body = [f'<text class="rh-tick-y" x="{self.left - 10:.1f}" y="{self.y(i) + 5:.1f}" '
                f'text-anchor="end">{i}</text><text class="rh-tick-x" x="{self.x(i):.1f}" '
                f'y="{bottom + 20:.1f}" text-anchor="middle">{i}</text>' for i in range(1, 6)]
        body.append(lines_text(self.left + self.span / 2, bottom + 44, [f"{across} →"], FONT,
                               ' text-anchor="middle"'))
        body.append(f'<text x="14" y="{mid:.1f}" text-anchor="middle" '
                    f'transform="rotate(-90 14 {mid:.1f})">{up} →</text>')
        return body


def _grid(width: int, top: float = 8) -> Grid:
    return Grid(40, top, min((width - 48) / 5, 96))


def heat_map(prefix: str, title: str, desc: str, cells: dict[tuple[int, int], list[str]],
             band: Callable[[int], str], words: dict[str, str],
             palette: str = "threat") -> Markup:
    """A 5x5 grid, likelihood up and impact across, each cell's count and risk ids.

    `band(score)` is "low", "medium" or "high"; `words` holds the axis names and the
    band names, which the legend writes out beside each fill. `palette` is "threat"
    (green, amber, red) or "opportunity" (shades of blue); both add patterns to colour.
    Ids that would not fit in their cell are left to the table (the count stays).
    """
    fills = PALETTES[palette]

    def draw(p: str, width: int) -> Markup:
        g = _grid(width)
        body = []
        for likelihood in range(1, 6):
            for impact in range(1, 6):
                x, y = g.x(impact) - g.size / 2, g.y(likelihood) - g.size / 2
                fill = fills[band(likelihood * impact)].format(p=p)
                body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{g.size:.1f}" '
                            f'height="{g.size:.1f}" fill="{fill}" stroke="#fff" '
                            f'stroke-width="2"/>')
                body += _cell(g, impact, likelihood, cells.get((likelihood, impact), []))
        body += g.axes(words["impact"], words["likelihood"])
        keys = [(f'<rect x="{{x}}" y="{{y}}" width="16" height="16" '
                 f'fill="{fills[name].format(p=p)}" stroke="#555"/>', words[name])
                for name in ("low", "medium", "high")]
        part, bottom = legend(keys, width, g.top + g.span + 56)
        defs = OPPORTUNITY_PATTERNS if palette == "opportunity" else ""
        return svg(p, width, bottom, title, desc, body + part, defs)
    return both_widths(prefix, draw)


def _cell(g: Grid, impact: int, likelihood: int, ids: list[str]) -> list[str]:
    """A cell's count, and its risk ids on the lines that fit below it."""
    if not ids:
        return []
    cx, top = g.x(impact), g.y(likelihood) - g.size / 2
    body = [f'<text x="{cx:.1f}" y="{top + 26:.1f}" text-anchor="middle" font-size="22" '
            f'font-weight="bold">{len(ids)}</text>']
    lines = wrap(", ".join(ids), SMALL, g.size - 8)
    if 32 + block_height(len(lines), SMALL) <= g.size:
        body.append(lines_text(cx, top + 30 + SMALL, lines, SMALL, ' text-anchor="middle"'))
    return body


def grid_chart(prefix: str, title: str, desc: str, points: Sequence[tuple[int, int, int]],
               words: dict[str, str]) -> Markup:
    """Stakeholders as numbered markers on a 5x5 grid of influence (up) and interest (across).

    `points` holds (number, influence, interest); records at the same scores share one
    marker listing their numbers, centred on the two ticks. A score of 3 or more is high
    (`views.stakeholders.quadrant`), so the quadrant lines fall between 2 and 3; the
    quadrants are named in `words` above and below the grid, and a table names each number.
    """
    def draw(p: str, width: int) -> Markup:
        half = (width - 40) / 2
        top_names = [wrap(words[k], SMALL, half - 8) for k in ("satisfy", "manage")]
        g = _grid(width, 4 + block_height(max(map(len, top_names)), SMALL))
        high_x, high_y = g.x(2.5), g.y(2.5)
        body = [f'<rect x="{g.left}" y="{g.top:.1f}" width="{g.span:.1f}" '
                f'height="{g.span:.1f}" fill="#fff" stroke="#555"/>',
                f'<rect x="{high_x:.1f}" y="{g.top:.1f}" width="{g.left + g.span - high_x:.1f}" '
                f'height="{high_y - g.top:.1f}" fill="url(#{p}-dots)" opacity="0.5"/>',
                f'<line x1="{high_x:.1f}" x2="{high_x:.1f}" y1="{g.top:.1f}" '
                f'y2="{g.top + g.span:.1f}" stroke="#555" stroke-dasharray="4 3"/>',
                f'<line x1="{g.left}" x2="{g.left + g.span:.1f}" y1="{high_y:.1f}" '
                f'y2="{high_y:.1f}" stroke="#555" stroke-dasharray="4 3"/>']
        body += _quadrant_names(g, words, top_names)
        body += _markers(g, points)
        body += g.axes(words["interest"], words["influence"])
        bottom = g.top + g.span + 56
        low = [wrap(words[k], SMALL, half - 8) for k in ("monitor", "inform")]
        body += [lines_text(g.left if i == 0 else g.left + g.span, bottom + SMALL, lines,
                            SMALL, f' font-style="italic" text-anchor='
                            f'"{"start" if i == 0 else "end"}"') for i, lines in enumerate(low)]
        height = bottom + block_height(max(map(len, low)), SMALL) + 4
        return svg(p, width, height, title, desc, body)
    return both_widths(prefix, draw)


def _quadrant_names(g: Grid, words: dict[str, str], names: list[list[str]]) -> list[str]:
    return [lines_text(g.left if i == 0 else g.left + g.span, SMALL, lines, SMALL,
                       f' font-style="italic" text-anchor="{"start" if i == 0 else "end"}"')
            for i, lines in enumerate(names)]


def _markers(g: Grid, points: Sequence[tuple[int, int, int]]) -> list[str]:
    """One marker per occupied cell, centred on its ticks, with every number at it."""
    cells: dict[tuple[int, int], list[int]] = {}
    for number, influence, interest in points:
        cells.setdefault((influence, interest), []).append(number)
    body = []
    for (influence, interest), numbers in sorted(cells.items()):
        label = ", ".join(map(str, numbers))
        cx, cy = g.x(interest), g.y(influence)
        wide = max(24.0, text_width(label, SMALL, bold=True) + 10)
        body.append(f'<rect class="rh-point" x="{cx - wide / 2:.1f}" y="{cy - 12:.1f}" '
                    f'width="{wide:.1f}" height="24" rx="12" fill="#00796b" '
                    f'data-x="{interest}" data-y="{influence}"/>'
                    f'<text x="{cx:.1f}" y="{cy + 5:.1f}" text-anchor="middle" fill="#fff" '
                    f'font-size="{SMALL}" font-weight="bold">{label}</text>')
    return body
