from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kindveilig.audit.selectors import audit_log_verify


class Command(BaseCommand):
    help = "Check the audit log's hash chain; exits non-zero when it was tampered with."

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_log_verify()
        for problem in result.problems:
            self.stderr.write(self.style.ERROR(problem))
        if not result.ok:
            raise CommandError(
                _("The audit log is NOT intact: %(count)s problem(s) found.")
                % {"count": len(result.problems)}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("The audit log is intact: %(count)s record(s) checked.")
                % {"count": result.checked}
            )
        )
