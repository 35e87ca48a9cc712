"""Pydantic's validation errors, rewritten for the person editing the YAML file."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..text.problems import Problem, display_path
from ..text.yamlload import Document, Key, format_location
from .types import LANGUAGE_NAMES


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, looking through Annotated, Optional and tuple."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return inner_model(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, tuple, list):
        for arg in typing.get_args(annotation):
            if (found := inner_model(arg)) is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def model_at(root: type[BaseModel], loc: Key) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        if part not in fields:
            return None
        model = inner_model(fields[part].annotation)
    return model


def _keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _message(error: ErrorDetails, root: type[BaseModel]) -> str:
    kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
    parent = model_at(root, loc[:-1])
    if kind == "missing":
        if loc[-1] in LANGUAGE_NAMES and set(_keys(parent)) == set(LANGUAGE_NAMES):
            return f"missing {LANGUAGE_NAMES[str(loc[-1])]} text"
        return f"missing required key '{loc[-1]}'"
    if kind == "extra_forbidden":
        allowed = _keys(parent)
        if set(allowed) == set(LANGUAGE_NAMES):
            return f"unknown key '{loc[-1]}': text has only cy (Welsh) and en (English)"
        return f"unknown key '{loc[-1]}'{_suggest(str(loc[-1]), allowed)}"
    if kind == "literal_error":
        expected = re.findall(r"'([^']*)'", error.get("ctx", {}).get("expected", ""))
        listed = ", ".join(expected)
        if value is None:
            return f"is empty; expected one of: {listed}"
        return f"'{value}' is not one of: {listed}{_suggest(str(value), expected)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        model = model_at(root, loc)
        if model is not None and set(_keys(model)) == set(LANGUAGE_NAMES):
            return "expected Welsh and English text: {cy: ..., en: ...}"
        return "expected a mapping of keys and values"
    if kind in ("tuple_type", "list_type"):
        return "expected a list"
    if kind == "too_short":
        return "must list at least one"
    if kind == "greater_than_equal":
        return f"must be at least {error.get('ctx', {}).get('ge')}, got {value}"
    return str(error["msg"]).removeprefix("Value error, ")


def _position(doc: Document, error: ErrorDetails, loc: Key) -> tuple[int, int]:
    if error["type"] == "extra_forbidden":
        return doc.key_mark(loc)
    if error["type"] == "missing":
        return doc.mark(loc[:-1])
    return doc.mark(loc)


def validation_problems(
    doc: Document, exc: ValidationError, root: type[BaseModel], prefix: Key = (),
    unread: Callable[[ErrorDetails], bool] | None = None,
) -> list[Problem]:
    """One problem per pydantic error, placed at the line of the offending value or key.

    `unread` picks the errors about what the file's reading did not reach or could not
    trust (a key after a syntax error, a tagged value): those were reported already.
    """
    shown = display_path(doc.path)
    problems = []
    found = exc.errors(include_url=False)
    for error in found:
        if error["type"] == "too_short" and any(
            other["loc"][: len(error["loc"])] == error["loc"] and other is not error
            for other in found
        ):
            continue  # the list is short only because its items failed
        if unread is not None and unread(error):
            continue
        loc: Key = (*prefix, *error["loc"])
        line, col = _position(doc, error, loc)
        message = _message(error, root)
        problems.append(Problem(shown, line, col, format_location(loc), message))
    return problems

