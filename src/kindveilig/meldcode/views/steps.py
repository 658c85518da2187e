"""Adding to steps 1 to 4: signals, attachments, consultations, conversations, afwegingen."""

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kindveilig.access.http import AuthenticatedRequest
from kindveilig.core.forms import apply_errors, small_int, with_one_more_form
from kindveilig.meldcode import services
from kindveilig.meldcode.afwegingskader import advise
from kindveilig.meldcode.attachments import attachment_get_for, attachment_read
from kindveilig.meldcode.drafts import draft_discard, draft_initial, draft_save
from kindveilig.meldcode.forms import (
    AnswerForm,
    AttachmentForm,
    ConsultationForm,
    ConversationForm,
    MarkFormSet,
    ObservationForm,
    SkipForm,
)
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.services.entries import (
    ConsultationInput,
    ConversationInput,
    MarkInput,
    ObservationInput,
)
from kindveilig.meldcode.services.weighing import current_answers

from .common import child_choices, load, to_detail, trajectory_rule


def _step_form(
    request: AuthenticatedRequest,
    trajectory: Trajectory,
    form: Any,
    save: Callable[[], object],
    *,
    title: object,
    intro: object = "",
    anchor: str,
    extra: dict[str, object] | None = None,
    formset: Any = None,
) -> HttpResponse:
    """Validate, call the service, and on a refusal show the form again with what
    was typed and the Dutch message next to the field. "Save as draft" keeps the
    input (encrypted) without validating it; the draft fills the form next time."""
    match = request.resolver_match
    form_key = match.url_name if match and match.url_name else "form"
    if request.method == "POST" and "save_draft" in request.POST:
        draft_save(
            actor=request.actor,
            trajectory=trajectory,
            form_key=form_key,
            data=request.POST,
        )
        messages.info(request, _("Draft saved. It is here when you come back."))
        return HttpResponseRedirect(request.get_full_path())
    if (
        request.method == "POST"
        and form.is_valid()
        and (formset is None or formset.is_valid())
    ):
        try:
            save()
        except ValidationError as error:
            apply_errors(form, error)
        else:
            draft_discard(actor=request.actor, trajectory=trajectory, form_key=form_key)
            messages.success(request, _("Saved."))
            return to_detail(trajectory, anchor)
    if request.method == "GET" and not form.is_bound:
        draft = draft_initial(
            actor=request.actor, trajectory=trajectory, form_key=form_key
        )
        if draft:
            form.initial.update({k: v for k, v in draft.items() if k in form.fields})
            messages.info(request, _("Your draft is filled in. Check it and save."))
    context = {
        "trajectory": trajectory,
        "form": form,
        "formset": formset,
        "title": title,
        "intro": intro,
        "can_draft": formset is None and form_key not in NO_DRAFT,
    }
    return render(request, "meldcode/step_form.html", {**context, **(extra or {})})


# Short forms, or forms whose state must not linger, get no draft button.
NO_DRAFT = {"attachment-add", "decision-cosign", "weighing", "melding-handover"}


@trajectory_rule
def observation_add(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    post = request.POST if request.method == "POST" else None
    form = ObservationForm(post, initial={"observed_by": request.user.full_name})
    marks = MarkFormSet(post, prefix="plek")
    if post is not None and "add_mark" in post:
        data = with_one_more_form(post, "plek")
        form = ObservationForm(data)
        marks = MarkFormSet(data, prefix="plek")
        return render(
            request,
            "meldcode/step_form.html",
            _observation_context(trajectory, form, marks),
        )

    def save() -> object:
        data = form.cleaned_data
        return services.observation_add(
            actor=request.actor,
            trajectory=trajectory,
            data=ObservationInput(
                **data,
                marks=[MarkInput(**m.cleaned_data) for m in marks if m.cleaned_data],
            ),
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        formset=marks,
        anchor="stap-1",
        **_observation_text(),
    )


def _observation_text() -> dict[str, Any]:
    return {
        "title": gettext_lazy("Step 1: record a signal"),
        "intro": gettext_lazy(
            "Describe what you saw or heard as factually as possible. Keep your interpretation apart, "
            "and write the child's words down literally."
        ),
        "extra": {"body_map": True},
    }


def _observation_context(
    trajectory: Trajectory, form: Any, marks: Any
) -> dict[str, Any]:
    text = _observation_text()
    return {
        "trajectory": trajectory,
        "form": form,
        "formset": marks,
        "title": text["title"],
        "intro": text["intro"],
        "body_map": True,
    }


@trajectory_rule
def attachment_add(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    form = (
        AttachmentForm(request.POST or None, request.FILES or None)
        if request.method == "POST"
        else AttachmentForm()
    )

    def save() -> object:
        return services.attachment_add(
            actor=request.actor, trajectory=trajectory, upload=form.cleaned_data["file"]
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        anchor="stap-1",
        title=gettext_lazy("Step 1: add an attachment"),
        intro=gettext_lazy("The file is stored encrypted. Every download is recorded."),
        extra={"multipart": True},
    )


@trajectory_rule
def attachment_download(
    request: AuthenticatedRequest, public_id: uuid.UUID, attachment_id: uuid.UUID
) -> HttpResponseBase:
    trajectory = load(request, public_id)
    attachment = attachment_get_for(
        actor=request.actor, trajectory=trajectory, public_id=attachment_id
    )
    if attachment is None:
        raise Http404
    response = FileResponse(
        iter([attachment_read(attachment)]),
        content_type=attachment.content_type,
        as_attachment=True,
        filename=f"bijlage-{str(attachment.public_id)[:8]}",
    )
    return response


@trajectory_rule
def consultation_add(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = ConsultationForm(request.POST if request.method == "POST" else None)
    return _step_form(
        request,
        trajectory,
        form,
        lambda: services.consultation_add(
            actor=request.actor,
            trajectory=trajectory,
            data=ConsultationInput(**form.cleaned_data),
        ),
        anchor="stap-2",
        title=gettext_lazy("Step 2: record a consultation"),
        intro=gettext_lazy(
            "Consult a colleague, your aandachtsfunctionaris, Veilig Thuis (0800-2000; an advies can be "
            "anonymous and leaves the responsibility with you) or a letselduiding expert."
        ),
    )


@trajectory_rule
def conversation_add(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = ConversationForm(
        request.POST if request.method == "POST" else None,
        children=child_choices(trajectory),
    )

    def save() -> object:
        data = dict(form.cleaned_data)
        child = data.pop("child") or None
        return services.conversation_add(
            actor=request.actor,
            trajectory=trajectory,
            data=ConversationInput(**data, child=uuid.UUID(child) if child else None),
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        anchor="stap-3",
        title=gettext_lazy("Step 3: record a conversation"),
        intro=gettext_lazy(
            "With the parents or carers, and with the child. For the child: write down what the child "
            "told in their own words, what the child wants, and whether you told the child what happens next."
        ),
    )


@trajectory_rule
def conversation_skip(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = load(request, public_id)
    form = SkipForm(
        request.POST if request.method == "POST" else None,
        children=child_choices(trajectory),
    )

    def save() -> object:
        child = form.cleaned_data["child"] or None
        return services.conversation_skip(
            actor=request.actor,
            trajectory=trajectory,
            with_whom=form.cleaned_data["with_whom"],
            reason=form.cleaned_data["reason"],
            explanation=form.cleaned_data["explanation"],
            child=uuid.UUID(child) if child else None,
        )

    return _step_form(
        request,
        trajectory,
        form,
        save,
        anchor="stap-3",
        title=gettext_lazy("Step 3: a conversation that is not held"),
        intro=gettext_lazy(
            "Say why there is no conversation. For each child there is a conversation or a reason."
        ),
    )


@trajectory_rule
def weighing(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = load(request, public_id)
    advice = advise(current_answers(trajectory))
    number = (
        small_int(request.POST.get("question"))
        or small_int(request.GET.get("afweging"))
        or advice.question
        or 1
    )
    number = max(1, min(number, 5))
    form = AnswerForm(
        request.POST if request.method == "POST" else None, initial={"question": number}
    )
    question = trajectory.framework.question(number)
    return _step_form(
        request,
        trajectory,
        form,
        lambda: services.afweging_answer(
            actor=request.actor,
            trajectory=trajectory,
            question=form.cleaned_data["question"],
            answer=form.cleaned_data["answer"],
            rationale=form.cleaned_data["rationale"],
        ),
        anchor="stap-4",
        title=gettext_lazy("Step 4: afweging %(number)s") % {"number": number},
        extra={"question": question, "advice": advice, "number": number},
    )
