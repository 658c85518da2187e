"""Kansrijke Start in its states, reached through the real services.

Used by the tests (and by the demo and the coalition's tests), so none of them
can start from a state the application could never produce.
"""

import datetime as dt

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.organisations.models import Organisation

from .models import (
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    ContactMoment,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    StartSignal,
    VulnerabilityDomain,
)
from .services import (
    ContactInput,
    PersonInput,
    SignalInput,
    contact_moment_record,
    signal_create,
)

PARENT_WORDS = (
    "Sinds de schulden is er veel ruzie thuis, hij gooide laatst met een stoel."
)
REFUSAL_WORDS = "Ik wil niet dat de gemeente zich met ons bemoeit."


def pregnancy_signal(
    actor: Actor,
    follow_up: Organisation,
    *,
    consent: str = ConsentStatus.GIVEN,
    family_name: str = "Jansen",
    domains: list[str] | None = None,
) -> StartSignal:
    """A midwife's signal of a vulnerable pregnancy, due in about three months."""
    return signal_create(
        actor=actor,
        data=SignalInput(
            parent=PersonInput(
                given_name="Sanne",
                family_name=family_name,
                date_of_birth=dt.date(1999, 3, 14),
            ),
            phase=Phase.PREGNANCY,
            expected_date=timezone.localdate() + dt.timedelta(days=90),
            domains=domains
            or [VulnerabilityDomain.FINANCES_DEBT, VulnerabilityDomain.LIMITED_NETWORK],
            concern="Zwanger van de tweede, veel schulden, weinig steun van familie.",
            consent=consent,
            consent_words=REFUSAL_WORDS if consent == ConsentStatus.REFUSED else "",
            parent_wishes="Hulp bij de geldzorgen en iemand om mee te praten.",
            follow_up_organisation=follow_up,
        ),
    )


def prenatal_visit(
    actor: Actor, signal: StartSignal, *, parent_words: str = PARENT_WORDS
) -> ContactMoment:
    """The JGZ nurse's prenatal home visit: the routine question answered with
    violence now, in the parent's words."""
    return contact_moment_record(
        actor=actor,
        signal=signal,
        data=ContactInput(
            kind=ContactKind.PRENATAL_HOME_VISIT,
            happened_on=timezone.localdate(),
            routine_question_asked=True,
            routine_answer=ContactAnswer.VIOLENCE_NOW,
            parent_words=parent_words,
            child_observations="",
            went_well="Open gesprek; de babykamer is klaar.",
            risk_factors=[RiskFactor.FINANCIAL_STRESS, RiskFactor.DOMESTIC_VIOLENCE],
            protective_factors=[ProtectiveFactor.ACCEPTS_HELP],
            next_step=NextStep.DISCUSS_IN_COALITION,
            next_step_note="Bespreken in het overleg zwangeren; schuldhulp aanbieden.",
        ),
    )
