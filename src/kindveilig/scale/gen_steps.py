"""The entries of a trajectory's meldcode steps, as the step services write them.

Step 1: observations (signals), now and then with a body-map mark; step 2: one
or two consultations of the aandachtsfunctionaris; step 3: the conversation
with the parents and with each child, or why not; step 4: the afwegingskader's
answers; step 5: the decision, co-signed by the aandachtsfunctionaris, and for a
melding the handover to Veilig Thuis and its feedback. Each entry counts towards
the trajectory's CREATE audit records (``Draft.entries``).
"""

import itertools
import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kindveilig.meldcode.models import Decision, Observation
from kindveilig.meldcode.models.choices import (
    CosignStatus,
    FeedbackKind,
    HandoverChannel,
    Status,
)

from . import distributions as dist
from .gen_common import ChildRef, ParentRef, Rows, moment
from .loading import Loader, Org, uuid4_from
from .pools import EMAIL_DOMAIN, SYNTH, CipherPool
from .rows.meldcode import (
    AfwegingAnswerRow,
    BodyMarkRow,
    ConsultationRow,
    ConversationRow,
    ConversationSkipRow,
    DecisionRow,
    MeldingRow,
    ObservationRow,
    VeiligThuisFeedbackRow,
)

__all__ = ["STEP_STARTS", "Draft", "Event", "Steps"]

# The day each step starts, counted from the trajectory's start (index 5: the
# end of step 5, when the follow-up begins).
STEP_STARTS = [0, *itertools.accumulate(dist.STEP_DAYS)]
# (kind, step, day, user): the trajectory's events, written at the end.
Event = tuple[str, int, float, int]


@dataclass(slots=True)
class Draft:
    """One trajectory while it is drawn."""

    id: int
    public_id: uuid.UUID
    org: Org
    owner: int
    af: int  # the organisation's (first) aandachtsfunctionaris
    age: float  # days since the start
    created: datetime
    outcome: str  # the path: "no_suspicion", "help" or "melding"
    step: int
    status: str
    closed_at: datetime | None
    closed_outcome: str  # Trajectory.outcome: how it ended, once closed
    acute: bool
    kids: list[ChildRef] = field(default_factory=list)
    parents: list[ParentRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entries: int = 0  # each gets a CREATE audit record
    decided: datetime | None = None

    @property
    def final(self) -> int:
        """The last step of the path: 4 when there is no suspicion, else 5."""
        return 4 if self.outcome == "no_suspicion" else 5


class Steps:
    """Adds the entries of steps 1-5 of a drawn trajectory to ``rows``."""

    SERIAL = (Observation, Decision)

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
        self.next_observation = loader.next_id(Observation)
        self.next_decision = loader.next_id(Decision)

    def _at(self, t: Draft, day: float) -> datetime:
        return moment(self.rng, self.now, t.created, day)

    def add(self, t: Draft) -> None:
        """The entries of every step ``t`` has reached."""
        self._observations(t)
        if t.step >= 2:
            self._consultations(t)
        if t.step >= 3:
            self._conversations(t)
        if t.step >= 4 and (t.final == 5 or (t.step == 4 and t.closed_at is not None)):
            self._afweging(t)
        if t.step == 5 and t.status != Status.OPEN:
            self._decision(t)

    def _observations(self, t: Draft) -> None:
        """Step 1: signals, with body-map marks now and then."""
        rng, c = self.rng, self.c
        for _o in range(rng.randint(1, 4)):
            oid = self.next_observation
            self.next_observation += 1
            when = self._at(t, rng.random() * dist.STEP_DAYS[0])
            self.rows.add(
                ObservationRow(
                    id=oid,
                    public_id=uuid4_from(rng),
                    trajectory=t.id,
                    created_at=when,
                    created_by=t.owner,
                    observed_on=when.date(),
                    observed_by="Leerkracht" + SYNTH,
                    source="own",
                    source_name="",
                    facts=c("facts"),
                    interpretation=c("interpretation") if rng.random() < 0.6 else "",
                    interpretation_by="",
                    child_quote=c("child_quote") if rng.random() < 0.3 else "",
                )
            )
            t.entries += 1
            if rng.random() < 0.15:
                self.rows.add(
                    BodyMarkRow(
                        observation=oid,
                        side="front",
                        region="left_arm",
                        description=c("mark"),
                    )
                )

    def _consultations(self, t: Draft) -> None:
        """Step 2: one or two consultations of the aandachtsfunctionaris."""
        rng, c = self.rng, self.c
        for _i in range(rng.choice((1, 1, 2))):
            when = self._at(t, STEP_STARTS[1] + rng.random() * dist.STEP_DAYS[1])
            self.rows.add(
                ConsultationRow(
                    public_id=uuid4_from(rng),
                    trajectory=t.id,
                    created_at=when,
                    created_by=t.owner,
                    party="aandachtsfunctionaris",
                    consulted_name="Aandachtsfunctionaris" + SYNTH,
                    consulted_on=when.date(),
                    anonymous=False,
                    question=c("question"),
                    advice=c("advice"),
                    agreed_actions=c("actions"),
                )
            )
            t.entries += 1

    def _conversations(self, t: Draft) -> None:
        """Step 3: with the parents, then with each child or why not."""
        rng = self.rng
        when = self._at(t, STEP_STARTS[2] + rng.random() * dist.STEP_DAYS[2])
        self.rows.add(
            ConversationRow(
                public_id=uuid4_from(rng),
                trajectory=t.id,
                created_at=when,
                created_by=t.owner,
                with_whom="parents",
                child=None,
                held_on=when.date(),
                preparation="",
                what_was_said=self.c("said"),
                reaction="",
                agreements=self.c("actions"),
                child_words="",
                child_wishes="",
                child_wellbeing="",
                child_told_next_steps=False,
            )
        )
        t.entries += 1
        for kid_id, _p, _bsn in t.kids:
            if rng.random() < 0.7:
                self._child_conversation(t, when, kid_id)
            else:
                self._conversation_skip(t, when, kid_id)
            t.entries += 1

    def _child_conversation(self, t: Draft, when: datetime, kid_id: int) -> None:
        self.rows.add(
            ConversationRow(
                public_id=uuid4_from(self.rng),
                trajectory=t.id,
                created_at=when,
                created_by=t.owner,
                with_whom="child",
                child=kid_id,
                held_on=when.date(),
                preparation="",
                what_was_said=self.c("said"),
                reaction="",
                agreements="",
                child_words=self.c("child_words"),
                child_wishes="",
                child_wellbeing="",
                child_told_next_steps=True,
            )
        )

    def _conversation_skip(self, t: Draft, when: datetime, kid_id: int) -> None:
        self.rows.add(
            ConversationSkipRow(
                public_id=uuid4_from(self.rng),
                trajectory=t.id,
                created_at=when,
                created_by=t.owner,
                with_whom="child",
                child=kid_id,
                reason="too_young",
                explanation=self.c("explanation"),
            )
        )

    def _afweging(self, t: Draft) -> None:
        """Step 4: the afwegingskader's answers that lead to the path's end."""
        rng = self.rng
        when = self._at(t, STEP_STARTS[3] + rng.random() * dist.STEP_DAYS[3])
        answers = (
            ["no"]
            if t.outcome == "no_suspicion"
            else ["yes", "yes"]
            if t.outcome == "melding"
            else ["yes", "no", "yes", "yes"]
        )
        for number, answer in enumerate(answers, start=1):
            self.rows.add(
                AfwegingAnswerRow(
                    public_id=uuid4_from(rng),
                    trajectory=t.id,
                    created_at=when,
                    created_by=t.owner,
                    question=number,
                    answer=answer,
                    rationale=self.c("rationale"),
                    with_veilig_thuis=False,
                )
            )
            t.entries += 1

    def _decision(self, t: Draft) -> None:
        """Step 5: the decision, co-signed by the aandachtsfunctionaris."""
        rng, c = self.rng, self.c
        did = self.next_decision
        self.next_decision += 1
        when = self._at(t, STEP_STARTS[4] + rng.random() * 3)
        melden = t.outcome == "melding"
        t.decided = when
        self.rows.add(
            DecisionRow(
                id=did,
                public_id=uuid4_from(rng),
                trajectory=t.id,
                created_at=when,
                created_by=t.owner,
                melden=melden,
                melden_rationale=c("rationale"),
                help_possible=True,
                help_rationale=c("rationale"),
                help_plan=c("help_plan"),
                cosign_status=CosignStatus.COSIGNED,
                cosigned_by=t.af,
                cosigned_at=when + timedelta(hours=4),
                cosign_comment="",
                acute=t.acute,
                advice="melden" if melden else "hulp",
                # Help is decided in every generated decision: evaluated after
                # three months, as the service sets it.
                evaluate_on=(when + timedelta(days=91)).date(),
            )
        )
        t.events += [
            ("decision_proposed", 5, STEP_STARTS[4], t.owner),
            ("decision_cosigned", 5, STEP_STARTS[4] + 0.2, t.af),
        ]
        t.entries += 1
        if melden:
            self._melding(t, did, when)

    def _melding(self, t: Draft, decision: int, when: datetime) -> None:
        """The melding at Veilig Thuis, by phone, and its feedback later."""
        self.rows.add(
            MeldingRow(
                public_id=uuid4_from(self.rng),
                trajectory=t.id,
                created_at=when,
                created_by=t.owner,
                decision=decision,
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
        t.events.append(("melding_made", 5, STEP_STARTS[4] + 0.3, t.owner))
        t.entries += 1
        if t.age > STEP_STARTS[5] + 5:
            self._feedback(t)

    def _feedback(self, t: Draft) -> None:
        received = self._at(t, STEP_STARTS[5] + 5)
        self.rows.add(
            VeiligThuisFeedbackRow(
                public_id=uuid4_from(self.rng),
                trajectory=t.id,
                created_at=received,
                created_by=t.owner,
                kind=FeedbackKind.VEILIGHEIDSBEOORDELING,
                received_on=received.date(),
                summary=self.c("summary"),
            )
        )
        t.entries += 1
