"""The local coalition's case consultation (for example an "overleg zwangere in
een kwetsbare situatie"), its follow-up actions, the interventions offered, and
the warm referral to schuldhulpverlening or income support.

Only a family whose parent consented is placed on an agenda (services enforce
it); what the coalition reads of the family is the ``shared_summary`` written
for it, never the JGZ record (docs/kansrijke-start.md, "The coalition").
Everything here hangs off a ``StartSignal`` and goes with it under retention.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel


class ActionKind(models.TextChoices):
    GENERAL = "general", _("An agreed action")
    DEBT_HELP = "debt_help", _("Warm referral to schuldhulpverlening")
    INCOME_SUPPORT = "income_support", _("Warm referral to income support")


# The kinds that are a warm referral for bestaanszekerheid (referral_make).
REFERRAL_KINDS: frozenset[str] = frozenset(
    {ActionKind.DEBT_HELP, ActionKind.INCOME_SUPPORT}
)


class ActionOutcome(models.TextChoices):
    DONE = "done", _("Done as agreed")
    HELP_STARTED = "help_started", _("Help started")
    WAITING_LIST = "waiting_list", _("On a waiting list")
    FAMILY_DECLINED = "family_declined", _("The family declined")
    NOT_DONE = "not_done", _("Not done")
    # Only once the parent withdrew consent (coalition_services.action_complete).
    CONSENT_WITHDRAWN = "withdrawn", _("Stopped: the parent withdrew consent")


class InterventionKind(models.TextChoices):
    VOORZORG = "voorzorg", _("VoorZorg (intensive home visiting)")
    STEVIG_OUDERSCHAP = "stevig_ouderschap", _("Stevig Ouderschap (home visiting)")
    PARENTING_SUPPORT = "parenting_support", _("Parenting support")
    DEBT_COUNSELLING = "debt_counselling", _("Debt counselling")
    INCOME_SUPPORT = "income_support", _("Income support")
    OTHER = "other", _("Other")


class InterventionOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    STOPPED_EARLY = "stopped_early", _("Stopped early")
    DECLINED = "declined", _("The family declined the offer")
    NOT_AVAILABLE = "not_available", _("Not available (for example a waiting list)")


class CoalitionMeeting(PublicIdModel, TimeStampedModel):
    """One case consultation of the local coalition, hosted by one organisation
    (a JGZ, CJG, lokaal team or the municipality) and chaired by ``chair``."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("host organisation"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("name of the consultation"), max_length=200)
    held_on = models.DateField(_("date"))
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chair"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="MeetingParticipant",
        related_name="+",
        verbose_name=_("participants"),
    )
    recorded_at = models.DateTimeField(
        _("decisions recorded at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("coalition case consultation")
        verbose_name_plural = _("coalition case consultations")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(
                fields=["organisation", "-held_on"], name="ks_meeting_org_held_on"
            ),
            models.Index(
                fields=["municipality", "held_on"], name="ks_meeting_municipality"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.held_on}"


class MeetingParticipant(models.Model):
    """Who takes part, in which organisation: a participant sees the meeting
    while acting in that organisation."""

    meeting = models.ForeignKey(
        CoalitionMeeting,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("consultation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("participant"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user", "organisation"],
                name="ks_participant_once",
            )
        ]
        indexes = [
            models.Index(fields=["user", "organisation"], name="ks_participant_user")
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}:{self.user_id}"


class AgendaItem(PublicIdModel, TimeStampedModel):
    """A family on the agenda: only with the parent's consent (services), and
    the coalition reads only ``shared_summary`` and ``decisions``."""

    meeting = models.ForeignKey(
        CoalitionMeeting,
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("consultation"),
    )
    signal = models.ForeignKey(
        "kansrijkestart.StartSignal",
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("signal"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("placed on the agenda by"),
    )
    consent_checked = models.BooleanField(
        _("consent checked"),
        default=False,
        help_text=_(
            "The parent agreed that the family is discussed in this consultation."
        ),
    )
    shared_summary = EncryptedTextField(_("what is shared with the coalition"))
    decisions = EncryptedTextField(_("decisions"), blank=True, default="")

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "signal"], name="ks_agenda_family_once"
            ),
            models.CheckConstraint(
                condition=Q(consent_checked=True), name="ks_agenda_consent_checked"
            ),
        ]

    def __str__(self) -> str:
        return f"Agendapunt {str(self.public_id)[:8]}"


class FollowUpAction(PublicIdModel, TimeStampedModel):
    """An action with an owner and a due date: it shows on the owner's Mijn werk
    until it is done, with its outcome. A warm referral for bestaanszekerheid is
    an action of kind ``debt_help`` or ``income_support``."""

    signal = models.ForeignKey(
        "kansrijkestart.StartSignal",
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("signal"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("agenda item"),
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ActionKind.choices, default=ActionKind.GENERAL
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation of the owner"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    due_on = models.DateField(_("due on"))
    description = EncryptedTextField(_("what"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=ActionOutcome.choices,
        blank=True,
        default="",
    )
    outcome_note = EncryptedTextField(_("about the outcome"), blank=True, default="")

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "id"]
        indexes = [
            # Mijn werk: the owner's open actions in one organisation.
            models.Index(
                fields=["owner", "owner_organisation", "done_at", "due_on"],
                name="ks_action_owner_open",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(done_at__isnull=True) & Q(outcome=""))
                | (Q(done_at__isnull=False) & ~Q(outcome="")),
                name="ks_action_done_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Actie {str(self.public_id)[:8]}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_referral(self) -> bool:
        return self.kind in REFERRAL_KINDS


class Intervention(PublicIdModel, TimeStampedModel):
    """An intervention offered to the family, with its start and outcome."""

    signal = models.ForeignKey(
        "kansrijkestart.StartSignal",
        on_delete=models.CASCADE,
        related_name="interventions",
        verbose_name=_("signal"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=InterventionKind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by organisation"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    offered_on = models.DateField(_("offered on"))
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"),
        max_length=16,
        choices=InterventionOutcome.choices,
        blank=True,
        default="",
    )

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["offered_on", "id"]
        indexes = [
            models.Index(
                fields=["signal", "offered_on"], name="ks_intervention_signal"
            ),
            # The monitor: interventions started per period.
            models.Index(fields=["kind", "started_on"], name="ks_intervention_started"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(ended_on__isnull=True) & Q(outcome=""))
                | (Q(ended_on__isnull=False) & ~Q(outcome="")),
                name="ks_intervention_end_has_outcome",
            ),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(started_on__gte=F("offered_on")),
                name="ks_intervention_start_after_offer",
            ),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="ks_intervention_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Interventie {str(self.public_id)[:8]}"

    @property
    def is_running(self) -> bool:
        return self.started_on is not None and self.ended_on is None
