import pytest

from kindveilig.youth.public.seed_data import ensure_default_services


@pytest.fixture
def help_services(db: None) -> None:
    """The seeded services and holidays (again, after a flush by another test)."""
    ensure_default_services()
