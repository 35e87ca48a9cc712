"""The strategy page: evidence by kind, interventions by mix, the landscape by scope."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..model.strategy import Evidence, Intervention, Landscape, StrategyFile
from ..render.links import anchor
from .base import Link, Status, ViewContext, choices
from .data_links import table_link
from .frame import ProgrammeFrame, programme_frame
from .groups import Group, Grouping, group


@dataclass(frozen=True)
class EvidenceItem:
    anchor: str
    title: str
    quality: Status  # labelled "Quality: High"
    kind: str
    summary: Markup
    citation: str
    url: str | None
    target_groups: tuple[Link, ...]
    used_by: tuple[Link, ...]  # the interventions based on it; empty: none yet


@dataclass(frozen=True)
class InterventionItem:
    anchor: str
    title: str
    mix: str
    function: str | None
    target_groups: tuple[Link, ...]
    description: Markup
    addresses: tuple[Link, ...]


@dataclass(frozen=True)
class LandscapeItem:
    anchor: str
    title: str
    kind: str
    summary: Markup
    implication: Markup


@dataclass(frozen=True)
class Section:
    """A titled piece of prose: a theory, or a reflection headed by its date."""

    heading: str
    text: Markup


@dataclass(frozen=True)
class StrategyView:
    frame: ProgrammeFrame
    behaviour_goal: Markup
    evidence: tuple[Group[EvidenceItem], ...]  # every kind, in the contract's order
    interventions: tuple[Group[InterventionItem], ...]  # mixes that have any
    exchange: Markup  # empty when not written
    competition: Markup
    theories: tuple[Section, ...]
    landscape: tuple[Group[LandscapeItem], ...]  # scopes that have any
    reflections: tuple[Section, ...]  # newest first
    csv_evidence: Link
    csv_interventions: Link


def _by_kind(ctx: ViewContext) -> Grouping[Evidence]:
    # Every kind is shown, even with no evidence: a kind with none is a finding.
    return Grouping(choices(Evidence, "kind"), lambda e: e.kind, lambda e: e.title(ctx.lang),
                    "evidence_group", "evidence", keep_empty=True)


def _by_mix(ctx: ViewContext) -> Grouping[Intervention]:
    return Grouping(choices(Intervention, "mix"), lambda i: i.mix, lambda i: i.title(ctx.lang),
                    "mix", "mix")


def _by_scope(ctx: ViewContext) -> Grouping[Landscape]:
    return Grouping(choices(Landscape, "scope"), lambda item: item.scope,
                    lambda item: item.title(ctx.lang), "scope", "landscape")


def _evidence(ctx: ViewContext, s: StrategyFile, e: Evidence) -> EvidenceItem:
    users = [i.id for i in s.interventions if e.id.lower() in {a.lower() for a in i.addresses}]
    quality = Status("quality", e.quality,
                     f"{ctx.t('strategy.quality')}: {ctx.t('quality.' + e.quality)}")
    return EvidenceItem(anchor("evidence", e.id), e.title(ctx.lang), quality,
                        ctx.t("evidence_kind." + e.kind), ctx.prose(e.summary),
                        e.citation(ctx.lang), e.url, ctx.refs(e.target_groups),
                        tuple(ctx.sorted(ctx.refs(users), lambda link: link.label)))


def _intervention(ctx: ViewContext, i: Intervention) -> InterventionItem:
    return InterventionItem(anchor("intervention", i.id), i.title(ctx.lang),
                            ctx.t("mix." + i.mix),
                            ctx.t("function." + i.function) if i.function else None,
                            ctx.refs(i.target_groups), ctx.prose(i.description),
                            ctx.refs(i.addresses))


def _landscape(ctx: ViewContext, item: Landscape) -> LandscapeItem:
    return LandscapeItem(anchor("landscape", item.id), item.title(ctx.lang),
                         ctx.t("landscape_kind." + item.kind), ctx.prose(item.summary),
                         ctx.prose(item.implication))


def strategy_view(ctx: ViewContext) -> StrategyView:
    """The strategy in the page's language, every group in the contract's order."""
    programme = ctx.page.data["programme"]
    s: StrategyFile = programme.strategy or StrategyFile()
    return StrategyView(
        frame=programme_frame(ctx, programme),
        behaviour_goal=ctx.prose(programme.programme.behaviour_goal),
        evidence=group(ctx, s.evidence, _by_kind(ctx), lambda e: _evidence(ctx, s, e)),
        interventions=group(ctx, s.interventions, _by_mix(ctx), lambda i: _intervention(ctx, i)),
        exchange=ctx.prose(s.exchange),
        competition=ctx.prose(s.competition),
        theories=tuple(Section(t.name(ctx.lang), ctx.prose(t.summary))
                       for t in ctx.sorted(s.theories, lambda t: t.name(ctx.lang))),
        landscape=group(ctx, s.landscape, _by_scope(ctx), lambda item: _landscape(ctx, item)),
        reflections=tuple(Section(ctx.date(r.date), ctx.prose(r.summary))
                          for r in sorted(s.reflections, key=lambda r: r.date, reverse=True)),
        csv_evidence=table_link(ctx, "evidence"),
        csv_interventions=table_link(ctx, "interventions"),
    )
