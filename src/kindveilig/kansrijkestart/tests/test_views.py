"""The Kansrijke Start pages: who may use them, what they show, the audit of
reads, and query budgets."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart import scenarios, selectors
from kindveilig.kansrijkestart.models import (
    ConsentStatus,
    ContactMoment,
    SignalStatus,
    StartSignal,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]


def _signal_post(jgz: Organisation, **changes: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "parent_given_name": "Fatima",
        "parent_family_name": "El Amrani",
        "phase": "pregnancy",
        "expected_date": (timezone.localdate() + dt.timedelta(days=80)).isoformat(),
        "domains": ["finances_debt", "psychosocial_stress"],
        "concern": "Veel stress door schulden, slaapt slecht.",
        "parent_wishes": "Rust in het hoofd.",
        "consent": "given",
        "consent_words": "",
        "follow_up_organisation": str(jgz.pk),
    }
    data.update(changes)
    return data


def test_the_midwife_signals_through_the_form(
    client: Client, login: Login, midwife: Persona, jgz: Organisation
) -> None:
    login(client, midwife)
    assert client.get(reverse("kansrijkestart:signal-create")).status_code == 200
    response = client.post(reverse("kansrijkestart:signal-create"), _signal_post(jgz))
    signal = StartSignal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "kansrijkestart:signal-detail", args=[signal.public_id]
    )
    assert signal.domains == ["finances_debt", "psychosocial_stress"]
    page = client.get(reverse("kansrijkestart:signal-list")).content.decode()
    assert "Fatima El Amrani" in page


def test_a_refused_form_keeps_what_was_typed_and_says_why_in_dutch(
    client: Client, login: Login, midwife: Persona, jgz: Organisation
) -> None:
    login(client, midwife)
    response = client.post(
        reverse("kansrijkestart:signal-create"), _signal_post(jgz, consent="refused")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Veel stress door schulden, slaapt slecht." in body
    assert _("The parent does not consent: write down what the parent said.") in body
    assert not StartSignal.objects.exists()


@pytest.mark.parametrize(
    ("kind", "role", "status"),
    [
        (OrganisationType.PRIMARY_SCHOOL, Role.PROFESSIONAL, 403),
        (OrganisationType.VERLOSKUNDIGENPRAKTIJK, Role.GEMEENTE_ANALIST, 403),
        (OrganisationType.KRAAMZORG, Role.PROFESSIONAL, 200),
    ],
)
def test_who_may_open_the_signal_form(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    kind: str,
    role: Role,
    status: int,
) -> None:
    login(client, make_persona(role, OrganisationFactory.create(type=kind)))
    response = client.get(reverse("kansrijkestart:signal-create"))
    assert response.status_code == status


def test_the_follow_up_list_is_for_the_jgz_only(
    client: Client, login: Login, midwife: Persona, nurse: Persona, signal: StartSignal
) -> None:
    login(client, midwife)
    assert client.get(reverse("kansrijkestart:follow-up-list")).status_code == 403
    login(client, nurse)
    response = client.get(reverse("kansrijkestart:follow-up-list"))
    assert response.status_code == 200
    assert "Sanne Jansen" in response.content.decode()


def test_the_nurse_sees_a_waiting_signal_on_mijn_werk_and_in_the_menu(
    client: Client, login: Login, nurse: Persona, signal: StartSignal
) -> None:
    login(client, nurse)
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("kansrijkestart:follow-up-list") in body
    label = _("%(count)s Kansrijke Start family waits for a first contact") % {
        "count": 1
    }
    assert label in body
    scenarios.prenatal_visit(nurse.actor, signal)
    body = client.get(reverse("portal:home")).content.decode()
    assert label not in body


def test_another_jgz_gets_404_and_the_attempt_is_logged(
    client: Client,
    login: Login,
    nurse: Persona,
    other_nurse: Persona,
    signal: StartSignal,
) -> None:
    moment = scenarios.prenatal_visit(nurse.actor, signal)
    login(client, other_nurse)
    urls = [
        reverse("kansrijkestart:signal-detail", args=[signal.public_id]),
        reverse("kansrijkestart:contact-add", args=[signal.public_id]),
        reverse("kansrijkestart:signal-close", args=[signal.public_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    url = reverse("kansrijkestart:moment-trajectory", args=[moment.public_id])
    assert client.post(url).status_code == 404
    assert not Trajectory.objects.exists()
    assert AuditEvent.objects.filter(
        actor_user=other_nurse.user, object_id=str(signal.public_id)
    ).exists()


def test_a_role_outside_the_rule_gets_403(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    jgz: Organisation,
    signal: StartSignal,
) -> None:
    login(client, make_persona(Role.FUNCTIONEEL_BEHEERDER, jgz))
    url = reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    assert client.get(url).status_code == 403


def test_reading_a_signal_is_audited_per_person(
    client: Client, login: Login, nurse: Persona, signal: StartSignal
) -> None:
    login(client, nurse)
    url = reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    assert client.get(url).status_code == 200
    reads = AuditEvent.objects.filter(
        action=AuditAction.READ,
        actor_user=nurse.user,
        object_id=str(signal.public_id),
    )
    assert list(reads.values_list("person_id", flat=True)) == [signal.parent.public_id]


def test_the_signaller_sees_the_status_but_not_the_jgz_record(
    client: Client, login: Login, midwife: Persona, nurse: Persona, signal: StartSignal
) -> None:
    scenarios.prenatal_visit(nurse.actor, signal)
    login(client, midwife)
    url = reverse("kansrijkestart:signal-detail", args=[signal.public_id])
    body = client.get(url).content.decode()
    assert str(SignalStatus.IN_FOLLOW_UP.label) in body
    assert scenarios.PARENT_WORDS not in body
    assert reverse("kansrijkestart:contact-add", args=[signal.public_id]) not in body


def test_a_refusal_shows_the_parents_words(
    client: Client, login: Login, nurse: Persona, refused_signal: StartSignal
) -> None:
    login(client, nurse)
    url = reverse("kansrijkestart:signal-detail", args=[refused_signal.public_id])
    body = client.get(url).content.decode()
    assert str(ConsentStatus.REFUSED.label) in body
    assert scenarios.REFUSAL_WORDS in body


def test_a_contact_moment_then_one_click_to_the_meldcode(
    client: Client, login: Login, nurse: Persona, signal: StartSignal
) -> None:
    login(client, nurse)
    response = client.post(
        reverse("kansrijkestart:contact-add", args=[signal.public_id]),
        {
            "kind": "prenatal_home_visit",
            "happened_on": timezone.localdate().isoformat(),
            "routine_question_asked": "on",
            "routine_answer": "violence_past",
            "parent_words": "Mijn ex sloeg me, nu woon ik alleen.",
            "child_observations": "",
            "went_well": "Goed contact.",
            "risk_factors": ["isolation"],
            "protective_factors": ["accepts_help"],
            "next_step": "meldcode",
            "next_step_note": "",
        },
    )
    assert response.status_code == 302
    moment = ContactMoment.objects.get()
    detail = client.get(response["Location"]).content.decode()
    assert "Mijn ex sloeg me, nu woon ik alleen." in detail
    url = reverse("kansrijkestart:moment-trajectory", args=[moment.public_id])
    assert client.get(url).status_code == 405
    response = client.post(url, {"forms_of_violence": ["witnessing"]})
    trajectory = Trajectory.objects.get()
    assert response["Location"] == reverse(
        "meldcode:trajectory-detail", args=[trajectory.public_id]
    )
    assert "Mijn ex sloeg me, nu woon ik alleen." in trajectory.worry
    page = client.get(response["Location"]).content.decode()
    assert "Mijn ex sloeg me, nu woon ik alleen." in page
    # A second click goes to the same trajectory.
    again = client.post(url, {"forms_of_violence": ["witnessing"]})
    assert again["Location"] == response["Location"]
    assert Trajectory.objects.count() == 1


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("persona", "page"),
    [
        ("nurse", "kansrijkestart:follow-up-list"),
        ("midwife", "kansrijkestart:signal-list"),
    ],
)
def test_the_lists_take_a_fixed_number_of_queries(
    client: Client,
    login: Login,
    midwife: Persona,
    nurse: Persona,
    jgz: Organisation,
    persona: str,
    page: str,
    request: pytest.FixtureRequest,
    django_assert_max_num_queries: Callable[..., Any],
) -> None:
    scenarios.pregnancy_signal(midwife.actor, jgz, family_name="Een")
    login(client, request.getfixturevalue(persona))
    url = reverse(page)
    few = _queries(client, url)
    for name in ["Twee", "Drie", "Vier", "Vijf", "Zes"]:
        signal = scenarios.pregnancy_signal(midwife.actor, jgz, family_name=name)
        scenarios.prenatal_visit(nurse.actor, signal)
    with django_assert_max_num_queries(few):
        client.get(url)


def test_the_lists_decrypt_only_what_they_show(
    midwife: Persona, nurse: Persona, jgz: Organisation
) -> None:
    """The concern, the parent's words and BSNs are not in the lists: they stay
    encrypted in the database instead of being decrypted for each of 50 rows."""
    scenarios.pregnancy_signal(midwife.actor, jgz)
    for page in [
        selectors.signal_follow_up_page_for(actor=nurse.actor, page_number=None),
        selectors.signal_own_page_for(actor=midwife.actor, page_number=None),
    ]:
        [signal] = page.object_list
        assert (
            set(selectors.LIST_DEFERRED)
            - {
                "parent__bsn",
                "parent__date_of_birth",
                "child__bsn",
            }
            <= signal.get_deferred_fields()
        )
        assert {"bsn", "date_of_birth"} <= signal.parent.get_deferred_fields()
        assert signal.parent.full_name == "Sanne Jansen"
