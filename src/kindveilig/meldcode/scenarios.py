"""Trajectories in every state, reached through the real services.

Used by the tests and by seed_demo, so neither can start from a state the
application could never produce.
"""

import datetime as dt

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role

from .afwegingskader import Answer
from .cosigners import cosigners_for
from .models import Decision, Melding, Trajectory
from .models.choices import (
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    FeedbackKind,
    FormOfViolence,
    HandoverChannel,
    Origin,
    Outcome,
    Relation,
    SkipReason,
    Source,
    Step,
)
from .services import (
    afweging_answer,
    consultation_add,
    conversation_add,
    conversation_skip,
    decision_cosign,
    decision_propose,
    feedback_add,
    melding_create,
    melding_handover,
    observation_add,
    step_advance,
    trajectory_close,
    trajectory_report_acute,
    trajectory_start,
)
from .services.closing import closing_cosign, pending_closing
from .services.decisions import DecisionInput, MeldingInput
from .services.entries import (
    ConsultationInput,
    ConversationInput,
    MarkInput,
    ObservationInput,
)
from .services.trajectories import ChildInput, InvolvedInput, StartInput

CHILD_WORDS = "Papa wordt boos en dan slaat hij. Ik wil dat het thuis rustig is."


def start(
    actor: Actor,
    *,
    given_name: str = "Sam (demo)",
    family_name: str = "Voorbeeldmans",
    bsn: str = "",
    worry: str = "Sam heeft blauwe plekken op de arm en is stil in de klas.",
) -> Trajectory:
    return trajectory_start(
        actor=actor,
        data=StartInput(
            origin=Origin.WORRY,
            worry=worry,
            forms_of_violence=[FormOfViolence.PHYSICAL, FormOfViolence.WITNESSING],
            children=[
                ChildInput(
                    given_name=given_name,
                    family_name=family_name,
                    date_of_birth=dt.date(2016, 3, 14),
                    bsn=bsn,
                )
            ],
            involved=[
                InvolvedInput(
                    given_name="Ouder (demo)",
                    family_name=family_name,
                    relation=Relation.FATHER,
                    has_gezag=True,
                )
            ],
        ),
    )


def _advance(actor: Actor, trajectory: Trajectory, to: Step) -> Trajectory:
    return step_advance(
        actor=actor,
        trajectory=trajectory,
        to_step=to,
        expected_version=trajectory.version,
    )


def at_step_2(actor: Actor, **kwargs: str) -> Trajectory:
    trajectory = start(actor, **kwargs)
    observation_add(
        actor=actor,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=timezone.localdate(),
            observed_by=actor.user.full_name,
            source=Source.OWN,
            facts="Blauwe plekken op de linker bovenarm, zichtbaar bij de gymles.",
            interpretation="Past bij vastgepakt worden.",
            interpretation_by=actor.user.full_name,
            child_quote="Ik ben gevallen, zegt papa.",
            marks=[
                MarkInput(
                    BodySide.FRONT, BodyRegion.LEFT_ARM, "Drie blauwe plekken, ca. 2 cm"
                )
            ],
        ),
    )
    return _advance(actor, trajectory, Step.OVERLEGGEN)


def at_step_3(actor: Actor, **kwargs: str) -> Trajectory:
    trajectory = at_step_2(actor, **kwargs)
    consultation_add(
        actor=actor,
        trajectory=trajectory,
        data=ConsultationInput(
            party=ConsultedParty.AANDACHTSFUNCTIONARIS,
            consulted_name="Aandachtsfunctionaris (demo)",
            consulted_on=timezone.localdate(),
            question="Hoe ernstig zijn deze signalen?",
            advice="Ga in gesprek met ouders en kind; bel bij twijfel Veilig Thuis.",
        ),
    )
    return _advance(actor, trajectory, Step.GESPREK)


def at_step_4(actor: Actor, **kwargs: str) -> Trajectory:
    trajectory = at_step_3(actor, **kwargs)
    conversation_add(
        actor=actor,
        trajectory=trajectory,
        data=ConversationInput(
            with_whom=ConversationWith.PARENTS,
            held_on=timezone.localdate(),
            what_was_said="Vader zegt dat Sam van de trap viel.",
            reaction="Geïrriteerd, wil geen hulp.",
        ),
    )
    child = trajectory.children.select_related("person").first()
    assert child is not None
    conversation_add(
        actor=actor,
        trajectory=trajectory,
        data=ConversationInput(
            with_whom=ConversationWith.CHILD,
            child=child.person.public_id,
            held_on=timezone.localdate(),
            what_was_said="Rustig gesprek na schooltijd.",
            child_words=CHILD_WORDS,
            child_wishes="Dat papa niet meer slaat en dat ik thuis kan blijven wonen.",
            child_wellbeing="Verdrietig, maar opgelucht dat het gezegd is.",
            child_told_next_steps=True,
        ),
    )
    return _advance(actor, trajectory, Step.WEGEN)


def weigh(actor: Actor, trajectory: Trajectory, answers: list[Answer]) -> Trajectory:
    for number, answer in enumerate(answers, start=1):
        afweging_answer(
            actor=actor,
            trajectory=trajectory,
            question=number,
            answer=answer,
            rationale=f"Onderbouwing bij afweging {number}: op basis van de signalen en gesprekken.",
        )
    trajectory.refresh_from_db()
    return trajectory


def at_step_5_melden(actor: Actor, **kwargs: str) -> Trajectory:
    trajectory = weigh(actor, at_step_4(actor, **kwargs), [Answer.YES, Answer.YES])
    return _advance(actor, trajectory, Step.BESLISSEN)


def decided_melden(actor: Actor, cosigner: Actor, **kwargs: str) -> Decision:
    trajectory = at_step_5_melden(actor, **kwargs)
    decision = decision_propose(
        actor=actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel en geweld thuis.",
            help_possible=True,
            help_rationale="School blijft Sam steunen met een vertrouwenspersoon.",
            help_plan="Wekelijks gesprek met de intern begeleider.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    return decision_cosign(
        actor=cosigner, decision=decision, expected_version=trajectory.version
    )


def melded(actor: Actor, cosigner: Actor, **kwargs: str) -> Melding:
    decision = decided_melden(actor, cosigner, **kwargs)
    trajectory = decision.trajectory
    trajectory.refresh_from_db()
    melding = melding_create(
        actor=actor,
        trajectory=trajectory,
        data=MeldingInput(
            melder_name=actor.user.full_name,
            melder_function="Leerkracht groep 5",
            melder_phone="070-0000000",
            melder_email=actor.user.email,
            discussed_with_parents=True,
            discussed_with_child=True,
        ),
        expected_version=trajectory.version,
    )
    return melding_handover(
        actor=actor,
        melding=melding,
        handed_over_at=timezone.now(),
        channel=HandoverChannel.PHONE,
        reference="VT-DEMO-0001",
    )


def after_feedback(actor: Actor, cosigner: Actor, **kwargs: str) -> Trajectory:
    melding = melded(actor, cosigner, **kwargs)
    trajectory = melding.trajectory
    feedback_add(
        actor=actor,
        trajectory=trajectory,
        kind=FeedbackKind.VEILIGHEIDSBEOORDELING,
        received_on=timezone.localdate(),
        summary="Veilig Thuis draagt over aan het lokaal team; school blijft betrokken.",
    )
    return trajectory


def cosigner_of(trajectory: Trajectory, proposer: Actor) -> Actor | None:
    """The first who may co-sign what ``proposer`` proposes, as an actor."""
    for user in cosigners_for(
        trajectory.organisation, exclude_user_id=proposer.user.pk
    ):
        membership = user.memberships.filter(
            role=Role.AANDACHTSFUNCTIONARIS, is_active=True
        ).first()
        if membership is not None:
            return Actor(user=user, membership=membership)
    return None


def closed_no_suspicion(actor: Actor, **kwargs: str) -> Trajectory:
    """Afweging 1 "nee" in step 4: closed with a reason, co-signed by the
    aandachtsfunctionaris (any close before step 5 is)."""
    trajectory = weigh(actor, at_step_4(actor, **kwargs), [Answer.NO])
    trajectory = trajectory_close(
        actor=actor,
        trajectory=trajectory,
        outcome=Outcome.NO_SUSPICION,
        agreements="",
        reason="Geen vermoeden na gesprek met ouders en kind (afweging 1).",
        expected_version=trajectory.version,
    )
    closing = pending_closing(trajectory)
    cosigner = cosigner_of(trajectory, actor)
    if closing is None or cosigner is None:
        return trajectory
    trajectory.refresh_from_db()
    return closing_cosign(
        actor=cosigner, request=closing, expected_version=trajectory.version
    )


def acute(actor: Actor, **kwargs: str) -> Trajectory:
    trajectory = start(actor, **kwargs)
    return trajectory_report_acute(
        actor=actor,
        trajectory=trajectory,
        note="Kind durft niet naar huis; vader dreigt.",
    )


def skipped_child_conversation(actor: Actor, trajectory: Trajectory) -> None:
    child = trajectory.children.select_related("person").first()
    assert child is not None
    conversation_skip(
        actor=actor,
        trajectory=trajectory,
        with_whom=ConversationWith.CHILD,
        child=child.person.public_id,
        reason=SkipReason.TOO_YOUNG,
        explanation="Het kind is twee jaar oud.",
    )


def observation_add_after_close(actor: Actor, trajectory: Trajectory) -> None:
    observation_add(
        actor=actor,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=timezone.localdate(),
            observed_by=actor.user.full_name,
            source=Source.OWN,
            facts="Nog een signaal.",
        ),
    )
