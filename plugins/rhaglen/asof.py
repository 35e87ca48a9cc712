"""The one date per build against which lateness is judged (contract, "The as-of date")."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime


def resolve_as_of(option: date | str | None, environ: Mapping[str, str] = os.environ) -> date:
    """The `as_of` option if set, else the date of SOURCE_DATE_EPOCH if set, else today."""
    if isinstance(option, date):
        return option
    if option:
        return date.fromisoformat(str(option))
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
