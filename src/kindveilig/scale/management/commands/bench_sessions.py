import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.scale.bench import bench_users, log_in


class Command(BaseCommand):
    help = (
        "Log in generated users for the benchmark: a session with the second "
        "factor done, written with what each user may open to a JSON file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        users = bench_users(count=options["users"])
        records = []
        for bench_user in users:
            records.append(
                {**bench_user.as_dict(), "session": log_in(bench_user.membership)}
            )
        options["out"].write_text(json.dumps(records, indent=1))
        self.stdout.write(
            self.style.SUCCESS(
                _("Logged in %(count)s benchmark users.") % {"count": len(records)}
            )
        )
