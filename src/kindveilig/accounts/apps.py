from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users (e-mail login), memberships (an organisation and a role), TOTP
    (the secret encrypted) and recovery codes, the choice of the active organisation, ``ActorMiddleware``
    (sets ``request.actor``), idle sessions and the staff list of an organisation. May
    use core, access and organisations."""

    name = "kindveilig.accounts"
    label = "accounts"

    def ready(self) -> None:
        from kindveilig.core.rotation import register_rotation_step

        from .rotation import totp_key_step

        register_rotation_step(totp_key_step)
