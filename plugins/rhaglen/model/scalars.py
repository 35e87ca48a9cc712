"""Plain YAML scalars made numbers, booleans and dates, each refused with a message
written for the person editing the file: `no` is never false, `1.10` never 1.1."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from pydantic_core import PydanticCustomError

from ..text.yamlload import Plain

_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)
MAX_NUMBER = 10**12  # any figure a programme reports is far smaller
MAX_NUMBER_CHARS = 32  # a number written with more characters is refused unread


def fail(kind: str, message: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is written for the person editing YAML."""
    return PydanticCustomError(kind, message, context)


def describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Plain) or not isinstance(value, str):
        return f"'{value}'"
    return f"the quoted text '{value}'"


def _out_of_range(written: str) -> PydanticCustomError:
    shown = written if len(written) <= 24 else f"{written[:12]}… ({len(written)} characters)"
    return fail("number_range", "'{got}' is out of range: numbers are between "
                "-{limit} and {limit}", got=shown, limit=f"{MAX_NUMBER:,}")


def _bounded(number: int | float, written: str) -> int | float:
    """The number if it is finite and no larger than MAX_NUMBER either way."""
    if not math.isfinite(number) or abs(number) > MAX_NUMBER:
        raise _out_of_range(written)
    return number


def _parsed(value: Plain) -> int | float:
    """A YAML number; never parses hundreds of digits (Python refuses over 4,300)."""
    if len(value) > MAX_NUMBER_CHARS:
        raise _out_of_range(value)
    return _bounded(int(value) if _INT.fullmatch(value) else float(value), value)


def integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return int(_bounded(value, "the number"))
    if isinstance(value, Plain) and _INT.fullmatch(value):
        return int(_parsed(value))
    raise fail("integer", "expected a whole number, got {got}", got=describe(value))


def number(value: Any) -> int | float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _bounded(value, "the number")
    if isinstance(value, Plain) and _NUMBER.fullmatch(value):
        return _parsed(value)
    raise fail("number", "expected a number, got {got}", got=describe(value))


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Plain) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise fail("boolean", "expected true or false, got {got}", got=describe(value))


def in_date_range(day: date) -> bool:
    """Whether `day` is one Rhaglen can judge and draw: EARLIEST to LATEST."""
    return EARLIEST <= day <= LATEST


def calendar_day(value: Any) -> date:
    if isinstance(value, date):
        day = value
    elif isinstance(value, str) and _DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise fail("date", "'{got}' is not a real calendar date", got=value) from None
    else:
        raise fail("date", "expected a date as YYYY-MM-DD, got {got}", got=describe(value))
    if not in_date_range(day):
        raise fail("date_range", "{got} is out of range: dates are from {first} to {last}",
                   got=day.isoformat(), first=EARLIEST.isoformat(), last=LATEST.isoformat())
    return day


def score(value: int) -> int:
    if not 1 <= value <= 5:
        raise fail("score", "a score is a whole number from 1 to 5, got {got}", got=value)
    return value


def money(value: int | float) -> int | float:
    if value < 0:
        raise fail("money", "an amount of money cannot be negative")
    return value
