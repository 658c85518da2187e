"""The recorded content of the five steps. Free text with personal stories is
encrypted at rest; entries are added, never silently overwritten."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel

from .choices import (
    AnswerChoice,
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    FeedbackKind,
    HandoverChannel,
    OpenMeldenException,
    SkipReason,
    Source,
)


class Entry(PublicIdModel):
    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


class Observation(Entry):
    """Step 1: a signal. Facts and interpretations are kept visibly apart."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="observations"
    )
    observed_on = models.DateField(_("date"))
    observed_by = models.CharField(_("seen or heard by"), max_length=200)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_name = models.CharField(
        _("name of the third party"),
        max_length=200,
        blank=True,
        help_text=_("Information from a third party always names its source."),
    )
    facts = EncryptedTextField(_("facts: what was seen or heard"))
    interpretation = EncryptedTextField(_("interpretation"), blank=True, default="")
    interpretation_by = models.CharField(
        _("whose interpretation"), max_length=200, blank=True
    )
    child_quote = EncryptedTextField(_("the child's own words"), blank=True, default="")

    class Meta(Entry.Meta):
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        return f"Signaal {self.observed_on}"


class BodyMark(models.Model):
    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="marks"
    )
    side = models.CharField(_("side"), max_length=5, choices=BodySide.choices)
    region = models.CharField(_("body part"), max_length=20, choices=BodyRegion.choices)
    description = EncryptedTextField(_("description of the injury"))

    class Meta:
        verbose_name = _("body map mark")
        verbose_name_plural = _("body map marks")

    def __str__(self) -> str:
        return f"{self.get_region_display()} ({self.get_side_display()})"


class Attachment(Entry):
    """A file, encrypted and stored outside the database rows."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="attachments"
    )
    file_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=64, unique=True)

    class Meta(Entry.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.storage_name


class Consultation(Entry):
    """Step 2: consulting a colleague, the aandachtsfunctionaris, Veilig Thuis
    (an advies, possibly anonymous) or a letselduiding expert."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="consultations"
    )
    party = models.CharField(
        _("consulted"), max_length=30, choices=ConsultedParty.choices
    )
    consulted_name = models.CharField(_("name of the person consulted"), max_length=200)
    consulted_on = models.DateField(_("date"))
    anonymous = models.BooleanField(
        _("anonymous advies (no names given)"), default=False
    )
    question = EncryptedTextField(_("question"))
    advice = EncryptedTextField(_("advice"))
    agreed_actions = EncryptedTextField(_("agreed actions"), blank=True, default="")

    class Meta(Entry.Meta):
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return f"Overleg {self.consulted_on}"


class WithWhomEntry(Entry):
    """Step 3 entries are about the parents/carers or about one child."""

    with_whom = models.CharField(
        _("with"), max_length=10, choices=ConversationWith.choices
    )
    child = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(Entry.Meta):
        abstract = True


class Conversation(WithWhomEntry):
    """Step 3: a conversation with the parents/carers or with a child."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="conversations"
    )
    held_on = models.DateField(_("date"))
    preparation = EncryptedTextField(_("preparation"), blank=True, default="")
    what_was_said = EncryptedTextField(_("what was said"))
    reaction = EncryptedTextField(_("reaction"), blank=True, default="")
    agreements = EncryptedTextField(_("agreements"), blank=True, default="")
    # The child's own voice.
    child_words = EncryptedTextField(
        _("what the child told, in their own words"), blank=True, default=""
    )
    child_wishes = EncryptedTextField(_("what the child wants"), blank=True, default="")
    child_wellbeing = EncryptedTextField(
        _("how the child is doing"), blank=True, default=""
    )
    child_told_next_steps = models.BooleanField(
        _("the child was told what happens next"), default=False
    )

    class Meta(WithWhomEntry.Meta):
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return f"Gesprek {self.held_on}"


class ConversationSkip(WithWhomEntry):
    """Step 3 without a conversation: why not, from a list plus free text."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="skips"
    )
    reason = models.CharField(_("reason"), max_length=30, choices=SkipReason.choices)
    explanation = EncryptedTextField(_("explanation"))

    class Meta(WithWhomEntry.Meta):
        verbose_name = _("conversation not held")
        verbose_name_plural = _("conversations not held")

    def __str__(self) -> str:
        return self.get_reason_display()


class AfwegingAnswer(Entry):
    """Step 4: one answer to one afweging. A later answer to the same question
    replaces it in the weighing; the earlier one stays in the history."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="answers"
    )
    question = models.PositiveSmallIntegerField(_("afweging"))
    answer = models.CharField(_("answer"), max_length=5, choices=AnswerChoice.choices)
    rationale = EncryptedTextField(_("rationale"))
    with_veilig_thuis = models.BooleanField(
        _("answered together with Veilig Thuis"), default=False
    )

    class Meta(Entry.Meta):
        verbose_name = _("afweging answer")
        verbose_name_plural = _("afweging answers")

    def __str__(self) -> str:
        return f"Afweging {self.question}: {self.answer}"


class Melding(Entry):
    """The melding to Veilig Thuis: an identified melder (an anonymous contact is
    an advies), "open melden, tenzij", and the handover."""

    # A trajectory can have more than one melding: a renewed melding after help
    # did not reach its result (afweging 5 "nee") follows in a new decision round.
    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="meldingen"
    )
    decision = models.OneToOneField(
        "meldcode.Decision", on_delete=models.PROTECT, related_name="melding"
    )
    melder_name = models.CharField(_("name of the melder"), max_length=200)
    melder_function = models.CharField(_("function"), max_length=200)
    melder_phone = models.CharField(_("phone number"), max_length=30)
    melder_email = models.EmailField(_("e-mail address"))
    discussed_with_parents = models.BooleanField(
        _("discussed with the parents beforehand")
    )
    discussed_with_child = models.BooleanField(_("discussed with the child beforehand"))
    not_discussed_reason = models.CharField(
        _("reason it was not discussed"),
        max_length=30,
        choices=OpenMeldenException.choices,
        blank=True,
    )
    not_discussed_explanation = EncryptedTextField(
        _("explanation"), blank=True, default=""
    )
    support_network = EncryptedTextField(_("support network"), blank=True, default="")
    other_information = EncryptedTextField(
        _("other information"), blank=True, default=""
    )
    handed_over_at = models.DateTimeField(_("handed over at"), null=True, blank=True)
    handed_over_channel = models.CharField(
        _("handed over how"), max_length=20, choices=HandoverChannel.choices, blank=True
    )
    veilig_thuis_reference = models.CharField(
        _("Veilig Thuis reference"), max_length=50, blank=True
    )

    class Meta(Entry.Meta):
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")

    def __str__(self) -> str:
        return f"Melding {self.created_at:%Y-%m-%d}"


class VeiligThuisFeedback(Entry):
    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="feedback"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=FeedbackKind.choices)
    received_on = models.DateField(_("received on"))
    summary = EncryptedTextField(_("summary"))

    class Meta(Entry.Meta):
        verbose_name = _("Veilig Thuis feedback")
        verbose_name_plural = _("Veilig Thuis feedback")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.received_on}"


class FormDraft(models.Model):
    """A long form saved half-way, so nothing typed is lost. Encrypted."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    form_key = models.CharField(max_length=40)
    data = EncryptedTextField()
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "user", "form_key"], name="unique_draft"
            )
        ]

    def __str__(self) -> str:
        return self.form_key
