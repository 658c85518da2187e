import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.audit_writers import measure_audit_writers


class Command(BaseCommand):
    help = (
        "Measure audited writes per second with 1 to 32 parallel writers, each "
        "in another organisation and all in the same one (issue 17)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--writers", type=int, nargs="+", default=[1, 2, 4, 8, 16, 32]
        )
        parser.add_argument("--seconds", type=float, default=5.0)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        runs = measure_audit_writers(
            writers=options["writers"], seconds=options["seconds"]
        )
        options["out"].write_text(json.dumps(runs, indent=1))
        for run in runs:
            self.stdout.write(
                _("%(writers)s writer(s), %(mode)s: %(rate)s writes/s, p95 %(p95)s ms")
                % {
                    "writers": run["writers"],
                    "mode": _("one organisation")
                    if run["same_organisation"]
                    else _("different organisations"),
                    "rate": run["writes_per_second"],
                    "p95": run["p95_ms"],
                }
            )
