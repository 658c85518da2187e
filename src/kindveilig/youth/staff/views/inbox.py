"""The staff side: the aandachtsfunctionaris's inbox and conversations, the
channel settings, and the danger words."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.core.forms import apply_errors
from kindveilig.youth.messages import services
from kindveilig.youth.messages.danger_services import (
    PatternChange,
    danger_categories_for,
    danger_pattern_effect,
)
from kindveilig.youth.messages.evaluation import EffectRow
from kindveilig.youth.messages.forms import (
    AnswerForm,
    ChannelForm,
    ChannelHoursForm,
    DangerPatternForm,
    EscalateForm,
    MisuseForm,
    TryPatternForm,
)
from kindveilig.youth.messages.models import (
    DangerCategory,
    DangerPattern,
    YouthConversation,
)
from kindveilig.youth.messages.selectors import (
    InboxView,
    answer_templates,
    channel_hours,
    channel_of,
    conversation_get_for,
    danger_patterns_for,
    escalations_of,
    inbox_for,
    messages_of,
)

RELATION = "conversations addressed to the actor's organisation"
inbox_rule = rule(Role.AANDACHTSFUNCTIONARIS, relation=RELATION)
channel_rule = rule(
    Role.AANDACHTSFUNCTIONARIS,
    Role.FUNCTIONEEL_BEHEERDER,
    relation="the public channel of the actor's organisation",
)
patterns_rule = rule(
    Role.AANDACHTSFUNCTIONARIS,
    Role.FUNCTIONEEL_BEHEERDER,
    relation="shared danger words, and those of the actor's organisation",
)
INBOX_VIEWS: dict[str, InboxView] = {
    "open": "open",
    "gesloten": "closed",
    "misbruik": "misuse",
}
PLACEHOLDER_FAMILY_NAME = "(onbekend)"


def _to_detail(conversation: YouthConversation, anchor: str = "") -> HttpResponse:
    url = reverse("youthstaff:conversation-detail", args=[conversation.public_id])
    return HttpResponseRedirect(f"{url}#{anchor}" if anchor else url)


@inbox_rule
def inbox(request: AuthenticatedRequest) -> HttpResponse:
    chosen = request.GET.get("lijst", "open")
    view = INBOX_VIEWS.get(chosen, "open")
    conversations = inbox_for(actor=request.actor, view=view)
    return render(
        request,
        "youthstaff/inbox/inbox.html",
        {
            "conversations": conversations,
            "chosen": chosen if chosen in INBOX_VIEWS else "open",
            "channel": channel_of(request.actor),
        },
    )


@inbox_rule
def conversation_detail(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    conversation = conversation_get_for(
        actor=request.actor, public_id=public_id, allow_on_duty=True
    )
    services.conversation_opened(actor=request.actor, conversation=conversation)
    templates = answer_templates()
    form = AnswerForm(
        request.POST if request.method == "POST" else None, templates=templates
    )
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "template":
            chosen = form.templates.get(form.cleaned_data["template"] or 0)
            text = form.cleaned_data["body"]
            if chosen is not None:
                text = f"{text}\n\n{chosen.body}".strip()
            form = AnswerForm(initial={"body": text}, templates=templates)
        elif not form.cleaned_data["body"].strip():
            form.add_error("body", _("Write an answer first."))
        else:
            try:
                services.staff_answer(
                    actor=request.actor,
                    conversation=conversation,
                    body=form.cleaned_data["body"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your answer is saved. The child reads it with their code; "
                        "the child gets no notification."
                    ),
                )
                return _to_detail(conversation, "antwoord")
    return render(
        request,
        "youthstaff/inbox/conversation.html",
        {
            "conversation": conversation,
            "on_duty": conversation.organisation_id != request.actor.organisation_id,
            "messages_list": messages_of(conversation),
            "escalations": escalations_of(conversation),
            "form": form,
            "retention_days": services.retention_days(),
            "categories": [
                DangerCategory(c).label for c in conversation.danger_categories
            ],
        },
    )


@inbox_rule
def conversation_misuse(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    conversation = conversation_get_for(
        actor=request.actor, public_id=public_id, audit=request.method != "POST"
    )
    form = MisuseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "undo":
                services.conversation_misuse_unmark(
                    actor=request.actor, conversation=conversation
                )
                messages.success(request, _("The misuse mark is removed."))
                return _to_detail(conversation)
            if form.is_valid():
                services.conversation_misuse_mark(
                    actor=request.actor,
                    conversation=conversation,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("The conversation is marked as misuse and counted.")
                )
                return _to_detail(conversation)
        except ValidationError as error:
            apply_errors(form, error)
    return render(
        request,
        "youthstaff/inbox/misuse.html",
        {"conversation": conversation, "form": form},
    )


@inbox_rule
@require_POST
def conversation_close(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    conversation = conversation_get_for(
        actor=request.actor, public_id=public_id, audit=False
    )
    closed = request.POST.get("action") != "reopen"
    services.conversation_close(
        actor=request.actor, conversation=conversation, closed=closed
    )
    messages.success(
        request,
        _("The conversation is closed.") if closed else _("The conversation is open."),
    )
    return _to_detail(conversation)


@inbox_rule
def conversation_escalate(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    conversation = conversation_get_for(
        actor=request.actor, public_id=public_id, audit=request.method != "POST"
    )
    if conversation.trajectory_id is not None:
        return _to_detail(conversation)
    initial = {
        "given_name": conversation.first_name or _("Child from Praat erover"),
        "family_name": PLACEHOLDER_FAMILY_NAME,
        "forms_of_violence": services.suggested_forms_of_violence(conversation),
    }
    form = EscalateForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        form = EscalateForm(initial=initial)
    elif form.is_valid():
        try:
            trajectory = services.conversation_escalate(
                actor=request.actor,
                conversation=conversation,
                given_name=form.cleaned_data["given_name"],
                family_name=form.cleaned_data["family_name"],
                forms_of_violence=form.cleaned_data["forms_of_violence"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The meldcode trajectory is open. The child's words are in step 1 "
                    "as a signal from the child. Complete the child's name when you "
                    "know it."
                ),
            )
            return HttpResponseRedirect(
                reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
            )
    return render(
        request,
        "youthstaff/inbox/escalate.html",
        {"conversation": conversation, "form": form},
    )


@channel_rule
def channel_settings(request: AuthenticatedRequest) -> HttpResponse:
    channel = channel_of(request.actor)
    if request.method == "POST":
        form = ChannelForm(request.POST)
        if form.is_valid():
            try:
                services.channel_save(actor=request.actor, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The channel settings are saved."))
                return HttpResponseRedirect(reverse("youthstaff:channel-settings"))
    elif channel is not None:
        form = ChannelForm(
            initial={
                "public_code": channel.public_code,
                "display_name": channel.display_name,
                "enabled": channel.enabled,
            }
        )
    else:
        form = ChannelForm(
            initial={"display_name": request.actor.organisation.name, "enabled": True}
        )
    return render(
        request,
        "youthstaff/inbox/channel.html",
        {"form": form, "channel": channel},
    )


@channel_rule
def channel_hours_edit(request: AuthenticatedRequest) -> HttpResponse:
    """When a person reads the messages: the receipt tells children, and the
    escalation of an unopened urgent message counts only these hours."""
    channel = channel_of(request.actor)
    if channel is None:
        return HttpResponseRedirect(reverse("youthstaff:channel-settings"))
    if request.method == "POST":
        form = ChannelHoursForm(request.POST)
        if form.is_valid():
            try:
                services.channel_hours_save(actor=request.actor, hours=form.hours())
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The hours are saved."))
                return HttpResponseRedirect(reverse("youthstaff:channel-hours"))
    else:
        form = ChannelHoursForm(
            initial=ChannelHoursForm.initial_for(
                list(channel_hours(request.actor.organisation_id))
            )
        )
    return render(
        request,
        "youthstaff/inbox/channel_hours.html",
        {"form": form, "channel": channel},
    )


def _effect_rows(effect: list[EffectRow]) -> list[dict[str, object]]:
    """The rows of the effect table that change, with readable labels."""
    return [
        {
            "language": row.language,
            "category": (
                _("overall")
                if row.category == "overall"
                else DangerCategory(row.category).label
            ),
            "row": row,
        }
        for row in effect
        if row.changed
    ]


def _pattern_form_post(
    request: AuthenticatedRequest,
    form: DangerPatternForm,
    pattern: DangerPattern | None,
) -> tuple[HttpResponse | None, list[dict[str, object]] | None]:
    """Measure the change and, unless only a preview was asked, save it. Returns a
    redirect after saving, or the effect rows to show beside the form."""
    data = form.cleaned_data
    change = PatternChange(
        pattern=pattern,
        text=data["pattern"],
        category=data["category"],
        language=data["language"],
        is_active=data["is_active"],
    )
    effect = _effect_rows(danger_pattern_effect(actor=request.actor, change=change))
    if "preview" in request.POST:
        return None, effect
    try:
        services.danger_pattern_save(
            actor=request.actor,
            pattern=pattern,
            text=data["pattern"],
            category=data["category"],
            language=data["language"],
            is_active=data["is_active"],
            note=data["note"],
            confirm_drop=data["confirm_drop"],
        )
    except ValidationError as error:
        apply_errors(form, error)
        return None, effect
    messages.success(
        request,
        _("The danger word is added.")
        if pattern is None
        else _("The danger word is saved."),
    )
    return HttpResponseRedirect(reverse("youthstaff:danger-patterns")), None


@patterns_rule
def danger_patterns(request: AuthenticatedRequest) -> HttpResponse:
    patterns = danger_patterns_for(request.actor)
    may_edit = request.actor.role == Role.FUNCTIONEEL_BEHEERDER
    form = DangerPatternForm(
        request.POST if request.method == "POST" and "pattern" in request.POST else None
    )
    trial = TryPatternForm(
        request.POST if request.method == "POST" and "sample" in request.POST else None
    )
    trial_result: list[str] | None = None
    if trial.is_bound and trial.is_valid():
        trial_result = [
            str(DangerCategory(c).label)
            for c in danger_categories_for(
                organisation_id=request.actor.organisation_id,
                text=trial.cleaned_data["sample"],
                page_language=trial.cleaned_data["page_language"] or "nl",
            )
        ]
    effect = None
    if form.is_bound and may_edit and form.is_valid():
        redirect, effect = _pattern_form_post(request, form, None)
        if redirect is not None:
            return redirect
    return render(
        request,
        "youthstaff/inbox/danger_patterns.html",
        {
            "shared": [p for p in patterns if p.organisation_id is None],
            "own": [p for p in patterns if p.organisation_id is not None],
            "form": form if may_edit else None,
            "trial": trial,
            "trial_result": trial_result,
            "effect": effect,
        },
    )


@rule(
    Role.FUNCTIONEEL_BEHEERDER,
    relation="danger words of the actor's own organisation",
)
def danger_pattern_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pattern = next(
        (
            p
            for p in danger_patterns_for(request.actor)
            if p.pk == pk and p.organisation_id == request.actor.organisation_id
        ),
        None,
    )
    if pattern is None:
        raise Http404
    effect = None
    if request.method == "POST":
        form = DangerPatternForm(request.POST)
        if form.is_valid():
            redirect, effect = _pattern_form_post(request, form, pattern)
            if redirect is not None:
                return redirect
    else:
        form = DangerPatternForm(
            initial={
                "pattern": pattern.pattern,
                "category": pattern.category,
                "language": pattern.language,
                "is_active": pattern.is_active,
                "note": pattern.note,
            }
        )
    return render(
        request,
        "youthstaff/inbox/danger_pattern_edit.html",
        {"form": form, "pattern": pattern, "effect": effect},
    )


__all__ = [
    "channel_settings",
    "conversation_close",
    "conversation_detail",
    "conversation_escalate",
    "conversation_misuse",
    "danger_pattern_edit",
    "danger_patterns",
    "inbox",
]
