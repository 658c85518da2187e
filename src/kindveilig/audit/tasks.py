"""Background work for the audit log, run by the database-backed task worker."""

import logging

from django.tasks import task

from .services import audit_log_verify_and_checkpoint

logger = logging.getLogger(__name__)


@task()
def verify_audit_log_task(full: bool = False) -> dict[str, object]:
    """Check the hash chain outside any request (e.g. nightly, or on demand): the
    records since the last checkpoint, or all of them with ``full``."""
    result = audit_log_verify_and_checkpoint(full=full)
    if result.ok:
        logger.info("Audit log intact: %s records checked", result.checked)
    else:
        logger.error("Audit log NOT intact: %s problems", len(result.problems))
    return {
        "ok": result.ok,
        "checked": result.checked,
        "problems": len(result.problems),
        "last_seq": result.last_seq,
    }
