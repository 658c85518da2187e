"""The chain pages: who may use them, what they show, and query budgets."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis, Share
from kindveilig.meldcode.services import share_create
from kindveilig.verwijsindex.models import MatchNotice, Signal, SignalStatus
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

BSN = "111222333"
PAGES = [
    "verwijsindex:share-list",
    "verwijsindex:match-list",
    "verwijsindex:signal-list",
    "verwijsindex:signal-create",
]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("professional", 200),
        ("aandachtsfunctionaris", 200),
        ("lokaal_team_medewerker", 200),
        ("outsider", 200),
        ("gemeente_analist", 403),
        ("functioneel_beheerder", 403),
    ],
)
def test_case_workers_use_the_chain_pages(
    persona: str,
    status: int,
    request: pytest.FixtureRequest,
    client: Client,
    login: Login,
) -> None:
    login(client, request.getfixturevalue(persona))
    for page in PAGES:
        assert client.get(reverse(page)).status_code == status, page


def test_a_signal_through_the_page_matches_and_shows_for_both(
    client: Client, login: Login, professional: Persona, jgz_nurse: Persona
) -> None:
    scenarios.start(professional.actor, bsn=BSN)
    login(client, jgz_nurse)
    response = client.post(
        reverse("verwijsindex:signal-create"),
        {
            "given_name": "Sam",
            "family_name": "Proef",
            "bsn": BSN,
            "contact_phone": "070-1234567",
            "parents_informed": "on",
        },
    )
    assert response.status_code == 302
    mine = client.get(reverse("verwijsindex:match-list")).content.decode()
    assert professional.user.full_name in mine
    assert professional.organisation.name in mine
    client.logout()
    login(client, professional)
    theirs = client.get(reverse("verwijsindex:match-list")).content.decode()
    assert jgz_nurse.user.full_name in theirs
    assert "070-1234567" in theirs
    assert "Sam (demo) Voorbeeldmans" in theirs  # the teacher's own record of the child
    client.post(reverse("verwijsindex:match-list"))
    assert not MatchNotice.objects.filter(
        user=professional.user, seen_at__isnull=True
    ).exists()


def test_an_invalid_bsn_is_refused_next_to_the_field(
    client: Client, login: Login, professional: Persona
) -> None:
    login(client, professional)
    response = client.post(
        reverse("verwijsindex:signal-create"),
        {"given_name": "Sam", "family_name": "Proef", "bsn": "123456789"},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Signal.objects.exists()


def test_sharing_and_revoking_through_the_pages(
    client: Client, login: Login, professional: Persona, lokaal_team_medewerker: Persona
) -> None:
    trajectory = scenarios.start(professional.actor)
    login(client, professional)
    page = reverse("verwijsindex:share-create", args=[trajectory.public_id])
    response = client.post(
        page,
        {
            "to_organisation": lokaal_team_medewerker.organisation.pk,
            "legal_basis": LegalBasis.CONSENT_PARENTS,
            "consent_given_by": "Moeder",
            "consent_given_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    share = Share.objects.get()
    client.logout()
    login(client, lokaal_team_medewerker)
    received = client.get(reverse("verwijsindex:share-list")).content.decode()
    assert "Sam (demo) Voorbeeldmans" in received
    assert "?traject=" in received  # the lokaal team can start a household from it
    client.logout()
    login(client, professional)
    client.post(reverse("verwijsindex:share-revoke", args=[share.public_id]))
    share.refresh_from_db()
    assert share.revoked_at is not None


def test_only_who_acts_on_a_trajectory_opens_its_share_page(
    client: Client,
    login: Login,
    professional: Persona,
    lokaal_team_medewerker: Persona,
    outsider: Persona,
) -> None:
    prof = professional.actor
    trajectory = scenarios.start(prof)
    share_create(
        actor=prof,
        trajectory=trajectory,
        to_organisation=lokaal_team_medewerker.organisation,
        legal_basis=LegalBasis.MELDRECHT,
        reason="Noodzakelijk voor de veiligheid.",
    )
    page = reverse("verwijsindex:share-create", args=[trajectory.public_id])
    login(client, lokaal_team_medewerker)
    assert client.get(page).status_code == 403  # reads, may not share on
    client.logout()
    login(client, outsider)
    assert client.get(page).status_code == 404


def test_ending_a_signal(client: Client, login: Login, professional: Persona) -> None:
    signal = signal_register_for_child(
        actor=professional.actor,
        data=ChildSignalInput(given_name="Sam", family_name="Proef", bsn=BSN),
    )
    login(client, professional)
    client.post(reverse("verwijsindex:signal-end", args=[signal.public_id]))
    signal.refresh_from_db()
    assert signal.status == SignalStatus.ARCHIVED


def _many_matches(nurse: Actor, teachers: list[Actor], count: int, offset: int) -> None:
    import random

    from kindveilig.demo.builders import demo_bsn

    rng = random.Random(offset)  # test data
    for index in range(count):
        bsn = demo_bsn(rng)
        for teacher in teachers:
            signal_register_for_child(
                actor=teacher,
                data=ChildSignalInput(
                    given_name=f"K{index}", family_name="Proef", bsn=bsn
                ),
            )
        signal_register_for_child(
            actor=nurse,
            data=ChildSignalInput(given_name=f"K{index}", family_name="Proef", bsn=bsn),
        )


def test_the_list_pages_have_a_query_budget(
    client: Client,
    login: Login,
    professional: Persona,
    jgz_nurse: Persona,
    lokaal_team_medewerker: Persona,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    nurse = jgz_nurse.actor
    prof = professional.actor
    lt = lokaal_team_medewerker.actor

    def share_some(count: int) -> None:
        for _ in range(count):
            share_create(
                actor=prof,
                trajectory=scenarios.start(prof),
                to_organisation=lt.organisation,
                legal_basis=LegalBasis.MELDRECHT,
                reason="Noodzakelijk.",
            )

    _many_matches(nurse, [prof], 2, offset=1)
    share_some(2)
    budgets = {}
    for persona, page in (
        (jgz_nurse, "verwijsindex:match-list"),
        (jgz_nurse, "verwijsindex:signal-list"),
        (lokaal_team_medewerker, "verwijsindex:share-list"),
    ):
        login(client, persona)
        client.get(reverse(page))
        with django_assert_max_num_queries(25) as few:  # type: ignore[operator]
            client.get(reverse(page))
        budgets[page] = len(few.captured_queries)  # type: ignore[union-attr]
        client.logout()
    _many_matches(nurse, [prof], 10, offset=2)
    share_some(10)
    for persona, page in (
        (jgz_nurse, "verwijsindex:match-list"),
        (jgz_nurse, "verwijsindex:signal-list"),
        (lokaal_team_medewerker, "verwijsindex:share-list"),
    ):
        login(client, persona)
        client.get(reverse(page))  # as above: the first request renews the session
        with django_assert_max_num_queries(budgets[page]):  # type: ignore[operator]
            assert client.get(reverse(page)).status_code == 200
        client.logout()
