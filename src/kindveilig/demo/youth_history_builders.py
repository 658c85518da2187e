"""A history of the youth channel (Praat erover) for the monitor's charts: in
each month of the demo history (``history_months``) zero to three children
write to each of four demo schools in Den Haag, Delft and Zoetermeer; the
aandachtsfunctionaris answers after one to thirty hours (the Zoetermeer school
has none of its own: its children wait), now and then a child writes again, a
message is urgent, or a conversation is marked as misuse.

Built with the real services (danger words, pick-up codes, encryption), then
moved back in time as ``history_builders`` moves trajectories: every date of the
conversation and its messages by the same amount, and each answer to its own
hour. An urgent message is opened at once, so no escalation or reminder of today
follows from the past. Fictitious words, no real child; deterministic.

The channel deletes a conversation 60 days after its last activity
(``KINDVEILIG_YOUTH_RETENTION_DAYS``): a demo that runs the daily purge loses
the older months of this history, and the monitor's counts with them at its
next refresh (docs/monitor.md, "Incremental refresh", "Limits").
"""

import datetime as dt

from django.db import models
from django.db.models import F
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.organisations.models import Organisation
from kindveilig.readiness.expiry import add_months
from kindveilig.youth.messages.models import (
    PublicChannel,
    Sender,
    YouthConversation,
    YouthMessage,
)
from kindveilig.youth.messages.services import (
    child_message_add,
    conversation_misuse_mark,
    conversation_start,
    staff_answer,
)
from kindveilig.youth.messages.services.urgent import conversation_opened

from .history_builders import DEMO_DOMAIN, history_months

__all__ = ["HISTORY_CHANNELS", "ensure_youth_history"]

# Organisation code, its aandachtsfunctionaris (None: nobody answers).
HISTORY_CHANNELS = [
    ("DEMO-PO-01", "aandacht"),
    ("DEMO-PO-02", "aandacht-kompas"),
    ("DEMO-VO-01", "aandacht-vo"),
    ("DEMO-VO-02", None),
]
FIRST_NAMES = ["Mees", "Fenna", "Jip", "Saar", "Teun", "Liv"]
WORDS = [
    "Mijn ouders hebben elke avond ruzie en ik kan niet slapen (demo).",
    "Ik word gepest in de groep en thuis snapt niemand het (demo).",
    "Mama is heel verdrietig en ik moet alles alleen doen (demo).",
    "Mag ik een keer met iemand praten over thuis? (demo)",
]
# Danger words: urgent. Only where someone answers (and opens it at once).
URGENT = "Ik durf niet naar huis want papa slaat mij (demo)."
AGAIN = "Het gaat nu iets beter, dank je (demo)."
ANSWER = "Fijn dat je het vertelt. Zullen we morgen in de pauze praten? (demo)"


def _actor(email: str, organisation: Organisation) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=Role.AANDACHTSFUNCTIONARIS
    )
    return Actor(user=membership.user, membership=membership)


def _shift(
    model: type[models.Model], where: dict[str, object], by: dt.timedelta
) -> None:
    """Move every date and time of the rows back by ``by``."""
    fields = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
    ]
    model._default_manager.filter(**where).update(
        **{name: F(name) - by for name in fields}
    )


def _one(
    channel: PublicChannel, af: Actor | None, when: dt.datetime, turn: int
) -> None:
    """One conversation as it happened at ``when``, answered after 1-30 hours."""
    urgent = af is not None and turn % 5 == 3
    started = conversation_start(
        channel=channel,
        body=URGENT if urgent else WORDS[turn % len(WORDS)],
        first_name=f"{FIRST_NAMES[turn % len(FIRST_NAMES)]} (demo)",
    )
    conversation = started.conversation
    if af is not None:
        conversation_opened(actor=af, conversation=conversation)
        staff_answer(actor=af, conversation=conversation, body=ANSWER)
        if turn % 3 == 0:
            child_message_add(conversation=conversation, body=AGAIN)
            conversation_opened(actor=af, conversation=conversation)
        if turn % 7 == 5:
            conversation_misuse_mark(
                actor=af,
                conversation=conversation,
                reason="Grap van klasgenoten (demo)",
            )
    delta = timezone.now() - when
    _shift(YouthConversation, {"pk": conversation.pk}, delta)
    _shift(YouthMessage, {"conversation": conversation}, delta)
    answered = dt.timedelta(hours=1 + (turn * 7) % 30)
    later = YouthMessage.objects.filter(conversation=conversation).exclude(
        pk=YouthMessage.objects.filter(conversation=conversation, sender=Sender.CHILD)
        .order_by("created_at", "pk")
        .values("pk")[:1]
    )
    later.update(
        created_at=F("created_at") + answered, updated_at=F("updated_at") + answered
    )
    YouthConversation.objects.filter(pk=conversation.pk).update(
        last_activity_at=F("last_activity_at") + answered
    )


def ensure_youth_history(organisations: dict[str, Organisation]) -> int:
    """Idempotent: a channel with a conversation from before this month is left
    alone. Returns the number of conversations created."""
    this_month = timezone.localdate().replace(day=1)
    created = 0
    for offset, (code, af_name) in enumerate(HISTORY_CHANNELS):
        organisation = organisations[code]
        channel = PublicChannel.objects.get(organisation=organisation)
        if YouthConversation.objects.filter(
            organisation=organisation, created_at__date__lt=this_month
        ).exists():
            continue
        af = _actor(f"{af_name}@{DEMO_DOMAIN}", organisation) if af_name else None
        for back in range(1, history_months() + 1):
            for index in range((back * 3 + offset) % 4):
                day = add_months(this_month, -back) + dt.timedelta(
                    days=2 + 6 * index + offset
                )
                when = timezone.make_aware(dt.datetime.combine(day, dt.time(15, 30)))
                _one(channel, af, when, back * 5 + index * 3 + offset)
                created += 1
    return created
