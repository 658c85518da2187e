from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.report import write_report


class Command(BaseCommand):
    help = "Write a benchmark run's tables into docs/performance.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--profile", required=True)
        parser.add_argument("--dir", type=Path, required=True)
        parser.add_argument("--out", type=Path, default=Path("docs/performance.md"))

    def handle(self, *args: Any, **options: Any) -> None:
        write_report(
            profile=options["profile"], run_dir=options["dir"], target=options["out"]
        )
        self.stdout.write(
            self.style.SUCCESS(_("Wrote %(path)s.") % {"path": options["out"]})
        )
