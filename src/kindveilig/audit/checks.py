"""``check --deploy``: the audit seal needs its key and its sink."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error


def check_audit_seal_settings(**kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    if not getattr(settings, "KINDVEILIG_AUDIT_SEAL_KEY", ""):
        errors.append(
            Error(
                "KINDVEILIG_AUDIT_SEAL_KEY is not set: audit checkpoints cannot be "
                "sealed, so the audit log cannot be verified.",
                id="kindveilig.audit.E001",
            )
        )
    if not getattr(settings, "KINDVEILIG_AUDIT_SINK", ""):
        errors.append(
            Error(
                "KINDVEILIG_AUDIT_SINK is not set: sealed audit checkpoints need a "
                "file outside the database (docs/audit-log.md).",
                id="kindveilig.audit.E002",
            )
        )
    return errors
