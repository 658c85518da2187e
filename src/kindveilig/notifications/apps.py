from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """In-app notifications: that something waits for a person, and a link to it.
    A notification holds a kind (its translated label is the text) and a path
    built from public ids: never free text, never personal data. Its e-mail says
    only that something waits. May use core, access, organisations and accounts;
    the domain apps call its services, it never imports them."""

    name = "kindveilig.notifications"
    label = "notifications"

    def ready(self) -> None:
        from .retention import register

        register()
