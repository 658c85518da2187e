from django.apps import AppConfig


class LearningConfig(AppConfig):
    """Learning from closed cases without personal data: reflections,
    themes, casusreflectie sessions and improvement actions. May use meldcode (to
    find closed trajectories) and the platform."""

    name = "kindveilig.learning"
    label = "learning"
