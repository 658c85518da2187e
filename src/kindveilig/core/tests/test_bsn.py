import pytest
from faker import Faker

from kindveilig.core.validators import is_valid_bsn


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("111222333", True),
        ("123456782", True),
        ("123456789", False),
        ("000000000", False),
        ("12345678", False),
        ("12345678a", False),
        ("", False),
    ],
)
def test_elfproef(value: str, valid: bool) -> None:
    assert is_valid_bsn(value) is valid


def test_fakers_dutch_ssn_provider_passes_the_elfproef() -> None:
    fake = Faker("nl_NL")
    fake.seed_instance(7)
    assert all(is_valid_bsn(fake.ssn()) for _ in range(200))
