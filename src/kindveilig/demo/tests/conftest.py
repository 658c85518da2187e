from io import StringIO

from django.core.management import call_command

import pytest


@pytest.fixture
def demo(settings: object) -> None:
    """The demo world, seeded as ``make run`` seeds it."""
    settings.DEBUG = True  # type: ignore[attr-defined]
    settings.KINDVEILIG_DEMO_MODE = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())
