"""The incremental refresh: a change counts again only the cells it touches,
and the tables it leaves are those a full rebuild writes.

Two schools, one in Den Haag and one in Delft (same sector), each with a
youth channel, and a lokaal team in Den Haag. Today is 15 June 2026: the
window runs from June 2025.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import MembershipFactory, UserFactory
from kindveilig.households.models import Phase
from kindveilig.households.services import (
    handover_accept,
    handover_create_for_case,
    household_create_from_trajectory,
    phase_change,
)
from kindveilig.kansrijkestart.models import FollowUpAction, Intervention, StartSignal
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import LegalBasis, Trajectory
from kindveilig.meldcode.models.choices import Outcome, Source, Status, Step
from kindveilig.meldcode.services import share_create, step_advance, trajectory_close
from kindveilig.meldcode.services.closing import closing_cosign, pending_closing
from kindveilig.meldcode.services.entries import ObservationInput, observation_add
from kindveilig.meldcode.services.trajectories import trajectory_report_acute
from kindveilig.monitor.models import (
    MonitorChange,
    MonitorCount,
    MonitorDurationBucket,
    MonitorFigure,
    MonitorFinal,
    MonitorRefresh,
    RefreshKind,
)
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory, den_haag
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.services import (
    conversation_escalate,
    conversation_misuse_mark,
    conversation_start,
    staff_answer,
)

from .dataset import delft
from .kansrijke import first_contact, intervention, moment, referral, signal

pytestmark = [pytest.mark.django_db]

TODAY = dt.date(2026, 6, 15)
MARCH = dt.date(2026, 3, 1)
BSNS = ["111222333", "123456782", "999990019"]


def at(day: dt.date, hour: int = 10) -> Any:
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return time_machine.travel(moment, tick=False)


@dataclass
class World:
    schools: dict[str, tuple[Actor, Actor]]  # key -> (professional, af)
    team: Actor
    channels: dict[str, PublicChannel]


@pytest.fixture
def world(make_persona: Callable[..., Persona]) -> World:
    schools: dict[str, tuple[Actor, Actor]] = {}
    channels = {}
    for key, municipality in (("haag", den_haag()), ("delft", delft())):
        school = OrganisationFactory.create(
            name=f"School {key} (test)",
            type=OrganisationType.PRIMARY_SCHOOL,
            municipality=municipality,
        )
        schools[key] = (
            make_persona(Role.PROFESSIONAL, school).actor,
            make_persona(Role.AANDACHTSFUNCTIONARIS, school).actor,
        )
        channels[key] = PublicChannel.objects.create(
            organisation=school, public_code=f"INCR{key.upper()}", display_name=key
        )
    team = OrganisationFactory.create(
        name="Lokaal team (test)",
        type=OrganisationType.LOKAAL_TEAM,
        municipality=den_haag(),
    )
    return World(
        schools=schools,
        team=make_persona(Role.LOKAAL_TEAM_MEDEWERKER, team).actor,
        channels=channels,
    )


COUNT = ("month", "municipality_id", "sector", "measure", "dimension", "count")
BUCKET = (*COUNT[:-1], "bucket", "count")
FIGURE = (
    *("region_id", "period_kind", "period_start", "municipality_id", "sector"),
    *("measure", "dimension", "value", "status", "p50", "p90"),
)


def tables() -> tuple[Counter[tuple[object, ...]], ...]:
    return (
        Counter(MonitorCount.objects.values_list(*COUNT)),
        Counter(MonitorDurationBucket.objects.values_list(*BUCKET)),
        Counter(MonitorFigure.objects.values_list(*FIGURE)),
    )


def test_one_trajectory_in_one_month_recounts_that_cell_only(world: World) -> None:
    haag, _af = world.schools["haag"]
    delft_prof, _ = world.schools["delft"]
    with at(MARCH + dt.timedelta(days=9)):
        for i in range(6):
            scenarios.start(haag, given_name=f"Maart{i} (test)")
            scenarios.start(delft_prof, given_name=f"Delft{i} (test)")
        target = scenarios.start(haag, given_name="Doel (test)")
    with at(dt.date(2026, 4, 9)):
        for i in range(6):
            scenarios.start(haag, given_name=f"April{i} (test)")
    first = monitor_refresh(today=TODAY)
    assert first.kind == RefreshKind.FULL
    assert not MonitorChange.objects.exists()  # consumed
    counts_before = dict(MonitorCount.objects.values_list("pk", "count"))
    figures_before = set(MonitorFigure.objects.values_list("pk", flat=True))

    with at(MARCH + dt.timedelta(days=20)):
        trajectory_report_acute(actor=haag, trajectory=target, note="Acuut (test).")
    refresh = monitor_refresh(today=TODAY)

    assert refresh.kind == RefreshKind.INCREMENTAL
    assert refresh.cells_recounted == 1  # March, Den Haag, onderwijs
    assert refresh.counts_written == 1  # acute: a new count
    counts_after = dict(MonitorCount.objects.values_list("pk", "count"))
    new = set(counts_after) - set(counts_before)
    assert counts_after.items() - {(pk, counts_after[pk]) for pk in new} == (
        counts_before.items()
    )  # every other count kept its row
    assert list(
        MonitorCount.objects.filter(pk__in=new).values_list(
            "month", "municipality__name", "measure", "count"
        )
    ) == [(MARCH, "Den Haag", "acute", 1)]
    # Only the acute cube of the region's year was published again.
    rewritten = MonitorFigure.objects.exclude(pk__in=figures_before)
    assert set(rewritten.values_list("measure", flat=True)) == {"acute"}
    assert not MonitorFigure.objects.filter(
        pk__in=figures_before, measure="acute"
    ).exists()
    assert refresh.figures_written == rewritten.count()

    incremental = tables()
    full = monitor_refresh(today=TODAY, full=True)
    assert full.kind == RefreshKind.FULL
    assert tables() == incremental


def test_without_changes_a_run_writes_nothing(world: World) -> None:
    haag, _af = world.schools["haag"]
    with at(MARCH):
        scenarios.start(haag)
    monitor_refresh(today=TODAY)
    again = monitor_refresh(today=TODAY)
    assert (again.kind, again.cells_recounted, again.counts_written) == (
        RefreshKind.INCREMENTAL,
        0,
        0,
    )
    assert again.figures_written == 0


def test_a_new_month_is_counted_in_full_and_the_command_can_rebuild(
    world: World,
) -> None:
    haag, _af = world.schools["haag"]
    with at(dt.date(2026, 7, 2)):
        for i in range(5):
            scenarios.start(haag, given_name=f"Juli{i} (test)")
    monitor_refresh(today=TODAY)  # June: July is not in the window yet
    MonitorChange.objects.all().delete()  # as if the change log had been lost
    july = monitor_refresh(today=dt.date(2026, 7, 3))
    assert july.kind == RefreshKind.INCREMENTAL
    assert (
        MonitorCount.objects.get(month=dt.date(2026, 7, 1), measure="started").count
        == 5
    )
    with time_machine.travel("2026-07-03T12:00:00+02:00", tick=False):
        call_command("refresh_monitor", "--full", stdout=None)
    assert MonitorRefresh.objects.latest("pk").kind == RefreshKind.FULL


def test_a_moved_organisation_counts_everything_again(world: World) -> None:
    haag, _af = world.schools["haag"]
    with at(MARCH):
        scenarios.start(haag)
    monitor_refresh(today=TODAY)
    organisation = Organisation.objects.get(pk=haag.organisation.pk)
    organisation.municipality = delft()
    organisation.save(update_fields=["municipality"])
    refresh = monitor_refresh(today=TODAY)
    assert refresh.kind == RefreshKind.FULL
    assert MonitorCount.objects.get(measure="furthest_step").municipality == delft()
    # March's "started" is final (it reads the youth channel, test_final_counts):
    # it stays where it was counted.
    assert MonitorCount.objects.get(measure="started").municipality == den_haag()


# ---- each kind of change, across a month's edge -----------------------------


def _trajectory(world: World, make: str, day: dt.date, bsn: str = "") -> Trajectory:
    maker = {
        "start": scenarios.start,
        "at_step_4": scenarios.at_step_4,
        "closed_no_suspicion": scenarios.closed_no_suspicion,
    }[make]
    with at(day):
        return maker(world.schools["haag"][0], given_name="Rand (test)", bsn=bsn)


def _conversation(world: World, moment: str) -> YouthConversation:
    with time_machine.travel(moment, tick=False):
        return conversation_start(
            channel=world.channels["haag"], body="Thuis is het eng (test)."
        ).conversation


def _case(world: World, day: dt.date) -> Any:
    teacher = world.schools["haag"][0]
    with at(day):
        trajectory = scenarios.at_step_2(teacher, given_name="Huis (test)")
        share_create(
            actor=teacher,
            trajectory=trajectory,
            to_organisation=world.team.organisation,
            legal_basis=LegalBasis.CONSENT_PARENTS,
            consent_given_by="Moeder (met gezag)",
            consent_given_on=day,
        )
        household = household_create_from_trajectory(
            actor=world.team, trajectory=trajectory
        )
    return household.cases.get()


def _stable(world: World, case: Any, day: dt.date) -> None:
    case.refresh_from_db()
    with at(day):
        phase_change(
            actor=world.team,
            case=case,
            to_phase=Phase.STABIELE_VEILIGHEID,
            reason="Rustig (test).",
            safety_score=6,
            children_said="Het is rustig (test).",
            expected_version=case.version,
        )


MARCH_END = dt.date(2026, 3, 30)
APRIL = dt.date(2026, 4, 2)


def _advance_in_april(world: World) -> Callable[[], None]:
    trajectory = _trajectory(world, "start", MARCH_END)
    return lambda: _act(world, trajectory, (APRIL - MARCH_END).days, "advance")


def _close_in_april(world: World) -> Callable[[], None]:
    trajectory = _trajectory(world, "at_step_4", MARCH_END)
    return lambda: _act(world, trajectory, (APRIL - MARCH_END).days, "close")


def _answer_in_april(world: World) -> Callable[[], None]:
    """Asked on 30 March, answered on 2 April: the hours are counted in March."""
    conversation = _conversation(world, "2026-03-30T10:00:00+02:00")

    def answer() -> None:
        with time_machine.travel("2026-04-02T09:00:00+02:00", tick=False):
            staff_answer(
                actor=world.schools["haag"][1], conversation=conversation, body="Hoi"
            )

    return answer


def _misuse_in_april(world: World) -> Callable[[], None]:
    conversation = _conversation(world, "2026-03-10T10:00:00+01:00")
    staff_answer(actor=world.schools["haag"][1], conversation=conversation, body="Hoi")

    def mark() -> None:
        with at(APRIL):
            conversation_misuse_mark(
                actor=world.schools["haag"][1], conversation=conversation, reason="Grap"
            )

    return mark


def _purged(world: World) -> Callable[[], None]:
    """Gone, with its messages, while its month is live."""
    conversation = _conversation(world, "2026-03-10T10:00:00+01:00")

    def purge() -> None:
        conversation.delete()

    return purge


def _escalated_in_april(world: World) -> Callable[[], None]:
    conversation = _conversation(world, "2026-03-31T10:00:00+02:00")

    def escalate() -> None:
        with at(APRIL):
            conversation_escalate(
                actor=world.schools["haag"][1],
                conversation=conversation,
                given_name="Onbekend (test)",
                family_name="Kind",
                forms_of_violence=["physical"],
            )

    return escalate


def _stable_in_may(world: World) -> Callable[[], None]:
    case = _case(world, MARCH_END)
    return lambda: _stable(world, case, dt.date(2026, 5, 4))


def _handed_over(world: World) -> Callable[[], None]:
    """The case goes to the JGZ (another sector): its phase changes, months
    ago, now count for that sector."""
    case = _case(world, dt.date(2026, 2, 10))
    _stable(world, case, dt.date(2026, 3, 20))
    receiver = OrganisationFactory.create(
        name="JGZ (test)",
        type=OrganisationType.JGZ,
        municipality=den_haag(),
    )
    membership = MembershipFactory.create(
        user=UserFactory.create(), organisation=receiver, role=Role.PROFESSIONAL
    )
    accepting = Actor(user=membership.user, membership=membership)

    def hand_over() -> None:
        with at(APRIL):
            handover = handover_create_for_case(
                actor=world.team, case=case, to_organisation=receiver, note="Over"
            )
            handover_accept(actor=accepting, handover=handover)

    return hand_over


def _hermelding(world: World) -> Callable[[], None]:
    """Closed in February; the same child starts again in April."""
    _trajectory(world, "closed_no_suspicion", dt.date(2026, 2, 3), bsn=BSNS[1])

    def again() -> None:
        _trajectory(world, "start", APRIL, bsn=BSNS[1])

    return again


def _ks_orgs() -> tuple[Organisation, Organisation, Organisation, Any]:
    """A verloskundigenpraktijk and a CJG in Den Haag, a JGZ in Delft, and a
    JGZ nurse of the CJG (made once per test)."""

    def org(name: str, kind: str, municipality: Any) -> Organisation:
        found, _ = Organisation.objects.get_or_create(
            name=name, defaults={"type": kind, "municipality": municipality}
        )
        return found

    midwife = org(
        "Verloskundigen (test)", OrganisationType.VERLOSKUNDIGENPRAKTIJK, den_haag()
    )
    cjg = org("CJG (test)", OrganisationType.CJG, den_haag())
    jgz_delft = org("JGZ Delft (test)", OrganisationType.JGZ, delft())
    nurse = UserFactory.create()
    return midwife, cjg, jgz_delft, nurse


def _ks_signal(day: dt.date, domains: list[str] | None = None) -> StartSignal:
    midwife, cjg, _jgz, nurse = _ks_orgs()
    return signal(
        organisation=midwife,
        by=nurse,
        follow_up=cjg,
        at=moment(day),
        domains=domains or ["finances_debt"],
    )


def _ks_contact_in_april(world: World) -> Callable[[], None]:
    """Signalled on 30 March, the first contact on 2 April: March's "followed
    up" and April's days to the first contact move."""
    made = _ks_signal(MARCH_END)

    def contact() -> None:
        first_contact(made, nurse=made.created_by, days=(APRIL - MARCH_END).days)

    return contact


def _ks_domains_changed(world: World) -> Callable[[], None]:
    made = _ks_signal(dt.date(2026, 3, 12))

    def change() -> None:
        StartSignal.objects.filter(pk=made.pk).update(domains=["housing", "addiction"])

    return change


def _ks_follow_up_moved(world: World) -> Callable[[], None]:
    """The family moves to Delft: its JGZ follows up, and the days to the first
    contact now count there."""
    made = _ks_signal(dt.date(2026, 3, 3))
    first_contact(made, nurse=made.created_by, days=4)
    _midwife, _cjg, jgz_delft, _nurse = _ks_orgs()

    def move() -> None:
        StartSignal.objects.filter(pk=made.pk).update(follow_up_organisation=jgz_delft)

    return move


def _ks_intervention_started(world: World) -> Callable[[], None]:
    """Offered in March, started in April (recorded later)."""
    made = _ks_signal(dt.date(2026, 3, 3))
    offered = intervention(
        made,
        kind="voorzorg",
        by=made.created_by,
        offered=dt.date(2026, 3, 5),
        started=None,
    )

    def start() -> None:
        Intervention.objects.filter(pk=offered.pk).update(started_on=APRIL)

    return start


def _ks_referral_done(world: World) -> Callable[[], None]:
    """A warm referral of March gets its outcome in April: March's count moves."""
    made = _ks_signal(dt.date(2026, 3, 3))
    action = referral(
        made,
        owner=made.created_by,
        owner_organisation=world.team.organisation,
        at=moment(dt.date(2026, 3, 6)),
    )

    def done() -> None:
        FollowUpAction.objects.filter(pk=action.pk).update(
            done_at=moment(APRIL), outcome="help_started"
        )

    return done


def _ks_purged(world: World) -> Callable[[], None]:
    """Gone by the retention rule, with its contact moments."""
    made = _ks_signal(dt.date(2026, 3, 3))
    first_contact(made, nurse=made.created_by, days=4)

    def purge() -> None:
        made.delete()

    return purge


@pytest.mark.parametrize(
    "prepare",
    [
        _advance_in_april,
        _close_in_april,
        _answer_in_april,
        _misuse_in_april,
        _purged,
        _escalated_in_april,
        _stable_in_may,
        _handed_over,
        _hermelding,
        _ks_contact_in_april,
        _ks_domains_changed,
        _ks_follow_up_moved,
        _ks_intervention_started,
        _ks_referral_done,
        _ks_purged,
    ],
    ids=lambda f: f.__name__.strip("_"),
)
def test_each_kind_of_change_is_counted_again(
    world: World, prepare: Callable[[World], Callable[[], None]], settings: Any
) -> None:
    # The changes are made in March and April and counted on TODAY (June): with
    # the channel's 60 days March's youth counts would be final by then, and
    # kept (test_final_counts). Here the months stay live.
    settings.KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = 120
    change = prepare(world)
    monitor_refresh(today=TODAY)
    before = tables()
    change()
    refresh = monitor_refresh(today=TODAY)
    assert refresh.kind == RefreshKind.INCREMENTAL
    assert 0 < refresh.cells_recounted <= 6  # a few months, one or two places
    incremental = tables()
    assert incremental != before  # the change moved a figure
    monitor_refresh(today=TODAY, full=True)
    assert tables() == incremental


# ---- incremental == full, for random changes --------------------------------

WINDOW_DAYS = (TODAY - dt.date(2025, 4, 1)).days  # from before the window


def _day(offset: int) -> dt.date:
    return dt.date(2025, 4, 1) + dt.timedelta(days=offset)


def _new_trajectory(world: World, school: str, kind: str, bsn: int, day: int) -> None:
    actor = world.schools[school][0]
    make = {
        "start": scenarios.start,
        "step4": scenarios.at_step_4,
        "closed": scenarios.closed_no_suspicion,
        "acute": scenarios.acute,
    }[kind]
    with at(_day(day)):
        make(actor, given_name="Willekeur (test)", bsn=BSNS[bsn] if bsn >= 0 else "")


def _later(world: World, pick: int, later: int, what: str) -> None:
    """Something happens to an open trajectory some days after it started:
    acute danger, a step forward (1 to 2), or closed without suspicion (from
    step 4)."""
    open_ones = Trajectory.objects.filter(status=Status.OPEN).order_by("pk")
    if what == "acute":
        open_ones = open_ones.filter(is_acute=False)
    elif what == "advance":
        open_ones = open_ones.filter(step=Step.SIGNALEN)
    else:
        open_ones = open_ones.filter(step=Step.WEGEN)
    candidates = list(open_ones)
    if candidates:
        _act(world, candidates[pick % len(candidates)], later, what)


def _act(world: World, trajectory: Trajectory, later: int, what: str) -> None:
    actor = next(  # the owner: a professional, or the af (escalated by them)
        someone
        for pair in world.schools.values()
        for someone in pair
        if someone.user.pk == trajectory.owner_id
    )
    when = timezone.localtime(trajectory.created_at).date() + dt.timedelta(days=later)
    with at(min(when, TODAY)):
        if what == "acute":
            trajectory_report_acute(actor=actor, trajectory=trajectory, note="(test)")
        elif what == "advance":
            observation_add(
                actor=actor,
                trajectory=trajectory,
                data=ObservationInput(
                    observed_on=timezone.localdate(),
                    observed_by="Leerkracht (test)",
                    source=Source.OWN,
                    facts="Stil in de klas (test).",
                ),
            )
            trajectory.refresh_from_db()
            step_advance(
                actor=actor,
                trajectory=trajectory,
                to_step=Step.OVERLEGGEN,
                expected_version=trajectory.version,
            )
        else:
            trajectory = scenarios.weigh(actor, trajectory, [Answer.NO])
            trajectory = trajectory_close(
                actor=actor,
                trajectory=trajectory,
                outcome=Outcome.NO_SUSPICION,
                agreements="",
                reason="Geen vermoeden (test).",
                expected_version=trajectory.version,
            )
            closing = pending_closing(trajectory)
            cosigner = scenarios.cosigner_of(trajectory, actor)
            if closing is not None and cosigner is not None:
                trajectory.refresh_from_db()
                closing_cosign(
                    actor=cosigner, request=closing, expected_version=trajectory.version
                )


def _youth(world: World, school: str, day: int, answer_hours: int) -> None:
    with at(_day(day)):
        started = conversation_start(
            channel=world.channels[school], body="Het is thuis niet fijn (test)."
        )
    if answer_hours:
        when = timezone.make_aware(
            dt.datetime.combine(_day(day), dt.time(10))
        ) + dt.timedelta(hours=answer_hours)
        with time_machine.travel(when, tick=False):
            staff_answer(
                actor=world.schools[school][1],
                conversation=started.conversation,
                body="Dank je, ik kom naar je toe (test).",
            )


def _youth_change(world: World, pick: int, how: str) -> None:
    conversations = list(
        YouthConversation.objects.filter(is_misuse=False, trajectory__isnull=True)
        .select_related("organisation")
        .order_by("pk")
    )
    if not conversations:
        return
    conversation = conversations[pick % len(conversations)]
    af = next(
        af
        for _prof, af in world.schools.values()
        if af.organisation_id == conversation.organisation_id
    )
    when = timezone.localtime(conversation.created_at) + dt.timedelta(days=1)
    with time_machine.travel(when, tick=False):
        if how == "misuse":
            conversation_misuse_mark(actor=af, conversation=conversation, reason="Grap")
        elif how == "escalate":
            conversation_escalate(
                actor=af,
                conversation=conversation,
                given_name="Onbekend (test)",
                family_name="Kind",
                forms_of_violence=["physical"],
            )
        else:  # retention: gone, with its messages
            conversation.delete()


def _household(world: World, day: int, stable_after: int) -> None:
    teacher = world.schools["haag"][0]
    with at(_day(day)):
        trajectory = scenarios.at_step_2(teacher, given_name="Huis (test)")
        share_create(
            actor=teacher,
            trajectory=trajectory,
            to_organisation=world.team.organisation,
            legal_basis=LegalBasis.CONSENT_PARENTS,
            consent_given_by="Moeder (met gezag)",
            consent_given_on=_day(day),
        )
        household = household_create_from_trajectory(
            actor=world.team, trajectory=trajectory
        )
    if stable_after:
        case = household.cases.get()
        with at(min(_day(day + stable_after), TODAY)):
            phase_change(
                actor=world.team,
                case=case,
                to_phase=Phase.STABIELE_VEILIGHEID,
                reason="Rustig (test).",
                safety_score=6,
                children_said="Het is rustig (test).",
                expected_version=case.version,
            )


def _kansrijke(world: World, day: int, contact_after: int, domain: str) -> None:
    """A midwife's signal, and (unless 0) the first JGZ contact days later."""
    made = _ks_signal(_day(day), [domain])
    if contact_after:
        later = min(_day(day + contact_after), TODAY)
        days = (later - _day(day)).days
        first_contact(made, nurse=made.created_by, days=days)


def _kansrijke_change(world: World, pick: int, how: str) -> None:
    signals = list(StartSignal.objects.order_by("pk"))
    if not signals:
        return
    made = signals[pick % len(signals)]
    if how == "contact" and made.first_contact_at is None:
        first_contact(made, nurse=made.created_by, days=3)
    elif how == "move":
        _midwife, cjg, jgz_delft, _nurse = _ks_orgs()
        moved = jgz_delft if made.follow_up_organisation_id == cjg.pk else cjg
        StartSignal.objects.filter(pk=made.pk).update(follow_up_organisation=moved)
    elif how == "delete":
        made.delete()


days = st.integers(0, WINDOW_DAYS - 1)
schools = st.sampled_from(["haag", "delft"])
changes = st.one_of(
    st.tuples(
        st.just(_new_trajectory),
        schools,
        st.sampled_from(["start", "step4", "closed", "acute"]),
        st.integers(-1, len(BSNS) - 1),
        days,
    ),
    st.tuples(
        st.just(_later),
        st.integers(0, 50),
        st.integers(0, 60),
        st.sampled_from(["acute", "advance", "close"]),
    ),
    st.tuples(st.just(_youth), schools, days, st.sampled_from([0, 2, 30, 200])),
    st.tuples(
        st.just(_youth_change),
        st.integers(0, 50),
        st.sampled_from(["misuse", "escalate", "delete"]),
    ),
    st.tuples(st.just(_household), days, st.sampled_from([0, 10, 45])),
    st.tuples(
        st.just(_kansrijke),
        days,
        st.sampled_from([0, 1, 20]),
        st.sampled_from(["finances_debt", "housing"]),
    ),
    st.tuples(
        st.just(_kansrijke_change),
        st.integers(0, 50),
        st.sampled_from(["contact", "move", "delete"]),
    ),
)


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    batches=st.lists(st.lists(changes, min_size=1, max_size=3), min_size=1, max_size=3)
)
def test_incremental_equals_a_full_rebuild(
    world: World, batches: list[list[tuple[Any, ...]]]
) -> None:
    """Whatever changes between runs, the incremental run leaves the tables a
    full rebuild writes, and both keep the final counts (the youth channel's
    months up to April: test_final_counts) as they were. (The examples share
    one database: each one adds to what the earlier ones left, which only makes
    the history longer.)"""
    monitor_refresh(today=TODAY)
    for batch in batches:
        kept = final_counts()  # the changes below reach final months too
        assert MonitorFinal.objects.filter(month=dt.date(2026, 4, 1)).exists()
        for change, *args in batch:
            change(world, *args)
        assert monitor_refresh(today=TODAY).kind == RefreshKind.INCREMENTAL
        incremental = tables()
        assert final_counts() == kept, batch
        monitor_refresh(today=TODAY, full=True)
        assert tables() == incremental, batch


def final_counts() -> Counter[tuple[object, ...]]:
    final = set(MonitorFinal.objects.values_list("month", "measure"))
    return Counter(
        row
        for row in MonitorCount.objects.values_list(*COUNT)
        if (row[0], row[3]) in final
    )


def test_without_the_change_log_every_run_counts_everything(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite (the demo of `make run`) has no triggers: no run may trust the log.
    haag, _af = world.schools["haag"]
    with at(MARCH):
        scenarios.start(haag)
    monitor_refresh(today=TODAY)
    monkeypatch.setattr("kindveilig.monitor.services.CHANGE_LOG_VENDORS", ())
    assert monitor_refresh(today=TODAY).kind == RefreshKind.FULL
