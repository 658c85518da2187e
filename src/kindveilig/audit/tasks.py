"""Background work for the audit log, run by the database-backed task worker."""

import logging

from django.tasks import task
from django.utils import timezone

from .services import audit_log_verify_and_checkpoint

logger = logging.getLogger(__name__)

# The daily check walks the whole chain on this weekday (Monday is 0): a change
# before the latest checkpoint that left the hashes after it alone is found
# within a week (docs/decisions.md, "A full check every week"). Monday, because
# cron enqueues the daily tasks on working days only (docs/deploy.md).
FULL_CHECK_WEEKDAY = 0  # Monday


@task()
def verify_audit_log_task(full: bool = False) -> dict[str, object]:
    """Check the hash chain outside any request (e.g. nightly, or on demand): the
    records since the last sealed checkpoint, or all of them with ``full``."""
    result = audit_log_verify_and_checkpoint(full=full)
    if result.ok:
        logger.info(
            "Audit log intact: records #%s-#%s checked since checkpoint #%s",
            result.first_seq,
            result.last_seq,
            result.start_seq,
        )
    else:
        logger.error("Audit log NOT intact: %s problems", len(result.problems))
        for problem in result.problems:
            logger.error("Audit log: %s", problem)
    return {
        "ok": result.ok,
        "checked": result.checked,
        "problems": len(result.problems),
        "last_seq": result.last_seq,
        "full": result.full,
    }


@task()
def verify_audit_log_daily() -> dict[str, object]:
    """The registered daily task: from the last checkpoint, and the whole chain
    once a week (on ``FULL_CHECK_WEEKDAY``, in Dutch local time)."""
    full = timezone.localdate().weekday() == FULL_CHECK_WEEKDAY
    return verify_audit_log_task.call(full=full)
