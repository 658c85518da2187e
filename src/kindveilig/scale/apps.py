from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """Synthetic national population, query budgets and the benchmark (issue 7)."""

    name = "kindveilig.scale"
    label = "scale"
