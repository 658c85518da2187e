"""Praat erover: a child writes to a trusted adult at school or club, anonymously.

A conversation is found by the keyed hash of its pick-up code, never by the code;
what the child and the staff write is encrypted at rest; and a conversation is
deleted after a configurable period without activity (see services.conversations_purge).
"""

from django.conf import settings
from django.core.validators import MinLengthValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel

PUBLIC_CODE_PATTERN = r"^[A-Z0-9]{3,20}$"


class DangerCategory(models.TextChoices):
    VIOLENCE = "violence", _("Violence")
    SELF_HARM = "self_harm", _("Self-harm or suicide")
    SEXUAL = "sexual", _("Sexual abuse")
    CONFINEMENT = "confinement", _("Locked up or not allowed out")
    THREAT = "threat", _("Threat to kill or hurt")
    UNSAFE_HOME = "unsafe_home", _("Not daring to go home")
    # Not a danger: a harmless phrase cut out before the others are checked.
    HARMLESS = "harmless", _("Harmless phrase (exception)")


class PatternLanguage(models.TextChoices):
    """The languages danger patterns are written in (``danger.LANGUAGES``)."""

    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    ARABIC = "ar", _("Arabic")


class Sender(models.TextChoices):
    CHILD = "child", _("Child")
    STAFF = "staff", _("Staff member")


class ConversationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class EscalationStep(models.IntegerChoices):
    """How far an urgent message that nobody opened has gone."""

    NONE = 0, _("Not escalated")
    DEPUTY = 1, _("Sent to the deputies")
    ON_DUTY = 2, _("Sent to the municipality's on-duty organisation")


class Weekday(models.IntegerChoices):
    """Python's numbering: Monday is 0 (``date.weekday()``)."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class PublicChannel(TimeStampedModel):
    """How children find an organisation: a short public code and a display name."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="youth_channel",
        verbose_name=_("organisation"),
    )
    public_code = models.CharField(
        _("public code"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                PUBLIC_CODE_PATTERN,
                _("Use 3 to 20 capital letters or digits, without spaces."),
            )
        ],
        help_text=_("Children type this code to find you, e.g. REGENBOOG."),
    )
    display_name = models.CharField(
        _("name shown to children"), max_length=120, validators=[MinLengthValidator(2)]
    )
    enabled = models.BooleanField(_("open for messages"), default=True)
    misuse_count = models.PositiveIntegerField(
        _("conversations marked as misuse"), default=0, editable=False
    )

    class Meta:
        verbose_name = _("public channel")
        verbose_name_plural = _("public channels")
        ordering = ["display_name"]

    def __str__(self) -> str:
        return self.display_name


class YouthConversation(PublicIdModel, TimeStampedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="youth_conversations",
        verbose_name=_("organisation"),
    )
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A keyed hash of the form the child sent, so sending it twice (reload) does
    # not open a second conversation. NULL (not "") when there is none, so the
    # unique constraint leaves those alone.
    submission_hash = models.CharField(  # noqa: DJ001
        max_length=64, unique=True, null=True, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ConversationStatus.choices,
        default=ConversationStatus.OPEN,
    )
    is_urgent = models.BooleanField(_("urgent"), default=False)
    danger_categories = models.JSONField(_("danger categories"), default=list)
    # Set when the child writes and nobody has answered yet; cleared by an answer.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    first_name = EncryptedTextField(_("first name"), blank=True, default="")
    contact = EncryptedTextField(_("how to reach the child"), blank=True, default="")
    is_misuse = models.BooleanField(_("misuse"), default=False)
    misuse_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked as misuse by"),
    )
    misuse_marked_at = models.DateTimeField(_("marked as misuse at"), null=True)
    misuse_reason = models.TextField(_("reason for misuse"), blank=True, default="")
    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meldcode trajectory"),
    )
    # Set by an urgent child message, cleared when a staff member opens the
    # conversation; while it is set, the escalation task counts the minutes.
    urgent_unopened_since = models.DateTimeField(
        _("urgent and not opened since"), null=True, blank=True, db_index=True
    )
    escalation_step = models.PositiveSmallIntegerField(
        _("escalation"), choices=EscalationStep.choices, default=EscalationStep.NONE
    )
    # The municipality's on-duty organisation, once the message went there: its
    # aandachtsfunctionarissen may read and answer the conversation.
    escalated_to = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="youth_conversations_on_duty",
        verbose_name=_("on-duty organisation"),
    )

    class Meta:
        verbose_name = _("conversation with a child")
        verbose_name_plural = _("conversations with children")
        ordering = ["-last_activity_at"]
        indexes = [
            models.Index(
                fields=["organisation", "is_misuse", "status"],
                name="youthconv_inbox",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_misuse=False)
                | models.Q(misuse_marked_at__isnull=False),
                name="youthconv_misuse_has_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {str(self.public_id)[:8]}"


class UrgentEscalation(models.Model):
    """One step of the escalation of an urgent message nobody opened: who was
    alerted and when. One row per conversation, step and urgent period, so a
    second run of the task changes nothing."""

    conversation = models.ForeignKey(
        YouthConversation,
        on_delete=models.CASCADE,
        related_name="escalations",
        verbose_name=_("conversation"),
    )
    step = models.PositiveSmallIntegerField(_("step"), choices=EscalationStep.choices)
    urgent_since = models.DateTimeField(_("urgent and not opened since"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation alerted"),
    )
    recipient_count = models.PositiveIntegerField(_("people alerted"), default=0)
    created_at = models.DateTimeField(_("escalated at"))

    class Meta:
        verbose_name = _("escalation of an urgent message")
        verbose_name_plural = _("escalations of urgent messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "step", "urgent_since"],
                name="youth_escalation_once_per_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ChannelHours(models.Model):
    """When a person at the school or club reads messages. A channel without
    rows has the default hours (school days, Monday to Friday 08:00-17:00);
    public holidays are always closed (core.calendar)."""

    channel = models.ForeignKey(
        PublicChannel,
        on_delete=models.CASCADE,
        related_name="hours",
        verbose_name=_("channel"),
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        verbose_name = _("hours when messages are read")
        verbose_name_plural = _("hours when messages are read")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="youth_channel_hours_closes_after_opens",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class YouthMessage(TimeStampedModel):
    conversation = models.ForeignKey(
        YouthConversation,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("conversation"),
    )
    sender = models.CharField(_("from"), max_length=10, choices=Sender.choices)
    body = EncryptedTextField(_("message"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    is_urgent = models.BooleanField(_("urgent"), default=False)
    danger_categories = models.JSONField(_("danger categories"), default=list)
    # The language of the page the child wrote on (nl, en, ar, tr, pl, uk), so
    # staff know what to expect and the danger patterns of that language run.
    # Empty for staff answers.
    language = models.CharField(_("language"), max_length=8, blank=True, default="")

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sender="child", author__isnull=True)
                | models.Q(sender="staff"),
                name="youthmessage_child_has_no_author",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_sender_display()} {self.created_at:%Y-%m-%d %H:%M}"


class DangerPattern(TimeStampedModel):
    """A phrase that makes a message urgent (or, for HARMLESS, one that does not).

    Shared patterns (no organisation) come from ``seed_data`` through a data
    migration and are the same for every organisation; a functioneel beheerder
    adds and edits the patterns of their own organisation, which apply to the
    messages to that organisation only.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="youth_danger_patterns",
        verbose_name=_("organisation"),
    )
    pattern = models.CharField(_("words or pattern"), max_length=200)
    category = models.CharField(
        _("category"), max_length=20, choices=DangerCategory.choices
    )
    # The language the pattern is written in: it runs on messages in that
    # language (Dutch ones on every message; danger.languages_for).
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=PatternLanguage.choices,
        default=PatternLanguage.DUTCH,
    )
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("note"), max_length=200, blank=True, default="")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        verbose_name = _("danger pattern")
        verbose_name_plural = _("danger patterns")
        ordering = ["language", "category", "pattern"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "language", "pattern"],
                name="youth_danger_pattern_unique_per_org",
            )
        ]

    def __str__(self) -> str:
        return self.pattern


class AnswerTemplate(models.Model):
    """A ready answer in plain words a child understands; staff adapt it."""

    language = models.CharField(_("language"), max_length=8, default="nl")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(_("text"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["language", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "title"], name="youth_answer_template_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class OneTimePageKind(models.TextChoices):
    RESULTS = "results", _("Schools found by name")
    WRITE = "write", _("Write page after choosing")
    RECEIPT = "receipt", _("Receipt after sending")
    CONVERSATION = "conversation", _("Conversation read with the code")
    READ = "read", _("Read page after a refused code")


class OneTimePage(models.Model):
    """A child's page behind a single-use token: the list of schools found by
    name, the write page after choosing the school, the receipt after sending, or the conversation after typing the
    code (docs/decisions.md, "Child pages
    behind a single-use token").

    A form redirects to a URL with a random token; this row holds what that
    page must show, the pick-up code encrypted, and is deleted when the page is
    shown the first time, or after a few minutes. The database keeps a hash of
    the token, so reading it does not give the URL.
    """

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=OneTimePageKind.choices)
    channel = models.ForeignKey(
        PublicChannel,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("public channel"),
    )
    sealed_code = EncryptedTextField(_("pick-up code"), blank=True, default="")
    sealed_typed = EncryptedTextField(_("words typed"), blank=True, default="")
    is_urgent = models.BooleanField(_("urgent"), default=False)
    message_sent = models.BooleanField(_("message sent"), default=False)
    created_at = models.DateTimeField(_("created at"), db_index=True)

    class Meta:
        verbose_name = _("page shown once")
        verbose_name_plural = _("pages shown once")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
