from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "kindveilig.registry"
    label = "registry"
