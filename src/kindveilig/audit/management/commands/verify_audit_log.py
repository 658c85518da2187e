from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kindveilig.audit.services import audit_log_verify_and_checkpoint, hash_for_log


class Command(BaseCommand):
    help = (
        "Check the audit log's hash chain from the last checkpoint (or from the "
        "start with --full); exits non-zero when it was tampered with."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--full",
            action="store_true",
            help="Check every record from the first, not only those since the "
            "last checkpoint (e.g. once a month).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_log_verify_and_checkpoint(full=options["full"])
        for problem in result.problems:
            self.stderr.write(self.style.ERROR(problem))
        if not result.ok:
            raise CommandError(
                _("The audit log is NOT intact: %(count)s problem(s) found.")
                % {"count": len(result.problems)}
            )
        if result.last_seq:
            # Keep this line outside the database: it is the tamper evidence.
            self.stdout.write(
                _("Checkpoint #%(seq)s, sha256 %(hash)s")
                % {"seq": result.last_seq, "hash": hash_for_log(result.last_hash)}
            )
        # The last line (scripts/bench.sh prints it).
        if result.full:
            message = _(
                "The audit log is intact: %(count)s record(s) checked from the start."
            )
        else:
            message = _(
                "The audit log is intact: %(count)s record(s) checked after "
                "checkpoint #%(seq)s."
            )
        self.stdout.write(
            self.style.SUCCESS(
                message % {"count": result.checked, "seq": result.start_seq}
            )
        )
