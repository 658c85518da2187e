import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.monitor_bench import time_monitor


class Command(BaseCommand):
    help = (
        "Time the monitor in-process: the refresh (full, then incremental after a "
        "small change), the dashboard under several filters, and the "
        "raadsinformatiebrief made by its task."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        timings = time_monitor()
        options["out"].write_text(json.dumps(timings.as_dict(), indent=1))
        self.stdout.write(
            self.style.SUCCESS(
                _("Timed the monitor: full refresh %(seconds).1f s.")
                % {"seconds": timings.full_seconds}
            )
        )
