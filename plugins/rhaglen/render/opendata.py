"""Where the open data is published (contract, "Open data (version 1.1)"): one place that
both the export, which writes the files, and the pages, which link to them, read.

CSV tables and each programme's JSON are one copy for every language, from the site root;
Atom feeds are one per language, from that language's root.
"""

from __future__ import annotations

# The contract's tables, in its order.
TABLE_NAMES = ("programmes", "organisations", "target_groups", "stakeholders", "engagement",
               "objectives", "indicator_values", "milestones", "budget_lines", "spend",
               "risks", "risk_scores", "issues", "actions", "changes", "evidence",
               "interventions", "pilot_results", "evaluation_results", "lessons",
               "sustainability_actions", "opportunities", "compliance")
DATA = "data"


def csv_path(table: str, slug: str | None = None) -> str:
    """A table's CSV from the site root: every programme's, or one programme's."""
    if table not in TABLE_NAMES:
        raise ValueError(f"'{table}' is not a table of the open-data contract")
    return f"{DATA}/{table}.csv" if slug is None else f"{DATA}/programmes/{slug}/{table}.csv"


def json_path(slug: str) -> str:
    """A programme's whole public record and current state, from the site root."""
    return f"{DATA}/programmes/{slug}.json"


def feed_path(slug: str | None = None) -> str:
    """The Atom feed of the site or of one programme, from a language root."""
    return "feed.xml" if slug is None else f"programmes/{slug}/feed.xml"
