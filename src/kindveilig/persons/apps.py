from django.apps import AppConfig


class PersonsConfig(AppConfig):
    name = "kindveilig.persons"
    label = "persons"
