from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kindveilig.demo"
    label = "demo"
