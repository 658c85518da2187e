"""Creating a user refuses names with hidden characters."""

from django.core.exceptions import ValidationError

import pytest

from kindveilig.accounts.models import User
from kindveilig.accounts.services import user_create

pytestmark = [pytest.mark.django_db]


@pytest.mark.parametrize("name", ["Anna\u202e", "Anna\x00", "An\u200bna"])
def test_a_user_name_with_control_or_direction_characters_is_refused(
    name: str,
) -> None:
    with pytest.raises(ValidationError) as error:
        user_create(email="rlo@example.org", full_name=name, password=None)
    assert "full_name" in error.value.message_dict
    assert not User.objects.filter(email="rlo@example.org").exists()
