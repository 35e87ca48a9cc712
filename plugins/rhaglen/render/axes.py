"""Axes for charts: month ticks whose labels fit the width, and round numbers for values."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

from .svg import lines_text, text_width

MONTH_STEPS = (1, 3, 6, 12, 24, 60, 120)


def _months(start: date, end: date, step: int) -> list[date]:
    day = date(start.year, ((start.month - 1) // step) * step + 1, 1) if step <= 12 \
        else date(start.year - start.year % (step // 12), 1, 1)
    days = []
    while day <= end:
        if day >= start:
            days.append(day)
        month = day.month - 1 + step
        day = date(day.year + month // 12, month % 12 + 1, 1)
    return days


def month_ticks(start: date, end: date, width: float, month: Callable[[date], str],
                size: float) -> list[tuple[date, str]]:
    """First days of months between `start` and `end`, as far apart as their labels need.

    Each label (from `month`) gets its own width and a gap, so no two labels touch.
    """
    for step in MONTH_STEPS:
        days = _months(start, end, step)
        labels = [(day, month(day)) for day in days]
        room = width * step * 30.4 / max((end - start).days, 1)
        if all(text_width(label, size) + 12 <= room for _, label in labels):
            return labels
    return labels[:1]


def axis_labels(ticks: Sequence[tuple[date, str]], x: Callable[[date], float], y: float,
                width: float, size: float) -> list[str]:
    """Labels under an axis of dates, kept inside the drawing at both ends."""
    body = []
    for day, label in ticks:
        half = text_width(label, size) / 2
        anchor = ("start" if x(day) - half < 0 else "end" if x(day) + half > width
                  else "middle")
        at = {"start": 0.0, "end": width, "middle": x(day)}[anchor]
        body.append(lines_text(at, y, [label], size, f' text-anchor="{anchor}"'))
    return body


def value_ticks(low: float, high: float, most: int = 5) -> list[float]:
    """Round numbers from at or below `low` to at or above `high`, at most `most` + 1."""
    if high <= low:
        high = low + 1
    raw = (high - low) / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    count = math.ceil((high - first) / step - 1e-9)
    return [round(first + i * step, 10) for i in range(count + 1)]
