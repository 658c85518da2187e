"""Mijn werk on the start page: per role what waits, as a count and a link to
the page where it is done; nothing waiting says so; a fixed query ceiling."""

import datetime as dt
import re
from collections.abc import Callable

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

import pytest
from conftest import Persona, login_as

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.households.services import (
    handover_create_for_case,
    household_create_from_trajectory,
)
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis, Trajectory
from kindveilig.meldcode.services import decision_propose, share_create
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.readiness.tests.factories import add_vog, designate
from kindveilig.verwijsindex.services import signal_register
from kindveilig.youth.messages.models import (
    AnswerTemplate,
    DangerPattern,
    PublicChannel,
)
from kindveilig.youth.messages.seed_data import (
    seed_answer_templates,
    seed_danger_patterns,
)
from kindveilig.youth.messages.services import conversation_start

pytestmark = pytest.mark.django_db

# Whatever the number of rows behind the counts (docs/decisions.md, "Mijn werk").
# One query for all the Counted items (portal.work) and one for the first
# trajectory when a single row waits; the items counted in Python (meldplicht,
# step deadlines) and the notifications; the session and the actor.
QUERY_CEILING = 14
ITEM_RE = re.compile(
    r'<li class="utrecht-unordered-list__item"><a [^>]*href="([^"]+)">([^<]+)</a>'
)


def my_work(client: Client, persona: Persona) -> dict[str, str]:
    """The start page's items as {text: link}."""
    login_as(client, persona)
    html = client.get(reverse("portal:home")).content.decode()
    section = html[html.index('id="mijn-werk"') : html.index("</section>")]
    return {text: href for href, text in ITEM_RE.findall(section)}


def propose(actor: Actor, trajectory: Trajectory) -> None:
    trajectory.refresh_from_db()
    decision_propose(
        actor=actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel.",
            help_possible=False,
            help_rationale="Eerst veiligheid via Veilig Thuis.",
        ),
        expected_version=trajectory.version,
    )


def overdue(*trajectories: Trajectory) -> None:
    Trajectory.objects.filter(pk__in=[t.pk for t in trajectories]).update(
        step_started_at=timezone.now() - dt.timedelta(days=30)
    )


def cosign_label(count: int) -> str:
    return ngettext(
        "%(count)s decision waits for your co-signature",
        "%(count)s decisions wait for your co-signature",
        count,
    ) % {"count": count}


def test_nothing_waiting_says_so(
    client: Client, professional: Persona, gemeente_analist: Persona
) -> None:
    for persona in (professional, gemeente_analist):
        login_as(client, persona)
        html = client.get(reverse("portal:home")).content.decode()
        assert "Er wacht nu niets op u." in html
        assert 'data-testid="my-work"' not in html


def test_a_decision_waits_for_the_aandachtsfunctionaris_with_its_cosign_page(
    client: Client,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    outsider: Persona,
) -> None:
    trajectory = scenarios.at_step_5_melden(professional.actor)
    propose(professional.actor, trajectory)
    cosign = reverse("meldcode:decision-cosign", args=[trajectory.public_id])
    assert my_work(client, aandachtsfunctionaris) == {
        "1 besluit wacht op uw medeondertekening": cosign
    }
    assert cosign_label(1) not in my_work(client, professional)
    assert my_work(client, outsider) == {}


def test_several_decisions_lead_to_the_trajectories(
    client: Client, professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    for _ in range(2):
        propose(professional.actor, scenarios.at_step_5_melden(professional.actor))
    work = my_work(client, aandachtsfunctionaris)
    assert work[cosign_label(2)] == reverse("meldcode:trajectory-list")


def test_overdue_steps_for_the_owner_and_the_aandachtsfunctionaris(
    client: Client,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    organisation: Organisation,
) -> None:
    colleague = make_persona(Role.PROFESSIONAL, organisation)
    mine = scenarios.start(professional.actor)
    theirs = scenarios.start(colleague.actor)
    scenarios.start(professional.actor)  # not due yet
    overdue(mine, theirs)

    def label(count: int) -> str:
        return ngettext(
            "%(count)s meldcode step is due today or overdue",
            "%(count)s meldcode steps are due today or overdue",
            count,
        ) % {"count": count}

    assert my_work(client, professional) == {
        label(1): reverse("meldcode:trajectory-list")
    }
    assert my_work(client, aandachtsfunctionaris) == {
        label(2): reverse("meldcode:deadlines")
    }


def test_a_handover_waits_for_the_receiving_organisation(
    client: Client,
    professional: Persona,
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
) -> None:
    lt = lokaal_team_medewerker.actor
    trajectory = scenarios.at_step_2(professional.actor, bsn="111222333")
    share_create(
        actor=professional.actor,
        trajectory=trajectory,
        to_organisation=lt.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=trajectory.created_at.date(),
    )
    household = household_create_from_trajectory(actor=lt, trajectory=trajectory)
    jb = OrganisationFactory.create(type=OrganisationType.JEUGDBESCHERMING)
    receiver = make_persona(Role.PROFESSIONAL, jb)
    handover_create_for_case(
        actor=lt, case=household.cases.get(), to_organisation=jb, note="OTS."
    )
    label = ngettext(
        "%(count)s handover waits for your answer",
        "%(count)s handovers wait for your answer",
        1,
    ) % {"count": 1}
    assert my_work(client, receiver) == {label: reverse("households:handover-list")}
    assert label not in my_work(client, lokaal_team_medewerker)


def test_a_match_and_a_share_wait_for_the_professionals(
    client: Client,
    professional: Persona,
    lokaal_team_medewerker: Persona,
    make_persona: Callable[..., Persona],
) -> None:
    trajectory = scenarios.start(professional.actor, bsn="111222333")
    nurse = make_persona(
        Role.PROFESSIONAL, OrganisationFactory.create(type=OrganisationType.JGZ)
    )
    signal_register(actor=nurse.actor, person=trajectory.children.get().person)
    share_create(
        actor=professional.actor,
        trajectory=trajectory,
        to_organisation=lokaal_team_medewerker.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=trajectory.created_at.date(),
    )
    match = ngettext(
        "%(count)s new match in the Verwijsindex",
        "%(count)s new matches in the Verwijsindex",
        1,
    ) % {"count": 1}
    shared = ngettext(
        "%(count)s trajectory shared with you in the last two weeks",
        "%(count)s trajectories shared with you in the last two weeks",
        1,
    ) % {"count": 1}
    assert my_work(client, professional) == {match: reverse("verwijsindex:match-list")}
    assert my_work(client, lokaal_team_medewerker) == {
        shared: reverse("verwijsindex:share-list")
    }


@pytest.fixture
def channel(organisation: Organisation) -> PublicChannel:
    cache.clear()
    seed_danger_patterns(DangerPattern)
    seed_answer_templates(AnswerTemplate)
    return PublicChannel.objects.create(
        organisation=organisation, public_code="PROEF", display_name="De Proef"
    )


def test_an_urgent_message_waits_for_the_aandachtsfunctionaris(
    client: Client,
    channel: PublicChannel,
    aandachtsfunctionaris: Persona,
    professional: Persona,
) -> None:
    conversation_start(channel=channel, body="ik wil dood")
    conversation_start(channel=channel, body="hoi")  # not urgent
    label = ngettext(
        "%(count)s urgent message from a child waits for an answer",
        "%(count)s urgent messages from children wait for an answer",
        1,
    ) % {"count": 1}
    assert my_work(client, aandachtsfunctionaris) == {
        label: reverse("youthstaff:inbox")
    }
    assert my_work(client, professional) == {}


def test_an_expiring_qualification_for_the_managers(
    client: Client,
    aandachtsfunctionaris: Persona,
    functioneel_beheerder: Persona,
    professional: Persona,
    organisation: Organisation,
) -> None:
    beheer = functioneel_beheerder.actor
    today = timezone.localdate()
    designation = designate(beheer, aandachtsfunctionaris.user, since=today)
    add_vog(beheer, designation, today - dt.timedelta(days=2 * 365 - 30))
    label = ngettext(
        "%(count)s qualification has expired or expires within 90 days",
        "%(count)s qualifications have expired or expire within 90 days",
        1,
    ) % {"count": 1}
    for persona in (aandachtsfunctionaris, functioneel_beheerder):
        assert my_work(client, persona) == {label: reverse("readiness:readiness")}
    assert my_work(client, professional) == {}
    # Renewed: the old VOG no longer counts.
    add_vog(beheer, designation, today)
    assert my_work(client, functioneel_beheerder) == {}


@pytest.mark.parametrize("rows", [1, 20])
def test_the_start_page_stays_under_a_fixed_query_ceiling(
    rows: int,
    client: Client,
    professional: Persona,
    aandachtsfunctionaris: Persona,
    functioneel_beheerder: Persona,
    channel: PublicChannel,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    prof = professional.actor
    trajectories = [scenarios.at_step_5_melden(prof) for _ in range(rows)]
    for trajectory in trajectories:
        propose(prof, trajectory)
    overdue(*trajectories)
    for _ in range(rows):
        conversation_start(channel=channel, body="ik wil dood")
    designation = designate(
        functioneel_beheerder.actor,
        aandachtsfunctionaris.user,
        since=timezone.localdate(),
    )
    add_vog(
        functioneel_beheerder.actor,
        designation,
        timezone.localdate() - dt.timedelta(days=2 * 365 - 30),
    )
    login_as(client, aandachtsfunctionaris)
    with django_assert_max_num_queries(QUERY_CEILING):  # type: ignore[operator]
        html = client.get(reverse("portal:home")).content.decode()
    assert cosign_label(rows) in html
    assert html.count('class="utrecht-unordered-list__item"') == 4
