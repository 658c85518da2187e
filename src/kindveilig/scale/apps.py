from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """A tool on top: the synthetic national population (``generate_population``)
    and the benchmark (``make bench``). Installed by ``settings.test`` and
    ``settings.bench`` only, never in production; the product never imports it."""

    name = "kindveilig.scale"
    label = "scale"
