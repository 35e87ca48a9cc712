"""Tables that read as cards on a phone: every body cell carries its column's label.

On a narrow screen the stylesheet lays each row out as a card and shows a cell's
`data-label` before its value, so a reader never has to scroll sideways to learn what a
figure is. The labels are copied from the table's own column headings, so they can never
disagree with them, and a template cannot forget one.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_HEAD = re.compile(r"<thead\b.*?</thead>", re.S)
_COLUMN = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")


def column_labels(html: str) -> list[str]:
    """The text of each column heading in the table's head, in order."""
    head = _HEAD.search(html)
    if head is None:
        return []
    return [Markup(label).striptags() for label in _COLUMN.findall(head.group(0))]


def _label_row(row: str, labels: list[str]) -> str:
    column = iter(labels)

    def add(cell: re.Match[str]) -> str:
        label = next(column, "")
        tag, attributes = cell.group(1), cell.group(2)
        if tag == "th" or not label or "data-label=" in attributes:
            return cell.group(0)  # a row's own heading is its card's title
        return f'<{tag}{attributes} data-label="{escape(label)}">'

    return _CELL.sub(add, row)


def label_cells(html: str) -> Markup:
    """`html` (a table's head and body) with `data-label` on every body cell."""
    html = str(html)  # plain text: joining Markup to a str would escape the str
    labels = column_labels(html)
    head = _HEAD.search(html)
    start = head.end() if head else 0
    body = _ROW.sub(lambda m: m.group(1) + _label_row(m.group(2), labels) + m.group(3),
                    html[start:])
    return Markup(html[:start] + body)
