"""The work of a household case, as the case services write it: chain partners
(the organisation that ran the meldcode, and now and then an external one),
veiligheidsplan versions with a safety condition and two agreements, meetings
(an MDO, and a netwerkberaad once safety is stable) and now and then a Signs of
Safety mapping with the scores of the regievoerder and the child."""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.households.models import (
    CasePartner,
    ItemKind,
    ItemStatus,
    Mapping,
    MeetingKind,
    PartnerKind,
    Perspective,
    Phase,
    PlanVersion,
)
from kindveilig.organisations.models import OrganisationType

from . import distributions as dist
from .gen_common import AuditRow, Ids, Rows, TrajectoryFacts, moment
from .loading import Loader, Org, uuid4_from
from .pools import SYNTH, CipherPool
from .rows.households import (
    CasePartnerRow,
    MappingRow,
    MeetingRow,
    PlanItemRow,
    PlanVersionRow,
    SafetyScoreRow,
)

__all__ = ["LT", "Case", "CaseWork"]

PARTNER_KIND = {
    OrganisationType.PRIMARY_SCHOOL: PartnerKind.SCHOOL,
    OrganisationType.SECONDARY_SCHOOL: PartnerKind.SCHOOL,
    OrganisationType.KINDEROPVANG: PartnerKind.KINDEROPVANG,
    OrganisationType.JGZ: PartnerKind.JGZ,
    OrganisationType.LOKAAL_TEAM: PartnerKind.LOKAAL_TEAM,
}
EXTERNAL_PARTNERS = (
    (PartnerKind.HUISARTS, "Huisartsenpraktijk"),
    (PartnerKind.GGZ, "GGZ-instelling"),
    (PartnerKind.JEUGDBESCHERMING, "Jeugdbescherming"),
)
LT = str(Role.LOKAAL_TEAM_MEDEWERKER)
NIL = uuid.UUID(int=0)


@dataclass(slots=True)
class Case:
    """One household case while it is drawn: the trajectory it grew from, the
    lokaal team, the regievoerder, and (once drawn) its Routekaart walk."""

    t: TrajectoryFacts
    team: Org
    regie: int  # the regievoerder
    opened: datetime
    audit: list[AuditRow]
    household: int
    household_public: uuid.UUID
    walk: list[tuple[str, datetime]] = field(default_factory=list)  # (phase, since)
    closed: datetime | None = None
    id: int = 0  # the safety case's
    public_id: uuid.UUID = NIL

    @property
    def shared(self) -> bool:
        """The trajectory is another organisation's: it shared it with the team."""
        return self.team.id != self.t.org.id

    @property
    def reached(self) -> dict[str, datetime]:
        """When the case first reached each phase of its walk."""
        return dict(reversed(self.walk))

    def log(self, at: datetime, action: str, kind: str, object_id: object) -> None:
        """An audit row by the regievoerder, about the first child."""
        self.audit.append(
            (
                at,
                self.regie,
                self.team.id,
                LT,
                action,
                self.t.kids[0][1],
                kind,
                str(object_id),
            )
        )


class CaseWork:
    """Adds a drawn case's partners, plan, meetings and mapping to ``rows``."""

    SERIAL = (CasePartner, PlanVersion, Mapping)

    def __init__(
        self,
        *,
        loader: Loader,
        rng: random.Random,
        now: datetime,
        ciphers: CipherPool,
        rows: Rows,
    ) -> None:
        self.rng, self.now, self.c, self.rows = rng, now, ciphers, rows
        self.ids = Ids(loader, self.SERIAL)

    def _at(self, base: datetime, days: float) -> datetime:
        return moment(self.rng, self.now, base, days)

    def add(self, case: Case) -> None:
        partner = self._trajectory_partner(case) if case.shared else None
        if (
            self.rng.random() < dist.EXTERNAL_PARTNER_SHARE
            or case.t.outcome == "melding"
        ):
            self._external_partner(case)
        self._plan(case, partner)
        self._meetings(case)
        if self.rng.random() < dist.MAPPING_SHARE:
            self._mapping(case)

    # ---- chain partners --------------------------------------------------------
    def _trajectory_partner(self, case: Case) -> int:
        """The organisation that ran the meldcode, with its owner as contact."""
        t = case.t
        partner, public_id = self.ids(CasePartner), uuid4_from(self.rng)
        at = self._at(case.opened, 1)
        self.rows.add(
            CasePartnerRow(
                id=partner,
                public_id=public_id,
                case=case.id,
                kind=PARTNER_KIND.get(OrganisationType(t.org.type), PartnerKind.OTHER),
                organisation=t.org.id,
                organisation_name="",
                contact_name="Contactpersoon" + SYNTH,
                contact_phone="",
                contact_email="",
                contact_user=t.owner,
                takes_on=self.c("takes_on"),
                created_at=at,
                ended_at=None,
            )
        )
        case.log(at, AuditAction.CREATE, "households.casepartner", public_id)
        return partner

    def _external_partner(self, case: Case) -> None:
        """Veilig Thuis after a melding, else a huisarts, GGZ or jeugdbescherming."""
        kind, name = (
            (PartnerKind.VEILIG_THUIS, "Veilig Thuis")
            if case.t.outcome == "melding"
            else self.rng.choice(EXTERNAL_PARTNERS)
        )
        at = self._at(case.opened, 2)
        external, public_id = self.ids(CasePartner), uuid4_from(self.rng)
        self.rows.add(
            CasePartnerRow(
                id=external,
                public_id=public_id,
                case=case.id,
                kind=kind,
                organisation=None,
                organisation_name=name + SYNTH,
                contact_name="Contactpersoon" + SYNTH,
                contact_phone="0000000000",
                contact_email="",
                contact_user=None,
                takes_on=self.c("takes_on"),
                created_at=at,
                ended_at=None,
            )
        )
        case.log(at, AuditAction.CREATE, "households.casepartner", public_id)

    # ---- the veiligheidsplan ---------------------------------------------------
    def _plan(self, case: Case, partner: int | None) -> None:
        """A first version; now and then a second in recovery."""
        rng, reached = self.rng, case.reached
        versions = [self._at(case.opened, rng.uniform(3, 14))]
        if Phase.HERSTEL in reached and rng.random() < dist.PLAN_REVISED_SHARE:
            versions.append(self._at(reached[Phase.HERSTEL], rng.uniform(1, 7)))
        lineages = [uuid4_from(rng) for _ in range(3)]
        for number, made in enumerate(versions, start=1):
            vid = self.ids(PlanVersion)
            self.rows.add(
                PlanVersionRow(
                    id=vid,
                    case=case.id,
                    number=number,
                    note=self.c("plan_note") if number > 1 else "",
                    created_by=case.regie,
                    created_at=made,
                )
            )
            case.log(made, AuditAction.CREATE, "households.planversion", vid)
            self._items(vid, lineages, made, partner, case.t)

    def _items(
        self,
        version: int,
        lineages: list[uuid.UUID],
        made: datetime,
        partner: int | None,
        t: TrajectoryFacts,
    ) -> None:
        """A safety condition and two agreements (what, who, by when, how checked)."""
        rng, c = self.rng, self.c
        today = self.now.date()
        for number, lineage in enumerate(lineages):
            condition = number == 0
            due: date | None = (
                None
                if condition
                else (made + timedelta(days=rng.randint(14, 60))).date()
            )
            status, evidence, changed = ItemStatus.OPEN, "", None
            if due is not None and due < today and rng.random() < 0.8:
                status = ItemStatus.KEPT if rng.random() < 0.75 else ItemStatus.NOT_KEPT
                evidence = c("evidence")
                changed = min(self.now, made + timedelta(days=(due - made.date()).days))
            self.rows.add(
                PlanItemRow(
                    public_id=uuid4_from(rng),
                    version=version,
                    lineage=lineage,
                    kind=ItemKind.CONDITION if condition else ItemKind.AGREEMENT,
                    what=c("plan_what"),
                    child_text=c("plan_child") if condition else "",
                    who="Ouders" + SYNTH,
                    partner=partner if number == 2 else None,
                    due_on=due,
                    how_checked="" if condition else c("how_checked"),
                    set_by="Veilig Thuis"
                    if condition and t.outcome == "melding"
                    else "",
                    status=status,
                    evidence=evidence,
                    status_changed_at=changed,
                    lock_version=1,
                )
            )

    # ---- meetings and the mapping ----------------------------------------------
    def _meetings(self, case: Case) -> None:
        """An MDO at the start, a netwerkberaad for stable safety."""
        reached = case.reached
        held = [(MeetingKind.MDO, self._at(case.opened, self.rng.uniform(5, 21)))]
        if Phase.STABIELE_VEILIGHEID in reached:
            held.append((MeetingKind.NETWERKBERAAD, reached[Phase.STABIELE_VEILIGHEID]))
        for meeting_kind, at in held:
            public_id = uuid4_from(self.rng)
            self.rows.add(
                MeetingRow(
                    public_id=public_id,
                    case=case.id,
                    kind=meeting_kind,
                    held_on=at.date(),
                    participants=self.c("participants"),
                    decisions=self.c("decisions"),
                    created_by=case.regie,
                    created_at=at,
                )
            )
            case.log(at, AuditAction.CREATE, "households.meeting", public_id)

    def _mapping(self, case: Case) -> None:
        """A Signs of Safety mapping, scored by the regievoerder and the child."""
        c = self.c
        at = self._at(case.opened, self.rng.uniform(2, 10))
        mid, public_id = self.ids(Mapping), uuid4_from(self.rng)
        self.rows.add(
            MappingRow(
                id=mid,
                public_id=public_id,
                case=case.id,
                assessed_on=at.date(),
                harm=c("harm"),
                danger=c("danger"),
                strengths=c("strengths"),
                existing_safety="",
                next_steps=c("next_steps"),
                complicating="",
                created_by=case.regie,
                created_at=at,
            )
        )
        self._scores(mid, case.t.kids[0][0])
        case.log(at, AuditAction.CREATE, "households.mapping", public_id)

    def _scores(self, mapping: int, child: int) -> None:
        self.rows.add(
            SafetyScoreRow(
                mapping=mapping,
                perspective=Perspective.PROFESSIONAL,
                person=None,
                professional_name="Regievoerder" + SYNTH,
                score=self.rng.randint(2, 6),
                words="",
            )
        )
        self.rows.add(
            SafetyScoreRow(
                mapping=mapping,
                perspective=Perspective.CHILD,
                person=child,
                professional_name="",
                score=self.rng.randint(2, 8),
                words=self.c("child_words"),
            )
        )
