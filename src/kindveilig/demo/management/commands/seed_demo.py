from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kindveilig.demo.builders import DEMO_PASSWORD, seed_demo
from kindveilig.demo.guards import require_demo_mode


class Command(BaseCommand):
    help = "Fill the database with fictitious demo data (idempotent; demo mode only)."

    def handle(self, *args: Any, **options: Any) -> None:
        require_demo_mode()
        accounts = seed_demo()
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready. Demo accounts:")))
        self.stdout.write(
            _("Password for every account: %(password)s") % {"password": DEMO_PASSWORD}
        )
        for user, device in accounts:
            roles = ", ".join(
                f"{m.get_role_display()} @ {m.organisation.name}"
                for m in user.memberships.select_related("organisation")
            )
            self.stdout.write(f"\n  {user.email}  [{roles}]")
            self.stdout.write(f"    {device.config_url}")
        self.stdout.write(
            "\n"
            + _(
                "Log in with the e-mail and password; for the code, scan the otpauth "
                "URI in an authenticator app or run: manage.py demo_code EMAIL"
            )
        )
