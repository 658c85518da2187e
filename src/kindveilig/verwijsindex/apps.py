from django.apps import AppConfig


class ChainConfig(AppConfig):
    """The Verwijsindex: signals and matches between organisations about one child,
    and the chain's pages under ``/keten/`` (matches, signals, and the meldcode's
    shares). May use the meldcode; the meldcode never imports it, so starting a
    trajectory reaches the Verwijsindex through ``meldcode.hooks``."""

    name = "kindveilig.verwijsindex"
    label = "chain"

    def ready(self) -> None:
        from kindveilig.core.background import register_daily_task
        from kindveilig.core.rotation import register_rotation_step
        from kindveilig.meldcode.hooks import register_trajectory_started

        from .rotation import signal_index_step

        register_rotation_step(signal_index_step)

        from .services import signals_register_for_trajectory

        register_trajectory_started(signals_register_for_trajectory)
        register_daily_task("kindveilig.verwijsindex.tasks.reconcile_matches")

        from .retention import register

        register()
