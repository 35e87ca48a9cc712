"""The one date per build against which lateness is judged (contract, "The as-of date")."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime

from ..model.scalars import EARLIEST, LATEST, in_date_range

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class AsOfError(ValueError):
    """The as-of date cannot be worked out; the message says why and what to do."""


def _in_range(day: date, where: str) -> date:
    if not in_date_range(day):
        raise AsOfError(f"{where}: {day} is out of range: the as-of date is from "
                        f"{EARLIEST} to {LATEST}")
    return day


def parse_day(text: str, where: str = "as-of date") -> date:
    """A date written YYYY-MM-DD, within the dates Rhaglen accepts."""
    try:
        if _DAY.fullmatch(text):
            return _in_range(date.fromisoformat(text), where)
    except ValueError:
        pass
    raise AsOfError(f"{where}: '{text}' is not a date as YYYY-MM-DD")


def epoch_day(environ: Mapping[str, str] = os.environ) -> date | None:
    """The date of SOURCE_DATE_EPOCH, or None when it is not set."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        day = datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise AsOfError(f"SOURCE_DATE_EPOCH='{epoch[:40]}' is not a time in seconds since "
                        "1970-01-01 (such as 1764115200); correct it or unset it") from None
    return _in_range(day, "SOURCE_DATE_EPOCH")


def resolve_as_of(option: date | str | None, environ: Mapping[str, str] = os.environ) -> date:
    """The `as_of` option if set, else the date of SOURCE_DATE_EPOCH if set, else today.

    SOURCE_DATE_EPOCH is checked even when the option is set, because MkDocs reads it too.
    """
    from_epoch = epoch_day(environ)
    if isinstance(option, date):
        return _in_range(option, "as_of")
    if option:
        return parse_day(str(option), "as_of")
    return from_epoch or date.today()
