from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.core.background import enqueue_frequent_tasks


class Command(BaseCommand):
    help = (
        "Put every frequent background task that the apps registered (such as the "
        "escalation of urgent messages from children) in the task queue; run every "
        "five minutes from cron. A db_worker process runs them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for path, task_id in enqueue_frequent_tasks():
            self.stdout.write(
                self.style.SUCCESS(
                    _("Enqueued %(task)s (task %(id)s).")
                    % {"task": path, "id": task_id}
                )
            )
