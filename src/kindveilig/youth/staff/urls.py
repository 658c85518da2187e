"""Staff pages of the youth channel (namespace "youthstaff"), mounted at the root:
the helpline admin under ``beheer/hulplijnen/`` and the inbox under ``berichten/``."""

from django.urls import URLPattern, URLResolver, include, path

from .views import helplines, inbox

app_name = "youthstaff"


def _prefixed(
    prefix: str, patterns: list[URLPattern | URLResolver]
) -> list[URLPattern | URLResolver]:
    """One namespace for both staff areas: include() each list under its prefix."""
    return [path(prefix, include(patterns))]


helpline_urlpatterns: list[URLPattern | URLResolver] = [
    path("", helplines.service_list, name="service-list"),
    path("nieuw/", helplines.service_create, name="service-create"),
    path("<slug:slug>/", helplines.service_edit, name="service-edit"),
]

inbox_urlpatterns: list[URLPattern | URLResolver] = [
    path("", inbox.inbox, name="inbox"),
    path("kanaal/", inbox.channel_settings, name="channel-settings"),
    path("kanaal/tijden/", inbox.channel_hours_edit, name="channel-hours"),
    path("signaalwoorden/", inbox.danger_patterns, name="danger-patterns"),
    path(
        "signaalwoorden/<int:pk>/",
        inbox.danger_pattern_edit,
        name="danger-pattern-edit",
    ),
    path("<uuid:public_id>/", inbox.conversation_detail, name="conversation-detail"),
    path(
        "<uuid:public_id>/misbruik/",
        inbox.conversation_misuse,
        name="conversation-misuse",
    ),
    path(
        "<uuid:public_id>/sluiten/",
        inbox.conversation_close,
        name="conversation-close",
    ),
    path(
        "<uuid:public_id>/traject/",
        inbox.conversation_escalate,
        name="conversation-escalate",
    ),
]

urlpatterns: list[URLPattern | URLResolver] = [
    *(_prefixed("beheer/hulplijnen/", helpline_urlpatterns)),
    *(_prefixed("berichten/", inbox_urlpatterns)),
]
