from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.meldcode.reminder_tasks import send_daily_reminders
from kindveilig.youthmessages.tasks import purge_youth_conversations


class Command(BaseCommand):
    help = (
        "Put the daily background tasks (meldcode reminders) in the task queue; "
        "run once a day from cron. A db_worker process runs them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_daily_reminders.enqueue()
        # Children's conversations without activity are deleted after the retention.
        purge_youth_conversations.enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                _("Enqueued the daily meldcode reminders (task %(id)s).")
                % {"id": result.id}
            )
        )
