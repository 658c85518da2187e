from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.verwijsindex.services import matches_reconcile


class Command(BaseCommand):
    help = (
        "Create the Verwijsindex matches that registrations missed: active signals "
        "of different organisations about the same child without a match. Also "
        "runs as a daily task. Prints counts only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count the missing matches without creating them.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = matches_reconcile(dry_run=options["dry_run"])
        counts = {
            "children": result.children,
            "matches": result.matches,
            "notices": result.notices,
        }
        if options["dry_run"]:
            self.stdout.write(
                _(
                    "Dry run: %(matches)s missing matches for %(children)s children "
                    "(%(notices)s notices); nothing changed."
                )
                % counts
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Created %(matches)s missing matches for %(children)s children "
                    "and %(notices)s notices."
                )
                % counts
            )
        )
