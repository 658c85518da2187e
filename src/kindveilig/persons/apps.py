from django.apps import AppConfig


class PersonsConfig(AppConfig):
    """Persons a trajectory or household is about: children and adults with
    encrypted names and birth dates, blind indexes of BSN and name tokens, person search by name or BSN (POST,
    audited). May use the platform."""

    name = "kindveilig.persons"
    label = "persons"

    def ready(self) -> None:
        from kindveilig.core.rotation import register_rotation_step

        from .retention import register
        from .rotation import person_index_step

        register()
        register_rotation_step(person_index_step)
