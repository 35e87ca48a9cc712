"""Tables of the strategy and the outcomes: evidence, interventions, pilot and evaluation
results, lessons, sustainability actions, opportunities and compliance."""

from __future__ import annotations

from collections.abc import Callable

from ...model.outcomes import Lesson, Opportunity, Requirement, SustainabilityAction
from ...model.programme import Stage
from ...model.strategy import Evidence, Intervention
from ...state.current import due_overdue, review_overdue
from .columns import Source, Table, attr, choice, codes, col, ref, refs, words

MET_CY, MET_EN = "A gyrhaeddwyd yr amcan: yes, partly neu no", "Objective met: yes, partly or no"


def listed(file: str, name: str) -> Callable[[Source], tuple[object, ...]]:
    """The records listed under `name` in one of the programme's files (none if unwritten)."""
    def records(source: Source) -> tuple[object, ...]:
        model = getattr(source.programme, file)
        found: tuple[object, ...] = getattr(model, name) if model is not None else ()
        return found
    return records


EVIDENCE = Table(
    "evidence", "Tystiolaeth y mae strategaeth pob rhaglen yn pwyso arni",
    "The evidence each programme's strategy relies on",
    (*words("title", "Teitl", "Title"),
     *words("citation", "Cyfeiriad llyfryddol", "Citation"),
     *attr("url", "string", "Cyfeiriad gwe", "Web address", required=False),
     *attr("kind", "string", "Math: motivator, inhibitor neu intervention",
           "Kind: motivator, inhibitor or intervention", enum=choice(Evidence, "kind")),
     *attr("quality", "string", "Ansawdd", "Quality", enum=choice(Evidence, "quality")),
     *words("summary", "Crynodeb (Markdown)", "Summary (Markdown)"),
     *refs("target_groups", "Grwpiau targed (target_groups)", "Target groups (target_groups)")),
    listed("strategy", "evidence"))

INTERVENTIONS = Table(
    "interventions", "Ymyriadau pob rhaglen (y cymysgedd marchnata)",
    "Each programme's interventions (the marketing mix)",
    (*words("title", "Teitl", "Title"),
     *words("description", "Disgrifiad (Markdown)", "Description (Markdown)"),
     *attr("mix", "string", "Elfen o'r cymysgedd", "Element of the mix",
           enum=choice(Intervention, "mix")),
     *attr("function", "string", "Swyddogaeth yr ymyriad", "Intervention function",
           required=False, enum=choice(Intervention, "function")),
     *refs("addresses", "Y dystiolaeth y mae'n mynd i'r afael â hi (evidence)",
           "The evidence it addresses (evidence)", required=True),
     *refs("target_groups", "Grwpiau targed (target_groups)", "Target groups (target_groups)",
           required=True)),
    listed("strategy", "interventions"))


def _results(name: str, note: str, cy: str, en: str, file: str,
             own_target: bool = False) -> Table:
    target = attr("target", "number", "Targed y peilot ei hun ar gyfer yr amcan (gwag: "
                  "targed y rhaglen)", "The pilot's own target for the objective (empty: "
                  "the programme's)", required=False) if own_target else ()
    return Table(
        name, cy, en,
        (*ref("objective", "Dynodydd yr amcan (objectives)", "Id of the objective (objectives)"),
         *attr("value", "number", "Y gwerth a gyflawnwyd", "The value achieved"),
         *target,
         *attr("met", "string", MET_CY, MET_EN, enum=("yes", "partly", "no")),
         *words(note, "Nodyn" if note == "note" else "Sylwebaeth (Markdown)",
                "Note" if note == "note" else "Commentary (Markdown)", required=False)),
        listed(file, "results"),
        ident=None, key=None, links=(("objective", "objectives"),))


PILOT_RESULTS = _results("pilot_results", "note", "Canlyniadau'r peilot fesul amcan",
                         "The pilot's results per objective", "pilot", own_target=True)
EVALUATION_RESULTS = _results("evaluation_results", "commentary",
                              "Canlyniadau'r gwerthusiad fesul amcan",
                              "The evaluation's results per objective", "evaluation")

LESSONS = Table(
    "lessons", "Gwersi pob rhaglen, i eraill eu hailddefnyddio",
    "Each programme's lessons, for others to reuse",
    (*words("title", "Teitl", "Title"),
     *attr("date", "date", "Dyddiad", "Date"),
     *attr("stage", "string", "Cam y rhaglen", "Programme stage", enum=codes(Stage)),
     *attr("kind", "string", "Math: worked-well (gweithiodd yn dda) neu to-improve (i'w "
           "wella)", "Kind: worked-well or to-improve", enum=choice(Lesson, "kind")),
     *words("what_happened", "Beth ddigwyddodd (Markdown)", "What happened (Markdown)"),
     *words("recommendation", "Argymhelliad (Markdown)", "Recommendation (Markdown)"),
     *col("tags", "string", "Tagiau (wedi'u gwahanu â ;)", "Tags (separated by ;)",
          lambda r, s: ";".join(r.tags) or None),
     *refs("related", "Cofnodion cysylltiedig", "Related records")),
    listed("lessons", "lessons"))


SUSTAINABILITY_ACTIONS = Table(
    "sustainability_actions", "Camau i gynnal effaith pob rhaglen",
    "Actions to sustain each programme's impact",
    (*words("title", "Teitl", "Title"),
     *ref("owner", "Dynodydd y sefydliad sy'n gyfrifol (organisations)",
          "Id of the organisation responsible (organisations)"),
     *attr("due", "date", "Dyddiad dyledus", "Due date", required=False),
     *attr("status", "string", "Statws", "Status", enum=choice(SustainabilityAction, "status")),
     *col("overdue", "boolean", "Yn hwyr: wedi pasio'r dyddiad dyledus a heb ei wneud",
          "Overdue: past its due date and not done",
          lambda r, s: due_overdue(r.due, r.status, s.state.as_of), required=True)),
    listed("sustainability", "actions"), links=(("owner", "organisations"),))

OPPORTUNITIES = Table(
    "opportunities", "Cyfleoedd i gynnal pob rhaglen (cyllid, partneriaid)",
    "Opportunities to sustain each programme (funding, partners)",
    (*words("title", "Teitl", "Title"),
     *refs("via", "Drwy (sefydliadau, rhanddeiliaid)", "Via (organisations, stakeholders)",
           required=True),
     *attr("status", "string", "Statws", "Status", enum=choice(Opportunity, "status")),
     *words("summary", "Crynodeb (Markdown)", "Summary (Markdown)", required=False)),
    listed("sustainability", "opportunities"))

COMPLIANCE = Table(
    "compliance", "Gofynion cyfreithiol, moesegol a sefydliadol pob rhaglen",
    "Each programme's legal, ethical and organisational requirements",
    (*words("title", "Teitl", "Title"),
     *attr("kind", "string", "Math o ofyniad", "Kind of requirement",
           enum=choice(Requirement, "kind")),
     *words("reference", "Cyfeiriad (deddf, cod, polisi)", "Reference (law, code, policy)"),
     *attr("reference_url", "string", "Cyfeiriad gwe y ddeddf, y cod neu'r polisi",
           "Web address of the law, code or policy", required=False),
     *attr("status", "string", "Statws", "Status", enum=choice(Requirement, "status")),
     *words("evidence", "Tystiolaeth (Markdown)", "Evidence (Markdown)"),
     *attr("review", "date", "Dyddiad adolygu", "Review date", required=False),
     *col("review_overdue", "boolean", "Adolygiad yn hwyr", "Review overdue",
          lambda r, s: review_overdue(r.review, s.state.as_of), required=True)),
    listed("compliance", "requirements"))

TABLES = (EVIDENCE, INTERVENTIONS, PILOT_RESULTS, EVALUATION_RESULTS, LESSONS,
          SUSTAINABILITY_ACTIONS, OPPORTUNITIES, COMPLIANCE)
