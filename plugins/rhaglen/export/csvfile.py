"""CSV as the open-data tables publish it: UTF-8, commas, one header row, CRLF line ends.

Cells are written the same way every time (dates ISO 8601, numbers without exponent or
trailing `.0`, booleans `true`/`false`, nothing as an empty cell), so the same data gives
the same bytes. A text cell that a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

Cell = str | int | float | bool | date | None
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # contract, "Open data (version 1.1)"
LINE_END = "\r\n"  # RFC 4180


def neutralise(text: str) -> str:
    """`text` prefixed with an apostrophe if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


_LIST_MARKER = re.compile(r"([ ]*)[-+](?=[ ])")


def markdown_cell(text: str) -> str:
    """Prose's Markdown for a cell (contract 1.2): a list item's `-` or `+` marker written
    `*`, the same list to Markdown, so a list never reaches a spreadsheet as a formula or
    needs the apostrophe that would change its Markdown. Only a marker Markdown reads as a
    list item changes: at the start, after a blank line, or within a list (`+ VAT` on the
    line after a sentence is part of that paragraph, and stays as written)."""
    lines, in_list, after_blank = text.split("\n"), False, True
    for i, line in enumerate(lines):
        marker = _LIST_MARKER.match(line)
        if marker and (after_blank or in_list):
            lines[i], in_list = _LIST_MARKER.sub(r"\1*", line, count=1), True
        elif line.strip() and after_blank and not line.startswith(" "):
            in_list = False  # a new paragraph ends the list
        after_blank = not line.strip()
    return "\n".join(lines)


def number(value: float) -> str:
    """A number as plain digits: `12000`, `0.35`, `-13750`, never `1e-05` or `12000.0`."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def cell(value: Cell) -> str:
    """The text of one cell; only text (never a number or date) is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return number(value)
    return neutralise(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """The whole file: the header, then one line per row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")
