"""Kansrijke Start in the demo, built through the real services (fictitious).

In Den Haag the midwife (``verloskundige@``, Verloskundigenpraktijk De Ooievaar)
signals to the CJG, where the JGZ nurse (``cjg@``) follows up:

1. a vulnerable pregnancy with the parent's consent: the prenatal home visit,
   the coalition's case consultation chaired by the lokaal team (``wijkteam@``)
   with the family on the agenda, a decision, an action on the midwife's Mijn
   werk, VoorZorg offered and started, and a warm referral to
   schuldhulpverlening (``schuldhulp@``), who records that help started;
2. a young family whose contact moment after the birth turned into a meldcode
   trajectory (the one click: what was recorded is carried over);
3. a pregnancy whose parent did not consent: the refusal in the parent's words,
   followed up by the JGZ's regular visit, never on a coalition agenda.

Idempotent: nothing is added when the practice has signals already.
"""

import datetime as dt

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.kansrijkestart import coalition_services as coalition
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    InterventionKind,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    StartSignal,
    VulnerabilityDomain,
)
from kindveilig.kansrijkestart.services import (
    ContactInput,
    PersonInput,
    SignalInput,
    contact_moment_record,
    contact_moment_start_trajectory,
    signal_create,
)
from kindveilig.organisations.models import Organisation

__all__ = ["ensure_kansrijke_start"]

DEMO_DOMAIN = "demo.kindveilig.invalid"  # as builders.DEMO_DOMAIN
MIDWIFE = f"verloskundige@{DEMO_DOMAIN}"
NURSE = f"cjg@{DEMO_DOMAIN}"
CHAIR = f"wijkteam@{DEMO_DOMAIN}"
DEBT_HELP = f"schuldhulp@{DEMO_DOMAIN}"


def _membership(email: str, organisation: Organisation, role: Role) -> Membership:
    return Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=role
    )


def _actor(membership: Membership) -> Actor:
    return Actor(user=membership.user, membership=membership)


def ensure_kansrijke_start(organisations: dict[str, Organisation]) -> int:
    """The three families; returns the number of signals created."""
    practice = organisations["DEMO-VK-01"]
    if StartSignal.objects.filter(organisation=practice).exists():
        return 0
    cjg = organisations["DEMO-JGZ-02"]
    midwife = _membership(MIDWIFE, practice, Role.PROFESSIONAL)
    nurse = _membership(NURSE, cjg, Role.PROFESSIONAL)
    chair = _membership(CHAIR, organisations["DEMO-LT-01"], Role.LOKAAL_TEAM_MEDEWERKER)
    debt = _membership(DEBT_HELP, organisations["DEMO-SHV-01"], Role.PROFESSIONAL)
    _vulnerable_pregnancy(midwife, nurse, chair, debt)
    _contact_into_meldcode(midwife, nurse)
    _refused(midwife, nurse)
    return 3


def _vulnerable_pregnancy(
    midwife: Membership, nurse: Membership, chair: Membership, debt: Membership
) -> None:
    today = timezone.localdate()
    signal = signal_create(
        actor=_actor(midwife),
        data=SignalInput(
            parent=PersonInput(
                given_name="Demi (ouder, demo)",
                family_name="Ooievaarsnest",
                date_of_birth=dt.date(2001, 4, 12),
            ),
            phase=Phase.PREGNANCY,
            expected_date=today + dt.timedelta(days=95),
            domains=[
                VulnerabilityDomain.FINANCES_DEBT,
                VulnerabilityDomain.LIMITED_NETWORK,
                VulnerabilityDomain.PSYCHOSOCIAL_STRESS,
            ],
            concern=(
                "Eerste zwangerschap, oplopende schulden en weinig steun van familie; "
                "moeder slaapt slecht van de zorgen (demo)."
            ),
            consent=ConsentStatus.GIVEN,
            parent_wishes="Hulp bij de rekeningen en iemand om mee te praten (demo).",
            follow_up_organisation=nurse.organisation,
            follow_up_user=nurse.user,
        ),
    )
    contact_moment_record(
        actor=_actor(nurse),
        signal=signal,
        data=ContactInput(
            kind=ContactKind.PRENATAL_HOME_VISIT,
            happened_on=today,
            routine_question_asked=True,
            routine_answer=ContactAnswer.NO_VIOLENCE,
            parent_words="Ik lig wakker van de brieven van de deurwaarder (demo).",
            went_well="Open gesprek; de partner was erbij en wil hulp (demo).",
            risk_factors=[RiskFactor.FINANCIAL_STRESS, RiskFactor.ISOLATION],
            protective_factors=[
                ProtectiveFactor.SUPPORTIVE_PARTNER,
                ProtectiveFactor.ACCEPTS_HELP,
            ],
            next_step=NextStep.DISCUSS_IN_COALITION,
            next_step_note="Bespreken in het overleg zwangeren; schuldhulp (demo).",
        ),
    )
    _consultation(signal, midwife, nurse, chair, debt)


def _consultation(
    signal: StartSignal,
    midwife: Membership,
    nurse: Membership,
    chair: Membership,
    debt: Membership,
) -> None:
    today = timezone.localdate()
    meeting = coalition.meeting_create(
        actor=_actor(chair),
        title="Overleg zwangere in een kwetsbare situatie Den Haag Centrum (demo)",
        held_on=today,
        participants=[nurse, midwife, debt],
    )
    item = coalition.agenda_add(
        actor=_actor(nurse),
        meeting=meeting,
        signal=signal,
        shared_summary=(
            "Zwanger (week 26), schulden en weinig netwerk; ouders willen hulp bij "
            "de rekeningen (demo)."
        ),
        consent_checked=True,
    )
    coalition.meeting_record(
        actor=_actor(chair),
        meeting=meeting,
        participants=[nurse, midwife, debt],
        decisions={
            item.public_id: (
                "Warme overdracht naar schuldhulpverlening; VoorZorg aanbieden; "
                "verloskundige bespreekt de kraamzorg (demo)."
            )
        },
    )
    coalition.action_add(
        actor=_actor(chair),
        agenda_item=item,
        owner=midwife,
        due_on=today + dt.timedelta(days=10),
        description="Kraamzorg aanvragen en intake plannen (demo).",
    )
    referral = coalition.referral_make(
        actor=_actor(nurse),
        signal=signal,
        kind=ActionKind.DEBT_HELP,
        owner=debt,
        due_on=today + dt.timedelta(days=14),
        description="Warme overdracht: intake schuldhulp samen met moeder (demo).",
        agenda_item=item,
    )
    coalition.action_complete(
        actor=_actor(debt),
        action=referral,
        outcome=ActionOutcome.HELP_STARTED,
        outcome_note="Intake gedaan; budgetbeheer gestart (demo).",
    )
    voorzorg = coalition.intervention_offer(
        actor=_actor(nurse),
        signal=signal,
        kind=InterventionKind.VOORZORG,
        offered_on=today,
    )
    coalition.intervention_start(
        actor=_actor(nurse), intervention=voorzorg, started_on=today
    )


def _contact_into_meldcode(midwife: Membership, nurse: Membership) -> None:
    """A young family: at the home visit after the birth the mother tells of
    violence now; the nurse starts the meldcode in one click."""
    today = timezone.localdate()
    signal = signal_create(
        actor=_actor(midwife),
        data=SignalInput(
            parent=PersonInput(
                given_name="Fictief (ouder, demo)",
                family_name="Kraamkamer",
                date_of_birth=dt.date(1996, 9, 2),
            ),
            phase=Phase.YOUNG_CHILD,
            child=PersonInput(
                given_name="Proef (demo)",
                family_name="Kraamkamer",
                date_of_birth=today - dt.timedelta(days=12),
            ),
            domains=[
                VulnerabilityDomain.DOMESTIC_VIOLENCE,
                VulnerabilityDomain.HOUSING,
            ],
            concern="Spanningen met de partner; te kleine woning (demo).",
            consent=ConsentStatus.GIVEN,
            follow_up_organisation=nurse.organisation,
            follow_up_user=nurse.user,
        ),
    )
    moment = contact_moment_record(
        actor=_actor(nurse),
        signal=signal,
        data=ContactInput(
            kind=ContactKind.HOME_VISIT_AFTER_BIRTH,
            happened_on=today,
            routine_question_asked=True,
            routine_answer=ContactAnswer.VIOLENCE_NOW,
            parent_words=(
                "Hij schreeuwt als de baby huilt en gisteren duwde hij me tegen de "
                "kast (demo)."
            ),
            child_observations="Baby drinkt goed, schrikt bij harde stemmen (demo).",
            went_well="Moeder vertelde het zelf, met de baby op schoot (demo).",
            risk_factors=[RiskFactor.DOMESTIC_VIOLENCE],
            protective_factors=[ProtectiveFactor.GOOD_BONDING],
            next_step=NextStep.MELDCODE,
            next_step_note="Meldcode gestart; aandachtsfunctionaris ingelicht (demo).",
        ),
    )
    contact_moment_start_trajectory(actor=_actor(nurse), moment=moment)


def _refused(midwife: Membership, nurse: Membership) -> None:
    """The parent did not consent: the refusal in her words; the JGZ visits as
    it visits every family, and the coalition never hears of it."""
    today = timezone.localdate()
    signal = signal_create(
        actor=_actor(midwife),
        data=SignalInput(
            parent=PersonInput(
                given_name="Oefen (ouder, demo)",
                family_name="Wiegendorp",
                date_of_birth=dt.date(1999, 1, 20),
            ),
            phase=Phase.PREGNANCY,
            expected_date=today + dt.timedelta(days=60),
            domains=[VulnerabilityDomain.UNPLANNED_PREGNANCY],
            concern="Onverwachte zwangerschap, weinig rust in huis (demo).",
            consent=ConsentStatus.REFUSED,
            consent_words=(
                "Ik wil niet dat er over ons wordt gepraat; ik red het zelf (demo)."
            ),
            follow_up_organisation=nurse.organisation,
        ),
    )
    contact_moment_record(
        actor=_actor(nurse),
        signal=signal,
        data=ContactInput(
            kind=ContactKind.PRENATAL_HOME_VISIT,
            happened_on=today,
            routine_question_asked=True,
            routine_answer=ContactAnswer.DECLINED,
            parent_words="Het gaat wel, ik wil vooral met rust gelaten worden (demo).",
            went_well="Moeder liet me binnen en wil het consultatiebureau (demo).",
            next_step=NextStep.REGULAR_SCHEDULE,
        ),
    )
