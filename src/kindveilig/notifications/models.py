"""A notification says *that* something waits, never *what*: the text shown is
the translated label of its kind, the link is a path built from public ids."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import PublicIdModel


class NotificationKind(models.TextChoices):
    """Each kind's label is the whole text a person sees. Add a kind here (and its
    caller); there is no free text to fill in."""

    DECISION_AWAITING_COSIGN = (
        "decision_cosign",
        _("A decision is waiting for your co-signature"),
    )
    DECISION_DEVIATES = (
        "decision_deviates",
        _("A decision deviates from the advice of the afwegingskader"),
    )
    HANDOVER_OFFERED = "handover_offered", _("A handover is offered to you")
    HANDOVER_ACCEPTED = "handover_accepted", _("Your handover was accepted")
    HANDOVER_REJECTED = "handover_rejected", _("Your handover was not accepted")
    PARTNER_ADDED = (
        "partner_added",
        _("Your organisation was added as a partner of a household"),
    )
    PARTNER_ENDED = (
        "partner_ended",
        _("Your organisation is no longer a partner of a household"),
    )
    PARTNERS_CHANGED = (
        "partners_changed",
        _("The chain partners of a household you direct changed"),
    )
    PLAN_PUBLISHED = (
        "plan_published",
        _("A new version of a safety plan was published"),
    )
    MATCH_FOUND = (
        "match_found",
        _("Another professional is involved with a child you registered"),
    )


class Notification(PublicIdModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    url = models.CharField(
        _("link"),
        max_length=300,
        help_text=_("A path inside Kindveilig, built from public ids only."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user"),
            models.Index(
                fields=["user"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(url__startswith="/"),
                name="notification_url_is_a_path",
            )
        ]

    def __str__(self) -> str:
        return f"Notification {str(self.public_id)[:8]}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
