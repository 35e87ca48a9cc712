"""`data/datapackage.json`: a Frictionless Data Package describing every CSV table.

Each resource has a Table Schema: field names, types, constraints, primary and foreign
keys, and a description of each field in Welsh and English (`description` holds both,
Welsh first; `rhaglen:description` holds them apart). `licenses` lists every licence the
programmes use (each row also names its own in the `licence` column), and
`rhaglen:as_of` the as-of date the derived figures were judged against.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ...model.portfolio import Programme
from ...render.opendata import csv_path
from ...views.licence import licence_url
from .columns import Column, Table

if TYPE_CHECKING:
    from .. import ExportSettings

TITLE = {"cy": "Rhaglen: data agored y rhaglenni", "en": "Rhaglen: the programmes' open data"}
DESCRIPTION = {
    "cy": "Pob tabl o'r rhaglenni marchnata cymdeithasol, i'r wefan gyfan ac i bob rhaglen, "
          "gyda'r ffigurau sy'n deillio ohonynt fel y mae'r tudalennau yn eu dangos.",
    "en": "Every table of the social-marketing programmes, site-wide and per programme, "
          "with the derived figures as the pages show them.",
}


def _both(cy: str, en: str) -> dict[str, Any]:
    return {"description": f"{cy} / {en}", "rhaglen:description": {"cy": cy, "en": en}}


def _field(column: Column) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    field = {"name": column.name, "type": column.type, **_both(column.cy, column.en)}
    return {**field, "constraints": constraints} if constraints else field


def resource_name(table: str, slug: str | None = None) -> str:
    """The resource's name: the table's, or `<slug>.<table>` for one programme's file."""
    return table if slug is None else f"{slug}.{table}"


def _schema(table: Table, slug: str | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(c) for c in table.fields],
                              "missingValues": [""]}
    if table.primary_key is not None:
        schema["primaryKey"] = list(table.primary_key)
    keys = [] if table.name == "programmes" else [
        {"fields": ["programme"],
         "reference": {"resource": resource_name("programmes", slug), "fields": ["programme"]}}]
    keys += [{"fields": ["programme", column],
              "reference": {"resource": resource_name(target, slug),
                            "fields": ["programme", "id"]}}
             for column, target in table.links]
    schema["foreignKeys"] = keys
    return schema


def _resource(table: Table, slug: str | None) -> dict[str, Any]:
    path = csv_path(table.name, slug).removeprefix("data/")
    cy, en = (table.cy, table.en) if slug is None else (
        f"{table.cy} (y rhaglen {slug} yn unig)", f"{table.en} (programme {slug} only)")
    return {"name": resource_name(table.name, slug), "path": path,
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", **_both(cy, en),
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": _schema(table, slug)}


def _licence(spdx: str, lang: str) -> dict[str, str]:
    return {"name": spdx, "path": licence_url(spdx, lang), "title": spdx}


def datapackage(tables: Sequence[Table], programmes: Sequence[Programme], as_of: date,
                settings: ExportSettings) -> bytes:
    """The package's JSON: site-wide resources first, then each programme's, by slug."""
    licences = sorted({p.programme.licence for p in programmes})
    package: dict[str, Any] = {
        "profile": "tabular-data-package", "name": "rhaglen",
        "title": f"{TITLE['cy']} / {TITLE['en']}", "rhaglen:title": TITLE,
        **_both(DESCRIPTION["cy"], DESCRIPTION["en"]),
        "rhaglen:as_of": as_of.isoformat(),
        "licenses": [_licence(spdx, settings.default_language) for spdx in licences],
    }
    if settings.site_url:
        package["homepage"] = settings.site_url
    slugs = [None, *(p.slug for p in programmes)]
    package["resources"] = [_resource(t, slug) for slug in slugs for t in tables]
    # Compact: the package describes every programme's tables, thousands of resources on a
    # large site, and only compact JSON is written by the standard library's C encoder.
    return (json.dumps(package, ensure_ascii=False, separators=(",", ":")) + "\n"
            ).encode("utf-8")
