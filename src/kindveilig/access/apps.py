from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "kindveilig.access"
    label = "access"
