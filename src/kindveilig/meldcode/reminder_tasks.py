"""The daily reminder as a background task, run by ``manage.py db_worker``.

``manage.py enqueue_daily_tasks`` (run daily from cron) puts it in the queue.
"""

from django.tasks import task

from .meldplicht_reminders import meldplicht_reminders_send
from .reminders import reminders_send


@task()
def send_daily_reminders() -> int:
    """Send today's overdue reminders; returns the number of e-mails sent."""
    return reminders_send()


@task()
def send_meldplicht_reminders() -> int:
    """Remind of overdue meldplicht steps; returns the number of e-mails sent."""
    return meldplicht_reminders_send()
