"""Kansrijke Start: the first 1,000 days, as the kansrijkestart services write it.

Signals of a vulnerable pregnancy or young family come at
``dist.NATIONAL_BIRTHS_PER_YEAR * dist.KS_SIGNAL_SHARE`` a year nationally,
scaled like the rest (``children / NATIONAL_MINORS``) and spread over
``--years``, from the geboortezorg (organisations this part adds: midwives,
kraamzorg, hospitals), the JGZ and the lokaal team, to a JGZ of the
municipality (or of the slice) and one of its professionals as the nurse.
Each has the parent (and, once born, the child) as a person, the parent's
consent or refusal with their words, the JGZ's contact moments (a prenatal
home visit, then the regular contacts after the birth) with the routine
question and encrypted notes, and for a share of the consented families an
agenda item of the municipality's monthly case consultation, an intervention,
and a warm referral to schuldhulpverlening. Audit: a CREATE per signal and
contact moment and READs by the nurse.

It draws from its own random stream (seeded from the generator's), so the
rest of a generated population stays what it was; trajectories that began at
a contact moment are not generated (the meldcode part writes its own).
"""

import json
import math
import random
import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta

from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.kansrijkestart.models import (
    AgendaItem,
    CoalitionMeeting,
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    SignalStatus,
    StartSignal,
)
from kindveilig.organisations.models import Organisation, OrganisationType

from . import distributions as dist
from .gen_common import AuditRow, Rows
from .gen_organisations import NO_LOGIN, ORG_UUID_BASE, USER_UUID_BASE
from .loading import Loader, Org, scaled, uuid4_from, weighted_picker
from .pools import EMAIL_DOMAIN, FAMILY_NAMES, GIVEN_NAMES, SYNTH, CipherPool, NamePool
from .rows.kansrijke import (
    AgendaItemRow,
    CoalitionMeetingRow,
    ContactMomentRow,
    FollowUpActionRow,
    InterventionRow,
    MeetingParticipantRow,
    StartSignalRow,
)
from .rows.meldcode import PersonNameTokenRow, PersonRow
from .rows.organisations import MembershipRow, OrganisationRow, UserRow

__all__ = ["KansrijkeStart"]

SIGNAL = "kansrijkestart.startsignal"
PROFESSIONAL = str(Role.PROFESSIONAL)
PHRASES = {
    "ks_concern": "Zorgen over geld en rust in huis tijdens de zwangerschap ({n}).",
    "ks_words": "Moeder wil eerst zelf met haar partner praten ({n}).",
    "ks_wishes": "Hulp bij de papieren en een rustige plek voor de baby ({n}).",
    "ks_parent": "Het gaat wisselend, de nachten zijn zwaar ({n}).",
    "ks_child": "Baby drinkt goed, groeit volgens de curve ({n}).",
    "ks_well": "Moeder vertelde open over de schulden ({n}).",
    "ks_next": "Over {n} weken weer langs; schuldhulp besproken.",
    "ks_summary": "Gezin met schulden en weinig netwerk; ouders willen hulp ({n}).",
    "ks_decisions": "Warme overdracht naar schuldhulp; VoorZorg aanbieden ({n}).",
    "ks_action": "Intake schuldhulpverlening plannen binnen {n} dagen.",
}
RISKS = [str(r) for r in RiskFactor if r != RiskFactor.OTHER]
PROTECTIVE = [str(p) for p in ProtectiveFactor if p != ProtectiveFactor.OTHER]
REFERRAL_OUTCOMES = ("help_started", "help_started", "waiting_list", "family_declined")
AFTER_BIRTH = (
    ContactKind.HOME_VISIT_AFTER_BIRTH,
    ContactKind.CONSULTATION_4_WEEKS,
    ContactKind.CONSULTATION_8_WEEKS,
    ContactKind.CONSULTATION_LATER,
    ContactKind.CONSULTATION_LATER,
    ContactKind.CONSULTATION_LATER,
)


def _json(values: list[str]) -> str:
    return json.dumps(values)


class KansrijkeStart:
    SERIAL = (StartSignal, CoalitionMeeting, AgendaItem)

    def __init__(
        self,
        *,
        loader: Loader,
        seed: int,
        now: datetime,
        orgs: list[Org],
        next_person: int,
        fraction: float,
        years: int,
        trajectories: int,
        cipher_pool: int,
    ) -> None:
        self.load, self.now, self.years = loader, now, years
        self.rng = random.Random(f"kansrijke-start-{seed}")  # noqa: S311  # synthetic
        self.c = CipherPool(self.rng, max(50, cipher_pool // 4), PHRASES)
        self.names = NamePool()
        self.next_person = next_person
        self.span_days = years * 365
        total = dist.NATIONAL_BIRTHS_PER_YEAR * fraction * dist.KS_SIGNAL_SHARE * years
        self.per_trajectory = total / trajectories if trajectories else 0.0
        self.owed = 0.0
        self.fraction = fraction
        self.next_signal = loader.next_id(StartSignal)
        self.next_meeting = loader.next_id(CoalitionMeeting)
        self.next_item = loader.next_id(AgendaItem)
        self.meetings: dict[tuple[int, date], tuple[int, int, set[int]]] = {}
        self.rows = Rows(
            (
                PersonRow,
                PersonNameTokenRow,
                StartSignalRow,
                ContactMomentRow,
                InterventionRow,
                CoalitionMeetingRow,
                MeetingParticipantRow,
                AgendaItemRow,
                FollowUpActionRow,
            )
        )
        self.by_type: dict[str, list[Org]] = defaultdict(list)
        for org in orgs:
            self.by_type[org.type].append(org)
        self.municipalities = sorted({org.municipality for org in orgs})
        self.signals = 0

    # ---- the organisations of the geboortezorg and schuldhulpverlening ------
    def open(self) -> None:
        """Add this part's organisations with their staff (its own rows)."""
        rows = Rows((OrganisationRow, UserRow, MembershipRow))
        next_org = self.load.next_id(Organisation)
        next_user = self.load.next_id(User)
        for org_type, (national, staff) in dist.KS_ORGANISATIONS.items():
            for _n in range(scaled(national, self.fraction)):
                municipality = self.rng.choice(self.municipalities)
                org = Org(
                    id=next_org,
                    type=org_type,
                    framework_id=0,
                    professionals=[],
                    aandachtsfunctionarissen=[],
                    municipality=municipality,
                )
                rows.add(
                    OrganisationRow(
                        id=org.id,
                        public_id=uuid.UUID(int=ORG_UUID_BASE | org.id, version=4),
                        name=f"{OrganisationType(org_type).label} {org.id}{SYNTH}",
                        type=org_type,
                        municipality=municipality,
                        external_code=None,
                        is_active=True,
                        created_at=self.now,
                        updated_at=self.now,
                    )
                )
                next_org += 1
                for _s in range(staff):
                    rows.add(self._user(next_user))
                    rows.add(
                        MembershipRow(
                            user=next_user,
                            organisation=org.id,
                            role=PROFESSIONAL,
                            is_active=True,
                            created_at=self.now,
                            updated_at=self.now,
                        )
                    )
                    org.professionals.append(next_user)
                    next_user += 1
                self.by_type[org_type].append(org)
        rows.flush(self.load)
        self.jgz_of: dict[int, list[Org]] = defaultdict(list)
        for org in self.by_type[OrganisationType.JGZ]:
            self.jgz_of[org.municipality].append(org)
        self.debt_of: dict[int, list[Org]] = defaultdict(list)
        for org in self.by_type[OrganisationType.SCHULDHULPVERLENING]:
            self.debt_of[org.municipality].append(org)
        sources = [t for t in dist.KS_SOURCES if self.by_type[t]]
        self.pick_source = weighted_picker(
            self.rng, sources, [dist.KS_SOURCES[t] for t in sources]
        )

    def _user(self, user_id: int) -> UserRow:
        rng = self.rng
        return UserRow(
            id=user_id,
            public_id=uuid.UUID(int=USER_UUID_BASE | user_id, version=4),
            email=f"user{user_id}@{EMAIL_DOMAIN}",
            full_name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}{SYNTH}",
            password=NO_LOGIN,
            is_active=True,
            date_joined=self.now,
            failed_login_count=0,
        )

    # ---- one chunk ---------------------------------------------------------
    def chunk(self, trajectories: int, audit: list[AuditRow]) -> None:
        """The signals that come with ``trajectories`` trajectories."""
        self.owed += trajectories * self.per_trajectory
        count, self.owed = int(self.owed), self.owed - int(self.owed)
        if not self.by_type[OrganisationType.JGZ]:
            return
        for _n in range(count):
            self._signal(audit)

    def _person(self, org_id: int, born: date) -> tuple[int, uuid.UUID]:
        rng, names = self.rng, self.names
        pid = self.next_person
        self.next_person += 1
        public_id = uuid4_from(rng)
        given = rng.choice(GIVEN_NAMES)
        family = rng.choice(FAMILY_NAMES) + SYNTH
        self.rows.add(
            PersonRow(
                id=pid,
                public_id=public_id,
                given_name=names.name(given),
                family_name=names.name(family),
                date_of_birth=names.date(born),
                bsn="",
                bsn_index="",
                registered_by=org_id,
                created_at=self.now,
                updated_at=self.now,
            )
        )
        for digest in sorted(names.tokens(given, family)):
            self.rows.add(
                PersonNameTokenRow(digest=digest, organisation=org_id, person=pid)
            )
        return pid, public_id

    def _signal(self, audit: list[AuditRow]) -> None:
        rng, now = self.rng, self.now
        source: Org = rng.choice(self.by_type[self.pick_source()])
        jgz = rng.choice(
            self.jgz_of.get(source.municipality) or self.by_type[OrganisationType.JGZ]
        )
        nurse = rng.choice(jgz.professionals)
        by = nurse if source is jgz else rng.choice(source.professionals)
        created = now - timedelta(days=rng.random() * self.span_days)
        pregnant = rng.random() < dist.KS_PREGNANCY_SHARE
        birth = (created + timedelta(days=rng.uniform(20, 200))).date()
        if not pregnant:
            birth = (created - timedelta(days=rng.uniform(0, 600))).date()
        consent = (
            ConsentStatus.GIVEN
            if rng.random() < dist.KS_CONSENT_SHARE
            else ConsentStatus.REFUSED
        )
        parent_born = birth - timedelta(days=rng.randint(6600, 14000))
        parent_id, parent_public = self._person(source.id, parent_born)
        child_id = None
        if birth <= now.date():
            child_id, _public = self._person(jgz.id, birth)
        domains = [d for d, p in dist.KS_DOMAINS.items() if rng.random() < p]
        domains = domains or ["psychosocial_stress"]
        first, closed = self._first_contact_and_close(created, birth, consent)
        sid = self.next_signal
        self.next_signal += 1
        public_id = uuid4_from(rng)
        c = self.c
        self.rows.add(
            StartSignalRow(
                id=sid,
                created_at=created,
                updated_at=closed or first or created,
                public_id=public_id,
                organisation=source.id,
                created_by=by,
                municipality=source.municipality,
                source_type=source.type,
                parent=parent_id,
                child=child_id,
                expected_date=birth if pregnant else None,
                phase=Phase.PREGNANCY if pregnant else Phase.YOUNG_CHILD,
                domains=_json(domains),
                concern=c("ks_concern"),
                consent=consent,
                consent_recorded_at=created,
                consent_words=c("ks_words") if consent == ConsentStatus.REFUSED else "",
                # No withdrawals are generated (docs/performance.md).
                consent_withdrawn_at=None,
                consent_withdrawal_words="",
                parent_wishes=c("ks_wishes"),
                follow_up_organisation=jgz.id,
                follow_up_user=nurse,
                status=SignalStatus.CLOSED
                if closed
                else SignalStatus.IN_FOLLOW_UP
                if first
                else SignalStatus.OPEN,
                first_contact_at=first,
                closed_at=closed,
                closing_reason=c("ks_next") if closed else "",
            )
        )
        about = (str(public_id), parent_public)
        audit.append(_event(created, by, source.id, AuditAction.CREATE, about))
        self.signals += 1
        if first is None:
            return
        contacts = self._contacts(sid, jgz, nurse, first, birth, pregnant, about, audit)
        if consent == ConsentStatus.GIVEN:
            self._coalition(sid, jgz, nurse, first, domains, contacts, about, audit)

    def _first_contact_and_close(
        self, created: datetime, birth: date, consent: str
    ) -> tuple[datetime | None, datetime | None]:
        """When the JGZ first saw the family (None: not yet, or never), and when
        the signal closed (after the first contact, some time after the birth)."""
        rng, now = self.rng, self.now
        first = None
        if rng.random() < dist.KS_FOLLOWED_UP[consent]:
            days = rng.lognormvariate(math.log(dist.KS_FIRST_CONTACT_MEDIAN_DAYS), 0.6)
            first = created + timedelta(days=days)
            if first > now:
                first = None
        closes = datetime.combine(
            birth + timedelta(days=dist.KS_CLOSES_AFTER_BIRTH_DAYS),
            created.timetz(),
        )
        closed = closes if first is not None and closes < now else None
        return first, closed

    def _contacts(
        self,
        sid: int,
        jgz: Org,
        nurse: int,
        first: datetime,
        birth: date,
        pregnant: bool,
        about: tuple[str, uuid.UUID],
        audit: list[AuditRow],
    ) -> int:
        """The first contact (a prenatal home visit in pregnancy), then the
        regular contacts after the birth up to now; returns how many."""
        rng = self.rng
        moments: list[tuple[str, date]] = []
        if pregnant and first.date() < birth:
            moments.append((ContactKind.PRENATAL_HOME_VISIT, first.date()))
        after = [
            (kind, birth + timedelta(days=days))
            for kind, days in zip(AFTER_BIRTH, dist.KS_AFTER_BIRTH_DAYS, strict=True)
        ]
        after = [(k, d) for k, d in after if d >= first.date()]
        if not moments:  # the first contact is the first one after the birth
            first_kind = after.pop(0)[0] if after else ContactKind.EXTRA_CONTACT
            moments.append((first_kind, first.date()))
        moments += after
        if rng.random() < dist.KS_EXTRA_CONTACT_SHARE:
            moments.append(
                (ContactKind.EXTRA_CONTACT, first.date() + timedelta(days=21))
            )
        c = self.c
        count = 0
        for kind, day in moments:
            if day > self.now.date():
                break
            at = datetime.combine(day, first.timetz())
            asked = rng.random() < 0.9
            self.rows.add(
                ContactMomentRow(
                    created_at=at,
                    updated_at=at,
                    public_id=uuid4_from(rng),
                    signal=sid,
                    kind=kind,
                    happened_on=day,
                    recorded_by=nurse,
                    organisation=jgz.id,
                    routine_question_asked=asked,
                    routine_answer=(
                        ContactAnswer.NO_VIOLENCE
                        if rng.random() < 0.85
                        else ContactAnswer.VIOLENCE_PAST
                    )
                    if asked
                    else "",
                    parent_words=c("ks_parent"),
                    child_observations=c("ks_child")
                    if kind != ContactKind.PRENATAL_HOME_VISIT
                    else "",
                    went_well=c("ks_well"),
                    risk_factors=_json(rng.sample(RISKS, rng.randint(0, 2))),
                    protective_factors=_json(rng.sample(PROTECTIVE, rng.randint(1, 2))),
                    next_step=NextStep.REGULAR_SCHEDULE,
                    next_step_note=c("ks_next"),
                )
            )
            audit.append(_event(at, nurse, jgz.id, AuditAction.CREATE, about))
            for _r in range(dist.KS_AUDIT_READS):
                audit.append(_event(at, nurse, jgz.id, AuditAction.READ, about))
            count += 1
        return count

    def _coalition(
        self,
        sid: int,
        jgz: Org,
        nurse: int,
        first: datetime,
        domains: list[str],
        contacts: int,
        about: tuple[str, uuid.UUID],
        audit: list[AuditRow],
    ) -> None:
        """The municipality's case consultation of the next month, an
        intervention, and a warm referral to schuldhulpverlening."""
        rng = self.rng
        item = None
        month = (first.date().replace(day=1) + timedelta(days=32)).replace(day=15)
        if rng.random() < dist.KS_DISCUSSED_SHARE and month < self.now.date():
            item = self._agenda_item(sid, jgz, nurse, month, first)
        if rng.random() < dist.KS_INTERVENTION_SHARE and contacts:
            self._intervention(sid, jgz, nurse, first)
        debt = self.debt_of.get(jgz.municipality)
        if (
            debt
            and "finances_debt" in domains
            and rng.random() < dist.KS_REFERRAL_SHARE
        ):
            made = first + timedelta(days=rng.randint(1, 30))
            if made < self.now:
                self._referral(sid, rng.choice(debt), nurse, made, item)
                audit.append(_event(made, nurse, jgz.id, AuditAction.UPDATE, about))

    def _agenda_item(
        self, sid: int, jgz: Org, nurse: int, month: date, first: datetime
    ) -> int:
        meeting = self._meeting(jgz, nurse, month)
        item = self.next_item
        self.next_item += 1
        at = datetime.combine(month, first.timetz())
        self.rows.add(
            AgendaItemRow(
                id=item,
                created_at=at - timedelta(days=7),
                updated_at=at,
                public_id=uuid4_from(self.rng),
                meeting=meeting,
                signal=sid,
                added_by=nurse,
                consent_checked=True,
                shared_summary=self.c("ks_summary"),
                decisions=self.c("ks_decisions"),
            )
        )
        return item

    def _intervention(self, sid: int, jgz: Org, nurse: int, first: datetime) -> None:
        rng, today = self.rng, self.now.date()
        kinds = list(dist.KS_INTERVENTIONS)
        kind = rng.choices(kinds, [dist.KS_INTERVENTIONS[k] for k in kinds])[0]
        offered = first.date() + timedelta(days=rng.randint(7, 40))
        started = offered + timedelta(days=rng.randint(3, 30))
        if offered > today:
            return
        begun = started if started <= today and rng.random() < 0.75 else None
        self.rows.add(
            InterventionRow(
                created_at=first,
                updated_at=first,
                public_id=uuid4_from(rng),
                signal=sid,
                kind=kind,
                organisation=jgz.id,
                recorded_by=nurse,
                offered_on=offered,
                started_on=begun,
                ended_on=None,
                outcome="",
            )
        )

    def _referral(
        self, sid: int, owner_org: Org, nurse: int, made: datetime, item: int | None
    ) -> None:
        rng = self.rng
        done = made + timedelta(days=rng.randint(5, 40))
        finished = done < self.now
        self.rows.add(
            FollowUpActionRow(
                created_at=made,
                updated_at=done if finished else made,
                public_id=uuid4_from(rng),
                signal=sid,
                agenda_item=item,
                kind="debt_help",
                owner=rng.choice(owner_org.professionals),
                owner_organisation=owner_org.id,
                created_by=nurse,
                due_on=(made + timedelta(days=14)).date(),
                description=self.c("ks_action"),
                done_at=done if finished else None,
                outcome=rng.choice(REFERRAL_OUTCOMES) if finished else "",
                outcome_note="",
            )
        )

    def _meeting(self, jgz: Org, nurse: int, held_on: date) -> int:
        """The case consultation of ``jgz``'s municipality in ``held_on``'s month,
        chaired by a JGZ professional; the nurse takes part."""
        key = (jgz.municipality, held_on)
        found = self.meetings.get(key)
        if found is None:
            chair = jgz.professionals[0]
            meeting = self.next_meeting
            self.next_meeting += 1
            at = datetime.combine(held_on, self.now.timetz())
            self.rows.add(
                CoalitionMeetingRow(
                    id=meeting,
                    created_at=at - timedelta(days=14),
                    updated_at=at,
                    public_id=uuid4_from(self.rng),
                    organisation=jgz.id,
                    municipality=jgz.municipality,
                    title=f"Overleg zwangere in een kwetsbare situatie{SYNTH}",
                    held_on=held_on,
                    chair=chair,
                    recorded_at=at,
                )
            )
            self.rows.add(
                MeetingParticipantRow(meeting=meeting, user=chair, organisation=jgz.id)
            )
            found = self.meetings[key] = (meeting, jgz.id, {chair})
        meeting, _org, present = found
        if nurse not in present:
            present.add(nurse)
            self.rows.add(
                MeetingParticipantRow(meeting=meeting, user=nurse, organisation=jgz.id)
            )
        return meeting


def _event(
    when: datetime,
    user: int,
    organisation: int,
    action: str,
    about: tuple[str, uuid.UUID],
) -> AuditRow:
    public_id, parent = about
    return (when, user, organisation, PROFESSIONAL, action, parent, SIGNAL, public_id)
