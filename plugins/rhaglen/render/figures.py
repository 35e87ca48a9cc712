"""What the templates show of the current state: charts and headline figures per language."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..formatting import Formatter
from ..i18n import Strings
from ..state import CurrentState, RiskState, risk_band
from .charts import heat_map


@dataclass
class Views:
    """Charts and figures of one programme's state, in one language."""

    state: CurrentState
    t: Strings
    fmt: Formatter
    currency: str

    def heat_map(self) -> Markup:
        cells = {(likelihood, impact): ids for likelihood, impact, ids in self.heat_cells()}
        words = {"likelihood": self.t("risks.likelihood"), "impact": self.t("risks.impact"),
                 **{band: self.t("band." + band) for band in ("low", "medium", "high")}}
        return heat_map("heat-map", self.t("risks.heat_title"), self.t("risks.heat_desc"),
                        cells, risk_band, words)

    def heat_cells(self) -> list[tuple[int, int, list[str]]]:
        """The heat map's cells that hold risks: likelihood, impact and the risks' ids."""
        cells: dict[tuple[int, int], list[str]] = {}
        for risk in self.open_risks():
            cells.setdefault((risk.current.likelihood, risk.current.impact), []).append(
                risk.risk.id)
        return sorted(((lk, im, ids) for (lk, im), ids in cells.items()), reverse=True)

    def open_risks(self) -> list[RiskState]:
        return [r for r in self.state.risks if r.status == "open"]

    def money(self, amount: float) -> str:
        return self.fmt.money(amount, self.currency)

    def headline(self, rag: bool = True) -> dict[str, str]:
        """The figures a reader wants first: status, objectives, milestones, spend, risks."""
        s = self.state
        good = sum(1 for o in s.objectives if o.status in ("met", "on-track"))
        late = sum(1 for m in s.milestones if m.status in ("overdue", "at-risk"))
        high = sum(1 for r in s.risks if r.status == "open" and r.current.band == "high")
        share = s.spent_total / s.planned_total if s.planned_total else 0.0
        figures = {
            self.t("monitoring.objectives_on_track"): self.t(
                "monitoring.count_of", n=good, total=len(s.objectives)),
            self.t("monitoring.milestones_late"): self.t(
                "monitoring.count_of", n=late, total=len(s.milestones)),
            self.t("monitoring.spend"): self.t(
                "monitoring.spend_share", spent=self.money(s.spent_total),
                planned=self.money(s.planned_total), share=self.fmt.percent(share)),
            self.t("monitoring.high_risks"): str(high),
        }
        if rag:
            figures = {self.t("rag.label"): self.t("rag." + (s.latest_rag or "none")),
                       **figures}
        return figures
