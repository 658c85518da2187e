"""The audit log, in the shape of NEN 7513: who did what to whose data, when, why.

Records are append-only: the model refuses updates and deletes, a PostgreSQL
trigger refuses them at the database, and every record carries the hash of the
one before it in its chain, so a changed or removed record is found by
``verify_audit_log``. There is one chain per organisation (``chain`` is the
writer's organisation id; 0 holds the writers without one), so writers in
different organisations never wait for each other's lock; the verifier's sealed
checkpoints list every chain's head and tie the chains together. The
checkpoints are append-only in the same way.
"""

from typing import Any, ClassVar, NoReturn

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

# A person's access log shows these columns; ``audit_person_log`` holds them, so
# PostgreSQL answers the page from the index alone (an index-only scan), without
# reading one table page per record from a table that no longer fits in memory.
ACCESS_LOG_COLUMNS = (
    "occurred_at",
    "actor_user",
    "actor_organisation",
    "actor_role",
    "action",
    "object_type",
    "reason",
)
# The reason is free text (a break-the-glass reason is typed by the user) and a
# B-tree entry holds at most 2,704 bytes: records with a longer reason (600
# characters of up to 4 bytes each, with the other columns) are kept out of the
# covering index and found through ``audit_person_long_reason`` instead.
SHORT_REASON = LessThanOrEqual(Length("reason"), 600)
LONG_REASON = GreaterThan(Length("reason"), 600)


class AuditAction(models.TextChoices):
    READ = "read", _("Read")
    CREATE = "create", _("Create")
    UPDATE = "update", _("Change")
    DELETE = "delete", _("Delete")
    EXPORT = "export", _("Export")
    PRINT = "print", _("Print")
    # A refused attempt at an existing object of someone else: who, what, when.
    DENIED = "denied", _("Denied")


class AppendOnlyError(Exception):
    pass


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be deleted.")


class AuditEvent(models.Model):
    # The chain this record belongs to: the writing organisation's id, or 0 for a
    # writer without one (the system, the anonymous youth channel). ``seq``
    # counts within the chain; ``id`` orders the whole log.
    chain = models.PositiveBigIntegerField(_("chain"), default=0)
    seq = models.PositiveBigIntegerField(_("sequence number"))
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
    # Indexed by ``audit_person_newest`` below (person first), which serves every
    # lookup by person; a second index on it alone would only cost inserts.
    person_id = models.UUIDField(_("person"), null=True)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    prev_hash = models.CharField(max_length=64)
    # Not unique: (chain, seq) is, and the chain check finds a repeated hash. A
    # unique index on random hex would make every insert touch a random page.
    hash = models.CharField(max_length=64)

    objects: ClassVar[models.Manager["AuditEvent"]] = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        ordering = ["id"]
        constraints = [
            # Also the index every chain walk and head lookup uses.
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_chain_seq")
        ]
        indexes = [
            models.Index(fields=["person_id", "-id"], name="audit_person_newest"),
            # The access log page (audit.selectors.access_log_rows).
            models.Index(
                fields=["person_id", "-id"],
                include=ACCESS_LOG_COLUMNS,
                condition=models.Q(person_id__isnull=False) & models.Q(SHORT_REASON),
                name="audit_person_log",
            ),
            models.Index(
                fields=["person_id", "-id"],
                condition=models.Q(person_id__isnull=False) & models.Q(LONG_REASON),
                name="audit_person_long_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq}@{self.chain} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit records cannot be deleted.")


class AuditChainHead(models.Model):
    """One row per chain: its last sequence number and hash. Locking it orders
    the chain's writers (one organisation's), and comparing it with the chain's
    last record reveals records cut off the end."""

    chain = models.PositiveBigIntegerField(_("chain"), unique=True, default=0)
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"head #{self.last_seq}@{self.chain}"


class AuditCheckpointQuerySet(models.QuerySet["AuditCheckpoint"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit checkpoints cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit checkpoints cannot be deleted.")


class AuditCheckpoint(models.Model):
    """The last record a passing verification reached: the next run starts after it.

    Written only by ``audit.services.audit_log_verify_and_checkpoint``, sealed with
    a key that is not in the database and appended to a sink outside it, so
    whoever can rewrite the audit tables can neither forge nor drop one unseen.
    """

    # Since the chains were split: ``heads`` is every chain's last verified
    # record as {"chain": [seq, hash]}, ``seq`` the number of records they hold
    # together and ``hash`` the SHA-256 of the heads (``chain.heads_hash``), so
    # the seal over (seq, hash, time) covers every chain: the cross-link. Before
    # the split ``heads`` is empty and (seq, hash) is the one chain's last record.
    seq = models.PositiveBigIntegerField(_("sequence number"))
    hash = models.CharField(_("hash"), max_length=64)
    heads = models.JSONField(_("chain heads"), default=dict, blank=True)
    verified_at = models.DateTimeField(_("verified at"))
    records_checked = models.PositiveBigIntegerField(_("records checked"))
    full = models.BooleanField(_("checked from the start"))
    # HMAC of (seq, hash, verified_at) under KINDVEILIG_AUDIT_SEAL_KEY, which is not
    # in the database; the same line goes to the sink (audit.seal). Empty only on
    # checkpoints from before the seal, which the verifier no longer trusts.
    seal = models.CharField(_("seal"), max_length=64, blank=True)

    objects: ClassVar[models.Manager["AuditCheckpoint"]] = (
        AuditCheckpointQuerySet.as_manager()
    )

    class Meta:
        verbose_name = _("audit checkpoint")
        verbose_name_plural = _("audit checkpoints")

    def __str__(self) -> str:
        return f"checkpoint #{self.seq}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit checkpoints cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit checkpoints cannot be deleted.")
