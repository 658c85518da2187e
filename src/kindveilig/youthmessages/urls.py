"""Child-facing message pages (mounted under the youth path) and the staff inbox.

The children's paths are neutral on purpose ("bericht", "lezen"): the browser
history shows nothing about what a child wrote or to whom.
"""

from django.urls import URLPattern, URLResolver, path

from .views import child, staff

app_name = "youthmessages"

# Public, for children: mounted under KINDVEILIG_YOUTH_PATH (default "praat/").
public_urlpatterns: list[URLPattern | URLResolver] = [
    path("bericht/", child.message_start, name="message-start"),
    path("bericht/schrijven/", child.message_write, name="message-write"),
    path("bericht/lezen/", child.message_read, name="message-read"),
]
# For staff: mounted under "berichten/".
urlpatterns: list[URLPattern | URLResolver] = [
    path("", staff.inbox, name="inbox"),
    path("kanaal/", staff.channel_settings, name="channel-settings"),
    path("signaalwoorden/", staff.danger_patterns, name="danger-patterns"),
    path(
        "signaalwoorden/<int:pk>/",
        staff.danger_pattern_edit,
        name="danger-pattern-edit",
    ),
    path("<uuid:public_id>/", staff.conversation_detail, name="conversation-detail"),
    path(
        "<uuid:public_id>/misbruik/",
        staff.conversation_misuse,
        name="conversation-misuse",
    ),
    path(
        "<uuid:public_id>/sluiten/",
        staff.conversation_close,
        name="conversation-close",
    ),
    path(
        "<uuid:public_id>/traject/",
        staff.conversation_escalate,
        name="conversation-escalate",
    ),
]
