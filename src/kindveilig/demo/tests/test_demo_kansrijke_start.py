"""The demo's Kansrijke Start: a midwife's signal through the prenatal visit and
the coalition's consultation to a debt referral with its outcome; a contact
moment that became a meldcode trajectory; a refusal, never on an agenda."""

import pytest

from kindveilig.demo.builders import DEMO_DOMAIN
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    AgendaItem,
    ConsentStatus,
    ContactKind,
    FollowUpAction,
    Intervention,
    InterventionKind,
    StartSignal,
)
from kindveilig.meldcode.models.choices import Origin
from kindveilig.monitor.models import MonitorCount

pytestmark = [pytest.mark.django_db]


def test_the_demo_walks_a_vulnerable_pregnancy_to_a_debt_referral(demo: None) -> None:
    signals = StartSignal.objects.filter(
        organisation__external_code="DEMO-VK-01"
    ).order_by("pk")
    assert signals.count() == 3
    first, into_meldcode, refused = signals
    assert first.created_by.email == f"verloskundige@{DEMO_DOMAIN}"
    assert first.consent == ConsentStatus.GIVEN
    visit = first.contact_moments.get()
    assert visit.kind == ContactKind.PRENATAL_HOME_VISIT
    assert visit.recorded_by.email == f"cjg@{DEMO_DOMAIN}"
    assert first.first_contact_at is not None
    item = AgendaItem.objects.get(signal=first)
    assert item.decisions
    assert item.meeting.chair.email == f"wijkteam@{DEMO_DOMAIN}"
    referral = FollowUpAction.objects.get(signal=first, kind=ActionKind.DEBT_HELP)
    assert referral.owner.email == f"schuldhulp@{DEMO_DOMAIN}"
    assert referral.outcome == ActionOutcome.HELP_STARTED
    # An action on a colleague's Mijn werk: the midwife's, still open.
    mine = FollowUpAction.objects.get(signal=first, kind=ActionKind.GENERAL)
    assert (mine.owner.email, mine.done_at) == (f"verloskundige@{DEMO_DOMAIN}", None)
    assert Intervention.objects.get(
        signal=first, kind=InterventionKind.VOORZORG
    ).started_on

    moment = into_meldcode.contact_moments.get()
    assert moment.trajectory is not None
    assert moment.trajectory.origin == Origin.KANSRIJKE_START
    assert moment.parent_words[:40] in moment.trajectory.worry  # carried over

    assert refused.consent == ConsentStatus.REFUSED
    assert refused.consent_words
    assert not AgendaItem.objects.filter(signal=refused).exists()
    assert not FollowUpAction.objects.filter(signal=refused).exists()


def test_the_demo_monitor_counts_kansrijke_start(demo: None) -> None:
    assert MonitorCount.objects.filter(
        measure="ks_signal_source", dimension="verloskundigenpraktijk"
    ).exists()
    assert MonitorCount.objects.filter(measure="ks_trajectory").exists()
    assert MonitorCount.objects.filter(
        measure="ks_referral", dimension="help_started"
    ).exists()
