from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "kindveilig.learning"
    label = "learning"
