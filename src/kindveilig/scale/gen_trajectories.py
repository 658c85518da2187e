"""Meldcode trajectories at every step, with the rows the meldcode services write.

A trajectory starts ``age`` days ago on one of three paths (``dist.OUTCOME_SHARES``:
no suspicion, help, melding) and has gone through the steps that fit in that
time (``dist.STEP_DAYS``), with their entries (``gen_steps``) and events. Its
children are new to the organisation or, now and then, a child it registered
before (a hermelding); one or two parents are involved. Audit: one CREATE per
entry and ``audit_reads`` READs, by the owner and the aandachtsfunctionaris.

The draws happen in a fixed order (the methods run in the order of the steps,
and every row's arguments are written in column order), so a seed gives the same
population every time.
"""

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import (
    Origin,
    Outcome,
    Relation,
    Status,
)
from kindveilig.organisations.models import OrganisationType
from kindveilig.persons.models import Person

from . import distributions as dist
from .gen_common import AuditRow, ChildRef, Rows, TrajectoryFacts, moment
from .gen_steps import STEP_STARTS, Draft, Steps
from .loading import Loader, Org, uuid4_from, weighted_picker
from .pools import FAMILY_NAMES, GIVEN_NAMES, SYNTH, BsnPool, CipherPool, NamePool
from .rows.meldcode import (
    AfwegingAnswerRow,
    BodyMarkRow,
    ConsultationRow,
    ConversationRow,
    ConversationSkipRow,
    DecisionRow,
    InvolvedPersonRow,
    MeldingRow,
    ObservationRow,
    PersonNameTokenRow,
    PersonRow,
    TrajectoryChildRow,
    TrajectoryEventRow,
    TrajectoryRow,
    VeiligThuisFeedbackRow,
)

__all__ = ["Trajectories"]


def _timeline(
    age: float, created: datetime, outcome: str
) -> tuple[int, str, datetime | None, str]:
    """Where a trajectory of ``age`` days on the path ``outcome`` stands now:
    (step, status, closed at, Trajectory.outcome)."""
    final = 4 if outcome == "no_suspicion" else 5
    if age < STEP_STARTS[final]:
        step = max(s for s in range(1, 6) if STEP_STARTS[s - 1] <= age)
        return step, Status.OPEN, None, ""
    done = created + timedelta(days=STEP_STARTS[final])
    if outcome == "no_suspicion":
        return final, Status.CLOSED, done, Outcome.NO_SUSPICION
    if age < STEP_STARTS[5] + dist.FOLLOW_UP_DAYS:
        status = Status.HELPING if outcome == "help" else Status.AFTER_MELDING
        return final, status, None, ""
    closed_at = done + timedelta(days=dist.FOLLOW_UP_DAYS)
    ended = Outcome.HELP_SUCCEEDED if outcome == "help" else Outcome.AFTER_MELDING
    return final, Status.CLOSED, closed_at, ended


class Trajectories:
    SERIAL = (Person, Trajectory, *Steps.SERIAL)

    def __init__(
        self,
        *,
        loader: Loader,
        rng: random.Random,
        now: datetime,
        ciphers: CipherPool,
        bsns: BsnPool,
        pick_org: Callable[[], Org],
        years: int,
        audit_reads: int,
    ) -> None:
        self.rng, self.now, self.c, self.bsns = rng, now, ciphers, bsns
        self.pick_org, self.audit_reads = pick_org, audit_reads
        self.span_days = years * 365
        self.next_person = loader.next_id(Person)
        self.names = NamePool()
        self.next_trajectory = loader.next_id(Trajectory)
        self.pick_outcome = weighted_picker(
            rng, list(dist.OUTCOME_SHARES), list(dist.OUTCOME_SHARES.values())
        )
        self.pick_kids = weighted_picker(
            rng,
            [n for n, _ in dist.CHILDREN_PER_TRAJECTORY],
            [w for _, w in dist.CHILDREN_PER_TRAJECTORY],
        )
        # Children of the current chunk not yet drawn (see ``start_chunk``).
        self.fresh_children = 0
        self.rows = Rows(
            (
                PersonRow,
                PersonNameTokenRow,
                TrajectoryRow,
                TrajectoryChildRow,
                InvolvedPersonRow,
                TrajectoryEventRow,
                ObservationRow,
                BodyMarkRow,
                ConsultationRow,
                ConversationRow,
                ConversationSkipRow,
                AfwegingAnswerRow,
                DecisionRow,
                MeldingRow,
                VeiligThuisFeedbackRow,
            )
        )
        self.steps = Steps(
            loader=loader, rng=rng, now=now, ciphers=ciphers, rows=self.rows
        )

    def _at(self, t: Draft, day: float) -> datetime:
        return moment(self.rng, self.now, t.created, day)

    # ---- the chunk's children ------------------------------------------------
    def start_chunk(self, n_children: int) -> None:
        """The chunk's trajectories and ``children_without_trajectory`` draw
        ``n_children`` new children between them."""
        self.fresh_children = n_children

    def children_without_trajectory(self, orgs: list[Org]) -> None:
        """The chunk's children of the population who are in no trajectory (yet)."""
        while self.fresh_children > 0:
            org = self.rng.choice(orgs)
            org.children.append(self._person(org.id, adult=False))
            self.fresh_children -= 1

    def _person(self, org_id: int, adult: bool) -> ChildRef:
        rng = self.rng
        pid = self.next_person
        self.next_person += 1
        public_id = uuid4_from(rng)
        if adult:
            born = self.now.date() - timedelta(days=rng.randint(20 * 365, 55 * 365))
            bsn, index = "", ""
        else:
            born = self.now.date() - timedelta(days=rng.randint(0, 18 * 365 - 1))
            bsn, index = self.bsns()
        given = rng.choice(GIVEN_NAMES)
        family = rng.choice(FAMILY_NAMES) + SYNTH
        names = self.names
        self.rows.add(
            PersonRow(
                id=pid,
                public_id=public_id,
                given_name=names.name(given),
                family_name=names.name(family),
                date_of_birth=names.date(born),
                bsn=bsn,
                bsn_index=index,
                registered_by=org_id,
                created_at=self.now,
                updated_at=self.now,
            )
        )
        for digest in sorted(names.tokens(given, family)):
            self.rows.add(
                PersonNameTokenRow(digest=digest, organisation=org_id, person=pid)
            )
        return pid, public_id, index

    # ---- one trajectory ------------------------------------------------------
    def trajectory(self, audit: list[AuditRow]) -> TrajectoryFacts:
        """Draw one trajectory with its rows; add its audit rows to ``audit``."""
        t = self._draw()
        self._trajectory_row(t)
        self._children(t)
        self._parents(t)
        t.events = [("started", 1, 0.0, t.owner)]
        t.events += [
            ("step_advanced", s, STEP_STARTS[s - 1], t.owner)
            for s in range(2, t.step + 1)
        ]
        self.steps.add(t)
        if t.closed_at is not None:
            t.events.append(("closed", t.step, (t.closed_at - t.created).days, t.owner))
        self._events(t)
        self._audit(t, audit)
        return TrajectoryFacts(
            id=t.id,
            public_id=t.public_id,
            org=t.org,
            owner=t.owner,
            owner_role=Role.LOKAAL_TEAM_MEDEWERKER
            if t.org.type == OrganisationType.LOKAAL_TEAM
            else Role.PROFESSIONAL,
            created=t.created,
            decided=t.decided,
            outcome=t.outcome,
            kids=t.kids,
            parents=t.parents,
        )

    def _draw(self) -> Draft:
        """Who, when, on which path, and where it stands now."""
        rng = self.rng
        org: Org = self.pick_org()
        owner = rng.choice(org.professionals)
        tid = self.next_trajectory
        self.next_trajectory += 1
        public_id = uuid4_from(rng)
        age = rng.random() * self.span_days
        created = self.now - timedelta(days=age)
        outcome = self.pick_outcome()
        step, status, closed_at, closed_outcome = _timeline(age, created, outcome)
        return Draft(
            id=tid,
            public_id=public_id,
            org=org,
            owner=owner,
            af=org.aandachtsfunctionarissen[0],
            age=age,
            created=created,
            outcome=outcome,
            step=step,
            status=status,
            closed_at=closed_at,
            closed_outcome=closed_outcome,
            acute=rng.random() < dist.ACUTE_SHARE,
        )

    def _trajectory_row(self, t: Draft) -> None:
        step_started = t.created + timedelta(days=STEP_STARTS[t.step - 1])
        self.rows.add(
            TrajectoryRow(
                id=t.id,
                public_id=t.public_id,
                organisation=t.org.id,
                owner=t.owner,
                aandachtsfunctionaris=t.af,
                framework=t.org.framework_id,
                origin=Origin.WORRY,
                forms_of_violence='["psychological"]'
                if self.rng.random() < 0.5
                else '["neglect_emotional"]',
                worry=self.c("worry"),
                kindcheck_notes="",
                step=t.step,
                status=t.status,
                is_acute=t.acute,
                acute_at=t.created if t.acute else None,
                step_started_at=step_started,
                outcome=t.closed_outcome,
                closing_agreements=self.c("closing")
                if t.closed_at and t.outcome != "no_suspicion"
                else "",
                closed_at=t.closed_at,
                version=t.step,
                created_at=t.created,
                updated_at=t.closed_at or step_started,
            )
        )

    def _children(self, t: Draft) -> None:
        """A repeat child of this organisation (hermelding) or a new one."""
        rng, org = self.rng, t.org
        for _k in range(self.pick_kids()):
            if org.children and (
                rng.random() < dist.REPEAT_CHILD_SHARE or self.fresh_children <= 0
            ):
                kid = rng.choice(org.children)
                if kid in t.kids:
                    continue
            else:
                kid = self._person(org.id, adult=False)
                self.fresh_children -= 1
                org.children.append(kid)
            t.kids.append(kid)
        for kid_id, _p, _bsn in t.kids:
            self.rows.add(TrajectoryChildRow(trajectory=t.id, person=kid_id))

    def _parents(self, t: Draft) -> None:
        """The mother, and mostly the father too, of the first child."""
        rng = self.rng
        for relation in (Relation.MOTHER, Relation.FATHER)[: rng.choice((1, 2, 2))]:
            parent_id, parent_public, _bsn = self._person(t.org.id, adult=True)
            gezag = rng.random() < 0.9
            self.rows.add(
                InvolvedPersonRow(
                    trajectory=t.id,
                    person=parent_id,
                    child=t.kids[0][0],
                    relation=relation,
                    has_gezag=gezag,
                )
            )
            t.parents.append((parent_id, parent_public, gezag))

    # ---- events and audit ----------------------------------------------------
    def _events(self, t: Draft) -> None:
        for kind, event_step, day, who in t.events:
            self.rows.add(
                TrajectoryEventRow(
                    trajectory=t.id,
                    at=self._at(t, day),
                    actor=who,
                    kind=kind,
                    step=event_step,
                    note="",
                )
            )

    def _audit(self, t: Draft, audit: list[AuditRow]) -> None:
        """One CREATE per entry, and READs by the owner and the AF."""
        rng = self.rng
        end = (t.closed_at - t.created).days if t.closed_at else t.age
        life = max(1.0, min(t.age, end))
        for number in range(t.entries + self.audit_reads):
            reader = t.owner if number % 3 else t.af
            audit.append(
                (
                    self._at(t, rng.random() * life),
                    reader,
                    t.org.id,
                    Role.AANDACHTSFUNCTIONARIS if reader == t.af else Role.PROFESSIONAL,
                    AuditAction.CREATE if number < t.entries else AuditAction.READ,
                    t.kids[0][1],
                    "meldcode.trajectory",
                    str(t.public_id),
                )
            )
