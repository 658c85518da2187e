from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils.translation import gettext as _

from kindveilig.scale.generator import generate_population


class Command(BaseCommand):
    help = (
        "Add a synthetic, fictitious population (organisations, staff, children, "
        "meldcode trajectories, audit log) through PostgreSQL COPY."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, required=True)
        parser.add_argument(
            "--trajectories",
            type=int,
            default=None,
            help="Default: 0.3 per child (about 1 million for the country).",
        )
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--audit-reads", type=int, default=10)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--chunk", type=int, default=20_000)

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                _("generate_population needs PostgreSQL (it uses COPY).")
            )
        if options["children"] < 1:
            raise CommandError(_("--children must be at least 1."))
        verbosity = options["verbosity"]

        def progress(message: str) -> None:
            if verbosity > 1:
                self.stdout.write(message)

        result = generate_population(
            children=options["children"],
            trajectories=options["trajectories"],
            years=options["years"],
            audit_reads=options["audit_reads"],
            seed=options["seed"],
            chunk=options["chunk"],
            progress=progress,
        )
        for label, count in sorted(result.counts.items()):
            self.stdout.write(f"{label}\t{count}")
        self.stdout.write(
            self.style.SUCCESS(
                _("Generated %(rows)s rows in %(seconds).1f seconds.")
                % {"rows": result.rows, "seconds": result.seconds}
            )
        )
