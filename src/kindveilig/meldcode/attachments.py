"""Reading attachments: decrypted from disk, every read audited."""

import uuid
from pathlib import Path

from django.conf import settings

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_denied
from kindveilig.core.crypto import decrypt_bytes

from .models import Attachment, Trajectory
from .services.common import audit_write


def attachment_get_for(
    *, actor: Actor, trajectory: Trajectory, public_id: uuid.UUID
) -> Attachment | None:
    """``trajectory`` was loaded through trajectory_get_for, so the actor may see it."""
    attachment = trajectory.attachments.filter(public_id=public_id).first()
    if attachment is None:
        audit_denied(actor=actor, model=Attachment, public_id=public_id)
    else:
        audit_write(actor, trajectory, attachment, AuditAction.READ)
    return attachment


def attachment_read(attachment: Attachment) -> bytes:
    path = Path(settings.MEDIA_ROOT) / "attachments" / attachment.storage_name
    return decrypt_bytes(path.read_bytes())
