"""Background tasks of readiness, run by ``manage.py db_worker``.

``manage.py enqueue_daily_tasks`` (run daily from cron) puts them in the queue.
"""

from django.tasks import task

from .reminders import reminders_send


@task()
def send_qualification_reminders() -> int:
    """Send the expiry reminders due today; returns the number of e-mails sent."""
    return reminders_send()
