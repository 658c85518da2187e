"""The demo readiness data: every municipality of Haaglanden has organisations
with and without a trained aandachtsfunctionaris, and a year of history."""

from django.utils import timezone

import pytest

from kindveilig.accounts.models import Membership, User
from kindveilig.demo import builders, readiness_builders
from kindveilig.demo.builders import ensure_organisations, seed_demo
from kindveilig.demo.readiness_builders import ensure_readiness
from kindveilig.monitor.models import CoverageSnapshot
from kindveilig.monitor.selectors import trend_for
from kindveilig.organisations.models import Municipality, Organisation
from kindveilig.readiness.models import Qualification
from kindveilig.readiness.reminders import due_reminders
from kindveilig.readiness.selectors import coverage_counts

pytestmark = [pytest.mark.django_db]


def test_every_municipality_has_organisations_with_and_without_a_trained_af() -> None:
    seed_demo()  # builds the readiness data after the accounts and the rest
    organisations = ensure_organisations()
    again = ensure_readiness(organisations)
    assert again.organisations_built == 0  # idempotent: seed_demo built it already

    today = timezone.localdate()
    municipalities = Municipality.objects.filter(region__code="haaglanden")
    assert municipalities.count() == 9
    totals: dict[int, list[int]] = {m.pk: [0, 0] for m in municipalities}
    for count in coverage_counts(on=today):
        if count.municipality_id in totals:
            totals[count.municipality_id][0] += count.organisations
            totals[count.municipality_id][1] += count.with_trained_af
    for municipality in municipalities:
        organisations_here, trained = totals[municipality.pk]
        assert 0 < trained < organisations_here, municipality.name
    # Every demo name is marked as such.
    assert not Organisation.objects.exclude(name__contains="(demo)").exists()
    assert not Qualification.objects.exclude(
        person__full_name__contains="(demo)"
    ).exists()
    # A year of monthly figures, and something to remind about.
    den_haag = municipalities.get(name="Den Haag")
    assert len(trend_for(municipality_id=den_haag.pk, today=today)) == 12
    assert due_reminders(today=today)

    # Idempotent.
    def counts() -> tuple[int, ...]:
        return (
            CoverageSnapshot.objects.count(),
            Qualification.objects.count(),
            Organisation.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
        )

    before = counts()
    again = ensure_readiness(organisations)
    assert again.organisations_built == 0
    assert counts() == before


def test_the_demo_constants_match_the_builders() -> None:
    assert readiness_builders.DEMO_DOMAIN == builders.DEMO_DOMAIN
    assert readiness_builders.DEMO_PASSWORD == builders.DEMO_PASSWORD
