from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kindveilig.audit.chain import VerificationResult
from kindveilig.audit.services import audit_log_verify_and_checkpoint, hash_for_log


class Command(BaseCommand):
    help = (
        "Check the audit log's hash chain from the last sealed checkpoint (or from "
        "the start with --full) and its checkpoints against the sink; exits "
        "non-zero when it was tampered with, emptied or reset."
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
        if result.sealed_checkpoints:
            self.stdout.write(
                _("%(count)s sealed checkpoint(s) match the sink and the chain.")
                % {"count": result.sealed_checkpoints}
            )
        # The last line (scripts/bench.sh prints it): exactly what was walked.
        self.stdout.write(self.style.SUCCESS(intact_message(result)))


def intact_message(result: VerificationResult) -> str:
    numbers = {
        "first": result.first_seq,
        "last": result.last_seq,
        "seq": result.start_seq,
    }
    if result.full and not result.checked:
        return _("The audit log is intact: it holds no records yet.")
    if result.full:
        return (
            _(
                "The audit log is intact: records #%(first)s–#%(last)s checked from the start."
            )
            % numbers
        )
    if not result.checked:
        return (
            _("The audit log is intact: no new records since checkpoint #%(seq)s.")
            % numbers
        )
    return (
        _(
            "The audit log is intact: records #%(first)s–#%(last)s checked since "
            "checkpoint #%(seq)s."
        )
        % numbers
    )
