"""The routes the law allows, enforced by the services (docs/meldcode-routes.md):
renewed melding after help, deviations with a justification, closing only where
allowed, a co-signer always (or the missing co-sign on record), and the
"too young" exception."""

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.meldcode import scenarios, services
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.deadline_selectors import deadline_overview_for
from kindveilig.meldcode.models import Decision, Melding, Trajectory, TrajectoryEvent
from kindveilig.meldcode.models.choices import (
    CosignStatus,
    EventKind,
    OpenMeldenException,
    Outcome,
    Status,
    Step,
)
from kindveilig.meldcode.selectors import too_young_initial, trajectory_get_for
from kindveilig.meldcode.services.closing import pending_closing
from kindveilig.meldcode.services.decisions import (
    DecisionInput,
    MeldingInput,
    default_evaluation_date,
)
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HELP = DecisionInput(
    melden=False,
    melden_rationale="Geen acute of structurele onveiligheid.",
    help_possible=True,
    help_rationale="Ouders aanvaarden hulp.",
    help_plan="Opvoedondersteuning via het CJG.",
)
MELDEN = DecisionInput(
    melden=True,
    melden_rationale="De hulp bereikte het resultaat niet.",
    help_possible=False,
    help_rationale="Veilig Thuis neemt het over.",
)


def fresh(trajectory: Trajectory) -> Trajectory:
    trajectory.refresh_from_db()
    return trajectory


def propose(actor: Actor, trajectory: Trajectory, data: DecisionInput) -> Decision:
    return services.decision_propose(
        actor=actor,
        trajectory=fresh(trajectory),
        data=data,
        expected_version=trajectory.version,
    )


def cosign(actor: Actor, decision: Decision) -> Decision:
    return services.decision_cosign(
        actor=actor,
        decision=decision,
        expected_version=fresh(decision.trajectory).version,
    )


def melding(actor: Actor, trajectory: Trajectory, **overrides: object) -> Melding:
    values: dict[str, object] = {
        "melder_name": actor.user.full_name,
        "melder_function": "Leerkracht",
        "melder_phone": "070-1234567",
        "melder_email": actor.user.email,
        "discussed_with_parents": True,
        "discussed_with_child": True,
        **overrides,
    }
    return services.melding_create(
        actor=actor,
        trajectory=fresh(trajectory),
        data=MeldingInput(**values),  # type: ignore[arg-type]
        expected_version=trajectory.version,
    )


def close(actor: Actor, trajectory: Trajectory, outcome: Outcome, **kw: str) -> None:
    services.trajectory_close(
        actor=actor,
        trajectory=fresh(trajectory),
        outcome=outcome,
        agreements=kw.get("agreements", "JGZ volgt bij het periodiek onderzoek."),
        reason=kw.get("reason", ""),
        expected_version=trajectory.version,
    )


def helping(prof: Actor, af: Actor) -> tuple[Trajectory, Decision]:
    trajectory = scenarios.weigh(
        prof, scenarios.at_step_4(prof), [Answer.YES, Answer.NO, Answer.YES, Answer.YES]
    )
    services.step_advance(
        actor=prof,
        trajectory=fresh(trajectory),
        to_step=Step.BESLISSEN,
        expected_version=trajectory.version,
    )
    decision = cosign(af, propose(prof, trajectory, HELP))
    return fresh(trajectory), decision


def test_help_gets_an_evaluation_date_three_months_ahead(
    prof: Actor, af: Actor
) -> None:
    trajectory, decision = helping(prof, af)
    assert trajectory.status == Status.HELPING
    assert decision.evaluate_on == default_evaluation_date()
    assert decision.evaluate_on > timezone.localdate() + dt.timedelta(days=85)


def test_afweging_5_waits_for_the_evaluation_date(prof: Actor, af: Actor) -> None:
    trajectory, _decision = helping(prof, af)
    with pytest.raises(ValidationError, match="evaluatie"):
        services.afweging_answer(
            actor=prof,
            trajectory=trajectory,
            question=5,
            answer=Answer.YES,
            rationale="Het gaat al beter, denk ik.",
        )


def test_moving_the_evaluation_needs_a_reason_and_is_in_the_chronology(
    prof: Actor, af: Actor
) -> None:
    trajectory, decision = helping(prof, af)
    sooner = timezone.localdate() + dt.timedelta(days=14)
    with pytest.raises(ValidationError, match="waarom"):
        services.evaluation_reschedule(
            actor=prof,
            decision=decision,
            evaluate_on=sooner,
            reason="",
            expected_version=trajectory.version,
        )
    services.evaluation_reschedule(
        actor=prof,
        decision=decision,
        evaluate_on=sooner,
        reason="Het kind vertelde nieuwe zorgen aan de mentor.",
        expected_version=trajectory.version,
    )
    decision.refresh_from_db()
    assert decision.evaluate_on == sooner
    assert trajectory.events.filter(kind=EventKind.EVALUATION_RESCHEDULED).exists()


def test_help_that_fails_leads_to_a_renewed_melding_in_a_new_round(
    prof: Actor, af: Actor
) -> None:
    trajectory, decision = helping(prof, af)
    assert decision.evaluate_on is not None
    with time_machine.travel(decision.evaluate_on):
        services.afweging_answer(
            actor=prof,
            trajectory=trajectory,
            question=5,
            answer=Answer.NO,
            rationale="Na drie maanden opnieuw blauwe plekken.",
        )
    trajectory = fresh(trajectory)
    assert (trajectory.status, trajectory.decision_round) == (Status.OPEN, 2)
    renewed = cosign(af, propose(prof, trajectory, MELDEN))
    assert renewed.round == 2
    assert not renewed.is_deviation
    made = melding(prof, trajectory)
    assert made.decision == renewed
    assert fresh(trajectory).status == Status.AFTER_MELDING
    # The earlier round stays: its decision, in the history and the document.
    assert list(trajectory.decisions.values_list("round", flat=True)) == [1, 2]


def test_a_decision_against_the_advice_needs_a_justification_and_is_recorded(
    prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    with pytest.raises(ValidationError) as refused:
        propose(prof, trajectory, HELP)
    assert "deviation_justification" in refused.value.message_dict
    assert not trajectory.decisions.exists()
    justified = DecisionInput(
        **{**HELP.__dict__, "deviation_justification": "Ouders werken goed mee."}
    )
    decision = propose(prof, trajectory, justified)
    assert decision.is_deviation
    assert decision.advice == "melden"


def test_closing_without_the_required_melding_is_refused(
    prof: Actor, af: Actor
) -> None:
    """Afweging 2 "ja" requires a melding even when 3-5 end in "ja"."""
    trajectory = scenarios.weigh(
        prof,
        scenarios.at_step_4(prof),
        [Answer.YES, Answer.YES, Answer.YES, Answer.YES, Answer.YES],
    )
    for outcome in (Outcome.HELP_SUCCEEDED, Outcome.OTHER):
        with pytest.raises(ValidationError, match="melding"):
            close(prof, trajectory, outcome, reason="Het gaat nu goed thuis.")
    assert not fresh(trajectory).is_closed


def test_a_co_signed_deviation_allows_closing_without_melding(
    prof: Actor, af: Actor
) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    justified = DecisionInput(
        **{**HELP.__dict__, "deviation_justification": "Ouders werken goed mee."}
    )
    decision = cosign(af, propose(prof, trajectory, justified))
    assert decision.cosign_status == CosignStatus.COSIGNED
    close(
        prof, trajectory, Outcome.OTHER, reason="Hulp loopt via het CJG, gezin stabiel."
    )
    closing = pending_closing(fresh(trajectory))
    assert closing is not None
    services.closing_cosign(
        actor=af, request=closing, expected_version=fresh(trajectory).version
    )
    assert fresh(trajectory).is_closed


def test_closing_early_needs_a_reason_and_the_co_sign(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.start(prof)
    with pytest.raises(ValidationError) as refused:
        close(prof, trajectory, Outcome.OTHER, agreements="Geen tijd.")
    assert "reason" in refused.value.message_dict
    close(
        prof,
        trajectory,
        Outcome.OTHER,
        agreements="School blijft alert.",
        reason="Het gezin is verhuisd naar het buitenland.",
    )
    trajectory = fresh(trajectory)
    assert not trajectory.is_closed
    closing = pending_closing(trajectory)
    assert closing is not None
    with pytest.raises(ValidationError):
        services.closing_cosign(
            actor=prof, request=closing, expected_version=trajectory.version
        )
    services.closing_return(
        actor=af,
        request=closing,
        comment="Eerst navragen bij de nieuwe school.",
        expected_version=trajectory.version,
    )
    assert not fresh(trajectory).is_closed
    assert pending_closing(trajectory) is None


def _club_with_fallback(
    make_persona: Callable[..., Persona],
) -> tuple[Organisation, Persona]:
    """A sport club without an aandachtsfunctionaris, and a JGZ in the same
    municipality as its fallback."""
    club = OrganisationFactory.create(
        name="Voetbalclub De Bal (test)", type=OrganisationType.SPORT_CULTURE_CLUB
    )
    jgz = OrganisationFactory.create(
        name="JGZ (test)", type=OrganisationType.JGZ, municipality=club.municipality
    )
    club.municipality.fallback_organisation = jgz
    club.municipality.save()
    return club, make_persona(Role.AANDACHTSFUNCTIONARIS, jgz)


def test_a_club_without_an_aandachtsfunctionaris_is_co_signed_by_the_fallback(
    make_persona: Callable[..., Persona], outsider: Persona
) -> None:
    club, fallback = _club_with_fallback(make_persona)
    trainer = make_persona(Role.PROFESSIONAL, club).actor
    trajectory = scenarios.at_step_5_melden(trainer)
    assert trajectory.aandachtsfunctionaris == fallback.user
    decision = propose(trainer, trajectory, MELDEN)
    assert decision.cosign_status == CosignStatus.PENDING
    # The fallback reads the trajectory (audited) and co-signs it.
    trajectory_get_for(actor=fallback.actor, public_id=trajectory.public_id)
    other_af = make_persona(
        Role.AANDACHTSFUNCTIONARIS, outsider.membership.organisation
    ).actor
    with pytest.raises(ValidationError):
        cosign(other_af, decision)
    cosign(fallback.actor, decision)
    assert melding(trainer, trajectory).decision == decision


def test_when_nobody_can_co_sign_the_melding_is_made_and_the_gap_recorded(
    make_persona: Callable[..., Persona],
) -> None:
    club = OrganisationFactory.create(
        name="Toneelclub (test)", type=OrganisationType.SPORT_CULTURE_CLUB
    )
    trainer = make_persona(Role.PROFESSIONAL, club).actor
    trajectory = scenarios.at_step_5_melden(trainer)
    assert trajectory.aandachtsfunctionaris is None
    decision = propose(trainer, trajectory, MELDEN)
    assert decision.cosign_status == CosignStatus.NO_COSIGNER
    assert TrajectoryEvent.objects.filter(
        trajectory=trajectory, kind=EventKind.DECISION_WITHOUT_COSIGNER
    ).exists()
    assert melding(trainer, trajectory).decision == decision


def test_a_deputy_co_signs_after_the_organisations_own(
    prof: Actor, make_persona: Callable[..., Persona], organisation: Organisation
) -> None:
    deputy = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    deputy.membership.is_deputy = True
    deputy.membership.save()
    own = make_persona(Role.AANDACHTSFUNCTIONARIS, organisation)
    trajectory = scenarios.start(prof)
    assert trajectory.aandachtsfunctionaris == own.user
    started_by_own = scenarios.start(own.actor)
    assert started_by_own.aandachtsfunctionaris == deputy.user


def test_too_young_is_an_exception_for_the_child_only(prof: Actor, af: Actor) -> None:
    trajectory = scenarios.at_step_5_melden(prof)
    cosign(af, propose(prof, trajectory, MELDEN))
    with pytest.raises(ValidationError) as refused:
        melding(
            prof,
            trajectory,
            discussed_with_parents=False,
            discussed_with_child=False,
            not_discussed_reason=OpenMeldenException.TOO_YOUNG,
            not_discussed_explanation="Baby van vier maanden.",
        )
    assert "not_discussed_reason" in refused.value.message_dict
    made = melding(
        prof,
        trajectory,
        discussed_with_child=False,
        not_discussed_reason=OpenMeldenException.TOO_YOUNG,
        not_discussed_explanation="Baby van vier maanden.",
    )
    assert made.not_discussed_reason == OpenMeldenException.TOO_YOUNG


def test_the_melding_form_takes_too_young_over_from_step_3(prof: Actor) -> None:
    trajectory = scenarios.at_step_3(prof)
    assert too_young_initial(trajectory) == {}
    scenarios.skipped_child_conversation(prof, fresh(trajectory))
    initial = too_young_initial(trajectory)
    assert initial["not_discussed_reason"] == OpenMeldenException.TOO_YOUNG
    assert initial["not_discussed_explanation"] == "Het kind is twee jaar oud."


def test_help_stays_on_the_deadline_overview_until_its_evaluation(
    prof: Actor, af: Actor
) -> None:
    """Help trajectories no longer drop out: the evaluation is their deadline."""
    trajectory, decision = helping(prof, af)
    assert decision.evaluate_on is not None
    rows = deadline_overview_for(actor=af).evaluations
    assert [(row.public_id, row.due.due_on) for row in rows] == [
        (trajectory.public_id, decision.evaluate_on)
    ]
    assert not rows[0].due.overdue
    later = decision.evaluate_on + dt.timedelta(days=2)
    with time_machine.travel(dt.datetime.combine(later, dt.time(12), tzinfo=dt.UTC)):
        (row,) = deadline_overview_for(actor=af).evaluations
    assert row.due.overdue
    assert row.due.days_overdue == 2
