from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff administration by an organisation's functioneel beheerder: invite,
    deactivate, roles, second-factor reset, sessions (docs/beheer.md). Above
    audit, so every change is recorded; the models stay in accounts."""

    name = "kindveilig.staff"
    label = "staff"
