"""Demo channels for Praat erover: children find the demo schools and clubs by
a short public code. Called from ``seed_demo`` after ``ensure_organisations``."""

from kindveilig.organisations.models import Organisation
from kindveilig.youth.messages.models import PublicChannel

# external code of the demo organisation -> (public code, name shown to children)
DEMO_CHANNELS: dict[str, tuple[str, str]] = {
    "DEMO-PO-01": ("REGENBOOG", "Basisschool De Regenboog (demo)"),
    "DEMO-PO-02": ("KOMPAS", "Basisschool Het Kompas (demo)"),
    "DEMO-VO-01": ("DUINZICHT", "Scholengemeenschap Duinzicht (demo)"),
    "DEMO-VO-02": ("HOFJE", "Lyceum Het Hofje (demo)"),
    "DEMO-KO-02": ("SPEELTUIN", "BSO De Speeltuin (demo)"),
    "DEMO-SC-01": ("ZEEMEEUWEN", "Voetbalvereniging De Zeemeeuwen (demo)"),
    "DEMO-SC-02": ("TOONLADDER", "Muziekschool De Toonladder (demo)"),
}


def ensure_youth_channels(
    organisations: dict[str, Organisation],
) -> list[PublicChannel]:
    """Create or update the demo channels; idempotent. Reference data without
    personal data, so it is written directly rather than through a service that
    needs an actor."""
    channels = []
    for external_code, (public_code, display_name) in DEMO_CHANNELS.items():
        organisation = organisations.get(external_code)
        if organisation is None:
            continue
        channel, _ = PublicChannel.objects.update_or_create(
            organisation=organisation,
            defaults={
                "public_code": public_code,
                "display_name": display_name,
                "enabled": True,
            },
        )
        channels.append(channel)
    return channels
