from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.monitor.tasks import take_coverage_snapshot


class Command(BaseCommand):
    help = (
        "Put the daily monitor task (the coverage snapshot) in the task queue; run "
        "once a day from cron. A db_worker process runs it."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = take_coverage_snapshot.enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                _("Enqueued the coverage snapshot (task %(id)s).") % {"id": result.id}
            )
        )
