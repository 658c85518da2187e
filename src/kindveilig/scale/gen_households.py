"""Households with a safety case, as the lokaal team builds them from a trajectory.

What ``household_create_from_trajectory`` and the case services write: the
household (label "Huishouden <family name>"), its members (the trajectory's
children and parents, with gezag), the share that let the lokaal team read the
trajectory, the case with its regievoerder, every Routekaart phase change (why,
the safety score, what the children said), chain partners, plan versions with
their conditions and agreements, meetings, a Signs of Safety mapping now and
then (those four in ``gen_case_work``), the regie signals per child (matched with the trajectory's own signals),
and the close. Audit: one CREATE per entry and a few READs by the regievoerder,
like the trajectories.
"""

import random
from datetime import datetime, timedelta

from kindveilig.audit.models import AuditAction
from kindveilig.households.models import (
    CaseStatus,
    Household,
    MemberRole,
    Phase,
    PhaseChange,
    SafetyCase,
)
from kindveilig.meldcode.models import LegalBasis
from kindveilig.organisations.models import OrganisationType

from . import distributions as dist
from .gen_case_work import LT, Case, CaseWork
from .gen_common import AuditRow, Ids, Rows, TrajectoryFacts, moment
from .gen_signals import Signals
from .loading import Loader, Org, uuid4_from
from .pools import FAMILY_NAMES, SYNTH, CipherPool, NamePool
from .rows.households import (
    CasePartnerRow,
    GezagRow,
    HouseholdMemberRow,
    HouseholdRow,
    MappingRow,
    MeetingRow,
    PhaseChangeRow,
    PlanItemRow,
    PlanVersionRow,
    SafetyCaseRow,
    SafetyScoreRow,
)
from .rows.signals import ShareRow

__all__ = ["Households"]

# The safety score given on entering a phase: (lowest, highest).
SCORES: dict[str, tuple[int, int]] = {
    Phase.STABIELE_VEILIGHEID: (5, 7),
    Phase.HERSTEL: (7, 9),
    Phase.DIRECTE_VEILIGHEID: (2, 4),
}


class Households:
    SERIAL = (Household, SafetyCase, PhaseChange, *CaseWork.SERIAL)

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
        self.labels = NamePool(
            [f"Huishouden {family}{SYNTH}" for family in FAMILY_NAMES], size=10
        )
        self.audit_reads = audit_reads
        self.ids = Ids(loader, (Household, SafetyCase, PhaseChange))
        self.teams = [org for org in orgs if org.type == OrganisationType.LOKAAL_TEAM]
        self.teams_in: dict[int, list[Org]] = {}
        for team in self.teams:
            self.teams_in.setdefault(team.municipality, []).append(team)
        self.rows = Rows(
            (
                HouseholdRow,
                HouseholdMemberRow,
                GezagRow,
                ShareRow,
                SafetyCaseRow,
                PhaseChangeRow,
                CasePartnerRow,
                PlanVersionRow,
                PlanItemRow,
                MeetingRow,
                MappingRow,
                SafetyScoreRow,
            )
        )
        self.work = CaseWork(
            loader=loader, rng=rng, now=now, ciphers=ciphers, rows=self.rows
        )

    def _at(self, base: datetime, days: float) -> datetime:
        return moment(self.rng, self.now, base, days)

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
        case = Case(
            t=t,
            team=team,
            regie=regie,
            opened=opened,
            audit=audit,
            household=self.ids(Household),
            household_public=uuid4_from(self.rng),
        )
        self._household(case)
        case.walk, case.closed = self._phases(opened)
        self._members(case)
        if case.shared:
            self._share(case)
        case.id, case.public_id = self.ids(SafetyCase), uuid4_from(self.rng)
        self._safety_case(case)
        self._phase_changes(case)
        self.work.add(case)
        self._regie_signals(case, signal_ids)
        self._close_and_reads(case)

    def _household(self, case: Case) -> None:
        family = self.rng.choice(FAMILY_NAMES) + SYNTH
        self.rows.add(
            HouseholdRow(
                id=case.household,
                public_id=case.household_public,
                created_at=case.opened,
                updated_at=case.opened,
                label=self.labels.name(f"Huishouden {family}"),  # encrypted
                municipality=case.team.municipality,
                registered_by=case.team.id,
                created_by=case.regie,
            )
        )
        case.log(
            case.opened,
            AuditAction.CREATE,
            "households.household",
            case.household_public,
        )

    def _members(self, case: Case) -> None:
        """The trajectory's children and parents (now and then one moved out), and
        the parents' gezag over the first child."""
        t, opened = case.t, case.opened
        end = case.closed or self.now
        joined = opened.date()
        for kid in t.kids:
            self.rows.add(
                HouseholdMemberRow(
                    household=case.household,
                    person=kid[0],
                    role=MemberRole.CHILD,
                    has_gezag=False,
                    joined_on=joined,
                    left_on=None,
                )
            )
        moved_out = len(t.parents) == 2 and self.rng.random() < dist.PARENT_LEAVES_SHARE
        for number, (parent, _public, gezag) in enumerate(t.parents):
            left = None
            if moved_out and number == 1:
                left = min(self.now, opened + (end - opened) / 2).date()
            self.rows.add(
                HouseholdMemberRow(
                    household=case.household,
                    person=parent,
                    role=MemberRole.PARENT,
                    has_gezag=gezag,
                    joined_on=joined,
                    left_on=left,
                )
            )
            if gezag:
                self.rows.add(
                    GezagRow(
                        child=t.kids[0][0],
                        holder=parent,
                        recorded_by=case.regie,
                        recorded_at=opened,
                    )
                )

    def _share(self, case: Case) -> None:
        """The school shared the trajectory with the team, with the parents' consent."""
        t = case.t
        shared = case.opened - timedelta(days=self.rng.uniform(1, 5))
        public_id = uuid4_from(self.rng)
        self.rows.add(
            ShareRow(
                public_id=public_id,
                created_at=shared,
                updated_at=shared,
                trajectory=t.id,
                from_organisation=t.org.id,
                shared_by=t.owner,
                to_organisation=case.team.id,
                to_user=None,
                legal_basis=LegalBasis.CONSENT_PARENTS,
                consent_given_by="Ouders" + SYNTH,
                consent_given_on=shared.date(),
                reason="",
            )
        )
        case.audit.append(
            (
                shared,
                t.owner,
                t.org.id,
                t.owner_role,
                AuditAction.CREATE,
                t.kids[0][1],
                "meldcode.share",
                str(public_id),
            )
        )

    def _safety_case(self, case: Case) -> None:
        """The case, in the phase its walk reached (and closed at its end)."""
        closed = case.closed
        phase, since = case.walk[-1]
        self.rows.add(
            SafetyCaseRow(
                id=case.id,
                public_id=case.public_id,
                created_at=case.opened,
                updated_at=closed or since,
                household=case.household,
                responsible_organisation=case.team.id,
                regievoerder=case.regie,
                phase=phase,
                phase_since=since,
                status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
                closed_at=closed,
                closing_reason=self.c("case_closed") if closed else "",
                version=len(case.walk) + (1 if closed else 0),
            )
        )
        case.log(
            case.opened, AuditAction.CREATE, "households.safetycase", case.public_id
        )

    def _phase_changes(self, case: Case) -> None:
        """One per step of the walk; the first is the opening."""
        c = self.c
        previous = ""
        for phase, at in case.walk:
            change = self.ids(PhaseChange)
            if previous:
                self.rows.add(
                    PhaseChangeRow(
                        id=change,
                        case=case.id,
                        from_phase=previous,
                        to_phase=phase,
                        at=at,
                        by=case.regie,
                        reason=c("phase_reason"),
                        safety_score=self.rng.randint(*SCORES[phase]),
                        children_said=c("children_said"),
                    )
                )
                case.log(at, AuditAction.CREATE, "households.phasechange", change)
            else:
                self.rows.add(
                    PhaseChangeRow(
                        id=change,
                        case=case.id,
                        from_phase="",
                        to_phase=phase,
                        at=at,
                        by=case.regie,
                        reason=c("case_opened"),
                        safety_score=None,
                        children_said="",
                    )
                )
            previous = phase

    def _regie_signals(self, case: Case, signal_ids: dict[int, int | None]) -> None:
        """Regie signals per child: the team finds the school, and the school the
        team."""
        t, team, regie = case.t, case.team, case.regie
        for kid in t.kids:
            regie_signal = self.signals.register(
                child=kid,
                organisation=team.id,
                contact=regie,
                role=LT,
                at=case.opened,
                source=("households.safetycase", str(case.public_id)),
                is_regie=True,
                ended=case.closed,
                audit=case.audit,
            )
            own = signal_ids.get(kid[0])
            if regie_signal is not None and own is not None and case.shared:
                self.signals.match(
                    earlier=(own, t.owner),
                    later=(regie_signal, regie),
                    at=case.opened,
                    actor=(regie, team.id, LT),
                    person=kid[1],
                    audit=case.audit,
                )

    def _close_and_reads(self, case: Case) -> None:
        """The close, and the regievoerder's READs over the case's life."""
        opened, closed = case.opened, case.closed
        if closed:
            case.log(
                closed, AuditAction.UPDATE, "households.safetycase", case.public_id
            )
        end = closed or self.now
        life = max(1.0, (end - opened).total_seconds() / 86400)
        for _read in range(self.audit_reads):
            case.log(
                self._at(opened, self.rng.random() * life),
                AuditAction.READ,
                "households.household",
                case.household_public,
            )
