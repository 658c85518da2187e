from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kindveilig.monitor.services import monitor_refresh


class Command(BaseCommand):
    help = (
        "Bring the monitor's counts and published figures up to date now, as the "
        "daily task does: incremental (what changed since the last run), or with "
        "--full the whole window of thirteen months."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--full",
            action="store_true",
            help="Count the whole window again and republish every year it touches.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refresh = monitor_refresh(full=options["full"])
        seconds = (refresh.finished_at - refresh.started_at).total_seconds()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Monitor refreshed (%(kind)s): %(cells)s cells counted, "
                    "%(counts)s counts and %(figures)s figures written in "
                    "%(seconds).1f s."
                )
                % {
                    "kind": refresh.get_kind_display(),
                    "cells": refresh.cells_recounted,
                    "counts": refresh.counts_written,
                    "figures": refresh.figures_written,
                    "seconds": seconds,
                }
            )
        )
