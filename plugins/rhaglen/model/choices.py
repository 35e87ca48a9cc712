"""The values an enum field of the model allows, read from the model itself."""

from __future__ import annotations

from typing import Literal, get_args, get_origin

from pydantic import BaseModel


def choices(model: type[BaseModel], field: str) -> tuple[str, ...]:
    """The values a field of the model allows, in the contract's order.

    Views and pages group by these rather than by values written in a template, so a
    value added to the model shows on the site without a template change.
    """
    annotation = model.model_fields[field].annotation
    while get_origin(annotation) is not Literal:
        annotation = next(a for a in get_args(annotation) if a is not type(None))
    return tuple(str(value) for value in get_args(annotation))
