import datetime as dt
import io
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kindveilig.scale.failover import (
    Attempt,
    classify_writes,
    failures,
    present_keys,
    proxy_retries,
    render_block,
    summarise,
    write_block,
)
from kindveilig.scale.report import machine


class Command(BaseCommand):
    help = (
        "For make bench-ha: cross the load generator's write attempts with the "
        "database, verify the audit chain, write the result (and its section of "
        "docs/performance.md); fails when a write answered 2xx is missing, a "
        "session was lost or the chain does not verify."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--run", type=Path, required=True)
        parser.add_argument("--keys", type=Path, required=True)
        parser.add_argument("--proxy-log", type=Path, required=True)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--doc", type=Path)
        parser.add_argument("--trajectories", type=int, required=True)
        parser.add_argument("--workers", type=int, required=True)
        parser.add_argument("--haproxy", default="")
        parser.add_argument("--started", type=float, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        run = json.loads(options["run"].read_text())
        chosen_at = dt.datetime.fromisoformat(
            json.loads(options["keys"].read_text())["chosen_at"]
        )
        attempts = [
            Attempt(key=w["key"], outcome=w["outcome"], status=w["status"])
            for w in run["writes"]
        ]
        writes = classify_writes(
            attempts, present_keys([a.key for a in attempts], since=chosen_at)
        )
        summary = summarise(
            run["requests"], killed_at=run["killed_at"], killed_node=run["killed_node"]
        )
        out, err = io.StringIO(), io.StringIO()
        try:
            # In English, as the rest of docs/performance.md.
            with translation.override("en"):
                call_command("verify_audit_log", "--full", stdout=out, stderr=err)
        except CommandError as error:
            audit_intact, audit = False, f"**does not verify**: {error}"
        else:
            audit_intact = True
            audit = out.getvalue().strip().splitlines()[-1]
        found = failures(
            writes,
            sessions_lost=summary.sessions_lost,
            audit_intact=audit_intact,
            node_killed=run["killed_at"] is not None,
        )
        now = timezone.now()
        result = {
            "date": now.strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "setup": {
                "trajectories": options["trajectories"],
                "workers": options["workers"],
                "haproxy": options["haproxy"],
                "users": run["users"],
                "duration": run["duration"],
                "think": run["think"],
                "write_share": run["write_share"],
                "killed_node": run["killed_node"],
                "killed_at": run["killed_at"],
                "run_minutes": (now.timestamp() - options["started"]) / 60,
            },
            "writes": asdict(writes),
            "summary": asdict(summary),
            "proxy": proxy_retries(options["proxy_log"]),
            "audit": audit,
            "audit_problems": err.getvalue(),
            "failures": found,
        }
        options["out"].write_text(json.dumps(result, indent=1))
        block = render_block(result)
        if options["doc"]:
            write_block(name="bench-ha", body=block, target=options["doc"])
        self.stdout.write(block)
        if found:
            raise CommandError(
                _("Two nodes, one killed: the check failed (%(reasons)s).")
                % {"reasons": "; ".join(found)}
            )
        self.stdout.write(self.style.SUCCESS(_("Two nodes, one killed: passed.")))
