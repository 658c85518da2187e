"""The generator's first 1,000 days: signals at the documented rate, with their
contact moments, consultations, interventions and referrals as the services
leave them, fictitious and encrypted, in one valid audit chain."""

import pytest

from kindveilig.audit.selectors import audit_log_verify
from kindveilig.kansrijkestart.models import (
    AgendaItem,
    ConsentStatus,
    ContactKind,
    ContactMoment,
    FollowUpAction,
    Intervention,
    MeetingParticipant,
    SignalStatus,
    StartSignal,
)
from kindveilig.monitor.models import MonitorCount
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import JGZ_TYPES, OrganisationType
from kindveilig.scale import distributions as dist
from kindveilig.scale.generator import generate_population

pytestmark = [pytest.mark.django_db]

# One thousandth of the country (3,300 minors) over 20 years: 165 births a
# year, 10% of them signalled: 330 signals.
CHILDREN, YEARS = 3_300, 20
EXPECTED = round(
    dist.NATIONAL_BIRTHS_PER_YEAR
    * CHILDREN
    / dist.NATIONAL_MINORS
    * dist.KS_SIGNAL_SHARE
    * YEARS
)


@pytest.fixture
def population() -> None:
    result = generate_population(
        children=CHILDREN, trajectories=100, years=YEARS, chunk=40
    )
    assert result.counts["kansrijkestart.startsignal"] == StartSignal.objects.count()


@pytest.mark.usefixtures("population")
def test_signals_come_at_the_documented_rate_from_the_geboortezorg_and_others() -> None:
    assert EXPECTED == 330
    assert abs(StartSignal.objects.count() - EXPECTED) <= 1
    sources = set(StartSignal.objects.values_list("source_type", flat=True))
    assert OrganisationType.VERLOSKUNDIGENPRAKTIJK in sources
    assert sources <= {str(t) for t in dist.KS_SOURCES}
    follow_up = set(
        StartSignal.objects.values_list("follow_up_organisation__type", flat=True)
    )
    assert follow_up <= JGZ_TYPES
    statuses = set(StartSignal.objects.values_list("status", flat=True))
    assert statuses == set(SignalStatus.values)
    assert {ConsentStatus.GIVEN, ConsentStatus.REFUSED} == set(
        StartSignal.objects.values_list("consent", flat=True)
    )


@pytest.mark.usefixtures("population")
def test_the_records_are_consistent_encrypted_and_fictitious() -> None:
    for signal in StartSignal.objects.select_related("parent")[:50]:
        assert signal.concern  # decrypts with the configured key
        assert signal.parent.family_name.endswith("(synth.)")
        assert (signal.consent == ConsentStatus.REFUSED) == bool(signal.consent_words)
        moments = list(signal.contact_moments.order_by("happened_on", "pk"))
        assert bool(moments) == (signal.first_contact_at is not None)
        if moments:
            assert moments[0].happened_on == signal.first_contact_at.date()
            assert moments[0].parent_words
    assert ContactMoment.objects.filter(kind=ContactKind.PRENATAL_HOME_VISIT).exists()
    # Only families whose parent consented reach the coalition.
    assert AgendaItem.objects.exists()
    assert not AgendaItem.objects.exclude(signal__consent=ConsentStatus.GIVEN).exists()
    assert not FollowUpAction.objects.exclude(
        signal__consent=ConsentStatus.GIVEN
    ).exists()
    assert FollowUpAction.objects.filter(
        owner_organisation__type=OrganisationType.SCHULDHULPVERLENING
    ).exists()
    assert Intervention.objects.exclude(started_on=None).exists()
    for item in AgendaItem.objects.select_related("meeting"):
        assert MeetingParticipant.objects.filter(
            meeting=item.meeting, user=item.added_by
        ).exists()
    verification = audit_log_verify()
    assert verification.ok, verification.problems


@pytest.mark.usefixtures("population")
def test_the_monitor_counts_the_generated_signals() -> None:
    monitor_refresh(full=True)
    assert MonitorCount.objects.filter(measure="ks_signal_source").exists()
    assert MonitorCount.objects.filter(measure="ks_contact_days").exists()
