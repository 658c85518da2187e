"""Learning from cases: reflections kept apart from the case, and the learning
sessions (casusreflectie) that turn them into improvement actions.

A ``Reflection`` holds no personal data and no link to its case: only the
sector, organisation type, municipality, year and quarter, an outcome category,
the structured answers and a lesson that was checked for personal data. A keyed
hash of the case id (``source_hash``) prevents a second reflection on the same
case without storing the id. See docs/learning.md.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import PublicIdModel, TimeStampedModel
from kindveilig.organisations.models import OrganisationType, Sector

from .personal_data import validate_no_personal_data

MIN_CELL = 5  # aggregates below this are shown as "<5"
LESSON_MAX_LENGTH = 2000


class SourceKind(models.TextChoices):
    MELDCODE = "meldcode", _("Meldcode trajectory")
    HOUSEHOLD = "household", _("Household case")


class ReflectionStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    SKIPPED = "skipped", _("Skipped")


class OutcomeCategory(models.TextChoices):
    """How the case ended, in categories shared by meldcode and household cases."""

    NO_CONCERN = "no_concern", _("No suspicion or concern")
    HELP = "help", _("Help reached its result")
    MELDING = "melding", _("Closed after a melding")
    MELDPLICHT = "meldplicht", _("Meldplicht route")
    SAFETY_REACHED = "safety_reached", _("Safety reached")
    HANDED_OVER = "handed_over", _("Handed over to another organisation")
    OTHER = "other", _("Other")


class Heard(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NOT_APPLICABLE = "not_applicable", _("Not applicable (for example a baby)")


class Handover(models.TextChoices):
    WARM = "warm", _("Yes, warm: in person or together with the family")
    PARTLY = "partly", _("Partly")
    COLD = "cold", _("No, only on paper or by referral")
    NONE = "none", _("There was no handover")


class Factor(models.TextChoices):
    """What helped, or what was missing or came late."""

    SIGNALS_EARLY = "signals_early", _("Noticing and recording signals early")
    CONSULTING_AF = "consulting_af", _("Consulting the aandachtsfunctionaris")
    VEILIG_THUIS_ADVICE = "veilig_thuis_advice", _("Advice from Veilig Thuis")
    TALKING_PARENTS = "talking_parents", _("Talking with the parents")
    TALKING_CHILD = "talking_child", _("Talking with the child")
    AFWEGINGSKADER = "afwegingskader", _("Using the afwegingskader")
    CHAIN_COOPERATION = "chain_cooperation", _("Cooperation with chain partners")
    TIME_CAPACITY = "time_capacity", _("Time and capacity")
    FEEDBACK = "feedback", _("Feedback after the melding")
    FOLLOW_UP = "follow_up", _("Following the child's safety afterwards")


class Theme(models.TextChoices):
    """The fixed list of themes an owner tags a reflection with."""

    CHILD_HEARD = "child_heard", _("Child heard")
    WARM_HANDOVER = "warm_handover", _("Warm handover")
    REPORTED_LATE = "reported_late", _("Reported too late")
    COOPERATION_VEILIG_THUIS = (
        "cooperation_veilig_thuis",
        _("Cooperation with Veilig Thuis"),
    )
    COOPERATION_LOKAAL_TEAM = (
        "cooperation_lokaal_team",
        _("Cooperation with the lokaal team"),
    )
    PARENTS_INVOLVED = "parents_involved", _("Parents involved")
    DOUBT_SHARED = "doubt_shared", _("Doubt shared in time")
    DOCUMENTATION = "documentation", _("Documentation")
    LANGUAGE_CULTURE = "language_culture", _("Language and culture")
    WAITING_TIMES = "waiting_times", _("Waiting times for help")
    SAFETY_FOLLOW_UP = "safety_follow_up", _("Following safety after closing")
    SUPPORT_PROFESSIONAL = "support_professional", _("Support for the professional")


class Reflection(PublicIdModel):
    """One case owner's look back at a closed case. No personal data, no link
    to the case, no exact date: only year and quarter."""

    source_kind = models.CharField(
        _("kind of case"), max_length=20, choices=SourceKind.choices
    )
    # keyed_hash(REFLECTION_SOURCE) of the case: finds a second reflection only.
    source_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ReflectionStatus.choices
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=OutcomeCategory.choices
    )
    helped = models.JSONField(_("what helped"), default=list, blank=True)
    missed = models.JSONField(
        _("what was missing or came late"), default=list, blank=True
    )
    child_heard = models.CharField(
        _("child heard"), max_length=20, choices=Heard.choices, blank=True
    )
    child_view_counted = models.CharField(
        _("child's view counted"), max_length=20, choices=Heard.choices, blank=True
    )
    handovers_warm = models.CharField(
        _("warm handovers"), max_length=20, choices=Handover.choices, blank=True
    )
    themes = models.JSONField(_("themes"), default=list, blank=True)
    lesson = models.TextField(
        _("lesson"),
        max_length=LESSON_MAX_LENGTH,
        blank=True,
        validators=[validate_no_personal_data],
    )

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["-year", "-quarter", "-pk"]
        indexes = [
            models.Index(
                fields=["municipality", "sector", "year"], name="reflection_scope"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="reflection_quarter_1_to_4",
            ),
            models.CheckConstraint(
                condition=models.Q(status="completed") | models.Q(lesson=""),
                name="reflection_skipped_has_no_lesson",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sector} {self.year}-K{self.quarter}"

    @property
    def quarter_label(self) -> str:
        return f"{self.year} K{self.quarter}"

    def get_theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [str(labels[code]) for code in self.themes if code in labels]


class LearningSession(PublicIdModel, TimeStampedModel):
    """A casusreflectie: a facilitator discusses anonymised reflections with
    colleagues and records the improvement actions agreed."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("facilitator"),
    )
    reflections = models.ManyToManyField(
        Reflection, blank=True, related_name="sessions", verbose_name=_("reflections")
    )

    class Meta:
        verbose_name = _("learning session")
        verbose_name_plural = _("learning sessions")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(
                fields=["organisation", "-held_on"], name="session_org_held_on"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ImprovementAction(PublicIdModel, TimeStampedModel):
    session = models.ForeignKey(
        LearningSession,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("learning session"),
    )
    description = models.TextField(
        _("what"), max_length=500, validators=[validate_no_personal_data]
    )
    owner = models.CharField(_("owner (name or role)"), max_length=200)
    follow_up_on = models.DateField(_("follow up on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["follow_up_on", "pk"]
        indexes = [
            models.Index(
                fields=["done_on", "follow_up_on"], name="action_open_follow_up"
            )
        ]

    def __str__(self) -> str:
        return self.description[:50]

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
