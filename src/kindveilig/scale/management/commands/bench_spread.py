from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.spread import write_spread


class Command(BaseCommand):
    help = (
        "Write the spread (min, median, max) of each page's ratio to the floor "
        "over several benchmark runs into docs/performance.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("runs", type=Path, nargs="+")
        parser.add_argument("--out", type=Path, default=Path("docs/performance.md"))

    def handle(self, *args: Any, **options: Any) -> None:
        write_spread(options["runs"], options["out"])
        self.stdout.write(
            self.style.SUCCESS(_("Wrote %(path)s.") % {"path": options["out"]})
        )
