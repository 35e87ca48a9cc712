"""JSON Schemas generated from the models, so editors can complete and check the YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.links import UnsafePath, linked_paths
from ..model.portfolio import FILE_MODELS
from ..model.types import TAG_PATTERN, Text
from ..model.updates import UpdateFile
from .programme_model import ProgrammeExport

SCHEMA_ID = "https://rhaglen.cymru/schema/v1/"
EXPORT_SCHEMA = "export.schema.json"  # describes data/programmes/<slug>.json


def _schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID + name, **schema}


def _without_internal(schema: Any) -> Any:
    """The schema with the `internal` property that input files may carry removed everywhere."""
    if isinstance(schema, list):
        return [_without_internal(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _without_internal(value) for key, value in schema.items()}
    if isinstance(result.get("properties"), dict):
        result["properties"] = {name: value for name, value in result["properties"].items()
                                if name != "internal"}
    return result


def export_schema() -> dict[str, Any]:
    """The schema of `data/programmes/<slug>.json`: what the site publishes, not what it reads.

    Generated in serialisation mode (a Name is always `{cy, en}`; dates are strings), and
    without `internal`, which input files may carry but no export ever holds.
    """
    schema = ProgrammeExport.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": SCHEMA_ID + EXPORT_SCHEMA, **_without_internal(schema)}


def schemas() -> dict[str, dict[str, Any]]:
    """One schema per kind of file, by file name."""
    result = {
        name.replace(".yml", ".schema.json"): _schema(model, name.replace(".yml", ".schema.json"))
        for name, model in FILE_MODELS.items()
    }
    result["update.schema.json"] = _schema(UpdateFile, "update.schema.json")
    text = Text.model_json_schema()
    result["tags.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID + "tags.schema.json",
        "title": "tags.yml",
        "type": "object",
        "propertyNames": {"pattern": TAG_PATTERN},
        "properties": {"internal": {"description": "Private notes: accepted, never published."}},
        "additionalProperties": text,
    }
    result[EXPORT_SCHEMA] = export_schema()
    return result


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into `folder`, only where the content changed; never via a link."""
    if links := linked_paths(folder):
        raise UnsafePath(f"{links[0]} is a symbolic link; delete it: Rhaglen never writes "
                         "schemas through one")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        content = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
