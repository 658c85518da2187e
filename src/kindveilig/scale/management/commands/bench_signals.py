import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.signals import time_signal_registration


class Command(BaseCommand):
    help = "Time signal registration with and without a match, in-process."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=200)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        timings = time_signal_registration(count=options["count"])
        options["out"].write_text(json.dumps(timings.as_dict() if timings else None))
        if timings is None:
            self.stdout.write(_("Signal registration is not built yet."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Timed %(count)s signal registrations.") % {"count": timings.count}
            )
        )
