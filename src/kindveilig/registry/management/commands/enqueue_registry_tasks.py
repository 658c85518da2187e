from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.registry.tasks import send_qualification_reminders


class Command(BaseCommand):
    help = (
        "Put the daily registry task (qualification expiry reminders) in the task "
        "queue; run once a day from cron. A db_worker process runs it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_qualification_reminders.enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                _("Enqueued the qualification reminders (task %(id)s).")
                % {"id": result.id}
            )
        )
