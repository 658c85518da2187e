"""The demo's people: a second school, an aandachtsfunctionaris per organisation
type, a receiver of handovers, and a GGZ with a kindcheck that started a trajectory."""

from io import StringIO

from django.core.management import call_command
from django.http import Http404

import pytest

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.demo.builders import DEMO_DOMAIN, DEMO_ORGANISATIONS
from kindveilig.households.models import Handover, HandoverStatus
from kindveilig.households.services.handovers import may_decide
from kindveilig.meldcode.kindcheck_selectors import kindcheck_counts_by_month
from kindveilig.meldcode.models import Kindcheck, Trajectory
from kindveilig.meldcode.models.choices import Origin
from kindveilig.meldcode.selectors import trajectory_get_for
from kindveilig.organisations.models import Municipality, Organisation, OrganisationType

pytestmark = [pytest.mark.django_db]


def actor(email: str, code: str) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=f"{email}@{DEMO_DOMAIN}", organisation__external_code=code
    )
    return Actor(user=membership.user, membership=membership)


def test_the_second_school_has_its_own_people_and_sees_only_its_own(
    demo: None,
) -> None:
    kompas = actor("aandacht-kompas", "DEMO-PO-02")
    regenboog = actor("aandacht", "DEMO-PO-01")
    assert actor("leerkracht-kompas", "DEMO-PO-02").role == Role.PROFESSIONAL
    own = Trajectory.objects.filter(organisation__external_code="DEMO-PO-02").first()
    other = Trajectory.objects.filter(organisation__external_code="DEMO-PO-01").first()
    assert own is not None
    assert other is not None
    assert trajectory_get_for(actor=kompas, public_id=own.public_id) == own
    with pytest.raises(Http404):
        trajectory_get_for(actor=kompas, public_id=other.public_id)
    with pytest.raises(Http404):
        trajectory_get_for(actor=regenboog, public_id=own.public_id)


def test_every_organisation_type_has_an_own_aandachtsfunctionaris_but_two(
    demo: None,
) -> None:
    # The demo's own organisations (the readiness demo adds others of its own).
    codes = [code for code, *_ in DEMO_ORGANISATIONS]
    types = set(
        Organisation.objects.filter(external_code__in=codes).values_list(
            "type", flat=True
        )
    )
    with_af = set(
        Membership.objects.filter(
            role=Role.AANDACHTSFUNCTIONARIS, organisation__external_code__in=codes
        ).values_list("organisation__type", flat=True)
    )
    # The sport club and the lokaal team get a municipal fallback later.
    assert with_af == types - {
        OrganisationType.SPORT_CULTURE_CLUB,
        OrganisationType.LOKAAL_TEAM,
    }


def test_someone_at_jeugdbescherming_can_accept_the_demo_handover(demo: None) -> None:
    receiver = actor("jeugdbescherming", "DEMO-JB-01")
    handover = Handover.objects.get(
        to_organisation=receiver.organisation, status=HandoverStatus.PENDING
    )
    assert may_decide(receiver, handover)


def test_the_ggz_has_a_kindcheck_with_a_worry_and_its_trajectory(demo: None) -> None:
    ggz = actor("ggz", "DEMO-GGZ-01")
    assert actor("aandacht-ggz", "DEMO-GGZ-01").role == Role.AANDACHTSFUNCTIONARIS
    worry = Kindcheck.objects.get(organisation=ggz.organisation, worry=True)
    assert worry.trajectory is not None
    assert worry.trajectory.origin == Origin.KINDCHECK
    assert worry.notes in worry.trajectory.kindcheck_notes
    assert worry.trajectory.owner == ggz.user
    counts = kindcheck_counts_by_month(organisation_ids=[ggz.organisation_id])
    assert sum(row.total for row in counts) == 3
    call_command("seed_demo", stdout=StringIO())
    assert Kindcheck.objects.filter(organisation=ggz.organisation).count() == 3


def test_every_demo_municipality_has_a_fallback_and_an_on_duty_organisation(
    demo: None,
) -> None:
    municipalities = Municipality.objects.filter(
        organisations__external_code__startswith="DEMO-"
    ).distinct()
    assert municipalities.exists()
    for municipality in municipalities:
        assert municipality.fallback_organisation is not None
        on_duty = municipality.youth_on_duty_organisation
        assert on_duty is not None
        assert on_duty.type == OrganisationType.VEILIG_THUIS
