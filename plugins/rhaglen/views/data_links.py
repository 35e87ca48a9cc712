"""Links from the pages to the open data, at the paths of the contract's "Open data" section.

The CSV tables, the Data Package and each programme's JSON are one copy for every
language, from the site root; the Atom feeds are one per language, in each language's
folder. Links are relative, so a page under /en/ reaches the same data files as its
Welsh twin through one more `../`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..render.opendata import TABLE_NAMES, csv_path, feed_path, json_path
from .base import Link, ViewContext

DATA_PAGE = "data/"  # the hand-written "Open data" page, from a language root
SCHEMA = "schema/export.schema.json"  # describes each programme's JSON, from the site root
TABLES = TABLE_NAMES
table_path = csv_path


def csv_link(ctx: ViewContext, slug: str, table: str) -> Link:
    """"Download this table (CSV)": one programme's table, from the page in `ctx`."""
    return Link(ctx.t("data.download_table"), ctx.file_href(table_path(table, slug)))


def table_link(ctx: ViewContext, table: str) -> Link:
    """The CSV link of a table of the page's own programme."""
    return csv_link(ctx, ctx.page.data["programme"].slug, table)


def feed_link(ctx: ViewContext, slug: str | None = None) -> Link:
    """The Atom feed in the page's language: the whole site's, or one programme's."""
    label = ctx.t("data.feed_site" if slug is None else "data.feed_programme")
    return Link(label, ctx.file_href(ctx.root + feed_path(slug)))


def data_page_link(ctx: ViewContext) -> Link:
    """The "Open data" page in the page's language: the files, the licence, citing them."""
    return Link(ctx.t("data.about"), ctx.href(DATA_PAGE))


@dataclass(frozen=True)
class DataFile:
    """One downloadable file: what it holds, its file name and where it is."""

    label: str
    file: str
    href: str


@dataclass(frozen=True)
class ProgrammeData:
    """Everything of one programme that can be downloaded or followed."""

    json: DataFile  # the whole programme
    schema: Link  # the JSON Schema that describes it
    feed: Link  # its updates and lessons, in the page's language
    tables: tuple[DataFile, ...]  # every table, in the contract's order
    about: Link  # the "Open data" page


def programme_data(ctx: ViewContext, slug: str) -> ProgrammeData:
    """The programme's JSON, its schema, its feed and its CSV tables, from this page."""
    json = json_path(slug)
    return ProgrammeData(
        json=DataFile(ctx.t("data.json"), json.rsplit("/", 1)[-1], ctx.file_href(json)),
        schema=Link(ctx.t("data.schema"), ctx.file_href(SCHEMA)),
        feed=feed_link(ctx, slug),
        tables=tuple(DataFile(ctx.t("data_table." + table), f"{table}.csv",
                              ctx.file_href(table_path(table, slug))) for table in TABLES),
        about=data_page_link(ctx),
    )
