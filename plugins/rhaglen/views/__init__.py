"""Views: per page kind, exactly what the page shows, derived and worded per language.

`page_view` builds the view of one page in one language; each page kind registers its
builder here. Templates receive the view as `view` and only loop over it and place it.

Imports `render`, `state`, `model` and `text` only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .base import ViewContext
from .compliance import compliance_view
from .lessons import lessons_view
from .library import kind_view, library_view, tag_view
from .monitoring import monitoring_view
from .outcomes import evaluation_view, pilot_view
from .overview import overview_view
from .plan import plan_view
from .portfolio import portfolio_view
from .risks import risks_view
from .stakeholders import stakeholders_view
from .strategy import strategy_view
from .sustainability import sustainability_view
from .update import update_view

Builder = Callable[[ViewContext], Any]

BUILDERS: dict[str, Builder] = {
    "compliance": compliance_view,
    "plan": plan_view,
    "monitoring": monitoring_view,
    "update": update_view,
    "lessons": lessons_view,
    "library": library_view,
    "library_tag": tag_view,
    "library_kind": kind_view,
    "pilot": pilot_view,
    "evaluation": evaluation_view,
    "stakeholders": stakeholders_view,
    "strategy": strategy_view,
    "sustainability": sustainability_view,
    "overview": overview_view,
    "portfolio": portfolio_view,
    "risks": risks_view,
}


def page_view(ctx: ViewContext) -> Any:
    """The view of `ctx.page` in `ctx.lang`, or None for a page kind not converted yet."""
    builder = BUILDERS.get(ctx.page.kind)
    return builder(ctx) if builder else None
