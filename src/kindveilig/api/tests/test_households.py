"""The household endpoints: what the household pages allow, the API allows, with
the same selectors, services and audit records."""

import datetime as dt
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
from conftest import Persona
from pytest_django import DjangoAssertNumQueries
from rest_framework.test import APIClient

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.households.models import (
    Handover,
    HandoverStatus,
    Household,
    Phase,
    PhaseChange,
    PlanVersion,
)
from kindveilig.households.services import (
    PersonInput,
    handover_create_for_case,
    household_create,
    member_add,
    partner_add,
)
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.verwijsindex.models import MatchNotice, Signal
from kindveilig.verwijsindex.services import (
    ChildSignalInput,
    signal_register_for_child,
)

from .conftest import Login, fields_of, messages_of, url

pytestmark = [pytest.mark.django_db]
TokenClient = Callable[[Persona], APIClient]
QUERY_BUDGET = 20
CHILD_BSN = "111222333"
PLAN_ITEM = {
    "kind": "agreement",
    "what": "Vader gaat naar de cursus Agressie de baas.",
    "who": "Vader",
    "due_on": str(timezone.localdate() + dt.timedelta(days=30)),
    "how_checked": "Bewijs van deelname aan de regievoerder.",
}


@pytest.fixture
def household(lokaal_team_medewerker: Persona) -> Household:
    return household_create(
        actor=lokaal_team_medewerker.actor, label="Huishouden Test (demo)"
    )


@pytest.fixture
def jeugdbescherming(db: None) -> Organisation:
    return OrganisationFactory.create(
        name="Jeugdbescherming (test)", type=OrganisationType.JEUGDBESCHERMING
    )


def _events_since(after_id: int) -> list[tuple[str, object, str, str, str]]:
    return [
        (e.action, e.person_id, e.object_type, e.object_id, e.reason)
        for e in AuditEvent.objects.filter(id__gt=after_id).order_by("id")
    ]


def _last_seq() -> int:
    last = AuditEvent.objects.order_by("-id").first()
    return last.id if last else 0


# ---- The work of a lokaal team -------------------------------------------------


def test_the_lokaal_team_creates_a_household_and_works_its_case(
    lokaal_team_medewerker: Persona, token_client: TokenClient
) -> None:
    client = token_client(lokaal_team_medewerker)
    created = client.post(url("household-list"), {"label": "Huishouden Jansen (demo)"})
    assert created.status_code == 201, created.content
    detail = created.json()
    assert detail["level"] == "regie"
    assert detail["case"]["phase"] == Phase.DIRECTE_VEILIGHEID
    public_id = detail["public_id"]

    member = client.post(
        url("household-member-add", public_id),
        {
            "given_name": "Sam",
            "family_name": "Jansen",
            "date_of_birth": "2016-03-01",
            "bsn": CHILD_BSN,
            "role": "child",
        },
    )
    assert member.status_code == 201, member.content
    assert member.json()["member"]["given_name"] == "Sam"
    assert member.json()["message"] == gettext("Added to the household.")
    assert CHILD_BSN not in member.content.decode()

    version = detail["case"]["version"]
    phase = client.post(
        url("household-phase-change", public_id),
        {
            "to_phase": Phase.STABIELE_VEILIGHEID,
            "reason": "Vader is vertrokken; het veiligheidsplan werkt.",
            "safety_score": 7,
            "children_said": "Sam zegt dat het rustig is thuis.",
            "expected_version": version,
        },
    )
    assert phase.status_code == 200, phase.content
    assert phase.json()["phase"] == Phase.STABIELE_VEILIGHEID
    stale = client.post(
        url("household-phase-change", public_id),
        {
            "to_phase": Phase.HERSTEL,
            "reason": "Stabiel.",
            "safety_score": 8,
            "children_said": "Goed.",
            "expected_version": version,
        },
    )
    assert stale.status_code == 409
    assert stale.json()["type"] == "https://kindveilig.nl/problemen/conflict"

    plan = client.post(
        url("household-plan", public_id),
        {"based_on": 0, "note": "", "items": [PLAN_ITEM]},
    )
    assert plan.status_code == 201, plan.content
    assert plan.json()["version"]["number"] == 1
    read = client.get(url("household-plan", public_id)).json()
    assert [item["what"] for item in read["items"]] == [PLAN_ITEM["what"]]
    assert read["versions"] == [1]
    again = client.post(
        url("household-plan", public_id),
        {"based_on": 0, "note": "Nog een keer", "items": [PLAN_ITEM]},
    )
    assert again.status_code == 409
    assert PlanVersion.objects.count() == 1


def test_a_refused_phase_change_gives_the_services_messages_and_changes_nothing(
    lokaal_team_medewerker: Persona, token_client: TokenClient, household: Household
) -> None:
    case = household.cases.get()
    response = token_client(lokaal_team_medewerker).post(
        url("household-phase-change", household.public_id),
        {"to_phase": Phase.HERSTEL, "expected_version": case.version},
    )
    assert response.status_code == 400
    assert fields_of(response.json()) == {
        "to_phase",
        "reason",
        "safety_score",
        "children_said",
    }
    assert gettext("Say why the phase changes.") in messages_of(response.json())
    case.refresh_from_db()
    assert case.phase == Phase.DIRECTE_VEILIGHEID
    assert PhaseChange.objects.filter(case=case).count() == 1  # the opening


# ---- Access: the pages' rules ----------------------------------------------------


def test_another_organisations_household_is_404_and_changes_nothing(
    outsider: Persona,
    make_persona: Callable[..., Persona],
    lokaal_team_medewerker: Persona,
    token_client: TokenClient,
    household: Household,
) -> None:
    colleague = make_persona(
        Role.LOKAAL_TEAM_MEDEWERKER, lokaal_team_medewerker.organisation
    )
    case = household.cases.get()
    for persona in (outsider, colleague):
        client = token_client(persona)
        seq = _last_seq()
        assert client.get(url("household-detail", household.public_id)).status_code == (
            404
        )
        assert client.get(url("household-plan", household.public_id)).status_code == 404
        refused = client.post(
            url("household-phase-change", household.public_id),
            {
                "to_phase": Phase.STABIELE_VEILIGHEID,
                "reason": "Poging.",
                "safety_score": 5,
                "children_said": "Niets.",
                "expected_version": case.version,
            },
        )
        assert refused.status_code == 404
        assert "Test (demo)" not in refused.content.decode()
        listed = client.get(url("household-list")).json()
        assert listed["count"] == 0
        # Only the attempts are audited (DENIED), nothing read or changed.
        actions = {event[0] for event in _events_since(seq)}
        assert actions <= {AuditAction.DENIED}
    case.refresh_from_db()
    assert case.phase == Phase.DIRECTE_VEILIGHEID


@pytest.mark.parametrize("role", ["gemeente_analist", "functioneel_beheerder"])
def test_a_role_without_households_gets_403(
    role: str,
    request: pytest.FixtureRequest,
    token_client: TokenClient,
    household: Household,
) -> None:
    client = token_client(request.getfixturevalue(role))
    assert client.get(url("household-list")).status_code == 403
    assert client.get(url("household-detail", household.public_id)).status_code == 403
    assert client.get(url("signal-list")).status_code == 403


def test_a_chain_partner_reads_without_the_reasons_and_may_not_write(
    professional: Persona,
    lokaal_team_medewerker: Persona,
    token_client: TokenClient,
    household: Household,
) -> None:
    case = household.cases.get()
    partner_add(
        actor=lokaal_team_medewerker.actor,
        case=case,
        kind="school",
        organisation=professional.organisation,
        contact_name="Juf Test",
        takes_on="Welzijn in de klas.",
    )
    client = token_client(professional)
    detail = client.get(url("household-detail", household.public_id))
    assert detail.status_code == 200
    assert detail.json()["level"] == "partner"
    assert detail.json()["can_edit"] is False
    opening = detail.json()["phase_changes"][0]
    assert opening["reason"] is None
    assert opening["children_said"] is None
    version = case.version
    refused = client.post(
        url("household-phase-change", household.public_id),
        {
            "to_phase": Phase.STABIELE_VEILIGHEID,
            "reason": "Poging.",
            "safety_score": 5,
            "children_said": "Niets.",
            "expected_version": version,
        },
    )
    assert refused.status_code == 403
    assert refused.json()["type"] == "https://kindveilig.nl/problemen/geen-toegang"
    case.refresh_from_db()
    assert (case.version, case.phase) == (version, Phase.DIRECTE_VEILIGHEID)


def test_only_the_lokaal_team_creates_households(
    professional: Persona, token_client: TokenClient
) -> None:
    response = token_client(professional).post(
        url("household-list"), {"label": "Huishouden (demo)"}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == gettext(
        "Households are created by the lokaal team."
    )
    assert not Household.objects.exists()


# ---- Audit and queries: as the pages -----------------------------------------------


def test_the_detail_writes_the_same_read_records_as_the_page(
    client: Client,
    login: Login,
    lokaal_team_medewerker: Persona,
    token_client: TokenClient,
    household: Household,
) -> None:
    member_add(
        actor=lokaal_team_medewerker.actor,
        household=household,
        data=PersonInput(given_name="Sam", family_name="Jansen", bsn=CHILD_BSN),
        role="child",
    )
    login(client, lokaal_team_medewerker)
    api_client = token_client(lokaal_team_medewerker)
    seq = _last_seq()
    page = client.get(
        reverse("households:household-detail", args=[household.public_id])
    )
    assert page.status_code == 200
    by_page = _events_since(seq)
    seq = _last_seq()
    api = api_client.get(url("household-detail", household.public_id))
    assert api.status_code == 200
    by_api = _events_since(seq)
    assert {event[0] for event in by_page} == {AuditAction.READ}
    assert any(event[1] is not None for event in by_page)  # per member
    assert by_api == by_page
    actors = AuditEvent.objects.filter(id__gt=seq).values_list(
        "actor_user_id", "actor_role"
    )
    assert set(actors) == {
        (lokaal_team_medewerker.user.pk, Role.LOKAAL_TEAM_MEDEWERKER.value)
    }


def test_the_household_list_query_count_does_not_grow(
    lokaal_team_medewerker: Persona,
    token_client: TokenClient,
    django_assert_max_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    me = lokaal_team_medewerker.actor
    client = token_client(lokaal_team_medewerker)
    for number in range(2):
        household_create(actor=me, label=f"Huishouden {number} (demo)")
    client.get(url("household-list"))  # the token's first use is written once

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url("household-list"))
        assert response.status_code == 200
        return len(captured.captured_queries)

    with_two = queries()
    for number in range(2, 12):
        household_create(actor=me, label=f"Huishouden {number} (demo)")
    with django_assert_max_num_queries(QUERY_BUDGET):
        listed = client.get(url("household-list")).json()
    assert listed["count"] == 12
    assert len(listed["results"]) == 12
    assert listed["_links"]["self"]["href"].endswith("?page=1")
    assert "next" not in listed["_links"]
    assert queries() == with_two


# ---- Handovers ------------------------------------------------------------------


def test_the_receiver_accepts_or_rejects_a_handover(
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
    jeugdbescherming: Organisation,
    token_client: TokenClient,
    household: Household,
) -> None:
    receiver = make_persona(Role.PROFESSIONAL, jeugdbescherming)
    case = household.cases.get()
    handover = handover_create_for_case(
        actor=lokaal_team_medewerker.actor,
        case=case,
        to_organisation=jeugdbescherming,
        note="Jeugdbescherming neemt de regie over (test).",
    )
    client = token_client(receiver)
    incoming = client.get(url("handover-list")).json()["incoming"]
    assert [h["public_id"] for h in incoming] == [str(handover.public_id)]

    # The sender may see it, not decide it: the service refuses (403).
    sender = token_client(lokaal_team_medewerker)
    refused = sender.post(url("handover-accept", handover.public_id), {})
    assert refused.status_code == 403
    assert refused.json()["detail"] == gettext(
        "Only the receiver can accept this handover."
    )

    no_reason = client.post(url("handover-reject", handover.public_id), {})
    assert no_reason.status_code == 400
    assert fields_of(no_reason.json()) == {"note"}
    handover.refresh_from_db()
    assert handover.status == HandoverStatus.PENDING

    accepted = client.post(url("handover-accept", handover.public_id), {"note": ""})
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == HandoverStatus.ACCEPTED
    case.refresh_from_db()
    assert case.responsible_organisation_id == jeugdbescherming.pk
    assert case.regievoerder_id == receiver.user.pk
    again = client.post(url("handover-reject", handover.public_id), {"note": "Nee."})
    assert again.status_code == 400
    assert Handover.objects.get().status == HandoverStatus.ACCEPTED


def test_the_regie_offers_withdraws_and_closes_through_the_api(
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
    jeugdbescherming: Organisation,
    token_client: TokenClient,
    household: Household,
) -> None:
    client = token_client(lokaal_team_medewerker)
    case = household.cases.get()
    offer = url("household-handover-offer", household.public_id)

    # Refusals change nothing: an unknown organisation, no note, one's own.
    unknown = client.post(offer, {"to_organisation": str(household.public_id)})
    assert unknown.status_code == 400
    assert fields_of(unknown.json()) == {"to_organisation"}
    no_note = client.post(offer, {"to_organisation": str(jeugdbescherming.public_id)})
    assert no_note.status_code == 400
    assert fields_of(no_note.json()) == {"note"}
    own = lokaal_team_medewerker.organisation.public_id
    assert (
        client.post(offer, {"to_organisation": str(own), "note": "x"}).status_code
        == 400
    )
    assert not Handover.objects.exists()

    offered = client.post(
        offer,
        {"to_organisation": str(jeugdbescherming.public_id), "note": "Over (test)."},
    )
    assert offered.status_code == 201, offered.content
    body = offered.json()
    assert body["to_organisation"] == str(jeugdbescherming.public_id)
    assert body["status"] == HandoverStatus.PENDING
    handover = Handover.objects.get()

    # A waiting handover blocks closing, as on the page (the service's message).
    case.refresh_from_db()
    close = url("household-case-close", household.public_id)
    blocked = client.post(
        close, {"reason": "Veilig.", "expected_version": case.version}
    )
    assert blocked.status_code == 400
    assert gettext(
        "A handover is waiting: withdraw it before closing the case."
    ) in messages_of(blocked.json())

    # Only the sender withdraws; the receiver may not.
    receiver = token_client(make_persona(Role.PROFESSIONAL, jeugdbescherming))
    assert (
        receiver.post(url("handover-withdraw", handover.public_id)).status_code == 403
    )
    withdrawn = client.post(url("handover-withdraw", handover.public_id))
    assert withdrawn.status_code == 200, withdrawn.content
    assert withdrawn.json()["status"] == HandoverStatus.WITHDRAWN

    case.refresh_from_db()
    stale = client.post(
        close, {"reason": "Veilig.", "expected_version": case.version + 1}
    )
    assert stale.status_code == 409
    case.refresh_from_db()
    assert case.closed_at is None
    closed = client.post(
        close, {"reason": "Veilig (test).", "expected_version": case.version}
    )
    assert closed.status_code == 200, closed.content
    case.refresh_from_db()
    assert case.closed_at is not None


# ---- Verwijsindex signals -------------------------------------------------------------


def test_registering_a_signal_answers_as_the_page_and_never_reveals_a_match(
    lokaal_team_medewerker: Persona,
    outsider: Persona,
    client: Client,
    login: Login,
    token_client: TokenClient,
) -> None:
    # Another organisation is already involved with this child.
    signal_register_for_child(
        actor=outsider.actor,
        data=ChildSignalInput(given_name="Sam", family_name="Jansen", bsn=CHILD_BSN),
    )
    api = token_client(lokaal_team_medewerker)
    response = api.post(
        url("signal-list"),
        {"given_name": "Sam", "family_name": "Jansen", "bsn": CHILD_BSN},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"signal", "message"}
    assert body["message"] == gettext(
        "The signal is registered. If another professional is involved "
        "with this child, you both hear it under Matches."
    )
    text = response.content.decode()
    assert CHILD_BSN not in text
    assert outsider.organisation.name not in text
    assert outsider.user.full_name not in text
    assert outsider.user.email not in text
    # The match was made (as on the page), and is read where the page shows it.
    assert MatchNotice.objects.filter(user=lokaal_team_medewerker.user).exists()
    matches = api.get(url("match-list")).json()
    assert matches["count"] == 1
    assert matches["results"][0]["other_organisation_name"] == (
        outsider.organisation.name
    )

    # The page says the same words.
    login(client, lokaal_team_medewerker)
    page = client.post(
        reverse("verwijsindex:signal-create"),
        {"given_name": "Sam", "family_name": "Jansen", "bsn": CHILD_BSN},
        follow=True,
    )
    assert body["message"] in page.content.decode()


def test_a_signal_with_an_invalid_bsn_is_refused_and_stores_nothing(
    lokaal_team_medewerker: Persona, token_client: TokenClient
) -> None:
    response = token_client(lokaal_team_medewerker).post(
        url("signal-list"),
        {"given_name": "Sam", "family_name": "Jansen", "bsn": "123456789"},
    )
    assert response.status_code == 400
    assert fields_of(response.json()) == {"bsn"}
    assert not Signal.objects.exists()


def test_the_own_signal_is_listed_and_ended(
    lokaal_team_medewerker: Persona, outsider: Persona, token_client: TokenClient
) -> None:
    signal = signal_register_for_child(
        actor=lokaal_team_medewerker.actor,
        data=ChildSignalInput(given_name="Sam", family_name="Jansen", bsn=CHILD_BSN),
    )
    client = token_client(lokaal_team_medewerker)
    listed = client.get(url("signal-list")).json()
    assert [s["public_id"] for s in listed["results"]] == [str(signal.public_id)]
    assert token_client(outsider).post(
        url("signal-end", signal.public_id)
    ).status_code == (404)
    ended = client.post(url("signal-end", signal.public_id))
    assert ended.status_code == 200
    assert ended.json()["status"] == "archived"
