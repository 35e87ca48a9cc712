"""Tables of the risk register and the monitoring updates: risks, risk scores, issues,
actions and agreed changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from ...model.risks import Issue, Risk, RiskStatus
from ...model.types import Text
from ...model.updates import ActionStatus
from ...state.current import Band, Score, Trend
from ..csvfile import Cell
from .columns import Column, Getter, Source, Table, attr, choice, codes, col, ref, refs, words

BANDS = codes(Band)
STATUS_CY, STATUS_EN = "Statws: open neu closed", "Status: open or closed"


def _score(prefix: str, cy: str, en: str, score: Callable[[Any], Score | None], *,
           required: bool = True) -> tuple[Column, ...]:
    """Likelihood, impact, score (likelihood × impact) and band of one score of a risk."""
    def part(name: str) -> Getter:
        def get(record: Any, source: Source) -> Cell:
            found = score(record)
            value: Cell = None if found is None else getattr(found, name)
            return value
        return get

    def named(word: str, qualifier: str) -> str:
        return f"{word} {qualifier}" if qualifier else word

    return (*col(f"{prefix}likelihood", "integer", f"{named('Tebygolrwydd', cy)}, 1 i 5",
                 f"{named('Likelihood', en)}, 1 to 5", part("likelihood"), required=required,
                 minimum=1, maximum=5),
            *col(f"{prefix}impact", "integer", f"{named('Effaith', cy)}, 1 i 5",
                 f"{named('Impact', en)}, 1 to 5", part("impact"), required=required,
                 minimum=1, maximum=5),
            *col(f"{prefix}score", "integer", f"{named('Sgôr', cy)} (tebygolrwydd × effaith)",
                 f"{named('Score', en)} (likelihood × impact)", part("value"),
                 required=required, minimum=1, maximum=25),
            *col(f"{prefix}band", "string", f"{named('Band', cy)}: low (isel) 1–4, medium "
                 "(canolig) 5–12, high (uchel) 15–25",
                 f"{named('Band', en)}: low 1–4, medium 5–12, high 15–25", part("band"),
                 required=required, enum=BANDS))


RISKS = Table(
    "risks", "Cofrestr risg pob rhaglen (bygythiadau a chyfleoedd), gyda'r sgôr gyfredol "
    "fel y mae'r dudalen risgiau yn ei dangos", "Each programme's risk register (threats and "
    "opportunities), with the current score as the risks page shows it",
    (*words("title", "Teitl", "Title", lambda r: r.risk.title),
     *col("kind", "string", "Math: threat (bygythiad) neu opportunity (cyfle)",
          "Kind: threat or opportunity", lambda r, s: r.risk.kind, required=True,
          enum=choice(Risk, "kind")),
     *words("category", "Categori", "Category", lambda r: r.risk.category, required=False),
     *words("description", "Disgrifiad (Markdown)", "Description (Markdown)",
            lambda r: r.risk.description),
     *col("raised", "date", "Dyddiad codi", "Date raised", lambda r, s: r.risk.raised,
          required=True),
     *_score("", "y gofrestr", "in the register", lambda r: r.inherent),
     *_score("residual_", "gweddilliol", "residual", lambda r: r.residual, required=False),
     *_score("current_", "cyfredol (yr adolygiad diweddaraf)", "current (the latest review)",
             lambda r: r.current),
     *col("trend", "string", "Y newid diwethaf: rising, falling, steady neu new (heb ei "
          "ail-sgorio)", "The last change: rising, falling, steady or new (not re-scored)",
          lambda r, s: r.trend, required=True, enum=codes(Trend)),
     *col("direction", "string", "Y cyfeiriad ers y gofrestr: rising, falling, steady neu new",
          "The direction since the register: rising, falling, steady or new",
          lambda r, s: r.direction, required=True, enum=codes(Trend)),
     *col("response", "string", "Ymateb", "Response", lambda r, s: r.risk.response,
          required=True, enum=choice(Risk, "response")),
     *words("actions", "Camau (Markdown)", "Actions (Markdown)", lambda r: r.risk.actions),
     *col("owner", "string", "Dynodydd y rôl sy'n berchen arni", "Id of the owning role",
          lambda r, s: s.ref(r.risk.owner), required=True),
     *col("review", "date", "Dyddiad adolygu", "Review date", lambda r, s: r.risk.review,
          required=True),
     *attr("review_overdue", "boolean", "Adolygiad yn hwyr (risg agored)",
           "Review overdue (open risk)"),
     *attr("status", "string", f"{STATUS_CY}, ar ôl pob diweddariad",
           f"{STATUS_EN}, after every update", enum=codes(RiskStatus))),
    lambda s: s.state.risks, ident=lambda r, s: r.risk.id)


@dataclass(frozen=True)
class RiskScore:
    risk: str
    date: date
    source: Literal["register", "update"]
    score: Score
    status: str | None
    note: Text | None


def _risk_scores(source: Source) -> Iterator[RiskScore]:
    for state in source.state.risks:
        risk = state.risk
        yield RiskScore(risk.id, risk.raised, "register", state.history[0], risk.status, None)
        for update in source.state.updates:
            for report in update.report.risks:
                if report.id.lower() == risk.id.lower():
                    yield RiskScore(risk.id, update.date, "update",
                                    Score(update.date, report.likelihood, report.impact),
                                    report.status, report.note)


RISK_SCORES = Table(
    "risk_scores", "Pob sgôr pob risg, mewn trefn dyddiad: sgôr y gofrestr, yna pob "
    "ail-sgorio mewn diweddariad", "Every score of every risk in date order: the register's "
    "score, then each re-score in an update",
    (*ref("risk", "Dynodydd y risg (risks)", "Id of the risk (risks)"),
     *attr("date", "date", "Dyddiad (codi'r risg, neu'r diweddariad)",
           "Date (the risk raised, or the update)"),
     *attr("source", "string", "Ffynhonnell: register (y gofrestr) neu update (diweddariad)",
           "Source: register or update", enum=("register", "update")),
     *_score("", "", "", lambda r: r.score),
     *attr("status", "string", STATUS_CY, STATUS_EN, required=False, enum=codes(RiskStatus)),
     *words("note", "Nodyn", "Note", required=False)),
    _risk_scores, ident=None, key=("risk", "source", "date"), links=(("risk", "risks"),))

ISSUES = Table(
    "issues", "Log materion pob rhaglen", "Each programme's issue log",
    (*words("title", "Teitl", "Title"),
     *attr("kind", "string", "Math o fater", "Kind of issue", enum=choice(Issue, "kind")),
     *attr("raised", "date", "Dyddiad codi", "Date raised"),
     *attr("priority", "string", "Blaenoriaeth", "Priority", enum=choice(Issue, "priority")),
     *words("description", "Disgrifiad (Markdown)", "Description (Markdown)"),
     *ref("owner", "Dynodydd y rôl sy'n berchen arno", "Id of the owning role", required=False),
     *words("resolution", "Datrysiad (Markdown)", "Resolution (Markdown)", required=False),
     *attr("resolved", "date", "Dyddiad datrys (gwag: heb ei ddatrys)",
           "Date resolved (empty: unresolved)", required=False)),
    lambda s: s.state.issues)

ACTIONS = Table(
    "actions", "Camau pob rhaglen fel yr adroddwyd amdanynt ddiwethaf mewn diweddariad",
    "Each programme's actions as last reported in an update",
    (*col("responds_to", "string", "Dynodydd y risg, mater, amcan neu garreg filltir y mae'n "
          "ymateb iddo", "Id of the risk, issue, objective or milestone it responds to",
          lambda r, s: s.ref(r.action.responds_to), required=True),
     *words("title", "Teitl", "Title", lambda r: r.action.title),
     *col("owner", "string", "Dynodydd y rôl sy'n berchen arno", "Id of the owning role",
          lambda r, s: s.ref(r.action.owner)),
     *col("due", "date", "Dyddiad dyledus", "Due date", lambda r, s: r.action.due),
     *col("status", "string", "Statws", "Status", lambda r, s: r.action.status, required=True,
          enum=codes(ActionStatus)),
     *attr("overdue", "boolean", "Yn hwyr: wedi pasio'r dyddiad dyledus a heb ei wneud",
           "Overdue: past its due date and not done"),
     *attr("first_reported", "date", "Y diweddariad cyntaf a adroddodd amdano",
           "The first update that reported it"),
     *attr("last_reported", "date", "Y diweddariad diwethaf a adroddodd amdano",
           "The last update that reported it")),
    lambda s: s.state.actions, ident=lambda r, s: r.action.id)

CHANGES = Table(
    "changes", "Newidiadau y cytunwyd arnynt, fel y'u cofnodwyd yn y diweddariadau",
    "Agreed changes, as the updates record them",
    (*col("update", "date", "Dyddiad y diweddariad sy'n ei gofnodi",
          "Date of the update that records it", lambda r, s: r.date, required=True),
     *words("summary", "Crynodeb", "Summary", lambda r: r.change.summary),
     *words("rationale", "Rhesymeg (Markdown)", "Rationale (Markdown)",
            lambda r: r.change.rationale),
     *refs("agreed_with", "Cytunwyd gyda", "Agreed with", lambda r: r.change.agreed_with,
           required=True),
     *col("agreed_on", "date", "Dyddiad cytuno", "Date agreed", lambda r, s: r.change.agreed_on,
          required=True)),
    lambda s: s.state.changes, ident=None, key=None)

TABLES = (RISKS, RISK_SCORES, ISSUES, ACTIONS, CHANGES)
