"""The audit log, in the shape of NEN 7513: who did what to whose data, when, why.

Records are append-only: the model refuses updates and deletes, a PostgreSQL
trigger refuses them at the database, and every record carries the hash of the
one before it, so a changed or removed record is found by ``verify_audit_log``.
"""

from typing import Any, ClassVar, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Read")
    CREATE = "create", _("Create")
    UPDATE = "update", _("Change")
    DELETE = "delete", _("Delete")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Print")


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be deleted.")


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(_("sequence number"), unique=True)
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    # Who acted: kept apart from whose data it concerns (NEN 7513, Zulip's audit log).
    actor_user = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("user"),
    )
    actor_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    actor_role = models.CharField(_("role"), max_length=32, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=AuditAction.choices)
    # Whose data: the public id of the person concerned, if any.
    person_id = models.UUIDField(_("person"), null=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects: ClassVar[models.Manager["AuditEvent"]] = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["seq"]
        indexes = [models.Index(fields=["person_id", "-seq"], name="audit_person_seq")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be deleted.")


class AuditChainHead(models.Model):
    """One row: the last sequence number and hash. Locking it orders the writers,
    and comparing it with the last record reveals records cut off the end."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"head #{self.last_seq}"
