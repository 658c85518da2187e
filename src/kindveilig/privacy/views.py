import json
import uuid

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.core.forms import apply_errors
from kindveilig.persons.selectors import person_exists_for

from .forms import InzageForm
from .inzage import inzage_export_for, render_inzage_pdf


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
