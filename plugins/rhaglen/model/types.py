"""The contract's value types (Text, Prose, Name, Id, Date, Score, Money, Url, Tag).

Plain YAML scalars arrive as `Plain` strings; each type here decides what it accepts,
so `no` stays a string where a string is expected and `1.10` is never turned into 1.1.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, ClassVar

from babel.numbers import list_currencies
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from ..text.names import MAX_NAME, NAME_PATTERN, name_problem
from ..text.prose import prose_problems
from ..text.yamlload import BIDI_CONTROLS
from .scalars import boolean, calendar_day, describe, fail, integer, money, number, score

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
TAG_PATTERN = NAME_PATTERN
LANGUAGE_NAMES = {"cy": "Welsh (cy)", "en": "English (en)"}
MAX_TEXT = 300  # characters of a Text or Name, per language
MAX_PROSE = 10_000  # characters of a Prose, per language
MAX_LINE = 2_000  # characters of any other one-line value (an address, a citation)
# Letters that draw nothing: Hangul fillers and the blank Braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


# Every character _text may refuse, found in one pass (a regular expression rather than a
# look-up of each character's Unicode category, which was a fifth of `validate`'s time):
# bidirectional controls and control characters (category Cc, 0-1F and 7F-9F) but the line
# feed; in one-line text also the line feed and the line and paragraph separators (Zl, Zp).
_REFUSED = "\u202a-\u202e\u2066-\u2069\x00-\x09\x0b-\x1f\x7f-\x9f"
_REFUSED_IN = {True: re.compile(f"[{_REFUSED}\n\u2028\u2029]"),
               False: re.compile(f"[{_REFUSED}]")}
_PLAIN_VISIBLE = re.compile(r"[!-~]")  # an ASCII letter, digit or sign: surely visible


def _refuse(char: str, *, one_line: bool) -> PydanticCustomError:
    if char in BIDI_CONTROLS:
        return fail("bidi", f"bidirectional control character U+{ord(char):04X} is not allowed")
    if one_line and char in "\n\u2028\u2029":
        return fail("one_line", "must be one line (use Prose for paragraphs)")
    return fail("control", f"control character U+{ord(char):04X} is not allowed")


def _text(value: Any, one_line: bool, limit: int, what: str) -> str:
    """Text as a person meant it: NFC, trimmed, visible, at most `limit` characters."""
    if not isinstance(value, str):
        raise fail("string", "expected text, got {got}", got=describe(value))
    text = unicodedata.normalize("NFC", str(value))
    text = text.strip() if one_line else text.strip("\n ")
    refused = _REFUSED_IN[one_line].search(text)
    if refused:
        raise _refuse(refused.group(), one_line=one_line)
    if not text:
        raise fail("empty", "must not be empty")
    if not ("!" <= text[0] <= "~" or _PLAIN_VISIBLE.search(text)  # ASCII: surely visible
            or any(_visible(char) for char in text)):
        raise fail("invisible", "has no visible character (only spaces or invisible "
                   "characters such as U+200B); write the text out")
    if len(text) > limit:
        raise fail("too_long", "is {length} characters long; {what} may be at most "
                   "{limit} (in each language)", length=f"{len(text):,}", what=what,
                   limit=f"{limit:,}")
    return text


def _visible(char: str) -> bool:
    return (unicodedata.category(char) not in ("Cc", "Cf", "Cn", "Zs", "Zl", "Zp")
            and char not in _BLANK_LETTERS)


def _line(value: Any) -> str:
    return _text(value, True, MAX_LINE, "a one-line value")


def _text_line(value: Any) -> str:
    return _text(value, True, MAX_TEXT, "a title, name or other one-line text")


def _paragraphs(value: Any) -> str:
    text = _text(value, False, MAX_PROSE, "prose")
    problems = prose_problems(text)
    if problems:
        raise fail("prose", "; ".join(problems))
    return text


def _pattern(regex: str, what: str) -> Any:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise fail("pattern", "'{got}' is not a valid {what}", got=value, what=what)
        return value

    return check


def _tag(value: str) -> str:
    if reason := name_problem(value, "tag"):
        raise fail("name", reason)
    return value


def _https(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+(/\S*)?", value):
        raise fail("url", "'{got}' is not an https:// address", got=value)
    return value


def _currency(value: str) -> str:
    if value not in list_currencies():
        raise fail("currency", "'{got}' is not an ISO 4217 currency code", got=value)
    return value


def _name_as_text(value: Any) -> Any:
    if value is None:
        raise fail("name", "expected a name, or {form}, got an empty value",
                   form="{cy: ..., en: ...}")
    return {"cy": value, "en": value} if isinstance(value, str) else value


@dataclass(frozen=True)
class _Stated:
    """A JSON Schema keyword for a rule that the type's own validator checks.

    `Field(max_length=...)` would put the keyword in the schema too, but pydantic would
    then check it once more, in Python, after the validator, on every value.
    """

    keyword: str
    value: int

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema[self.keyword] = self.value
        return json_schema


Line = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
                 _Stated("maxLength", MAX_LINE)]
TextLine = Annotated[str, BeforeValidator(_text_line, json_schema_input_type=str),
                     _Stated("maxLength", MAX_TEXT)]
Paragraphs = Annotated[str, BeforeValidator(_paragraphs, json_schema_input_type=str),
                       _Stated("maxLength", MAX_PROSE)]
Int = Annotated[int, BeforeValidator(integer, json_schema_input_type=int)]
Number = Annotated[float, BeforeValidator(number, json_schema_input_type=float)]
Bool = Annotated[bool, BeforeValidator(boolean, json_schema_input_type=bool)]
Date = Annotated[date, BeforeValidator(calendar_day, json_schema_input_type=date)]
Score = Annotated[int, BeforeValidator(integer, json_schema_input_type=int),
                  AfterValidator(score), Field(ge=1, le=5)]
Money = Annotated[float, BeforeValidator(number, json_schema_input_type=float),
                  AfterValidator(money), Field(ge=0)]
Id = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
               AfterValidator(_pattern(ID_PATTERN, "id (letters, digits, - and _, up to 64)")),
               Field(pattern=ID_PATTERN)]
Ref = Id
Tag = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
                AfterValidator(_pattern(TAG_PATTERN, "tag (lower-case words joined by -)")),
                AfterValidator(_tag), Field(pattern=TAG_PATTERN, max_length=MAX_NAME)]
Url = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
                AfterValidator(_https), Field(pattern=r"^https://")]
Currency = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
                     AfterValidator(_currency), Field(pattern=r"^[A-Z]{3}$")]
Licence = Annotated[str, BeforeValidator(_line, json_schema_input_type=str),
                    AfterValidator(_pattern(r"[A-Za-z0-9][A-Za-z0-9.+-]*", "SPDX identifier"))]


class Model(BaseModel):
    """Frozen, typed, and closed: an unknown key is an error, never ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=False)
    kind_name: ClassVar[str] = ""  # set on records that have an id others can refer to


class Text(Model):
    """One line of plain text in Welsh and English."""

    cy: TextLine
    en: TextLine

    def __call__(self, lang: str) -> str:
        """The text in `lang`."""
        return str(getattr(self, lang))


class LongText(Text):
    """One line in Welsh and English of up to MAX_LINE characters: a reference to a law or
    a citation, which were one-line values of that length before contract 1.2."""

    cy: Line
    en: Line


class Prose(Model):
    """Limited Markdown in Welsh and English."""

    cy: Paragraphs
    en: Paragraphs

    def __call__(self, lang: str) -> str:
        """The Markdown source in `lang`."""
        return str(getattr(self, lang))


Name = Annotated[Text, BeforeValidator(_name_as_text, json_schema_input_type=str | Text)]
# A reference or a citation (1.2): a string, or {cy, en}, each as long as a Line may be.
LongName = Annotated[LongText, BeforeValidator(_name_as_text,
                                               json_schema_input_type=str | LongText)]


def _allow_internal_in_schema(schema: dict[str, Any]) -> None:
    schema.setdefault("properties", {})["internal"] = {
        "description": "Private notes: accepted, never published."
    }


class Record(Model):
    """A record or a file's top level: it may carry `internal:`, dropped right here.

    Because the key is removed before the model is built, no later step (page, index,
    export) can publish it: the model is the public model.
    """

    model_config = ConfigDict(json_schema_extra=_allow_internal_in_schema)

    @model_validator(mode="before")
    @classmethod
    def _drop_internal(cls, data: Any) -> Any:
        if isinstance(data, dict) and "internal" in data:
            return {key: value for key, value in data.items() if key != "internal"}
        return data


@dataclass(frozen=True)
class RefTo:
    """Field metadata: the kinds of record a reference may name (empty: any kind)."""

    kinds: tuple[str, ...] = ()


ORGANISATION = RefTo(("organisation",))
PEOPLE = RefTo(("stakeholder", "target-group", "organisation"))
ROLE = RefTo(("role",))
OBJECTIVE = RefTo(("objective",))
TARGET_GROUP = RefTo(("target-group",))
ANY_RECORD = RefTo()
