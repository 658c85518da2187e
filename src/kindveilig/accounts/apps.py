from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users (e-mail login), memberships (an organisation and a role), TOTP
    and recovery codes, the choice of the active organisation, ``ActorMiddleware``
    (sets ``request.actor``), idle sessions and the staff list of an organisation. May
    use core, access and organisations."""

    name = "kindveilig.accounts"
    label = "accounts"
