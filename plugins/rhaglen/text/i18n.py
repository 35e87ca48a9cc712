"""Interface strings, one catalogue per language, with CLDR plural forms from Babel.

A key missing from a language's catalogue is an error, never a fall-back to another
language: a Welsh page must not show an English word.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from babel import Locale

from .problems import DataError
from .yamlload import load_yaml

LANGUAGES = ("cy", "en")
BABEL_LOCALES = {"cy": "cy_GB", "en": "en_GB"}
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


class MissingString(KeyError):
    """An interface string is missing from a language's catalogue."""


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not set(value) <= set(PLURAL_FORMS):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = {k: str(v) for k, v in value.items()} if isinstance(value, dict) else (
                str(value))
    return flat


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """Every interface string of `lang`, by dotted key."""
    path = Path(str(files("rhaglen.text").joinpath(f"catalogues/{lang}.yml")))
    problems: list[Any] = []
    doc = load_yaml(path, problems)
    if doc is None:
        raise DataError(problems)
    return _flatten(doc.data)


class Strings:
    """The interface strings of one language, called as `t("page.plan")`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.strings = catalogue(lang)
        self.locale = Locale.parse(BABEL_LOCALES[lang])

    def __call__(self, key: str, **values: Any) -> str:
        try:
            text = self.strings[key]
        except KeyError:
            raise MissingString(f"no '{key}' in the {self.lang} catalogue") from None
        if isinstance(text, dict):
            raise MissingString(f"'{key}' has plural forms: call plural()")
        return str(text).format(**values) if values else str(text)

    def plural(self, key: str, n: int) -> str:
        """The form of `key` that CLDR's plural rules choose for `n` in this language."""
        forms = self.strings.get(key)
        if not isinstance(forms, dict):
            raise MissingString(f"no plural '{key}' in the {self.lang} catalogue")
        form = self.locale.plural_form(n)
        text = forms.get(form, forms.get("other"))
        if text is None:
            raise MissingString(f"'{key}' has no '{form}' form in the {self.lang} catalogue")
        return str(text).format(n=n)
