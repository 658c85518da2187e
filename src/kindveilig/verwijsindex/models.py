"""The Verwijsindex: signals and matches between organisations about one child
("who else is involved", never what about). Shares of a trajectory belong to the
meldcode (``meldcode.models.Share``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import PublicIdModel, TimeStampedModel


class SignalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class Signal(PublicIdModel, TimeStampedModel):
    """A notice of involvement (Verwijsindex semantics): that this professional of
    this organisation is involved with this child. Never why.

    ``bsn_index`` is the child's blind index, copied from the organisation's own
    person record; matching is one indexed lookup on it.
    """

    person = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("child"),
    )
    bsn_index = models.CharField(max_length=64, blank=True, default="", editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contact person"),
    )
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    source_type = models.CharField(max_length=64, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    is_regie = models.BooleanField(_("regievoerder"), default=False)
    parents_informed = models.BooleanField(
        _("parents or young person informed"), default=False
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SignalStatus.choices,
        default=SignalStatus.ACTIVE,
    )
    active_until = models.DateTimeField(_("active until"))
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    delete_after = models.DateTimeField(_("deleted after"), null=True, blank=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at"]
        indexes = [
            # The match lookup: active signals with this blind index.
            models.Index(
                fields=["bsn_index"],
                condition=Q(status="active") & ~Q(bsn_index=""),
                name="signal_active_bsn",
            ),
            models.Index(fields=["status", "active_until"], name="signal_expiry"),
            models.Index(fields=["status", "delete_after"], name="signal_deletion"),
            models.Index(fields=["contact_user", "status"], name="signal_contact"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "contact_user", "bsn_index"],
                condition=Q(status="active") & ~Q(bsn_index=""),
                name="one_active_signal_per_contact_and_bsn",
            ),
            models.UniqueConstraint(
                fields=["organisation", "contact_user", "person"],
                condition=Q(status="active", bsn_index=""),
                name="one_active_signal_per_contact_and_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Signal {str(self.public_id)[:8]}"


class Match(models.Model):
    """Two active signals of different organisations about the same child."""

    first = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("matched at"), auto_now_add=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_match"),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="match_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"Match {self.first_id}-{self.second_id}"


class MatchNotice(PublicIdModel):
    """Tells one contact person that another professional is involved: who, which
    organisation and how to reach them. The child is named only in the app, from
    the recipient's own record."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    own_signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    other_signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    seen_at = models.DateTimeField(_("seen at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("match notice")
        verbose_name_plural = _("match notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notice_user")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "own_signal", "other_signal"], name="unique_notice"
            )
        ]

    def __str__(self) -> str:
        return f"Notice {str(self.public_id)[:8]}"
