"""Background tasks of the monitor, run by ``manage.py db_worker``.

``manage.py enqueue_daily_tasks`` (run daily from cron) puts them in the queue.
"""

from django.tasks import task

from .letter_services import council_letter_make
from .services import coverage_snapshot_take, monitor_refresh


@task()
def take_coverage_snapshot() -> int:
    """Store this month's coverage counts; returns the number of rows written."""
    return coverage_snapshot_take()


@task()
def refresh_monitor() -> int:
    """Count again what changed since the last run (the whole window on the
    first run) and republish it; returns the figures written."""
    return monitor_refresh().figures_written


@task()
def make_council_letter(letter_id: int) -> str:
    """Make a queued raadsinformatiebrief; returns its status."""
    return council_letter_make(letter_id)
