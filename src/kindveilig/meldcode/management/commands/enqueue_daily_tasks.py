from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.meldcode.reminder_tasks import send_daily_reminders


class Command(BaseCommand):
    help = (
        "Put the daily background tasks (meldcode reminders) in the task queue; "
        "run once a day from cron. A db_worker process runs them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_daily_reminders.enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                _("Enqueued the daily meldcode reminders (task %(id)s).")
                % {"id": result.id}
            )
        )
