import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest
import time_machine
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.accounts.models import (
    EncryptedTOTPDevice,
    HashedRecoveryDevice,
    Membership,
    StaffInvitation,
    User,
)
from kindveilig.accounts.selectors import user_open_sessions
from kindveilig.accounts.services import recovery_codes_generate, user_session_record
from kindveilig.audit.models import AuditEvent
from kindveilig.staff import services

pytestmark = pytest.mark.django_db

STRONG = "a long and unusual passphrase 93"


def _token_from_outbox() -> str:
    match = re.search(r"/uitnodiging/([^/\s]+)/", str(mail.outbox[-1].body))
    assert match is not None
    return match.group(1)


def _open_session(user: User) -> str:
    session = SessionStore()
    session["anything"] = 1
    session.save()
    assert session.session_key is not None
    user_session_record(user=user, session_key=session.session_key)
    return session.session_key


def test_invite_creates_a_user_without_password_and_mails_a_link_without_case_data(
    functioneel_beheerder: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user = services.staff_invite(
            actor=functioneel_beheerder.actor,
            email=" Nieuw@Test.Kindveilig.invalid ",
            full_name="Nieuwe Collega",
            role=Role.PROFESSIONAL,
        )
    assert user.email == "nieuw@test.kindveilig.invalid"
    assert not user.has_usable_password()
    membership = Membership.objects.get(user=user)
    assert membership.organisation == functioneel_beheerder.organisation
    assert membership.role == Role.PROFESSIONAL
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@test.kindveilig.invalid"]
    assert "Nieuwe Collega" not in message.body
    token = _token_from_outbox()
    invitation = StaffInvitation.objects.get(user=user)
    assert token not in invitation.token_hash
    assert services.invitation_find(token=token) == invitation
    assert AuditEvent.objects.filter(object_id=str(user.public_id)).exists()


def test_invite_refuses_an_address_that_has_an_account(
    functioneel_beheerder: Persona, outsider: Persona
) -> None:
    with pytest.raises(ValidationError) as error:
        services.staff_invite(
            actor=functioneel_beheerder.actor,
            email=outsider.user.email,
            full_name="Iemand",
            role=Role.PROFESSIONAL,
        )
    assert "email" in error.value.error_dict


def _invite(beheerder: Persona, capture: Callable[..., Any]) -> tuple[User, str]:
    with capture(execute=True):
        user = services.staff_invite(
            actor=beheerder.actor,
            email="collega@test.kindveilig.invalid",
            full_name="Collega",
            role=Role.PROFESSIONAL,
        )
    return user, _token_from_outbox()


def test_an_invitation_works_once(
    functioneel_beheerder: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    user, token = _invite(functioneel_beheerder, django_capture_on_commit_callbacks)
    accepted = services.invitation_accept(token=token, password=STRONG)
    assert accepted == user
    user.refresh_from_db()
    assert user.check_password(STRONG)
    assert services.invitation_find(token=token) is None
    with pytest.raises(ValidationError):
        services.invitation_accept(token=token, password=STRONG)


def test_an_invitation_expires(
    functioneel_beheerder: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    _user, token = _invite(functioneel_beheerder, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(days=services.INVITATION_VALID_DAYS, hours=1)
    with time_machine.travel(later):
        assert services.invitation_find(token=token) is None


def test_a_weak_password_is_refused_next_to_the_field(
    functioneel_beheerder: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    _user, token = _invite(functioneel_beheerder, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError) as error:
        services.invitation_accept(token=token, password="kort")
    assert "password1" in error.value.error_dict
    assert services.invitation_find(token=token) is not None


def test_deactivation_ends_sessions_and_blocks_login(
    functioneel_beheerder: Persona, professional: Persona
) -> None:
    key = _open_session(professional.user)
    assert len(user_open_sessions(user=professional.user)) == 1
    services.staff_user_deactivate(
        actor=functioneel_beheerder.actor, user=professional.user
    )
    professional.user.refresh_from_db()
    assert not professional.user.is_active
    assert not SessionStore().exists(key)
    assert user_open_sessions(user=professional.user) == []
    event = AuditEvent.objects.filter(
        object_id=str(professional.user.public_id)
    ).latest("id")
    assert event.reason == "user deactivated"
    services.staff_user_reactivate(
        actor=functioneel_beheerder.actor, user=professional.user
    )
    professional.user.refresh_from_db()
    assert professional.user.is_active


def test_a_beheerder_cannot_touch_users_of_another_organisation(
    functioneel_beheerder: Persona, outsider: Persona
) -> None:
    actor = functioneel_beheerder.actor
    with pytest.raises(ValidationError):
        services.staff_user_deactivate(actor=actor, user=outsider.user)
    with pytest.raises(ValidationError):
        services.staff_membership_add(
            actor=actor, user=outsider.user, role=Role.PROFESSIONAL
        )
    with pytest.raises(ValidationError):
        services.staff_membership_end(actor=actor, membership=outsider.membership)
    with pytest.raises(ValidationError):
        services.staff_second_factor_reset(actor=actor, user=outsider.user)
    outsider.user.refresh_from_db()
    assert outsider.user.is_active


def test_deactivation_is_refused_for_someone_who_also_works_elsewhere(
    functioneel_beheerder: Persona, professional: Persona, outsider: Persona
) -> None:
    Membership.objects.create(
        user=professional.user,
        organisation=outsider.organisation,
        role=Role.PROFESSIONAL,
    )
    with pytest.raises(ValidationError):
        services.staff_user_deactivate(
            actor=functioneel_beheerder.actor, user=professional.user
        )


def test_a_beheerder_cannot_deactivate_themselves_or_end_their_own_role(
    functioneel_beheerder: Persona,
) -> None:
    actor = functioneel_beheerder.actor
    with pytest.raises(ValidationError):
        services.staff_user_deactivate(actor=actor, user=functioneel_beheerder.user)
    with pytest.raises(ValidationError):
        services.staff_membership_end(
            actor=actor, membership=functioneel_beheerder.membership
        )


def test_roles_are_added_ended_and_added_again(
    functioneel_beheerder: Persona, professional: Persona
) -> None:
    actor = functioneel_beheerder.actor
    added = services.staff_membership_add(
        actor=actor, user=professional.user, role=Role.AANDACHTSFUNCTIONARIS
    )
    assert added.is_active
    with pytest.raises(ValidationError):
        services.staff_membership_add(
            actor=actor, user=professional.user, role=Role.AANDACHTSFUNCTIONARIS
        )
    services.staff_membership_end(actor=actor, membership=added)
    assert not Membership.objects.get(pk=added.pk).is_active
    again = services.staff_membership_add(
        actor=actor, user=professional.user, role=Role.AANDACHTSFUNCTIONARIS
    )
    assert again.pk == added.pk
    assert again.is_active


def test_second_factor_reset_removes_devices_ends_sessions_and_mails(
    functioneel_beheerder: Persona,
    professional: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    recovery_codes_generate(user=professional.user)
    key = _open_session(professional.user)
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_second_factor_reset(
            actor=functioneel_beheerder.actor, user=professional.user
        )
    assert not EncryptedTOTPDevice.objects.filter(user=professional.user).exists()
    assert not HashedRecoveryDevice.objects.filter(user=professional.user).exists()
    assert not SessionStore().exists(key)
    assert mail.outbox[-1].to == [professional.user.email]
    assert professional.user.full_name not in mail.outbox[-1].body
    assert AuditEvent.objects.filter(
        object_id=str(professional.user.public_id), reason="second factor reset"
    ).exists()


def test_a_new_invitation_replaces_the_first(
    functioneel_beheerder: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    user, first = _invite(functioneel_beheerder, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_invitation_resend(actor=functioneel_beheerder.actor, user=user)
    second = _token_from_outbox()
    assert second != first
    assert services.invitation_find(token=first) is None
    services.invitation_accept(token=second, password=STRONG)
    user.refresh_from_db()
    with pytest.raises(ValidationError):
        services.staff_invitation_resend(actor=functioneel_beheerder.actor, user=user)


def test_reactivation_needs_a_current_role_here_and_none_elsewhere(
    functioneel_beheerder: Persona, professional: Persona, outsider: Persona
) -> None:
    actor = functioneel_beheerder.actor
    services.staff_user_deactivate(actor=actor, user=professional.user)
    professional.membership.is_active = False
    professional.membership.save()
    Membership.objects.create(
        user=professional.user,
        organisation=outsider.organisation,
        role=Role.PROFESSIONAL,
    )
    with pytest.raises(ValidationError):
        services.staff_user_reactivate(actor=actor, user=professional.user)
    professional.user.refresh_from_db()
    assert not professional.user.is_active
