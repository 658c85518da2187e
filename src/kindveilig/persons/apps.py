from django.apps import AppConfig


class PersonsConfig(AppConfig):
    """Persons a trajectory or household is about: children and adults with
    encrypted names and a blind BSN index, person search by name or BSN (POST,
    audited). May use the platform."""

    name = "kindveilig.persons"
    label = "persons"

    def ready(self) -> None:
        from .retention import register

        register()
