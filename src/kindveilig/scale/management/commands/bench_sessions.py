import json
from pathlib import Path
from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kindveilig.access.middleware import ACTIVE_MEMBERSHIP_SESSION_KEY
from kindveilig.scale.bench import BenchUser, bench_users


class Command(BaseCommand):
    help = (
        "Log in generated users for the benchmark: a session with the second "
        "factor done, written with what each user may open to a JSON file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        users = bench_users(count=options["users"])
        records = []
        for bench_user in users:
            records.append({**bench_user.as_dict(), "session": _session(bench_user)})
        options["out"].write_text(json.dumps(records, indent=1))
        self.stdout.write(
            self.style.SUCCESS(
                _("Logged in %(count)s benchmark users.") % {"count": len(records)}
            )
        )


def _session(bench_user: BenchUser) -> str:
    user = bench_user.membership.user
    device = TOTPDevice.objects.filter(user=user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[ACTIVE_MEMBERSHIP_SESSION_KEY] = bench_user.membership.pk
    session.save()
    assert session.session_key is not None
    return session.session_key
