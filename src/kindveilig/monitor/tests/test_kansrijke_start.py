"""The Kansrijke Start figures on a small world whose counts are known by hand.

Den Haag: a verloskundigenpraktijk, a kraamzorg organisation and a huisarts
(sector zorg) signal to the CJG (sector jgz). On 10 March 2026, 10:00:

- the midwives make 12 signals, all about finances and debt, 3 also about
  housing and 1 also about domestic violence; the CJG's first contact follows
  after 1, 2, 2, 3, 3, 4, 5, 7, 9 and 13 days (in March), one after 35 days (in
  April), and one has had none yet;
- kraamzorg makes 2 signals (psychosocial stress), one contacted after 6 days;
- the huisarts makes 1 (addiction), not contacted yet;
- in June 2025, a midwife signals, the CJG visits the same day and starts a
  meldcode trajectory from that contact moment (one click);
- the CJG records three interventions for the first family: VoorZorg started
  on 20 March, debt counselling on 25 March, parenting support offered but not
  started;
- the gemeente owns two warm referrals made on 20 March (debt help, done: help
  started; income support, open); a general action is not a referral.

Counted by hand, March:

- by source: verloskundigenpraktijk 12, kraamzorg 2 ("<5"), huisarts 1 ("<5");
  total 15;
- domains: finances 12, housing 3, domestic violence 1, psychosocial stress 2,
  addiction 1 (all but finances "<5");
- followed up: contacted 12, not yet 3 ("<5"): "contacted" is the only other
  value of the total, so it is hidden too ("×"), the total 15 shown;
- days to the first contact, at the CJG (jgz): 11 durations in March (1, 2, 2,
  3, 3, 4, 5, 6, 7, 9, 13 days), one in April (35 days): April "<5", so March
  and the first quarter are hidden ("×"; the year minus March gives April);
  the year shows 12 with a median of at most 4 and a 90th percentile of at
  most 13 days;
- June 2025: trajectories from a contact moment: 1 ("<5"), also "started" by
  Kansrijke Start;
- interventions started: VoorZorg 1, debt counselling 1 (at the CJG, jgz);
- warm referrals: help started 1, not done yet 1 (at the gemeente).
"""

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import UserFactory
from kindveilig.kansrijkestart import scenarios
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ActionOutcome,
    InterventionKind,
    StartSignal,
)
from kindveilig.kansrijkestart.models import VulnerabilityDomain as D
from kindveilig.kansrijkestart.services import contact_moment_start_trajectory
from kindveilig.monitor.models import (
    FigureStatus,
    MonitorCount,
    MonitorDurationBucket,
    MonitorFigure,
    PeriodKind,
)
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory, den_haag

from .kansrijke import first_contact, intervention, moment, referral, signal

pytestmark = [pytest.mark.django_db]

MARCH = dt.date(2026, 3, 1)
APRIL = dt.date(2026, 4, 1)
JUNE_2025 = dt.date(2025, 6, 1)
TODAY = dt.date(2026, 6, 15)
SIGNALLED = moment(dt.date(2026, 3, 10))
MIDWIFE_CONTACT_DAYS = [1, 2, 2, 3, 3, 4, 5, 7, 9, 13, 35, None]


def _org(name: str, org_type: str) -> Organisation:
    return OrganisationFactory.create(
        name=f"{name} (test)", type=org_type, municipality=den_haag()
    )


@pytest.fixture
def world(make_persona: Callable[..., Persona]) -> Organisation:
    cjg = _org("CJG", OrganisationType.CJG)
    nurse = make_persona(Role.PROFESSIONAL, cjg)
    signallers = {
        "midwife": _org("Verloskundigen", OrganisationType.VERLOSKUNDIGENPRAKTIJK),
        "kraamzorg": _org("Kraamzorg", OrganisationType.KRAAMZORG),
        "huisarts": _org("Huisarts", OrganisationType.HUISARTS),
    }
    by = UserFactory.create()
    made_first: list[StartSignal] = []

    def make(source: str, domains: list[str], days: int | None) -> None:
        made = signal(
            organisation=signallers[source],
            by=by,
            follow_up=cjg,
            at=SIGNALLED,
            domains=domains,
        )
        if days is not None:
            first_contact(made, nurse=nurse.user, days=days)
        made_first.append(made)

    for index, days in enumerate(MIDWIFE_CONTACT_DAYS):
        domains: list[str] = [D.FINANCES_DEBT]
        if index < 3:
            domains.append(D.HOUSING)
        if index == 3:
            domains.append(D.DOMESTIC_VIOLENCE)
        make("midwife", domains, days)
    make("kraamzorg", [D.PSYCHOSOCIAL_STRESS], 6)
    make("kraamzorg", [D.PSYCHOSOCIAL_STRESS], None)
    make("huisarts", [D.ADDICTION], None)
    first = made_first[0]
    for kind, started in (
        (InterventionKind.VOORZORG, dt.date(2026, 3, 20)),
        (InterventionKind.DEBT_COUNSELLING, dt.date(2026, 3, 25)),
        (InterventionKind.PARENTING_SUPPORT, None),
    ):
        intervention(
            first,
            kind=kind,
            by=nurse.user,
            offered=dt.date(2026, 3, 12),
            started=started,
        )
    gemeente = _org("Gemeente, schuldhulp", OrganisationType.GEMEENTE)
    officer = UserFactory.create()
    for action_kind, outcome in (
        (ActionKind.DEBT_HELP, ActionOutcome.HELP_STARTED),
        (ActionKind.INCOME_SUPPORT, ""),
        (ActionKind.GENERAL, ""),
    ):
        referral(
            first,
            owner=officer,
            owner_organisation=gemeente,
            at=moment(dt.date(2026, 3, 20)),
            kind=action_kind,
            outcome=outcome,
        )
    # In June 2025 (another year: its own cubes, so March's figures stay as
    # they are) a midwife's signal, the prenatal visit, and the one click.
    midwife = make_persona(Role.PROFESSIONAL, signallers["midwife"])
    with time_machine.travel(moment(dt.date(2025, 6, 10)), tick=False):
        made = scenarios.pregnancy_signal(midwife.actor, cjg)
        visit = scenarios.prenatal_visit(nurse.actor, made)
        contact_moment_start_trajectory(actor=nurse.actor, moment=visit)
    return cjg


def counts(measure: str, month: dt.date = MARCH) -> dict[str, int]:
    return dict(
        MonitorCount.objects.filter(month=month, measure=measure).values_list(
            "dimension", "count"
        )
    )


def figure(measure: str, dimension: str = "", month: dt.date = MARCH) -> MonitorFigure:
    return MonitorFigure.objects.get(
        period_kind=PeriodKind.MONTH,
        period_start=month,
        measure=measure,
        dimension=dimension,
        municipality=den_haag(),
        sector="",
    )


def figure_of(
    kind: str, start: dt.date, measure: str = "ks_contact_days"
) -> MonitorFigure:
    return MonitorFigure.objects.get(
        period_kind=kind,
        period_start=start,
        measure=measure,
        dimension="",
        municipality=den_haag(),
        sector="",
    )


def test_the_kansrijke_start_counts_match_the_hand_computed_world(
    world: Organisation,
) -> None:
    monitor_refresh(today=TODAY)
    assert counts("ks_signal_source") == {
        "verloskundigenpraktijk": 12,
        "kraamzorg": 2,
        "huisarts": 1,
    }
    assert counts("ks_signal_domain") == {
        "finances_debt": 12,
        "housing": 3,
        "domestic_violence": 1,
        "psychosocial_stress": 2,
        "addiction": 1,
    }
    assert counts("ks_followed_up") == {"contacted": 12, "not_yet": 3}
    assert counts("ks_followed_up", APRIL) == {}
    assert counts("ks_contact_days") == {"": 11}
    assert counts("ks_contact_days", APRIL) == {"": 1}
    assert counts("ks_trajectory") == {}
    assert counts("ks_trajectory", JUNE_2025) == {"": 1}
    assert counts("started", JUNE_2025) == {"kansrijke_start": 1}
    assert counts("ks_intervention") == {"voorzorg": 1, "debt_counselling": 1}
    assert counts("ks_referral") == {"help_started": 1, "open": 1}
    assert set(
        MonitorCount.objects.filter(measure="ks_referral").values_list(
            "sector", flat=True
        )
    ) == {"gemeente"}
    # The signals in sector zorg, the days to the first contact at the CJG (jgz).
    assert set(
        MonitorCount.objects.filter(measure="ks_signal_source").values_list(
            "sector", flat=True
        )
    ) == {"zorg"}
    assert set(
        MonitorCount.objects.filter(measure="ks_contact_days").values_list(
            "sector", flat=True
        )
    ) == {"jgz"}
    assert dict(
        MonitorDurationBucket.objects.filter(
            month=MARCH, measure="ks_contact_days"
        ).values_list("bucket", "count")
    ) == {1: 1, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1, 9: 1, 13: 1}


def test_the_published_figures_hide_small_counts_and_what_gives_them_away(
    world: Organisation,
) -> None:
    monitor_refresh(today=TODAY)
    assert figure("ks_signal_source").value == 15
    assert figure("ks_signal_source", "verloskundigenpraktijk").value == 12
    for small in ("kraamzorg", "huisarts"):
        shown = figure("ks_signal_source", small)
        assert (shown.value, shown.status) == (None, FigureStatus.SMALL)
    # "Not yet" is 3: shown as "<5"; "contacted" would give it away (15 - 12).
    not_yet = figure("ks_followed_up", "not_yet")
    assert (not_yet.value, not_yet.status) == (None, FigureStatus.SMALL)
    contacted = figure("ks_followed_up", "contacted")
    assert (contacted.value, contacted.status) == (None, FigureStatus.PROTECTED)
    assert figure("ks_followed_up").value == 15
    # One duration in April: "<5", so its quarter too; March would give it
    # away (the year minus March), so March and the first quarter are hidden.
    april = figure("ks_contact_days", month=APRIL)
    assert (april.value, april.status, april.p50) == (None, FigureStatus.SMALL, None)
    for hidden in (
        figure("ks_contact_days"),
        figure_of("quarter", MARCH.replace(month=1)),
    ):
        assert (hidden.value, hidden.status, hidden.p50) == (
            None,
            FigureStatus.PROTECTED,
            None,
        )
    # The year: twelve durations, median at most 4 days, 90th percentile 13.
    year = figure_of("year", dt.date(2026, 1, 1))
    assert (year.value, year.p50, year.p90) == (12, 4, 13)
    one = figure("ks_trajectory", month=JUNE_2025)
    assert (one.value, one.status) == (None, FigureStatus.SMALL)
    # Nothing of a signal, a person or a contact in the published table.
    assert not MonitorFigure.objects.filter(
        measure__startswith="ks_", dimension__contains="-"
    ).exists()
