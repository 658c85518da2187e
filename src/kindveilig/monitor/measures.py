"""The monitor's measures: what is counted, its values, and how durations are
binned. One list, read by the job, the dashboard, the CSV and the docs.

A measure's values either split its population (``partition``: they add up to
the total, e.g. the origin of a trajectory) or tag it (a reflection has several
themes: the total is then the number of tags and not shown).
"""

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.households.models.choices import HandoverStatus, Phase
from kindveilig.kansrijkestart.models import (
    ActionOutcome,
    InterventionKind,
    VulnerabilityDomain,
)
from kindveilig.learning.models import Theme
from kindveilig.meldcode.models.choices import SkipReason, Step
from kindveilig.organisations.models import OrganisationType
from kindveilig.readiness.models import QualificationKind

__all__ = [
    "BUCKETS",
    "MEASURES",
    "MIN_DURATIONS",
    "SIGNAL_SOURCES",
    "Group",
    "Measure",
    "bucket_of",
    "measure",
    "quantile",
]

# Durations are stored as a histogram per cell. The lower edges of the buckets,
# in the measure's unit (days or hours): exact to two weeks, then by week to
# eight weeks, then roughly by month to two years, then one open bucket.
BUCKETS: tuple[int, ...] = (
    *range(15),
    21,
    28,
    35,
    42,
    49,
    56,
    70,
    91,
    120,
    150,
    182,
    273,
    365,
    548,
    730,
)
MIN_DURATIONS = 10  # fewer durations in a figure: no median or 90th percentile


def bucket_of(value: float) -> int:
    """The lower edge of the bucket that holds ``value`` (negative: 0)."""
    return BUCKETS[max(0, bisect_right(BUCKETS, value) - 1)]


def quantile(histogram: dict[int, int], fraction: float) -> int | None:
    """The upper bound of the bucket that holds the ``fraction`` quantile, in
    whole units ("at most N"); the open last bucket gives its lower edge."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = fraction * total
    seen = 0
    for edge in sorted(histogram):
        seen += histogram[edge]
        if seen >= rank:
            index = BUCKETS.index(edge)
            return BUCKETS[index + 1] - 1 if index + 1 < len(BUCKETS) else edge
    return None  # pragma: no cover - the loop always reaches the total


class Group(StrEnum):
    MELDCODE = "meldcode"
    HOUSEHOLDS = "households"
    YOUTH = "youth"
    READINESS = "readiness"
    KANSRIJKE_START = "kansrijke_start"


@dataclass(frozen=True)
class Measure:
    key: str
    group: Group
    label: str | Promise
    definition: str | Promise
    values: tuple[tuple[str, str | Promise], ...] = ()
    partition: bool = True
    unit: str = ""  # "days" or "hours" for a duration measure
    # Raise when this measure is counted differently: its final counts
    # (``monitor.finality``) are then counted again from the rows still there.
    version: int = 1

    @property
    def is_duration(self) -> bool:
        return bool(self.unit)

    @property
    def value_keys(self) -> list[str]:
        return [key for key, _label in self.values]

    def value_label(self, key: str) -> str | Promise:
        return dict(self.values).get(key, _("Total"))


STEPS = tuple((str(step.value), step.label) for step in Step)

# Kansrijke Start (docs/monitor.md, "Kansrijke Start"): who signals, the domains
# of concern, whether and how fast the JGZ made a first contact, the
# interventions that started, and the meldcode trajectories that began at a
# contact moment. The sources are organisation types; any other type counts as
# "other" (SIGNAL_SOURCES).
SIGNAL_SOURCES: tuple[str, ...] = (
    OrganisationType.VERLOSKUNDIGENPRAKTIJK,
    OrganisationType.KRAAMZORG,
    OrganisationType.ZIEKENHUIS,
    OrganisationType.HUISARTS,
    OrganisationType.JGZ,
    OrganisationType.CJG,
    OrganisationType.LOKAAL_TEAM,
)
KANSRIJKE_START_MEASURES: tuple[Measure, ...] = (
    Measure(
        "ks_signal_source",
        Group.KANSRIJKE_START,
        _("Kansrijke Start signals by source"),
        _(
            "Signals of a vulnerable pregnancy or young family made in the period, "
            "by the type of the signalling organisation."
        ),
        (
            *((str(t), OrganisationType(t).label) for t in SIGNAL_SOURCES),
            ("other", _("Other")),
        ),
    ),
    Measure(
        "ks_signal_domain",
        Group.KANSRIJKE_START,
        _("Domains of concern"),
        _(
            "The domains of concern named in the signals of the period (a signal "
            "may name several)."
        ),
        tuple((d.value, d.label) for d in VulnerabilityDomain),
        partition=False,
    ),
    Measure(
        "ks_followed_up",
        Group.KANSRIJKE_START,
        _("Signals followed up"),
        _(
            "Signals made in the period, by whether the JGZ has had a first "
            "contact with the family so far."
        ),
        (
            ("contacted", _("First JGZ contact made")),
            ("not_yet", _("No contact yet")),
        ),
    ),
    Measure(
        "ks_contact_days",
        Group.KANSRIJKE_START,
        _("Days from signal to first JGZ contact"),
        _(
            "Days from the signal to the first contact moment, counted in the "
            "period of that contact, for the organisation that follows up."
        ),
        unit="days",
    ),
    Measure(
        "ks_intervention",
        Group.KANSRIJKE_START,
        _("Interventions started"),
        _(
            "Interventions offered to a family that started in the period, by "
            "kind, for the organisation that recorded them."
        ),
        tuple((k.value, k.label) for k in InterventionKind),
    ),
    Measure(
        "ks_referral",
        Group.KANSRIJKE_START,
        _("Warm referrals for bestaanszekerheid"),
        _(
            "Warm referrals to schuldhulpverlening or income support made in the "
            "period, by where they stand now, for the organisation that owns them."
        ),
        (
            ("open", _("Not done yet")),
            *((o.value, o.label) for o in ActionOutcome),
        ),
    ),
    Measure(
        "ks_trajectory",
        Group.KANSRIJKE_START,
        _("Meldcode trajectories from a contact moment"),
        _(
            "Meldcode trajectories started in the period from a Kansrijke Start "
            "contact moment."
        ),
    ),
)

MEASURES: tuple[Measure, ...] = (
    Measure(
        "started",
        Group.MELDCODE,
        _("Trajectories started"),
        _("Meldcode trajectories started in the period, by how they began."),
        (
            ("worry", _("Own signal")),
            ("kindcheck", _("Kindcheck")),
            ("youth", _("Message from a child")),
            ("kansrijke_start", _("Kansrijke Start contact")),
        ),
    ),
    Measure(
        "furthest_step",
        Group.MELDCODE,
        _("Furthest step reached"),
        _(
            "Trajectories started in the period, by the furthest meldcode step "
            "they have reached so far."
        ),
        STEPS,
    ),
    Measure(
        "step_days",
        Group.MELDCODE,
        _("Days per step"),
        _(
            "Days from reaching a step to reaching the next, counted in the "
            "period in which the next step was reached."
        ),
        STEPS[:4],
        partition=False,
        unit="days",
    ),
    Measure(
        "decision",
        Group.MELDCODE,
        _("Decisions"),
        _(
            "Co-signed decisions of step 5 in the period, and trajectories closed "
            "without a suspicion (afweging 1)."
        ),
        (
            ("no_suspicion", _("Closed without suspicion")),
            ("own_help", _("Own help")),
            ("melding", _("Melding")),
            ("both", _("Melding and help")),
        ),
    ),
    Measure(
        "deviation",
        Group.MELDCODE,
        _("Decisions and the afwegingskader's advice"),
        _("Co-signed decisions in the period that follow or depart from the advice."),
        (
            ("follows", _("Follows the advice")),
            ("departs", _("Departs from the advice")),
        ),
    ),
    Measure(
        "renewed",
        Group.MELDCODE,
        _("Renewed decisions after help"),
        _(
            "Co-signed decisions and meldingen of a second or later decision "
            "round: the help did not reach its result."
        ),
        (("decision", _("Renewed decision")), ("melding", _("Renewed melding"))),
        partition=False,
    ),
    Measure(
        "acute",
        Group.MELDCODE,
        _("Acute danger"),
        _("Trajectories in which acute danger was reported in the period."),
    ),
    Measure(
        "meldplicht",
        Group.MELDCODE,
        _("Meldplicht cases"),
        _("Meldplicht cases (a suspicion against a colleague) opened in the period."),
    ),
    Measure(
        "child_voice",
        Group.MELDCODE,
        _("Children heard"),
        _(
            "Trajectories started in the period that reached step 3: was every "
            "child concerned heard in a conversation?"
        ),
        (
            ("all_heard", _("Every child heard")),
            ("not_all", _("Not every child heard")),
        ),
    ),
    Measure(
        "not_heard",
        Group.MELDCODE,
        _("Why a child was not heard"),
        _(
            "Children of those trajectories without a conversation, by the reason "
            "recorded (or none)."
        ),
        (*((r.value, r.label) for r in SkipReason), ("none", _("No reason recorded"))),
    ),
    Measure(
        "hermelding",
        Group.MELDCODE,
        _("Hermeldingen"),
        _(
            "Trajectories started in the period for a child whose earlier "
            "trajectory closed less than twelve months before."
        ),
    ),
    Measure(
        "phase_entered",
        Group.HOUSEHOLDS,
        _("Cases entering a Routekaart phase"),
        _(
            "Safety cases that entered a phase of the Routekaart in the period "
            "(opening a case enters immediate safety)."
        ),
        tuple((p.value, p.label) for p in Phase),
    ),
    Measure(
        "stable_days",
        Group.HOUSEHOLDS,
        _("Days to stable safety"),
        _(
            "Days from opening a case to its first step into stable safety, "
            "counted in the period of that step."
        ),
        unit="days",
    ),
    Measure(
        "fall_back",
        Group.HOUSEHOLDS,
        _("Fall-backs to immediate safety"),
        _("Cases moved back from a later phase to immediate safety in the period."),
    ),
    Measure(
        "handover",
        Group.HOUSEHOLDS,
        _("Warm handovers"),
        _("Handovers proposed in the period, by where they stand now."),
        tuple((s.value, s.label) for s in HandoverStatus),
    ),
    Measure(
        "handover_days",
        Group.HOUSEHOLDS,
        _("Waiting time of a handover"),
        _("Days from proposing a handover to its acceptance or rejection."),
        unit="days",
    ),
    Measure(
        "break_glass",
        Group.HOUSEHOLDS,
        _("Break-the-glass access"),
        _("Emergency access to a household granted in the period (audited)."),
    ),
    Measure(
        "vi_match",
        Group.HOUSEHOLDS,
        _("Verwijsindex matches"),
        _(
            "Matches between two organisations' signals about one child, counted "
            "for the organisation of the later signal."
        ),
    ),
    Measure(
        "youth_conversation",
        Group.YOUTH,
        _("Conversations with children"),
        _("Conversations a child started in the period (misuse left out)."),
        (("urgent", _("Urgent")), ("other", _("Not urgent"))),
    ),
    Measure(
        "youth_message",
        Group.YOUTH,
        _("Messages"),
        _("Messages in the period, by who wrote them. Counts only, never text."),
        (("child", _("From a child")), ("staff", _("From a trusted adult"))),
    ),
    Measure(
        "youth_answer_hours",
        Group.YOUTH,
        _("Hours to the first answer"),
        _("Hours from a child's first message to the first answer."),
        unit="hours",
    ),
    Measure(
        "youth_escalation",
        Group.YOUTH,
        _("Escalations into a trajectory"),
        _("Conversations with a child that led to a meldcode trajectory."),
    ),
    Measure(
        "qualification_expiry",
        Group.READINESS,
        _("Qualifications of aandachtsfunctionarissen expiring"),
        _(
            "Courses, register memberships and VOGs whose last valid day is in the period."
        ),
        tuple((k.value, k.label) for k in QualificationKind),
    ),
    Measure(
        "reflection_theme",
        Group.READINESS,
        _("Themes of case reflections"),
        _(
            "Themes of the case reflections of the period (a reflection counts in "
            "the first month of its quarter and may have several themes)."
        ),
        tuple((t.value, t.label) for t in Theme),
        partition=False,
    ),
    *KANSRIJKE_START_MEASURES,
)

_BY_KEY = {m.key: m for m in MEASURES}


def measure(key: str) -> Measure:
    return _BY_KEY[key]
