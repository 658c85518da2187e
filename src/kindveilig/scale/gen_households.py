"""Households with a safety case, as the lokaal team builds them from a trajectory.

What ``household_create_from_trajectory`` and the case services write: the
household (label "Huishouden <family name>"), its members (the trajectory's
children and parents, with gezag), the share that let the lokaal team read the
trajectory, the case with its regievoerder, every Routekaart phase change (why,
the safety score, what the children said), chain partners, plan versions with
their conditions and agreements, meetings, a Signs of Safety mapping now and
then, the regie signals per child (matched with the trajectory's own signals),
and the close. Audit: one CREATE per entry and a few READs by the regievoerder,
like the trajectories.
"""

import random
import uuid
from datetime import date, datetime, timedelta

from django.db import models

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.households.models import (
    CasePartner,
    CaseStatus,
    Gezag,
    Household,
    HouseholdMember,
    ItemKind,
    ItemStatus,
    Mapping,
    Meeting,
    MeetingKind,
    MemberRole,
    PartnerKind,
    Perspective,
    Phase,
    PhaseChange,
    PlanItem,
    PlanVersion,
    SafetyCase,
    SafetyScore,
)
from kindveilig.meldcode.models import LegalBasis, Share
from kindveilig.organisations.models import OrganisationType

from . import distributions as dist
from .gen_common import AuditRow, Rows, TrajectoryFacts
from .gen_signals import Signals
from .loading import Loader, Org, uuid4_from
from .pools import FAMILY_NAMES, SYNTH, CipherPool

__all__ = ["Households"]

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


class Households:
    SERIAL = (Household, SafetyCase, PhaseChange, CasePartner, PlanVersion, Mapping)

    def __init__(
        self,
        *,
        loader: Loader,
        rng: random.Random,
        now: datetime,
        ciphers: CipherPool,
        signals: Signals,
        orgs: list[Org],
        audit_reads: int = dist.HOUSEHOLD_AUDIT_READS,
    ) -> None:
        self.rng, self.now, self.c, self.signals = rng, now, ciphers, signals
        self.audit_reads = audit_reads
        self.ids: dict[type[models.Model], int] = {
            model: loader.next_id(model) for model in self.SERIAL
        }
        self.teams = [org for org in orgs if org.type == OrganisationType.LOKAAL_TEAM]
        self.teams_in: dict[int, list[Org]] = {}
        for team in self.teams:
            self.teams_in.setdefault(team.municipality, []).append(team)
        self.rows = Rows(
            (
                Household,
                HouseholdMember,
                Gezag,
                Share,
                SafetyCase,
                PhaseChange,
                CasePartner,
                PlanVersion,
                PlanItem,
                Meeting,
                Mapping,
                SafetyScore,
            )
        )

    def _id(self, model: type[models.Model]) -> int:
        value = self.ids[model]
        self.ids[model] += 1
        return value

    def _at(self, base: datetime, days: float) -> datetime:
        return min(
            self.now, base + timedelta(days=days, seconds=self.rng.randint(0, 28800))
        )

    def for_trajectory(
        self,
        t: TrajectoryFacts,
        signal_ids: dict[int, int | None],
        audit: list[AuditRow],
    ) -> None:
        """About one in three trajectories that ended in help or a melding becomes
        a household case at the lokaal team (``dist.HOUSEHOLD_SHARE``)."""
        rng = self.rng
        if t.decided is None or t.outcome == "no_suspicion" or not self.teams:
            return
        if rng.random() >= dist.HOUSEHOLD_SHARE:
            return
        opened = t.decided + timedelta(days=rng.uniform(*dist.HOUSEHOLD_OPENS_AFTER))
        if opened >= self.now:
            return
        if t.org.type == OrganisationType.LOKAAL_TEAM:
            team, regie = t.org, t.owner  # the team's own trajectory
        else:
            team = rng.choice(self.teams_in.get(t.org.municipality) or self.teams)
            regie = rng.choice(team.professionals)
        self._case(t, team, regie, opened, signal_ids, audit)

    def _phases(
        self, opened: datetime
    ) -> tuple[list[tuple[str, datetime]], datetime | None]:
        """The Routekaart walk: (phase, since) and the close, cut off at now."""
        rng = self.rng
        plan = [
            (Phase.DIRECTE_VEILIGHEID, dist.PHASE_DAYS[0]),
            (Phase.STABIELE_VEILIGHEID, dist.PHASE_DAYS[1]),
        ]
        if rng.random() < dist.SETBACK_SHARE:  # safety lost: back to phase 1 once
            plan += [
                (Phase.DIRECTE_VEILIGHEID, dist.PHASE_DAYS[0]),
                (Phase.STABIELE_VEILIGHEID, dist.PHASE_DAYS[1]),
            ]
        plan.append((Phase.HERSTEL, dist.PHASE_DAYS[2]))
        walk: list[tuple[str, datetime]] = []
        at = opened
        for phase, (low, high) in plan:
            if at >= self.now:
                return walk, None
            walk.append((phase, at))
            at = at + timedelta(days=rng.uniform(low, high))
        return walk, (at if at < self.now else None)

    def _case(
        self,
        t: TrajectoryFacts,
        team: Org,
        regie: int,
        opened: datetime,
        signal_ids: dict[int, int | None],
        audit: list[AuditRow],
    ) -> None:
        rng, c, rows = self.rng, self.c, self.rows
        first = t.kids[0][1]

        def log(at: datetime, action: str, kind: str, object_id: object) -> None:
            audit.append((at, regie, team.id, LT, action, first, kind, str(object_id)))

        hid, h_public = self._id(Household), uuid4_from(rng)
        family = rng.choice(FAMILY_NAMES) + SYNTH
        rows[Household].append(
            (
                hid,
                h_public,
                opened,
                opened,
                f"Huishouden {family}",
                team.municipality,
                team.id,
                regie,
            )
        )
        log(opened, AuditAction.CREATE, "households.household", h_public)
        walk, closed = self._phases(opened)
        end = closed or self.now
        joined = opened.date()
        for kid in t.kids:
            rows[HouseholdMember].append(
                (hid, kid[0], MemberRole.CHILD, False, joined, None)
            )
        moved_out = len(t.parents) == 2 and rng.random() < dist.PARENT_LEAVES_SHARE
        for number, (parent, _public, gezag) in enumerate(t.parents):
            left = None
            if moved_out and number == 1:
                left = min(self.now, opened + (end - opened) / 2).date()
            rows[HouseholdMember].append(
                (hid, parent, MemberRole.PARENT, gezag, joined, left)
            )
            if gezag:
                rows[Gezag].append((t.kids[0][0], parent, regie, opened))
        if team.id != t.org.id:  # the school shared the trajectory with the team
            shared = opened - timedelta(days=rng.uniform(1, 5))
            s_public = uuid4_from(rng)
            rows[Share].append(
                (
                    s_public,
                    shared,
                    shared,
                    t.id,
                    t.org.id,
                    t.owner,
                    team.id,
                    None,
                    LegalBasis.CONSENT_PARENTS,
                    "Ouders" + SYNTH,
                    shared.date(),
                    "",
                )
            )
            audit.append(
                (
                    shared,
                    t.owner,
                    t.org.id,
                    t.owner_role,
                    AuditAction.CREATE,
                    first,
                    "meldcode.share",
                    str(s_public),
                )
            )
        # The case, with its phase changes (the first is the opening).
        cid, c_public = self._id(SafetyCase), uuid4_from(rng)
        phase, since = walk[-1]
        rows[SafetyCase].append(
            (
                cid,
                c_public,
                opened,
                closed or since,
                hid,
                team.id,
                regie,
                phase,
                since,
                CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                closed,
                c("case_closed") if closed else "",
                len(walk) + (1 if closed else 0),
            )
        )
        log(opened, AuditAction.CREATE, "households.safetycase", c_public)
        scores: dict[str, tuple[int, int]] = {
            Phase.STABIELE_VEILIGHEID: (5, 7),
            Phase.HERSTEL: (7, 9),
            Phase.DIRECTE_VEILIGHEID: (2, 4),
        }
        previous = ""
        for phase, at in walk:
            change = self._id(PhaseChange)
            if previous:
                rows[PhaseChange].append(
                    (
                        change,
                        cid,
                        previous,
                        phase,
                        at,
                        regie,
                        c("phase_reason"),
                        rng.randint(*scores[phase]),
                        c("children_said"),
                    )
                )
                log(at, AuditAction.CREATE, "households.phasechange", change)
            else:
                rows[PhaseChange].append(
                    (change, cid, "", phase, at, regie, c("case_opened"), None, "")
                )
            previous = phase
        # Chain partners: the organisation that ran the meldcode, and another one.
        partner = None
        if team.id != t.org.id:
            partner, p_public = self._id(CasePartner), uuid4_from(rng)
            at = self._at(opened, 1)
            rows[CasePartner].append(
                (
                    partner,
                    p_public,
                    cid,
                    PARTNER_KIND.get(OrganisationType(t.org.type), PartnerKind.OTHER),
                    t.org.id,
                    "",
                    "Contactpersoon" + SYNTH,
                    "",
                    "",
                    t.owner,
                    c("takes_on"),
                    at,
                    None,
                )
            )
            log(at, AuditAction.CREATE, "households.casepartner", p_public)
        if rng.random() < dist.EXTERNAL_PARTNER_SHARE or t.outcome == "melding":
            kind, name = (
                (PartnerKind.VEILIG_THUIS, "Veilig Thuis")
                if t.outcome == "melding"
                else rng.choice(EXTERNAL_PARTNERS)
            )
            at = self._at(opened, 2)
            external, e_public = self._id(CasePartner), uuid4_from(rng)
            rows[CasePartner].append(
                (
                    external,
                    e_public,
                    cid,
                    kind,
                    None,
                    name + SYNTH,
                    "Contactpersoon" + SYNTH,
                    "0000000000",
                    "",
                    None,
                    c("takes_on"),
                    at,
                    None,
                )
            )
            log(at, AuditAction.CREATE, "households.casepartner", e_public)
        # The veiligheidsplan: a first version; now and then a second in recovery.
        reached = dict(reversed(walk))
        versions = [self._at(opened, rng.uniform(3, 14))]
        if Phase.HERSTEL in reached and rng.random() < dist.PLAN_REVISED_SHARE:
            versions.append(self._at(reached[Phase.HERSTEL], rng.uniform(1, 7)))
        lineages = [uuid4_from(rng) for _ in range(3)]
        for number, made in enumerate(versions, start=1):
            vid = self._id(PlanVersion)
            rows[PlanVersion].append(
                (vid, cid, number, c("plan_note") if number > 1 else "", regie, made)
            )
            log(made, AuditAction.CREATE, "households.planversion", vid)
            self._items(vid, lineages, made, partner, t)
        # Meetings: an MDO at the start, a netwerkberaad for stable safety.
        held = [(MeetingKind.MDO, self._at(opened, rng.uniform(5, 21)))]
        if Phase.STABIELE_VEILIGHEID in reached:
            held.append((MeetingKind.NETWERKBERAAD, reached[Phase.STABIELE_VEILIGHEID]))
        for meeting_kind, at in held:
            m_public = uuid4_from(rng)
            rows[Meeting].append(
                (
                    m_public,
                    cid,
                    meeting_kind,
                    at.date(),
                    c("participants"),
                    c("decisions"),
                    regie,
                    at,
                )
            )
            log(at, AuditAction.CREATE, "households.meeting", m_public)
        if rng.random() < dist.MAPPING_SHARE:
            at = self._at(opened, rng.uniform(2, 10))
            mid, m_public = self._id(Mapping), uuid4_from(rng)
            rows[Mapping].append(
                (
                    mid,
                    m_public,
                    cid,
                    at.date(),
                    c("harm"),
                    c("danger"),
                    c("strengths"),
                    "",
                    c("next_steps"),
                    "",
                    regie,
                    at,
                )
            )
            rows[SafetyScore].append(
                (
                    mid,
                    Perspective.PROFESSIONAL,
                    None,
                    "Regievoerder" + SYNTH,
                    rng.randint(2, 6),
                    "",
                )
            )
            rows[SafetyScore].append(
                (
                    mid,
                    Perspective.CHILD,
                    t.kids[0][0],
                    "",
                    rng.randint(2, 8),
                    c("child_words"),
                )
            )
            log(at, AuditAction.CREATE, "households.mapping", m_public)
        # Regie signals per child: the team finds the school, and the school the team.
        for kid in t.kids:
            regie_signal = self.signals.register(
                child=kid,
                organisation=team.id,
                contact=regie,
                role=LT,
                at=opened,
                source=("households.safetycase", str(c_public)),
                is_regie=True,
                ended=closed,
                audit=audit,
            )
            own = signal_ids.get(kid[0])
            if regie_signal is not None and own is not None and team.id != t.org.id:
                self.signals.match(
                    earlier=(own, t.owner),
                    later=(regie_signal, regie),
                    at=opened,
                    actor=(regie, team.id, LT),
                    person=kid[1],
                    audit=audit,
                )
        if closed:
            log(closed, AuditAction.UPDATE, "households.safetycase", c_public)
        life = max(1.0, (end - opened).total_seconds() / 86400)
        for _read in range(self.audit_reads):
            log(
                self._at(opened, rng.random() * life),
                AuditAction.READ,
                "households.household",
                h_public,
            )

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
            self.rows[PlanItem].append(
                (
                    uuid4_from(rng),
                    version,
                    lineage,
                    ItemKind.CONDITION if condition else ItemKind.AGREEMENT,
                    c("plan_what"),
                    c("plan_child") if condition else "",
                    "Ouders" + SYNTH,
                    partner if number == 2 else None,
                    due,
                    "" if condition else c("how_checked"),
                    "Veilig Thuis" if condition and t.outcome == "melding" else "",
                    status,
                    evidence,
                    changed,
                    1,
                )
            )
