"""Tables of programme.yml: programmes, organisations, target groups, stakeholders and
engagement."""

from __future__ import annotations

from ...model.programme import Organisation, ProgrammeFile, Stage, Stakeholder
from ...state.freshness import Freshness, update_freshness
from ...views.stakeholders import Quadrant, quadrant
from .columns import Table, attr, choice, codes, col, ref, refs, words

PROGRAMMES = Table(
    "programmes", "Un rhes i bob rhaglen, gyda'i chyflwr diweddaraf",
    "One row per programme, with its latest state",
    (*words("title", "Teitl y rhaglen", "The programme's title"),
     *words("summary", "Crynodeb", "Summary"),
     *attr("type", "string", "Math: rhaglen, ymgyrch neu gynllun",
           "Type: programme, campaign or plan", enum=choice(ProgrammeFile, "type")),
     *attr("stage", "string", "Cam presennol y rhaglen", "The programme's current stage",
           enum=codes(Stage)),
     *attr("start", "date", "Dyddiad dechrau", "Start date"),
     *attr("end", "date", "Dyddiad gorffen", "End date"),
     *words("mission", "Cenhadaeth", "Mission"),
     *words("behaviour_goal", "Nod ymddygiad", "Behaviour goal"),
     *ref("lead", "Dynodydd y sefydliad arweiniol (organisations)",
          "Id of the lead organisation (organisations)"),
     *col("reporting_interval", "integer", "Diwrnodau rhwng diweddariadau monitro",
          "Days between monitoring updates", lambda r, s: s.interval, required=True,
          minimum=1),
     *col("latest_update", "date", "Dyddiad y diweddariad monitro diweddaraf (gwag: dim un)",
          "Date of the latest monitoring update (empty: none)",
          lambda r, s: s.state.updates[-1].date if s.state.updates else None),
     *col("rag", "string", "Statws cyffredinol y diweddariad diweddaraf",
          "Overall status (RAG) of the latest update", lambda r, s: s.state.latest_rag,
          enum=("green", "amber", "red")),
     *col("freshness", "string",
          "Pa mor ddiweddar: current, stale (hen), final (rhaglen wedi cau), missing "
          "(dim diweddariad a disgwyl un) neu none (dim disgwyl eto)",
          "How recent: current, stale, final (programme closed), missing (none yet but one "
          "is due) or none (none expected yet)",
          lambda r, s: update_freshness(s.programme, s.state.as_of, s.interval),
          required=True, enum=codes(Freshness))),
    lambda s: (s.programme.programme,), ident=None, key=(), links=(("lead", "organisations"),))

ORGANISATIONS = Table(
    "organisations", "Y sefydliadau sy'n rhan o bob rhaglen",
    "The organisations taking part in each programme",
    (*words("name", "Enw", "Name"),
     *attr("role", "string", "Rôl yn y rhaglen", "Role in the programme",
           enum=choice(Organisation, "role")),
     *attr("url", "string", "Gwefan", "Website", required=False)),
    lambda s: s.programme.programme.organisations)

TARGET_GROUPS = Table(
    "target_groups", "Grwpiau targed pob rhaglen", "Each programme's target groups",
    (*words("name", "Enw", "Name"),
     *words("description", "Disgrifiad (Markdown)", "Description (Markdown)"),
     *attr("size", "integer", "Maint bras (nifer o bobl)", "Approximate size (people)",
           required=False),
     *words("insight", "Mewnwelediad (Markdown)", "Insight (Markdown)", required=False)),
    lambda s: s.programme.programme.target_groups)

STAKEHOLDERS = Table(
    "stakeholders", "Rhanddeiliaid pob rhaglen, gyda'u lle ar y grid dylanwad a diddordeb",
    "Each programme's stakeholders, with their place on the influence and interest grid",
    (*words("name", "Enw", "Name"),
     *attr("kind", "string", "Math o randdeiliad", "Kind of stakeholder",
           enum=choice(Stakeholder, "kind")),
     *ref("organisation", "Dynodydd eu sefydliad (organisations)",
          "Id of their organisation (organisations)", required=False),
     *words("interests", "Eu buddiannau (Markdown)", "Their interests (Markdown)",
            required=False),
     *attr("influence", "integer", "Dylanwad, 1 i 5", "Influence, 1 to 5", minimum=1, maximum=5),
     *attr("interest", "integer", "Diddordeb, 1 i 5", "Interest, 1 to 5", minimum=1, maximum=5),
     *col("quadrant", "string", "Dull ar y grid: manage, satisfy, inform neu monitor",
          "Approach on the grid: manage, satisfy, inform or monitor",
          lambda r, s: quadrant(r.influence, r.interest), required=True, enum=codes(Quadrant)),
     *attr("engagement", "string", "Lefel ymgysylltu", "Level of engagement",
           enum=choice(Stakeholder, "engagement"))),
    lambda s: s.programme.programme.stakeholders)

ENGAGEMENT = Table(
    "engagement", "Ymgysylltu â rhanddeiliaid, ym mhob cam", "Engagement with stakeholders, "
    "at every stage",
    (*attr("date", "date", "Dyddiad", "Date"),
     *attr("stage", "string", "Cam y rhaglen", "Programme stage", enum=codes(Stage)),
     *refs("with", "Gyda phwy (rhanddeiliaid, grwpiau targed, sefydliadau)",
           "With whom (stakeholders, target groups, organisations)", lambda r: r.with_,
           required=True),
     *words("method", "Dull", "Method"),
     *words("summary", "Crynodeb (Markdown)", "Summary (Markdown)"),
     *words("outcome", "Canlyniad (Markdown)", "Outcome (Markdown)", required=False)),
    lambda s: s.programme.programme.engagement, ident=None, key=None)

TABLES = (PROGRAMMES, ORGANISATIONS, TARGET_GROUPS, STAKEHOLDERS, ENGAGEMENT)
