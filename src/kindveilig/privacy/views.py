import json
import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.core.forms import apply_errors
from kindveilig.core.retention import PERSON_KIND
from kindveilig.persons.selectors import person_exists_for, person_get_for
from kindveilig.persons.services import person_correct as person_correct_service

from .forms import InzageForm, LegalHoldForm, PersonCorrectionForm
from .inzage import inzage_export_for, render_inzage_pdf
from .selectors import (
    legal_hold_active_for_person,
    legal_hold_get_for,
    legal_holds_for,
)
from .services import legal_hold_lift as legal_hold_lift_service
from .services import legal_hold_place


@rule(
    Role.FUNCTIONEEL_BEHEERDER,
    relation="person registered by the actor's organisation",
)
def inzage_export(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """A form with the reason; the POST returns the export as a download."""
    if not person_exists_for(actor=request.actor, public_id=public_id):
        raise Http404
    form = InzageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            export = inzage_export_for(
                actor=request.actor,
                public_id=public_id,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            name = f"inzage-{public_id}"
            if form.cleaned_data["format"] == "json":
                response = HttpResponse(
                    json.dumps(export, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                response["Content-Disposition"] = f'attachment; filename="{name}.json"'
            else:
                response = HttpResponse(
                    render_inzage_pdf(export), content_type="application/pdf"
                )
                response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request,
        "privacy/inzage_form.html",
        {"form": form, "public_id": public_id},
    )


@rule(
    Role.FUNCTIONEEL_BEHEERDER,
    relation="person registered by the actor's organisation",
)
def person_correct(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    """Rectificatie: the form shows the data as stored (an audited read); the POST
    corrects it and keeps the old values (``persons.services.person_correct``)."""
    person = person_get_for(
        actor=request.actor, public_id=public_id, purpose="rectificatie"
    )
    initial = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "date_of_birth": person.date_of_birth,
    }
    form = PersonCorrectionForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                person_correct_service(
                    actor=request.actor,
                    person=person,
                    reason=form.cleaned_data["reason"],
                    given_name=form.cleaned_data["given_name"],
                    family_name=form.cleaned_data["family_name"],
                    date_of_birth=form.cleaned_data["date_of_birth"],
                )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The correction is saved; the old data is kept in the history."),
            )
            return redirect("persons:person-access-log", public_id=public_id)
    return render(
        request,
        "privacy/person_correct.html",
        {"form": form, "person": person, "corrections": person.corrections.all()},
    )


@rule(
    Role.FUNCTIONEEL_BEHEERDER,
    relation="person registered by the actor's organisation",
)
@require_http_methods(["GET", "POST"])
def legal_hold_place_person(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    """Place a legal hold on a person (and so on their trajectories, cases and
    signals): the retention engine keeps it until the hold is lifted."""
    if not person_exists_for(actor=request.actor, public_id=public_id):
        raise Http404
    active = legal_hold_active_for_person(actor=request.actor, public_id=public_id)
    form = LegalHoldForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and active is None and form.is_valid():
        try:
            legal_hold_place(
                actor=request.actor,
                record_kind=PERSON_KIND,
                object_id=public_id,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The legal hold is placed."))
            return redirect("privacy:legal-hold-list")
    return render(
        request,
        "privacy/legal_hold_form.html",
        {"form": form, "public_id": public_id, "active": active},
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation="holds placed in the actor's organisation")
def legal_hold_list(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "privacy/legal_hold_list.html",
        {"records": legal_holds_for(actor=request.actor)},
    )


@require_POST
@rule(Role.FUNCTIONEEL_BEHEERDER, relation="hold placed in the actor's organisation")
def legal_hold_lift(request: AuthenticatedRequest, hold_id: int) -> HttpResponse:
    hold = legal_hold_get_for(actor=request.actor, hold_id=hold_id)
    legal_hold_lift_service(actor=request.actor, hold=hold)
    messages.success(
        request, _("The legal hold is lifted; the retention terms apply again.")
    )
    return redirect("privacy:legal-hold-list")
