from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    """Huishoudens with their members and gezag, person matching, the
    veiligheidscasus with its regievoerder and chain partners along the Routekaart
    naar Veiligheid, Signs of Safety mappings, the versioned veiligheidsplan, warm
    handovers, break-the-glass access and the household timeline. May use
    verwijsindex, meldcode, persons and the platform."""

    name = "kindveilig.households"
    label = "households"

    def ready(self) -> None:
        from .retention import register

        register()
