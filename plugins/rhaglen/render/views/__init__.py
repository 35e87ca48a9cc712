"""Views: per page kind, exactly what the page shows, derived and worded per language.

`page_view` builds the view of one page in one language; each page kind registers its
builder here. Templates receive the view as `view` and only loop over it and place it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .base import ViewContext
from .compliance import compliance_view
from .overview import overview_view
from .portfolio import portfolio_view
from .risks import risks_view
from .staleness import monitoring_latest

Builder = Callable[[ViewContext], Any]

BUILDERS: dict[str, Builder] = {
    "compliance": compliance_view,
    "overview": overview_view,
    "portfolio": portfolio_view,
    "risks": risks_view,
    # A stand-in until the monitoring page has its own view, which must carry `latest`.
    "monitoring": monitoring_latest,
}


def page_view(ctx: ViewContext) -> Any:
    """The view of `ctx.page` in `ctx.lang`, or None for a page kind not converted yet."""
    builder = BUILDERS.get(ctx.page.kind)
    return builder(ctx) if builder else None
