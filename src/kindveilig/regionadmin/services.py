"""Writes of the region's organisation administration: an organisation by hand,
(de)activating one, and importing a register file in three steps: upload (a
preview, nothing written to the organisations), confirm (queued), run (the
background task). Every write leaves audit records (docs/organisations.md)."""

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Field
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many
from kindveilig.core.background import enqueue_on_commit
from kindveilig.organisations.importing import ParsedFile, decode, parse_register
from kindveilig.organisations.models import Municipality, Organisation
from kindveilig.organisations.services import (
    ImportPlan,
    import_plan,
    missing_from_register,
    organisations_deactivate,
    organisations_import,
)

from .models import ImportStatus, OrganisationImport
from .selectors import can_manage_organisations

__all__ = [
    "organisation_import_confirm",
    "organisation_import_run",
    "organisation_import_upload",
    "organisation_save",
    "organisation_set_active",
]

logger = logging.getLogger(__name__)

RUN_TASK = "kindveilig.regionadmin.tasks.run_organisation_import"
AUDIT_REASON = "organisation administration of the region"
IMPORT_REASON = "register import %s"
# The preview lists at most this many rows per kind (the counts are complete).
PREVIEW_LIMIT = 500
BATCH_SIZE = 200
FIELDS = ("name", "type", "municipality", "external_code", "address")
ACTIONS = {
    "create": AuditAction.CREATE,
    "update": AuditAction.UPDATE,
    "deactivate": AuditAction.UPDATE,
}


def _region_id(actor: Actor) -> int:
    if not can_manage_organisations(actor):
        raise ValidationError(_("Only the beheerder of the municipality may do this."))
    return actor.organisation.municipality.region_id


def organisation_save(
    *, actor: Actor, organisation: Organisation | None, values: Mapping[str, Any]
) -> Organisation:
    """Create (``organisation`` None) or change an organisation of the actor's
    region. The external code is unique: a taken one is an error on its field."""
    region_id = _region_id(actor)
    creating = organisation is None
    target = organisation or Organisation()
    for field in FIELDS:
        setattr(target, field, values.get(field))
    target.external_code = (values.get("external_code") or "").strip() or None
    target.address = values.get("address") or ""
    if target.municipality.region_id != region_id:
        raise ValidationError(
            {"municipality": _("Choose a municipality of your region.")}
        )
    with transaction.atomic():
        target.full_clean()
        target.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE if creating else AuditAction.UPDATE,
            obj=target,
            reason=AUDIT_REASON,
        )
    return target


def organisation_set_active(
    *, actor: Actor, organisation: Organisation, active: bool
) -> Organisation:
    """Deactivate or reactivate; an organisation is never deleted."""
    _region_id(actor)
    if organisation.is_active == active:
        return organisation
    with transaction.atomic():
        organisation.is_active = active
        organisation.save(update_fields=["is_active", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=organisation,
            reason=AUDIT_REASON,
        )
    return organisation


def _labels(changes: list[str]) -> list[str]:
    names = {"municipality_id": "municipality"}
    labels = []
    for key in changes:
        field = Organisation._meta.get_field(names.get(key, key))
        assert isinstance(field, Field)
        labels.append(str(field.verbose_name))
    return labels


def _preview(parsed: ParsedFile, plan: ImportPlan) -> dict[str, Any]:
    """What the preview page shows, as JSON: counts and the first rows."""
    names = dict(Municipality.objects.values_list("pk", "name"))
    return {
        "rows": len(parsed.rows),
        "outside": parsed.outside_region,
        "errors": [[error.line, error.message] for error in parsed.errors],
        "created_count": len(plan.created),
        "created": [
            [row.line, row.external_code, row.name, names.get(row.municipality_id, "")]
            for row in plan.created[:PREVIEW_LIMIT]
        ],
        "updated_count": len(plan.updated),
        "updated": [
            [row.line, row.external_code, row.name, ", ".join(_labels(changes))]
            for row, _org, changes in plan.updated[:PREVIEW_LIMIT]
        ],
        "deactivated_count": len(plan.deactivated),
        "deactivated": [
            [org.external_code, org.name] for org in plan.deactivated[:PREVIEW_LIMIT]
        ],
        "unchanged": plan.unchanged,
    }


def organisation_import_upload(
    *, actor: Actor, file_name: str, raw: bytes
) -> OrganisationImport:
    """Read a register file and keep its preview; nothing is imported yet. A
    file without the columns of any format is an error on the file field."""
    region_id = _region_id(actor)
    parsed = parse_register(raw, region_id=region_id)
    if parsed.header_error:
        raise ValidationError({"file": parsed.header_error})
    if not parsed.rows and not parsed.errors and not parsed.outside_region:
        raise ValidationError({"file": _("The file has no rows below its header.")})
    plan = import_plan(
        rows=parsed.rows, register=parsed.register, codes_in_file=parsed.codes_in_file
    )
    text, _encoding = decode(raw)
    with transaction.atomic():
        upload = OrganisationImport.objects.create(
            organisation=actor.organisation,
            requested_by=actor.user,
            membership=actor.membership,
            file_name=file_name[:200],
            register=parsed.register,
            delimiter=parsed.delimiter,
            encoding=parsed.encoding,
            content=text,
            preview=_preview(parsed, plan),
        )
        audit_record(
            actor=actor, action=AuditAction.CREATE, obj=upload, reason=AUDIT_REASON
        )
    return upload


def organisation_import_confirm(
    *, actor: Actor, organisation_import: OrganisationImport
) -> OrganisationImport:
    """Queue a previewed import; the background task runs it."""
    _region_id(actor)
    with transaction.atomic():
        locked = OrganisationImport.objects.select_for_update().get(
            pk=organisation_import.pk
        )
        if locked.status != ImportStatus.PREVIEW:
            raise ValidationError(_("This import has been confirmed already."))
        locked.status = ImportStatus.QUEUED
        locked.save(update_fields=["status"])
        audit_record(
            actor=actor, action=AuditAction.UPDATE, obj=locked, reason=AUDIT_REASON
        )
        enqueue_on_commit(RUN_TASK, import_id=locked.pk)
    return locked


def _set(upload: OrganisationImport, **values: Any) -> None:
    for key, value in values.items():
        setattr(upload, key, value)
    upload.save(update_fields=list(values))


def _audit(actor: Actor, changed: Any, reason: str) -> None:
    by_action: dict[str, list[AuditItem]] = {}
    for kind, org in changed:
        by_action.setdefault(kind, []).append(AuditItem(obj=org, person_id=None))
    for kind, items in by_action.items():
        audit_record_many(actor=actor, action=ACTIONS[kind], items=items, reason=reason)


def _run(upload: OrganisationImport, actor: Actor) -> dict[str, int]:
    region_id = upload.organisation.municipality.region_id
    parsed = parse_register(upload.content.encode(), region_id=region_id)
    reason = IMPORT_REASON % upload.public_id
    totals = {"created": 0, "updated": 0, "unchanged": 0, "deactivated": 0}
    rows = parsed.rows
    done = 0
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        with transaction.atomic():
            result = organisations_import(rows=batch, register=parsed.register)
            _audit(actor, result.changed, reason)
        totals["created"] += result.created
        totals["updated"] += result.updated
        totals["unchanged"] += result.unchanged
        done += len(batch)
        _set(upload, progress=5 + int(90 * done / max(len(rows), 1)))
    with transaction.atomic():
        missing = missing_from_register(
            register=parsed.register,
            codes_in_file=parsed.codes_in_file,
            municipality_ids={row.municipality_id for row in rows},
        )
        organisations_deactivate(missing)
        _audit(actor, [("deactivate", org) for org in missing], reason)
    totals["deactivated"] = len(missing)
    return {
        **totals,
        "skipped": len(parsed.errors),
        "outside": parsed.outside_region,
    }


def organisation_import_run(import_id: int) -> str:
    """The background task's work: import in batches of ``BATCH_SIZE`` rows,
    each batch one transaction with its audit records, saving the progress in
    between so the page can show it; then deactivate the locations the register
    no longer lists. Re-running is safe (the import is idempotent). A failure
    is recorded on the import (and logged), not raised; uploading the file again
    completes it. The file's text is cleared once the import has run or failed."""
    with transaction.atomic():
        upload = (
            OrganisationImport.objects.select_for_update()
            .select_related("organisation__municipality", "requested_by", "membership")
            .get(pk=import_id)
        )
        if upload.status != ImportStatus.QUEUED:
            return upload.status
        _set(upload, status=ImportStatus.RUNNING, progress=5)
    actor = Actor(user=upload.requested_by, membership=upload.membership)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            result = _run(upload, actor)
    except Exception:
        logger.exception("Organisation import %s failed", upload.pk)
        _set(
            upload,
            status=ImportStatus.FAILED,
            content="",
            finished_at=timezone.now(),
        )
        return upload.status
    _set(
        upload,
        status=ImportStatus.DONE,
        progress=100,
        result=result,
        content="",
        finished_at=timezone.now(),
    )
    return upload.status
