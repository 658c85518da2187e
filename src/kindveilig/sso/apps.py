from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "kindveilig.sso"
    verbose_name = _("Single sign-on")

    def ready(self) -> None:
        from kindveilig.accounts.logout import register_logout_redirect

        from .logout import provider_logout_url

        register_logout_redirect(provider_logout_url)
