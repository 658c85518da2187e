"""Need to know: every role against every kind of household record.

The lokaal team worker directs (regie); the school is a chain partner (its
professional and aandachtsfunctionaris see the people, the phase, the safety
conditions and the school's own agreements); a colleague of the regievoerder
and a professional of another organisation see nothing (404); roles without
case work are refused (403)."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.households.models import Household, ItemKind, PartnerKind
from kindveilig.households.services import (
    ItemInput,
    MappingInput,
    ScoreInput,
    mapping_record,
    partner_add,
    plan_version_create,
)
from kindveilig.meldcode.models import Trajectory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

SCHOOL_AGREEMENT = "School meldt elke maandag hoe het met Sam gaat."
FATHER_AGREEMENT = "Vader start met een agressieregulatietraining."
CONDITION = "Er wordt niet geslagen."
CHILD_WORDS = "Ik ben bang als papa schreeuwt."


@pytest.fixture
def case_with_records(
    household: Household, lokaal_team_medewerker: Persona, professional: Persona
) -> Household:
    import datetime as dt

    lt = lokaal_team_medewerker.actor
    case = household.cases.get()
    school = partner_add(
        actor=lt,
        case=case,
        kind=PartnerKind.SCHOOL,
        organisation=professional.organisation,
        contact_name="Juf (test)",
        takes_on="Signalen in de klas.",
    )
    child = household.members.get(role="child").person
    mapping_record(
        actor=lt,
        case=case,
        data=MappingInput(
            assessed_on=dt.date(2026, 11, 1),
            harm="Blauwe plekken.",
            danger="Opnieuw geslagen worden.",
            next_steps="Training vader.",
        ),
        scores=[
            ScoreInput("professional", 3, professional_name="Wijkteam"),
            ScoreInput("child", 2, person=child.public_id, words=CHILD_WORDS),
        ],
    )
    plan_version_create(
        actor=lt,
        case=case,
        items=[
            ItemInput(kind=ItemKind.CONDITION, what=CONDITION, who="Ouders"),
            ItemInput(
                kind=ItemKind.AGREEMENT,
                what=SCHOOL_AGREEMENT,
                who="School",
                due_on=dt.date(2027, 1, 1),
                how_checked="Mail aan de regievoerder.",
                partner=school.public_id,
            ),
            ItemInput(
                kind=ItemKind.AGREEMENT,
                what=FATHER_AGREEMENT,
                who="Vader",
                due_on=dt.date(2027, 1, 1),
                how_checked="Bewijs van deelname.",
            ),
        ],
        note="",
        based_on=0,
    )
    return household


PAGES = [
    "household-detail",
    "safety",
    "plan",
    "plan-print",
    "plan-child",
    "chronology",
    "member-add",
    "phase-change",
    "mapping-add",
    "plan-edit",
    "partner-add",
    "case-handover",
]
FULL_ONLY = {"safety"}
REGIE_ONLY = {
    "member-add",
    "phase-change",
    "mapping-add",
    "plan-edit",
    "partner-add",
    "case-handover",
}


def expected(persona: str, page: str) -> int:
    if persona in ("gemeente_analist", "functioneel_beheerder"):
        return 403
    if persona in ("outsider", "colleague"):
        return 404
    if persona == "lokaal_team_medewerker":
        return 200
    # professional and aandachtsfunctionaris of the school: a chain partner
    return 403 if page in FULL_ONLY | REGIE_ONLY else 200


@pytest.mark.parametrize(
    "persona",
    [
        "lokaal_team_medewerker",
        "professional",
        "aandachtsfunctionaris",
        "colleague",
        "outsider",
        "gemeente_analist",
        "functioneel_beheerder",
    ],
)
def test_every_role_against_every_household_page(
    persona: str,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
    case_with_records: Household,
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
) -> None:
    if persona == "colleague":
        who = make_persona(
            Role.LOKAAL_TEAM_MEDEWERKER, lokaal_team_medewerker.organisation
        )
    else:
        who = request.getfixturevalue(persona)
    login(client, who)
    for page in PAGES:
        url = reverse(f"households:{page}", args=[case_with_records.public_id])
        assert client.get(url).status_code == expected(persona, page), (persona, page)


def test_a_partner_sees_the_conditions_and_its_own_agreements_only(
    client: Client, login: Login, professional: Persona, case_with_records: Household
) -> None:
    login(client, professional)
    content = client.get(
        reverse("households:plan", args=[case_with_records.public_id])
    ).content.decode()
    assert CONDITION in content
    assert SCHOOL_AGREEMENT in content
    assert FATHER_AGREEMENT not in content


def test_a_partner_sees_no_assessment_or_childs_words(
    client: Client, login: Login, professional: Persona, case_with_records: Household
) -> None:
    login(client, professional)
    for page in ("household-detail", "chronology"):
        content = client.get(
            reverse(f"households:{page}", args=[case_with_records.public_id])
        ).content.decode()
        assert CHILD_WORDS not in content
        assert "Blauwe plekken." not in content


def test_the_regievoerder_sees_everything(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    case_with_records: Household,
) -> None:
    login(client, lokaal_team_medewerker)
    safety = client.get(
        reverse("households:safety", args=[case_with_records.public_id])
    ).content.decode()
    assert CHILD_WORDS in safety
    plan = client.get(
        reverse("households:plan", args=[case_with_records.public_id])
    ).content.decode()
    assert FATHER_AGREEMENT in plan


def test_a_shared_trajectory_is_readable_for_the_lokaal_team_only(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    outsider: Persona,
    shared_trajectory: Trajectory,
) -> None:
    url = reverse("meldcode:trajectory-detail", args=[shared_trajectory.public_id])
    login(client, lokaal_team_medewerker)
    assert client.get(url).status_code == 200
    client.logout()
    login(client, outsider)
    assert client.get(url).status_code == 404


def test_the_household_list_shows_each_relation(
    client: Client,
    login: Login,
    case_with_records: Household,
    lokaal_team_medewerker: Persona,
    professional: Persona,
    outsider: Persona,
) -> None:
    url = reverse("households:household-list")
    for persona, visible in (
        (lokaal_team_medewerker, True),
        (professional, True),
        (outsider, False),
    ):
        login(client, persona)
        assert (case_with_records.label in client.get(url).content.decode()) is visible
        client.logout()


def test_a_refused_page_for_the_partner_school_reads_nothing(
    client: Client, login: Login, professional: Persona, case_with_records: Household
) -> None:
    """The 403 comes before the read: no READ of any member, one DENIED."""
    login(client, professional)
    before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    response = client.get(
        reverse("households:safety", args=[case_with_records.public_id])
    )
    assert response.status_code == 403
    assert CHILD_WORDS not in response.content.decode()
    mine = AuditEvent.objects.filter(actor_user=professional.user, id__gt=before or 0)
    assert not mine.filter(action=AuditAction.READ).exists()
    event = mine.get()
    assert (event.action, event.object_type, event.object_id) == (
        AuditAction.DENIED,
        "households.household",
        str(case_with_records.public_id),
    )
    # The page the partner may use still records the read of every member.
    url = reverse("households:household-detail", args=[case_with_records.public_id])
    assert client.get(url).status_code == 200
    members = case_with_records.members.filter(left_on__isnull=True).count()
    assert mine.filter(action=AuditAction.READ).count() == members


def test_an_outsiders_attempt_at_a_household_is_audited_as_denied(
    client: Client, login: Login, outsider: Persona, case_with_records: Household
) -> None:
    login(client, outsider)
    url = reverse("households:household-detail", args=[case_with_records.public_id])
    assert client.get(url).status_code == 404
    event = AuditEvent.objects.get(actor_user=outsider.user)
    assert event.action == AuditAction.DENIED
    assert event.object_id == str(case_with_records.public_id)
