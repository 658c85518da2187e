"""A synthetic national population, loaded through PostgreSQL COPY.

It writes the rows the services would write (organisations, users, children,
trajectories at every step with their entries, the audit log) straight into the
tables, fast enough for a million trajectories on two cores. Everything is
fictitious: names carry "(synth.)", BSNs come from the 9999 test range, e-mail
addresses end in ``.invalid``. Free text is real Fernet ciphertext under the
configured key (see ``CipherPool``), and the audit records extend the one hash
chain, so ``verify_audit_log`` still passes. Running it again adds another slice.
"""

import itertools
import math
import random
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.audit.chain import event_content, record_hash
from kindveilig.audit.models import AuditAction, AuditChainHead, AuditEvent
from kindveilig.meldcode.models import (
    AfwegingskaderVersion,
    Decision,
    Observation,
    Trajectory,
)
from kindveilig.meldcode.models.choices import (
    CosignStatus,
    FeedbackKind,
    HandoverChannel,
    Origin,
    Outcome,
    Relation,
    Status,
)
from kindveilig.organisations.models import (
    SECTOR_BY_TYPE,
    Municipality,
    Organisation,
    OrganisationType,
    Region,
)
from kindveilig.persons.models import Person

from . import distributions as dist
from .gen_common import AuditRow, ChildRef, ParentRef, Rows, TrajectoryFacts
from .gen_households import Households
from .gen_signals import Signals
from .gen_youth import Youth
from .loading import GenerationResult, Loader, Org, scaled, uuid4_from, weighted_picker
from .pools import EMAIL_DOMAIN, FAMILY_NAMES, GIVEN_NAMES, SYNTH, BsnPool, CipherPool
from .rows.audit import AuditEventRow
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
    PersonRow,
    TrajectoryChildRow,
    TrajectoryEventRow,
    TrajectoryRow,
    VeiligThuisFeedbackRow,
)
from .rows.organisations import (
    MembershipRow,
    MunicipalityRow,
    OrganisationRow,
    RegionRow,
    UserRow,
)

__all__ = ["GenerationResult", "generate_population"]

NO_LOGIN = "!synthetic-no-login"  # Django's "!" prefix: an unusable password


class Generator:
    def __init__(
        self,
        *,
        children: int,
        trajectories: int,
        years: int,
        audit_reads: int,
        seed: int,
        cipher_pool: int,
        chunk: int,
        types: Sequence[str] | None,
        progress: Callable[[str], None],
    ) -> None:
        self.types = types
        self.children = children
        self.trajectories = trajectories
        self.years = years
        self.audit_reads = audit_reads
        self.rng = random.Random(seed)  # noqa: S311  # synthetic data, not security
        self.cipher_pool = cipher_pool
        self.chunk = chunk
        self.progress = progress
        self.result = GenerationResult()
        self.now = timezone.now()
        self.loader = Loader(self.result)
        self.slice = uuid.uuid4().hex[:8]

    # ---- organisations and users ---------------------------------------------
    def organisations(self) -> list[Org]:
        rng, load = self.rng, self.loader
        fraction = self.children / dist.NATIONAL_MINORS
        region_id = load.next_id(Region)
        load.copy(
            RegionRow,
            [
                RegionRow(
                    id=region_id,
                    name=f"Synthetische regio {self.slice}",
                    code=f"synth-{self.slice}",
                )
            ],
        )
        first_mun = load.next_id(Municipality)
        n_mun = scaled(dist.NATIONAL_MUNICIPALITIES, fraction)
        municipalities = list(range(first_mun, first_mun + n_mun))
        # CBS codes are GM####; a synthetic municipality gets "X" + 5 hex digits.
        load.copy(
            MunicipalityRow,
            [
                MunicipalityRow(
                    id=mid,
                    region=region_id,
                    name=f"Gemeente {self.slice}-{mid}{SYNTH}",
                    cbs_code=f"X{mid % 0xFFFFF:05X}",
                )
                for mid in municipalities
            ],
        )
        frameworks = dict(
            AfwegingskaderVersion.objects.order_by("sector", "valid_from").values_list(
                "sector", "pk"
            )
        )
        rows = Rows((OrganisationRow, UserRow, MembershipRow))
        orgs: list[Org] = []
        weights: list[float] = []
        org_id = load.next_id(Organisation)
        user_id = load.next_id(User)
        for org_type, profile in dist.ORGANISATION_PROFILE.items():
            if self.types is not None and org_type not in self.types:
                continue
            national, n_prof, n_af, share = profile
            count = scaled(national, fraction)
            for _ in range(count):
                label = OrganisationType(org_type).label
                municipality = rng.choice(municipalities)
                rows.add(
                    OrganisationRow(
                        id=org_id,
                        name=f"{label} {org_id}{SYNTH}",
                        type=org_type,
                        municipality=municipality,
                        external_code=None,
                        is_active=True,
                        created_at=self.now,
                        updated_at=self.now,
                    )
                )
                org = Org(
                    id=org_id,
                    type=org_type,
                    framework_id=frameworks[SECTOR_BY_TYPE[org_type]],
                    professionals=[],
                    aandachtsfunctionarissen=[],
                    municipality=municipality,
                )
                role = (
                    Role.LOKAAL_TEAM_MEDEWERKER
                    if org_type == OrganisationType.LOKAAL_TEAM
                    else Role.PROFESSIONAL
                )
                for index in range(n_prof + n_af):
                    is_af = index >= n_prof
                    rows.add(
                        UserRow(
                            id=user_id,
                            email=f"user{user_id}@{EMAIL_DOMAIN}",
                            full_name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}{SYNTH}",
                            password=NO_LOGIN,
                            is_active=True,
                            date_joined=self.now,
                            failed_login_count=0,
                        )
                    )
                    rows.add(
                        MembershipRow(
                            user=user_id,
                            organisation=org_id,
                            role=Role.AANDACHTSFUNCTIONARIS if is_af else role,
                            is_active=True,
                            created_at=self.now,
                            updated_at=self.now,
                        )
                    )
                    (
                        org.aandachtsfunctionarissen if is_af else org.professionals
                    ).append(user_id)
                    user_id += 1
                orgs.append(org)
                weights.append(
                    share
                    / count
                    * rng.lognormvariate(0, dist.ORGANISATION_WEIGHT_SIGMA)
                )
                org_id += 1
        rows.flush(load)
        self.pick_org = weighted_picker(rng, orgs, weights)
        return orgs

    # ---- trajectories ---------------------------------------------------------
    def run(self) -> GenerationResult:
        started = time.monotonic()
        self.ciphers = CipherPool(self.rng, self.cipher_pool)
        self.bsns = BsnPool(self.rng)
        with transaction.atomic():
            orgs = self.organisations()
            self.progress(f"organisations: {len(orgs)}")
            head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
            self.seq, self.prev_hash = head.last_seq, head.last_hash
            self.ids = {
                model: self.loader.next_id(model)
                for model in (Person, Trajectory, Observation, Decision)
            }
            self._parts(orgs)
            chunks = max(1, math.ceil(self.trajectories / self.chunk))
            for number in range(chunks):
                size = min(self.chunk, self.trajectories - number * self.chunk)
                children = round(self.children * size / max(1, self.trajectories))
                if number == chunks - 1:
                    children = self.children - round(
                        self.children * number * self.chunk / max(1, self.trajectories)
                    )
                self.one_chunk(size, max(children, 0), orgs)
                self.progress(
                    f"trajectories: {min((number + 1) * self.chunk, self.trajectories)}"
                    f"/{self.trajectories}"
                )
            head.last_seq, head.last_hash = self.seq, self.prev_hash
            head.save(update_fields=["last_seq", "last_hash"])
            for model in (
                Region,
                Municipality,
                Organisation,
                User,
                Person,
                Trajectory,
                Observation,
                Decision,
                *self.signals.SERIAL,
                *self.households.SERIAL,
                *self.youth.SERIAL,
            ):
                self.loader.reset_sequence(model)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.result.seconds = time.monotonic() - started
        return self.result

    def _parts(self, orgs: list[Org]) -> None:
        """Signals, households and the youth channel (gen_*.py)."""
        load, rng, now = self.loader, self.rng, self.now
        self.signals = Signals(loader=load, rng=rng, now=now)
        self.households = Households(
            loader=load,
            rng=rng,
            now=now,
            ciphers=self.ciphers,
            signals=self.signals,
            orgs=orgs,
        )
        self.youth = Youth(
            loader=load,
            rng=rng,
            now=now,
            ciphers=self.ciphers,
            orgs=orgs,
            slice_name=self.slice,
        )
        audit: list[AuditRow] = []
        self.youth.open_channels(audit)
        self.youth.rows.flush(self.loader)
        self.loader.copy(AuditEventRow, self._chain(audit))

    def _person(self, rows: Rows, org_id: int, adult: bool) -> ChildRef:
        rng = self.rng
        pid = self.ids[Person]
        self.ids[Person] += 1
        public_id = uuid4_from(rng)
        if adult:
            born = self.now.date() - timedelta(days=rng.randint(20 * 365, 55 * 365))
            bsn, index = "", ""
        else:
            born = self.now.date() - timedelta(days=rng.randint(0, 18 * 365 - 1))
            bsn, index = self.bsns()
        rows.add(
            PersonRow(
                id=pid,
                public_id=public_id,
                given_name=rng.choice(GIVEN_NAMES),
                family_name=rng.choice(FAMILY_NAMES) + SYNTH,
                date_of_birth=born,
                bsn=bsn,
                bsn_index=index,
                registered_by=org_id,
                created_at=self.now,
                updated_at=self.now,
            )
        )
        return pid, public_id, index

    def one_chunk(self, size: int, n_children: int, orgs: list[Org]) -> None:
        rng, c, now = self.rng, self.ciphers, self.now
        persons = Rows((PersonRow,))
        rows = Rows(
            (
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
        audit: list[AuditRow] = []
        fresh_children = n_children
        span_days = self.years * 365
        outcome_pick = weighted_picker(
            rng, list(dist.OUTCOME_SHARES), list(dist.OUTCOME_SHARES.values())
        )
        kids_pick = weighted_picker(
            rng,
            [n for n, _ in dist.CHILDREN_PER_TRAJECTORY],
            [w for _, w in dist.CHILDREN_PER_TRAJECTORY],
        )
        cumulative = [0, *itertools.accumulate(dist.STEP_DAYS)]
        for _ in range(size):
            org: Org = self.pick_org()
            owner = rng.choice(org.professionals)
            af = org.aandachtsfunctionarissen[0]
            tid = self.ids[Trajectory]
            self.ids[Trajectory] += 1
            t_public = uuid4_from(rng)
            age = rng.random() * span_days
            created = now - timedelta(days=age)
            outcome = outcome_pick()
            final = 4 if outcome == "no_suspicion" else 5
            if age < cumulative[final]:
                step = max(s for s in range(1, 6) if cumulative[s - 1] <= age)
                status, closed_at, t_outcome = Status.OPEN, None, ""
            else:
                step = final
                done = created + timedelta(days=cumulative[final])
                if outcome == "no_suspicion":
                    status, closed_at, t_outcome = (
                        Status.CLOSED,
                        done,
                        Outcome.NO_SUSPICION,
                    )
                elif age < cumulative[5] + dist.FOLLOW_UP_DAYS:
                    status = (
                        Status.HELPING if outcome == "help" else Status.AFTER_MELDING
                    )
                    closed_at, t_outcome = None, ""
                else:
                    status = Status.CLOSED
                    closed_at = done + timedelta(days=dist.FOLLOW_UP_DAYS)
                    t_outcome = (
                        Outcome.HELP_SUCCEEDED
                        if outcome == "help"
                        else Outcome.AFTER_MELDING
                    )

            def at(day: float, base: datetime = created) -> datetime:
                return min(
                    now, base + timedelta(days=day, seconds=rng.randint(0, 28800))
                )

            acute = rng.random() < dist.ACUTE_SHARE
            step_started = created + timedelta(days=cumulative[step - 1])
            rows.add(
                TrajectoryRow(
                    id=tid,
                    public_id=t_public,
                    organisation=org.id,
                    owner=owner,
                    aandachtsfunctionaris=af,
                    framework=org.framework_id,
                    origin=Origin.WORRY,
                    forms_of_violence='["psychological"]'
                    if rng.random() < 0.5
                    else '["neglect_emotional"]',
                    worry=c("worry"),
                    kindcheck_notes="",
                    step=step,
                    status=status,
                    is_acute=acute,
                    acute_at=created if acute else None,
                    step_started_at=step_started,
                    outcome=t_outcome,
                    closing_agreements=c("closing")
                    if closed_at and outcome != "no_suspicion"
                    else "",
                    closed_at=closed_at,
                    version=step,
                    created_at=created,
                    updated_at=closed_at or step_started,
                )
            )
            # Children: a repeat child of this organisation (hermelding) or a new one.
            kids: list[ChildRef] = []
            for _k in range(kids_pick()):
                if org.children and (
                    rng.random() < dist.REPEAT_CHILD_SHARE or fresh_children <= 0
                ):
                    kid = rng.choice(org.children)
                    if kid in kids:
                        continue
                else:
                    kid = self._person(persons, org.id, adult=False)
                    fresh_children -= 1
                    org.children.append(kid)
                kids.append(kid)
            for kid_id, _p, _bsn in kids:
                rows.add(TrajectoryChildRow(trajectory=tid, person=kid_id))
            first_kid = kids[0]
            parents: list[ParentRef] = []
            for relation in (Relation.MOTHER, Relation.FATHER)[: rng.choice((1, 2, 2))]:
                parent_id, parent_public, _bsn = self._person(
                    persons, org.id, adult=True
                )
                gezag = rng.random() < 0.9
                rows.add(
                    InvolvedPersonRow(
                        trajectory=tid,
                        person=parent_id,
                        child=first_kid[0],
                        relation=relation,
                        has_gezag=gezag,
                    )
                )
                parents.append((parent_id, parent_public, gezag))
            events = [("started", 1, 0.0, owner)]
            events += [
                ("step_advanced", s, cumulative[s - 1], owner)
                for s in range(2, step + 1)
            ]
            entries = 0
            # Step 1: signals, with body-map marks now and then.
            for _o in range(rng.randint(1, 4)):
                oid = self.ids[Observation]
                self.ids[Observation] += 1
                when = at(rng.random() * dist.STEP_DAYS[0])
                rows.add(
                    ObservationRow(
                        id=oid,
                        public_id=uuid4_from(rng),
                        trajectory=tid,
                        created_at=when,
                        created_by=owner,
                        observed_on=when.date(),
                        observed_by="Leerkracht" + SYNTH,
                        source="own",
                        source_name="",
                        facts=c("facts"),
                        interpretation=c("interpretation")
                        if rng.random() < 0.6
                        else "",
                        interpretation_by="",
                        child_quote=c("child_quote") if rng.random() < 0.3 else "",
                    )
                )
                entries += 1
                if rng.random() < 0.15:
                    rows.add(
                        BodyMarkRow(
                            observation=oid,
                            side="front",
                            region="left_arm",
                            description=c("mark"),
                        )
                    )
            if step >= 2:
                for _i in range(rng.choice((1, 1, 2))):
                    when = at(cumulative[1] + rng.random() * dist.STEP_DAYS[1])
                    rows.add(
                        ConsultationRow(
                            public_id=uuid4_from(rng),
                            trajectory=tid,
                            created_at=when,
                            created_by=owner,
                            party="aandachtsfunctionaris",
                            consulted_name="Aandachtsfunctionaris" + SYNTH,
                            consulted_on=when.date(),
                            anonymous=False,
                            question=c("question"),
                            advice=c("advice"),
                            agreed_actions=c("actions"),
                        )
                    )
                    entries += 1
            if step >= 3:
                when = at(cumulative[2] + rng.random() * dist.STEP_DAYS[2])
                rows.add(
                    ConversationRow(
                        public_id=uuid4_from(rng),
                        trajectory=tid,
                        created_at=when,
                        created_by=owner,
                        with_whom="parents",
                        child=None,
                        held_on=when.date(),
                        preparation="",
                        what_was_said=c("said"),
                        reaction="",
                        agreements=c("actions"),
                        child_words="",
                        child_wishes="",
                        child_wellbeing="",
                        child_told_next_steps=False,
                    )
                )
                entries += 1
                for kid_id, _p, _bsn in kids:
                    if rng.random() < 0.7:
                        rows.add(
                            ConversationRow(
                                public_id=uuid4_from(rng),
                                trajectory=tid,
                                created_at=when,
                                created_by=owner,
                                with_whom="child",
                                child=kid_id,
                                held_on=when.date(),
                                preparation="",
                                what_was_said=c("said"),
                                reaction="",
                                agreements="",
                                child_words=c("child_words"),
                                child_wishes="",
                                child_wellbeing="",
                                child_told_next_steps=True,
                            )
                        )
                    else:
                        rows.add(
                            ConversationSkipRow(
                                public_id=uuid4_from(rng),
                                trajectory=tid,
                                created_at=when,
                                created_by=owner,
                                with_whom="child",
                                child=kid_id,
                                reason="too_young",
                                explanation=c("explanation"),
                            )
                        )
                    entries += 1
            if step >= 4 and (final == 5 or (step == 4 and closed_at is not None)):
                when = at(cumulative[3] + rng.random() * dist.STEP_DAYS[3])
                answers = (
                    ["no"]
                    if outcome == "no_suspicion"
                    else ["yes", "yes"]
                    if outcome == "melding"
                    else ["yes", "no", "yes", "yes"]
                )
                for number, answer in enumerate(answers, start=1):
                    rows.add(
                        AfwegingAnswerRow(
                            public_id=uuid4_from(rng),
                            trajectory=tid,
                            created_at=when,
                            created_by=owner,
                            question=number,
                            answer=answer,
                            rationale=c("rationale"),
                            with_veilig_thuis=False,
                        )
                    )
                    entries += 1
            decided = None
            if step == 5 and status != Status.OPEN:
                did = self.ids[Decision]
                self.ids[Decision] += 1
                when = at(cumulative[4] + rng.random() * 3)
                melden = outcome == "melding"
                decided = when
                rows.add(
                    DecisionRow(
                        id=did,
                        public_id=uuid4_from(rng),
                        trajectory=tid,
                        created_at=when,
                        created_by=owner,
                        melden=melden,
                        melden_rationale=c("rationale"),
                        help_possible=True,
                        help_rationale=c("rationale"),
                        help_plan=c("help_plan"),
                        cosign_status=CosignStatus.COSIGNED,
                        cosigned_by=af,
                        cosigned_at=when + timedelta(hours=4),
                        cosign_comment="",
                        acute=acute,
                    )
                )
                events += [
                    ("decision_proposed", 5, cumulative[4], owner),
                    ("decision_cosigned", 5, cumulative[4] + 0.2, af),
                ]
                entries += 1
                if melden:
                    rows.add(
                        MeldingRow(
                            public_id=uuid4_from(rng),
                            trajectory=tid,
                            created_at=when,
                            created_by=owner,
                            decision=did,
                            melder_name="Melder" + SYNTH,
                            melder_function="Leerkracht",
                            melder_phone="0000000000",
                            melder_email=f"melder@{EMAIL_DOMAIN}",
                            discussed_with_parents=True,
                            discussed_with_child=True,
                            not_discussed_reason="",
                            not_discussed_explanation="",
                            support_network="",
                            other_information="",
                            handed_over_at=when + timedelta(hours=5),
                            handed_over_channel=HandoverChannel.PHONE,
                            veilig_thuis_reference="",
                        )
                    )
                    events.append(("melding_made", 5, cumulative[4] + 0.3, owner))
                    entries += 1
                    if age > cumulative[5] + 5:
                        fb = at(cumulative[5] + 5)
                        rows.add(
                            VeiligThuisFeedbackRow(
                                public_id=uuid4_from(rng),
                                trajectory=tid,
                                created_at=fb,
                                created_by=owner,
                                kind=FeedbackKind.VEILIGHEIDSBEOORDELING,
                                received_on=fb.date(),
                                summary=c("summary"),
                            )
                        )
                        entries += 1
            if closed_at is not None:
                events.append(("closed", step, (closed_at - created).days, owner))
            for kind, event_step, day, who in events:
                rows.add(
                    TrajectoryEventRow(
                        trajectory=tid,
                        at=at(day),
                        actor=who,
                        kind=kind,
                        step=event_step,
                        note="",
                    )
                )
            # The audit log: one CREATE per entry, and READs by owner and AF.
            life = max(1.0, min(age, (closed_at - created).days if closed_at else age))
            for number in range(entries + self.audit_reads):
                reader = owner if number % 3 else af
                audit.append(
                    (
                        at(rng.random() * life),
                        reader,
                        org.id,
                        Role.AANDACHTSFUNCTIONARIS
                        if reader == af
                        else Role.PROFESSIONAL,
                        AuditAction.CREATE if number < entries else AuditAction.READ,
                        first_kid[1],
                        "meldcode.trajectory",
                        str(t_public),
                    )
                )
            facts = TrajectoryFacts(
                id=tid,
                public_id=t_public,
                org=org,
                owner=owner,
                owner_role=Role.LOKAAL_TEAM_MEDEWERKER
                if org.type == OrganisationType.LOKAAL_TEAM
                else Role.PROFESSIONAL,
                created=created,
                decided=decided,
                outcome=outcome,
                kids=kids,
                parents=parents,
            )
            signal_ids = self.signals.for_trajectory(facts, audit)
            self.households.for_trajectory(facts, signal_ids, audit)
        self.youth.chunk(size, audit)
        # Children of the population who are in no trajectory (yet).
        while fresh_children > 0:
            org = rng.choice(orgs)
            org.children.append(self._person(persons, org.id, adult=False))
            fresh_children -= 1
        self._write(persons, rows, audit)

    def _write(self, persons: Rows, rows: Rows, audit: list[AuditRow]) -> None:
        load = self.loader
        parts = (self.signals, self.households, self.youth)
        for part_rows in (persons, rows, *(part.rows for part in parts)):
            part_rows.flush(load)
        load.copy(AuditEventRow, self._chain(audit))

    def _chain(self, audit: list[AuditRow]) -> Iterable[AuditEventRow]:
        """Extend the hash chain exactly as ``audit_record`` does, in time order."""
        audit.sort(key=lambda item: item[0])
        probe = AuditEvent(request_id="", reason="")
        for occurred, user, org, role, action, person, object_type, object_id in audit:
            self.seq += 1
            occurred = occurred.astimezone(UTC)
            probe.seq, probe.occurred_at = self.seq, occurred
            probe.actor_user_id, probe.actor_organisation_id = user, org
            probe.actor_role, probe.action, probe.person_id = role, action, person
            probe.object_type, probe.object_id = object_type, object_id
            digest = record_hash(self.prev_hash, event_content(probe))
            yield AuditEventRow(
                seq=self.seq,
                occurred_at=occurred,
                actor_user=user,
                actor_organisation=org,
                actor_role=role,
                action=action,
                person_id=person,
                object_type=object_type,
                object_id=object_id,
                request_id="",
                reason="",
                prev_hash=self.prev_hash,
                hash=digest,
            )
            self.prev_hash = digest


def generate_population(
    *,
    children: int,
    trajectories: int | None = None,
    years: int = 20,
    audit_reads: int = dist.AUDIT_READS_PER_TRAJECTORY,
    seed: int = 7,
    cipher_pool: int = 2000,
    chunk: int = 20_000,
    types: Sequence[str] | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> GenerationResult:
    """Add a synthetic slice of the country: ``children`` minors, their
    organisations and staff, and ``trajectories`` (default: 0.3 per child).
    ``types`` limits the organisation types (tests use one organisation)."""
    if trajectories is None:
        trajectories = round(children * dist.TRAJECTORIES_PER_MINOR)
    return Generator(
        children=children,
        trajectories=trajectories,
        years=years,
        audit_reads=audit_reads,
        seed=seed,
        cipher_pool=cipher_pool,
        chunk=chunk,
        types=types,
        progress=progress,
    ).run()
