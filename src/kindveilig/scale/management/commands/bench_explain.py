import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count
from django.utils.translation import gettext as _

from kindveilig.accounts.selectors import aandachtsfunctionarissen_of
from kindveilig.meldcode.models import Trajectory
from kindveilig.scale.explain import explain_main_queries


class Command(BaseCommand):
    help = "EXPLAIN ANALYZE the main queries for the busiest organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        busiest = (
            Trajectory.objects.values("organisation_id")
            .annotate(n=Count("id"))
            .order_by("-n")
            .first()
        )
        membership = (
            aandachtsfunctionarissen_of(organisation_id=busiest["organisation_id"])
            .select_related("organisation")
            .first()
            if busiest
            else None
        )
        if membership is None:
            raise CommandError(_("No generated population found."))
        explained = explain_main_queries(membership=membership)
        options["out"].write_text(
            json.dumps(
                {
                    "busiest_organisation_trajectories": busiest["n"] if busiest else 0,
                    "queries": [query.as_dict() for query in explained],
                },
                indent=1,
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Explained %(count)s queries.") % {"count": len(explained)}
            )
        )
