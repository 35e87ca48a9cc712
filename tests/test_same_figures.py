"""Every derived figure is the same wherever it appears: on the pages, in the CSV tables, in
the JSON and in the change summary of `rhaglen diff`, for each every-status programme.

The figures a rule derives (not those copied from the YAML) are worked out once, in
`state`, and each output then reads, words or formats them its own way. Read back from each
output, they must agree: a figure computed differently anywhere fails here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from functools import cache
from typing import Any

import pytest
from rhaglen.changes.compare import portfolio_changes
from rhaglen.changes.model import ProgrammeChanges, Side, Token
from rhaglen.changes.records import MILESTONES, OBJECTIVES, RISKS, SPEND
from rhaglen.export import ExportSettings, export_files
from rhaglen.model.portfolio import Portfolio, Programme
from rhaglen.render.links import anchor
from rhaglen.render.opendata import csv_path, json_path
from rhaglen.render.pages import Page, site_pages
from rhaglen.views import page_view
from rhaglen.views.base import ViewContext
from rhaglen.views.plan import money, progress_words

from .helpers import AS_OF
from .view_helpers import context, every_status

DAY = date.fromisoformat(AS_OF)
SITE = ExportSettings()
Key = tuple[str, str, str]  # (record kind, id in lower case, figure); id "" for a programme
Figures = dict[Key, Any]
ALL = frozenset({"page", "csv", "json", "diff"})
# Which outputs show each figure. A flag (overdue, review overdue) is compared as the ids of
# the records that carry it, since the diff names only those it warns about.
SHOWN: dict[tuple[str, str], frozenset[str]] = {
    ("objective", "status"): ALL,
    ("objective", "progress"): ALL,
    ("milestone", "status"): ALL,
    ("milestone", "days late"): ALL - {"diff"},
    ("budget line", "spent"): ALL,
    ("budget line", "remaining"): ALL - {"diff"},
    ("budget line", "over budget"): ALL - {"diff"},
    ("risk", "score"): ALL,
    ("risk", "band"): ALL,
    ("risks", "review overdue"): ALL,
    ("actions", "overdue"): ALL,
    ("requirements", "review overdue"): ALL - {"json"},
    ("sustainability actions", "overdue"): frozenset({"page", "csv"}),
    ("programme", "freshness"): ALL - {"diff"},
    ("programme", "warned out of date"): ALL,
    ("programme", "reporting interval"): ALL - {"diff"},
}


@cache
def _exported() -> dict[str, bytes]:
    return export_files(every_status(), DAY, SITE)


@cache
def _pages() -> dict[str, Page]:
    return {page.path: page for page in site_pages(every_status(), DAY, SITE.reporting_interval)}


def _flagged(pairs: list[tuple[str, bool]]) -> tuple[str, ...]:
    return tuple(sorted(ident.lower() for ident, flag in pairs if flag))


def page_figures(slug: str, lang: str) -> tuple[Figures, ViewContext]:
    """What the views of the programme's pages show, and the plan page's context."""
    home = f"programmes/{slug}/"
    ctx = context(_pages()[home + "plan/"], lang)
    view = {sub: page_view(context(_pages()[home + sub], lang))
            for sub in ("", "plan/", "risks/", "monitoring/", "compliance/", "sustainability/")}
    plan, risks = view["plan/"], [r for group in view["risks/"].groups for r in group.rows]
    f: Figures = {}
    for o in plan.objectives:
        ident = o.anchor.removeprefix(anchor("objective", ""))
        f["objective", ident, "status"] = o.status.value
        f["objective", ident, "progress"] = o.progress  # "86% of the way"
    for m in plan.milestones:
        ident = m.anchor.removeprefix(anchor("milestone", ""))
        f["milestone", ident, "status"] = m.status.value
        f["milestone", ident, "days late"] = m.days_late  # "14 days late", or ""
    for b in plan.budget:
        ident = b.anchor.removeprefix(anchor("budget-line", ""))
        f["budget line", ident, "spent"] = b.balance.spent
        f["budget line", ident, "remaining"] = b.balance.remaining
        f["budget line", ident, "over budget"] = b.balance.over
    for r in risks:
        ident = r.anchor.removeprefix(anchor("risk", ""))
        f["risk", ident, "band"] = r.current.value
        f["risk", ident, "score"] = int(re.findall(r"\d+", r.current.label)[0])  # "20 (High)"
    f["risks", "", "review overdue"] = _flagged(
        [(r.anchor.removeprefix(anchor("risk", "")), r.review_overdue) for r in risks])
    f["actions", "", "overdue"] = _flagged(
        [((a.action.href or "").rsplit("#action-", 1)[-1], a.overdue)
         for a in view["monitoring/"].actions])
    f["requirements", "", "review overdue"] = _flagged(
        [(r.anchor.removeprefix(anchor("requirement", "")), r.review_overdue)
         for group in view["compliance/"].groups for r in group.rows])
    f["sustainability actions", "", "overdue"] = _flagged(
        [(a.anchor.removeprefix(anchor("sustainability-action", "")), a.overdue)
         for a in view["sustainability/"].actions])
    latest = view[""].latest
    f["programme", "", "freshness"] = latest.freshness
    f["programme", "", "warned out of date"] = latest.warning is not None
    f["programme", "", "reporting interval"] = ctx.page.data["reporting_interval"]
    return f, ctx


def csv_figures(slug: str) -> Figures:
    """What the programme's rows of the open-data tables say."""
    def rows(table: str) -> list[dict[str, str]]:
        text = _exported()[csv_path(table, slug)].decode("utf-8")
        return list(csv.DictReader(io.StringIO(text, newline="")))

    f: Figures = {}
    for o in rows("objectives"):
        ident = o["id"].lower()
        f["objective", ident, "status"] = o["status"]
        f["objective", ident, "progress"] = float(o["progress"])
    for m in rows("milestones"):
        ident = m["id"].lower()
        f["milestone", ident, "status"] = m["status"]
        f["milestone", ident, "days late"] = int(m["days_late"])
    for b in rows("budget_lines"):
        ident = b["id"].lower()
        f["budget line", ident, "spent"] = float(b["spent"])
        f["budget line", ident, "remaining"] = float(b["remaining"])
        f["budget line", ident, "over budget"] = b["over_budget"] == "true"
    for r in rows("risks"):
        f["risk", r["id"].lower(), "score"] = int(r["current_score"])
        f["risk", r["id"].lower(), "band"] = r["current_band"]
    f["risks", "", "review overdue"] = _flagged(
        [(r["id"], r["review_overdue"] == "true") for r in rows("risks")])
    f["actions", "", "overdue"] = _flagged(
        [(a["id"], a["overdue"] == "true") for a in rows("actions")])
    f["requirements", "", "review overdue"] = _flagged(
        [(r["id"], r["review_overdue"] == "true") for r in rows("compliance")])
    f["sustainability actions", "", "overdue"] = _flagged(
        [(a["id"], a["overdue"] == "true") for a in rows("sustainability_actions")])
    (programme,) = rows("programmes")
    f["programme", "", "freshness"] = programme["freshness"]
    f["programme", "", "warned out of date"] = programme["freshness"] in ("stale", "missing")
    f["programme", "", "reporting interval"] = int(programme["reporting_interval"])
    return f


def json_figures(slug: str) -> Figures:
    """What the programme's JSON says of its state."""
    state = json.loads(_exported()[json_path(slug)])["state"]
    f: Figures = {}
    for o in state["objectives"]:
        f["objective", o["id"].lower(), "status"] = o["status"]
        f["objective", o["id"].lower(), "progress"] = o["progress"]
    for m in state["milestones"]:
        f["milestone", m["id"].lower(), "status"] = m["status"]
        f["milestone", m["id"].lower(), "days late"] = m["days_late"]
    for b in state["budget"]["lines"]:
        ident = b["id"].lower()
        f["budget line", ident, "spent"] = b["spent"]
        f["budget line", ident, "remaining"] = b["remaining"]
        f["budget line", ident, "over budget"] = b["over_budget"]
    for r in state["risks"]:
        f["risk", r["id"].lower(), "score"] = r["score"]
        f["risk", r["id"].lower(), "band"] = r["band"]
    f["risks", "", "review overdue"] = _flagged(
        [(r["id"], r["review_overdue"]) for r in state["risks"]])
    f["actions", "", "overdue"] = _flagged(
        [(a["action"]["id"], a["overdue"]) for a in state["actions"]])
    latest = state["latest_update"]
    f["programme", "", "freshness"] = latest["freshness"]
    f["programme", "", "warned out of date"] = latest["freshness"] in ("stale", "missing")
    f["programme", "", "reporting interval"] = latest["reporting_interval"]
    return f


def _changes(base: Portfolio, slug: str) -> ProgrammeChanges:
    found = portfolio_changes(Side(base), Side(every_status()), DAY, SITE.reporting_interval)
    return next(p for p in found if p.slug == slug)


def diff_figures(slug: str) -> Figures:
    """What `rhaglen diff` says: every record as new against the programme before anything
    but programme.yml was written, and every warning as new against no programme at all."""
    fixture = every_status()
    bare = Portfolio(tuple(Programme(p.slug, p.programme) for p in fixture.programmes),
                     fixture.tags)
    f: Figures = {}
    for record in _changes(bare, slug).records:
        shown, ident = {x.label: x.after for x in record.fields}, record.ref.lower()
        status = shown.get("common.status")
        code = status.key.split(".", 1)[1] if isinstance(status, Token) else None
        if record.section == OBJECTIVES:
            f["objective", ident, "status"] = code
            f["objective", ident, "progress"] = shown["plan.progress"].value
        elif record.section == MILESTONES:
            f["milestone", ident, "status"] = code
        elif record.section == SPEND:
            f["budget line", ident, "spent"] = shown["plan.spent"].amount
        elif record.section == RISKS:
            f["risk", ident, "score"] = shown["risks.current"].value
            f["risk", ident, "band"] = shown["diff.band"].key.removeprefix("band.")
    warned = _changes(Portfolio((), fixture.tags), slug).warnings_added
    for kind, figure, notice in (("risks", "review overdue", "risks.review_overdue"),
                                 ("actions", "overdue", "monitoring.actions_overdue"),
                                 ("requirements", "review overdue",
                                  "compliance_page.review_overdue")):
        f[kind, "", figure] = _flagged([(n.ref, True) for n in warned if n.kind == notice])
    f["programme", "", "warned out of date"] = any(
        n.kind in ("latest.stale", "latest.missing") for n in warned)
    return f


def as_said(ctx: ViewContext, figure: str, value: Any) -> Any:
    """A figure as the page words it (codes, flags, ids and scores stay as they are)."""
    if figure == "progress":
        return progress_words(ctx, value)
    if figure == "days late":
        return ctx.t.plural("common.days_late", value) if value else ""
    if figure == "spent":
        return money(ctx, value)
    if figure == "remaining":
        return ctx.t("plan.over_by", amount=money(ctx, -value)) if value < 0 else money(ctx, value)
    return value


@pytest.mark.parametrize("lang", ["cy", "en"])
@pytest.mark.parametrize("slug", [p.slug for p in every_status().programmes])
def test_every_derived_figure_is_the_same_on_pages_csv_json_and_diff(slug: str,
                                                                     lang: str) -> None:
    page, ctx = page_figures(slug, lang)
    outputs = {"page": page, "csv": csv_figures(slug), "json": json_figures(slug),
               "diff": diff_figures(slug)}
    for name, figures in outputs.items():  # each output shows the figures it should
        assert {(kind, figure) for kind, _, figure in figures} <= {
            shown for shown, where in SHOWN.items() if name in where}, name
    for (kind, figure), where in SHOWN.items():  # ... of the same records
        records = {name: {i for k, i, f in outputs[name] if (k, f) == (kind, figure)}
                   for name in where}
        assert len({frozenset(ids) for ids in records.values()}) == 1, (kind, figure, records)
    for key in sorted(set().union(*outputs.values())):  # ... with the same values
        said = {name: figures[key] for name, figures in outputs.items() if key in figures}
        values = {name: value for name, value in said.items() if name != "page"}
        assert len(said) >= 2 and len(set(values.values())) == 1, (key, said)
        assert said["page"] == as_said(ctx, key[2], next(iter(values.values()))), (key, said)
