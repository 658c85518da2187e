"""Each transition and each refused transition; a refusal changes nothing."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
import time_machine

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import (
    ConsultedParty,
    ConversationWith,
    CosignStatus,
    FeedbackKind,
    Origin,
    Outcome,
    SkipReason,
    Source,
    Status,
    Step,
)
from kindveilig.meldcode.services import ConflictError
from kindveilig.meldcode.services.decisions import DecisionInput, MeldingInput
from kindveilig.meldcode.services.entries import ObservationInput
from kindveilig.meldcode.services.trajectories import ChildInput, StartInput

pytestmark = [pytest.mark.django_db]


def refused(call, *, match: str) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        call()
    assert match in " ".join(info.value.messages)
    return info.value


def snapshot(trajectory: Trajectory) -> tuple[object, ...]:
    trajectory.refresh_from_db()
    return (
        trajectory.version,
        trajectory.step,
        trajectory.status,
        trajectory.observations.count(),
        trajectory.decisions.count(),
        AuditEvent.objects.count(),
    )


def advance(actor: Actor, trajectory: Trajectory, to: Step) -> Trajectory:
    trajectory.refresh_from_db()
    return services.step_advance(
        actor=actor,
        trajectory=trajectory,
        to_step=to,
        expected_version=trajectory.version,
    )


def test_start_records_children_involved_and_audit(prof: Actor) -> None:
    trajectory = scenarios.start(prof, bsn="111222333")
    assert trajectory.step == Step.SIGNALEN
    assert trajectory.status == Status.OPEN
    assert trajectory.framework.sector == "onderwijs"
    child = trajectory.children.get().person
    assert child.bsn == "111222333"
    assert trajectory.involved.get().has_gezag
    assert AuditEvent.objects.filter(
        person_id=child.public_id, action=AuditAction.CREATE
    ).exists()


def test_start_refuses_without_child_or_with_kindcheck_but_no_notes(
    prof: Actor,
) -> None:
    before = Trajectory.objects.count()
    refused(
        lambda: services.trajectory_start(
            actor=prof,
            data=StartInput(
                origin=Origin.WORRY, worry="x", forms_of_violence=[], children=[]
            ),
        ),
        match="ten minste één kind",
    )
    refused(
        lambda: services.trajectory_start(
            actor=prof,
            data=StartInput(
                origin=Origin.KINDCHECK,
                worry="Cliënt drinkt veel",
                forms_of_violence=[],
                children=[ChildInput(given_name="A", family_name="B")],
            ),
        ),
        match="kindcheck",
    )
    assert Trajectory.objects.count() == before


def test_step_2_needs_a_signal(prof: Actor) -> None:
    trajectory = scenarios.start(prof)
    before = snapshot(trajectory)
    refused(lambda: advance(prof, trajectory, Step.OVERLEGGEN), match="Stap 1")
    assert snapshot(trajectory) == before


def test_steps_go_in_order(prof: Actor) -> None:
    trajectory = scenarios.start(prof)
    refused(lambda: advance(prof, trajectory, Step.GESPREK), match="volgorde")


def test_step_3_needs_a_consultation(prof: Actor) -> None:
    trajectory = scenarios.at_step_2(prof)
    refused(lambda: advance(prof, trajectory, Step.GESPREK), match="Stap 2")


def test_step_5_needs_each_child_heard_or_a_reason(prof: Actor) -> None:
    trajectory = scenarios.at_step_3(prof)
    services.conversation_add(
        actor=prof,
        trajectory=trajectory,
        data=services.entries.ConversationInput(
            with_whom=ConversationWith.PARENTS,
            held_on=timezone.localdate(),
            what_was_said="Gesprek met moeder.",
        ),
    )
    advance(prof, trajectory, Step.WEGEN)
    scenarios.weigh(prof, trajectory, [Answer.YES, Answer.YES])
    before = snapshot(trajectory)
    refused(lambda: advance(prof, trajectory, Step.BESLISSEN), match="gesprek met Sam")
    assert snapshot(trajectory) == before
    scenarios.skipped_child_conversation(prof, trajectory)
    assert advance(prof, trajectory, Step.BESLISSEN).step == Step.BESLISSEN


def test_a_conversation_with_a_child_needs_the_childs_words_and_wishes(
    prof: Actor,
) -> None:
    trajectory = scenarios.at_step_3(prof)
    child = trajectory.children.get().person
    error = refused(
        lambda: services.conversation_add(
            actor=prof,
            trajectory=trajectory,
            data=services.entries.ConversationInput(
                with_whom=ConversationWith.CHILD,
                child=child.public_id,
                held_on=timezone.localdate(),
                what_was_said="x",
            ),
        ),
        match="eigen woorden",
    )
    assert set(error.message_dict) == {"child_words", "child_wishes"}


def test_skipping_a_conversation_needs_an_explanation(prof: Actor) -> None:
    trajectory = scenarios.at_step_3(prof)
    refused(
        lambda: services.conversation_skip(
            actor=prof,
            trajectory=trajectory,
            with_whom=ConversationWith.PARENTS,
            reason=SkipReason.DANGER_CHILD,
            explanation=" ",
        ),
        match="Leg uit",
    )


def test_third_party_source_must_be_named_and_interpretation_owned(prof: Actor) -> None:
    trajectory = scenarios.start(prof)
    error = refused(
        lambda: services.observation_add(
            actor=prof,
            trajectory=trajectory,
            data=ObservationInput(
                observed_on=timezone.localdate(),
                observed_by="Buurvrouw",
                source=Source.THIRD_PARTY,
                facts="Geschreeuw gehoord.",
                interpretation="Ruzie",
            ),
        ),
        match="derde",
    )
    assert set(error.message_dict) == {"source_name", "interpretation_by"}


def test_doubt_sends_to_veilig_thuis_first(prof: Actor) -> None:
    trajectory = scenarios.weigh(
        prof, scenarios.at_step_4(prof), [Answer.YES, Answer.DOUBT]
    )
    refused(lambda: advance(prof, trajectory, Step.BESLISSEN), match="Veilig Thuis")


def test_answers_need_a_rationale_and_come_in_order(prof: Actor) -> None:
    trajectory = scenarios.at_step_4(prof)
    refused(
        lambda: services.afweging_answer(
            actor=prof,
            trajectory=trajectory,
            question=1,
            answer=Answer.NO,
            rationale="nee",
        ),
        match="onderbouwing",
    )
    refused(
        lambda: services.afweging_answer(
            actor=prof,
            trajectory=trajectory,
            question=3,
            answer=Answer.YES,
            rationale="Voldoende onderbouwing hier.",
        ),
        match="volgorde",
    )


def test_answering_an_earlier_question_again_drops_later_answers(prof: Actor) -> None:
    from kindveilig.meldcode.services.weighing import current_answers

    trajectory = scenarios.weigh(
        prof, scenarios.at_step_4(prof), [Answer.YES, Answer.NO, Answer.YES]
    )
    services.afweging_answer(
        actor=prof,
        trajectory=trajectory,
        question=2,
        answer=Answer.YES,
        rationale="Toch structureel onveilig.",
    )
    assert current_answers(trajectory) == {1: Answer.YES, 2: Answer.YES}
    assert trajectory.answers.count() == 4  # history kept


def test_closing_at_question_1(prof: Actor) -> None:
    trajectory = scenarios.closed_no_suspicion(prof)
    assert trajectory.status == Status.CLOSED
    assert trajectory.outcome == Outcome.NO_SUSPICION


def test_closing_for_no_suspicion_needs_a_no_to_question_1(prof: Actor) -> None:
    trajectory = scenarios.weigh(prof, scenarios.at_step_4(prof), [Answer.YES])
    refused(
        lambda: services.trajectory_close(
            actor=prof,
            trajectory=trajectory,
            outcome=Outcome.NO_SUSPICION,
            agreements="",
            expected_version=trajectory.version,
        ),
        match="afweging 1",
    )


def test_decision_is_cosigned_by_another_aandachtsfunctionaris(
    prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    decision = services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            True, "Structureel onveilig thuis.", False, "Geen eigen hulp mogelijk nu."
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    refused(
        lambda: services.decision_cosign(
            actor=prof, decision=decision, expected_version=trajectory.version
        ),
        match="aandachtsfunctionaris",
    )
    cosigned = services.decision_cosign(
        actor=af, decision=decision, expected_version=trajectory.version
    )
    assert cosigned.cosign_status == CosignStatus.COSIGNED


def test_aandachtsfunctionaris_cannot_cosign_own_decision(af: Actor) -> None:
    trajectory = scenarios.at_step_5_melden(af)
    decision = services.decision_propose(
        actor=af,
        trajectory=trajectory,
        data=DecisionInput(True, "Structureel onveilig.", False, "Niet mogelijk nu."),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    refused(
        lambda: services.decision_cosign(
            actor=af, decision=decision, expected_version=trajectory.version
        ),
        match="vier ogen",
    )


def test_returned_decision_can_be_proposed_again(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    decision = services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            False,
            "Ik denk dat hulp genoeg is.",
            True,
            "Hulp via school.",
            "IB-er",
            deviation_justification="Ouders werken goed mee, ik zie geen gevaar.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    refused(
        lambda: services.decision_return(
            actor=af, decision=decision, comment="", expected_version=trajectory.version
        ),
        match="wat er moet veranderen",
    )
    services.decision_return(
        actor=af,
        decision=decision,
        comment="Afweging 2 is ja: melden is de norm.",
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    again = services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            True, "Alsnog melden, structureel.", True, "School blijft steunen.", "IB-er"
        ),
        expected_version=trajectory.version,
    )
    assert again.cosign_status == CosignStatus.PENDING


def test_melding_needs_a_cosigned_decision(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(True, "Structureel onveilig.", False, "Niet mogelijk nu."),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    before = snapshot(trajectory)
    refused(
        lambda: services.melding_create(
            actor=prof,
            trajectory=trajectory,
            data=_melding(prof),
            expected_version=trajectory.version,
        ),
        match="medeondertekent",
    )
    assert snapshot(trajectory) == before


def _melding(actor: Actor, **overrides: object) -> MeldingInput:
    values: dict[str, object] = {
        "melder_name": actor.user.full_name,
        "melder_function": "Leerkracht",
        "melder_phone": "070-1234567",
        "melder_email": actor.user.email,
        "discussed_with_parents": True,
        "discussed_with_child": True,
        **overrides,
    }
    return MeldingInput(**values)  # type: ignore[arg-type]


def test_melding_needs_identity_and_open_melden_or_an_exception(
    prof: Actor, af: Actor
) -> None:
    decision = scenarios.decided_melden(prof, af)
    trajectory = decision.trajectory
    trajectory.refresh_from_db()
    error = refused(
        lambda: services.melding_create(
            actor=prof,
            trajectory=trajectory,
            data=_melding(
                prof, melder_name=" ", melder_phone="", discussed_with_parents=False
            ),
            expected_version=trajectory.version,
        ),
        match="advies",
    )
    assert {"melder_phone", "not_discussed_reason", "not_discussed_explanation"} <= set(
        error.message_dict
    )
    melding = services.melding_create(
        actor=prof,
        trajectory=trajectory,
        data=_melding(
            prof,
            discussed_with_parents=False,
            not_discussed_reason="danger_child",
            not_discussed_explanation="Vader dreigt.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.AFTER_MELDING
    assert melding.not_discussed_reason == "danger_child"


def test_after_melding_feedback_and_close(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.after_feedback(prof, af)
    trajectory.refresh_from_db()
    assert trajectory.feedback.get().kind == FeedbackKind.VEILIGHEIDSBEOORDELING
    refused(
        lambda: services.trajectory_close(
            actor=prof,
            trajectory=trajectory,
            outcome=Outcome.AFTER_MELDING,
            agreements="",
            expected_version=trajectory.version,
        ),
        match="afspraken",
    )
    closed = services.trajectory_close(
        actor=prof,
        trajectory=trajectory,
        outcome=Outcome.AFTER_MELDING,
        agreements="Lokaal team volgt; school meldt nieuwe signalen.",
        expected_version=trajectory.version,
    )
    assert closed.status == Status.CLOSED
    refused(
        lambda: scenarios.observation_add_after_close(prof, closed), match="gesloten"
    )


def test_help_route_without_melding(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.weigh(
        prof, scenarios.at_step_4(prof), [Answer.YES, Answer.NO, Answer.YES, Answer.YES]
    )
    trajectory = advance(prof, trajectory, Step.BESLISSEN)
    decision = services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            False,
            "Geen acute of structurele onveiligheid.",
            True,
            "Ouders aanvaarden hulp.",
            "Opvoedondersteuning via CJG.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    services.decision_cosign(
        actor=af, decision=decision, expected_version=trajectory.version
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.HELPING
    assert decision.evaluate_on is not None
    with time_machine.travel(decision.evaluate_on + dt.timedelta(hours=12)):
        services.afweging_answer(
            actor=prof,
            trajectory=trajectory,
            question=5,
            answer=Answer.YES,
            rationale="Na drie maanden is het rustig thuis.",
        )
    closed = services.trajectory_close(
        actor=prof,
        trajectory=trajectory,
        outcome=Outcome.HELP_SUCCEEDED,
        agreements="JGZ volgt bij het periodiek onderzoek.",
        expected_version=trajectory.version,
    )
    assert closed.outcome == Outcome.HELP_SUCCEEDED


def test_acute_route_allows_immediate_melding_before_earlier_steps(
    prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.acute(prof)
    assert trajectory.is_acute
    decision = services.decision_propose(
        actor=prof,
        trajectory=trajectory,
        data=DecisionInput(
            True, "Acuut gevaar: kind durft niet naar huis.", False, "Eerst veiligheid."
        ),
        expected_version=trajectory.version,
    )
    assert decision.acute
    trajectory.refresh_from_db()
    melding = services.melding_create(
        actor=prof,
        trajectory=trajectory,
        data=_melding(prof),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    assert trajectory.status == Status.AFTER_MELDING
    assert melding.decision.cosign_status == CosignStatus.PENDING
    # Documenting the earlier steps afterwards is allowed.
    services.observation_add(
        actor=prof,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=timezone.localdate(),
            observed_by="Leerkracht",
            source=Source.CHILD,
            facts="Kind vertelde over geweld.",
        ),
    )


def test_acute_decision_cannot_be_not_melden(prof: Actor) -> None:
    trajectory = scenarios.acute(prof)
    refused(
        lambda: services.decision_propose(
            actor=prof,
            trajectory=trajectory,
            data=DecisionInput(
                False, "Toch niet melden nu.", True, "Hulp via school.", "IB"
            ),
            expected_version=trajectory.version,
        ),
        match="acuut",
    )


def test_stale_version_is_a_conflict_and_changes_nothing(prof: Actor) -> None:
    trajectory = scenarios.at_step_2(prof)
    stale = trajectory.version
    services.consultation_add(
        actor=prof,
        trajectory=trajectory,
        data=services.entries.ConsultationInput(
            party=ConsultedParty.COLLEAGUE,
            consulted_name="Collega",
            consulted_on=timezone.localdate(),
            question="Wat denk jij?",
            advice="Praat met ouders.",
        ),
    )
    services.trajectory_report_acute(actor=prof, trajectory=trajectory, note="Dreiging")
    before = snapshot(trajectory)
    with pytest.raises(ConflictError):
        services.step_advance(
            actor=prof,
            trajectory=trajectory,
            to_step=Step.GESPREK,
            expected_version=stale,
        )
    assert snapshot(trajectory) == before


def test_outsider_cannot_change_the_trajectory(prof: Actor, other_prof: Actor) -> None:
    trajectory = scenarios.start(prof)
    before = snapshot(trajectory)
    refused(
        lambda: services.trajectory_report_acute(
            actor=other_prof, trajectory=trajectory, note="x"
        ),
        match="niet wijzigen",
    )
    assert snapshot(trajectory) == before


def test_aandachtsfunctionaris_takes_over(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.start(prof)
    services.trajectory_take_over(
        actor=af, trajectory=trajectory, expected_version=trajectory.version
    )
    trajectory.refresh_from_db()
    assert trajectory.owner_id == af.user.pk
    refused(
        lambda: services.trajectory_take_over(
            actor=prof, trajectory=trajectory, expected_version=trajectory.version
        ),
        match="aandachtsfunctionaris",
    )


def test_adding_to_an_earlier_step_is_logged(prof: Actor) -> None:
    trajectory = scenarios.at_step_3(prof)
    services.observation_add(
        actor=prof,
        trajectory=trajectory,
        data=ObservationInput(
            observed_on=timezone.localdate() - dt.timedelta(days=1),
            observed_by="Leerkracht",
            source=Source.OWN,
            facts="Nog een blauwe plek.",
        ),
    )
    assert trajectory.events.filter(kind="added_to_earlier_step").exists()


def test_free_text_is_encrypted_at_rest(prof: Actor) -> None:
    from django.db import connection

    scenarios.at_step_2(prof)
    with connection.cursor() as cursor:
        cursor.execute("SELECT facts, child_quote FROM meldcode_observation")
        facts, quote = cursor.fetchone()
    assert "Blauwe plekken" not in facts
    assert "gevallen" not in quote


def test_meldplicht_case_is_kept_apart_and_audited(prof: Actor, af: Actor) -> None:
    from kindveilig.meldcode.meldplicht_selectors import meldplicht_cases_for
    from kindveilig.meldcode.models import MeldplichtCase

    case = services.meldplicht_case_start(
        actor=prof, summary="Een collega schreeuwde en duwde een kind."
    )
    assert Trajectory.objects.count() == 0
    assert AuditEvent.objects.filter(
        object_type="meldcode.meldplichtcase", action=AuditAction.CREATE
    ).exists()
    assert list(meldplicht_cases_for(actor=af)) == [case]
    refused(
        lambda: services.meldplicht_case_start(actor=prof, summary=" "),
        match="Beschrijf",
    )
    assert MeldplichtCase.objects.count() == 1
