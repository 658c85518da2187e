"""The hours when a person at the school or club reads messages (the channel's
``ChannelHours``): set by the aandachtsfunctionaris or functioneel beheerder."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record
from kindveilig.youth.messages.models import ChannelHours, PublicChannel

__all__ = ["channel_hours_save"]


@transaction.atomic
def channel_hours_save(
    *, actor: Actor, hours: list[tuple[int, dt.time, dt.time]]
) -> PublicChannel:
    """Replace the channel's hours; none at all means the default hours."""
    if actor.role not in (Role.AANDACHTSFUNCTIONARIS, Role.FUNCTIONEEL_BEHEERDER):
        raise ValidationError(_("You may not change the channel."))
    channel = (
        PublicChannel.objects.select_for_update()
        .filter(organisation_id=actor.organisation_id)
        .first()
    )
    if channel is None:
        raise ValidationError(_("Save the channel settings first."))
    for weekday, opens, closes in hours:
        if not 0 <= weekday <= 6 or closes <= opens:
            raise ValidationError(_("Give a time after the first one."))
    ChannelHours.objects.filter(channel=channel).delete()
    ChannelHours.objects.bulk_create(
        ChannelHours(channel=channel, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in hours
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, obj=channel, reason="hours")
    return channel
