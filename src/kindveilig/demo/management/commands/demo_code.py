from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice
from kindveilig.demo.guards import require_demo_mode


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account (demo mode only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        require_demo_mode()
        device = EncryptedTOTPDevice.objects.filter(
            user__email=options["email"].strip().lower(), confirmed=True
        ).first()
        if device is None:
            raise CommandError(
                _("No demo account with two-factor set up has this e-mail.")
            )
        code = totp(
            device.bin_key, step=device.step, t0=device.t0, digits=device.digits
        )
        self.stdout.write(f"{code:0{device.digits}d}")
