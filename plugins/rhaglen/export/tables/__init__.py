"""The open-data tables (contract, "Open data (version 1.1)"): every table as one CSV for
the whole site (`data/<table>.csv`) and one per programme
(`data/programmes/<slug>/<table>.csv`), and `data/datapackage.json` describing them all.

Rows come in a fixed order: programmes by slug, then each programme's records in file
order (updates in date order). Every table has the same leading columns, `programme`
then `id` where the record has one, and ends with the programme's `licence`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ...model.portfolio import Portfolio, Programme
from ...render.opendata import DATA, csv_path
from ...state.current import current_state
from ...state.freshness import reporting_interval
from ..csvfile import Cell, csv_bytes
from . import outcomes, plan, programme, risks
from .columns import Source, Table
from .package import datapackage

if TYPE_CHECKING:
    from .. import ExportSettings

TABLES: tuple[Table, ...] = (*programme.TABLES, *plan.TABLES, *risks.TABLES,
                             *outcomes.TABLES)
__all__ = ["TABLES", "csv_path", "table_files"]
def rows(table: Table, source: Source) -> list[list[Cell]]:
    """The table's rows for one programme."""
    every = table.fields
    return [[column.value(record, source) for column in every]
            for record in table.records(source)]


def sources(portfolio: Portfolio, as_of: date, interval: int) -> list[Source]:
    """Each programme with its current state, by slug."""
    ordered: list[Programme] = sorted(portfolio.programmes, key=lambda p: p.slug)
    return [Source.of(p, current_state(p, as_of), reporting_interval(p, interval))
            for p in ordered]


def table_files(portfolio: Portfolio, as_of: date, settings: ExportSettings
                ) -> dict[str, bytes]:
    """Every table's CSV, site-wide and per programme, and the Data Package describing them."""
    each = sources(portfolio, as_of, settings.reporting_interval)
    files: dict[str, bytes] = {}
    for table in TABLES:
        header = [column.name for column in table.fields]
        per_programme = {s.programme.slug: rows(table, s) for s in each}
        files[csv_path(table.name)] = csv_bytes(
            header, [row for slug in per_programme for row in per_programme[slug]])
        for slug, found in per_programme.items():
            files[csv_path(table.name, slug)] = csv_bytes(header, found)
    files[f"{DATA}/datapackage.json"] = datapackage(
        TABLES, [s.programme for s in each], as_of, settings)
    return files
