"""The melding document (HTML and PDF), printed or exported after step-up 2FA.

Printing or exporting a melding asks for the second factor again
(``melding-confirm``). A correct code leaves a one-time grant in the session,
valid for two minutes, for this trajectory and this format only. The document
views take the grant (it is used up, whatever happens next), and record a
PRINT or EXPORT audit record per child. Without a grant they send the user to
the confirmation page.
"""

import uuid
from datetime import timedelta
from typing import Literal
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import CASE_ROLES
from kindveilig.accounts.forms import TokenForm
from kindveilig.accounts.services import SecondFactorOutcome, second_factor_verify
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.meldcode.melding_document import (
    child_person_ids,
    melding_document_build,
    melding_for,
    render_melding_pdf,
)
from kindveilig.meldcode.models import Melding, Trajectory
from kindveilig.meldcode.selectors import trajectory_get_for

Format = Literal["html", "pdf"]
FORMATS: tuple[Format, ...] = ("html", "pdf")
GRANT_SESSION_KEY = "kindveilig_melding_grant"
GRANT_LIFETIME = timedelta(minutes=2)
AUDIT_REASON = "melding document for Veilig Thuis"

RELATION = "owner or aandachtsfunctionaris of the trajectory's organisation"


class StepUpForm(TokenForm):
    """The login's code field, plus the format asked for."""

    formaat = forms.ChoiceField(
        choices=[(value, value) for value in FORMATS],
        widget=forms.HiddenInput,
        initial="html",
    )


def _format(value: str | None) -> Format:
    return "pdf" if value == "pdf" else "html"


def _confirm_url(public_id: uuid.UUID, formaat: Format) -> str:
    url = reverse("meldcode:melding-confirm", args=[public_id])
    return f"{url}?{urlencode({'formaat': formaat})}"


def _grant(
    request: AuthenticatedRequest, trajectory: Trajectory, formaat: Format
) -> None:
    request.session[GRANT_SESSION_KEY] = {
        "trajectory": str(trajectory.public_id),
        "format": formaat,
        "until": (timezone.now() + GRANT_LIFETIME).timestamp(),
    }


def _take_grant(
    request: AuthenticatedRequest, trajectory: Trajectory, formaat: Format
) -> bool:
    """Use up the session's grant; True when it was for this document and fresh."""
    grant = request.session.pop(GRANT_SESSION_KEY, None)
    if not isinstance(grant, dict):
        return False
    return (
        grant.get("trajectory") == str(trajectory.public_id)
        and grant.get("format") == formaat
        and isinstance(grant.get("until"), int | float)
        and timezone.now().timestamp() <= grant["until"]
    )


def _without_grant(public_id: uuid.UUID, formaat: Format) -> HttpResponse:
    return HttpResponseRedirect(_confirm_url(public_id, formaat))


def _melding_or_404(trajectory: Trajectory) -> Melding:
    melding = melding_for(trajectory)
    if melding is None:
        raise Http404
    return melding


def _audit(
    request: AuthenticatedRequest,
    trajectory: Trajectory,
    melding: Melding,
    action: AuditAction,
) -> None:
    items = [
        AuditItem(obj=melding, person_id=person_id)
        for person_id in child_person_ids(trajectory)
    ] or [AuditItem(obj=melding, person_id=None)]
    audit_record_many(
        actor=request.actor, action=action, items=items, reason=AUDIT_REASON
    )


@rule(*CASE_ROLES, relation=RELATION)
def melding_confirm(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = trajectory_get_for(actor=request.actor, public_id=public_id)
    source = request.POST if request.method == "POST" else request.GET
    formaat = _format(source.get("formaat"))
    context = {"public_id": trajectory.public_id, "formaat": formaat}
    if melding_for(trajectory) is None:
        return render(
            request,
            "meldcode/melding_confirm.html",
            {**context, "no_melding": True},
            status=404,
        )
    form = StepUpForm(
        request.POST if request.method == "POST" else None,
        initial={"formaat": formaat},
    )
    if request.method == "POST" and form.is_valid():
        check = second_factor_verify(
            user=request.user, token=form.cleaned_data["token"]
        )
        if check.verified:
            _grant(request, trajectory, formaat)
            name = (
                "meldcode:melding-pdf"
                if formaat == "pdf"
                else "meldcode:melding-document"
            )
            return redirect(name, public_id=trajectory.public_id)
        if check.outcome == SecondFactorOutcome.NOW_LOCKED:
            auth_logout(request)
            messages.error(request, check.message)
            return redirect("accounts:login")
        form.add_error("token", check.message)
    return render(request, "meldcode/melding_confirm.html", {**context, "form": form})


@rule(*CASE_ROLES, relation=RELATION)
def melding_document(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    trajectory = trajectory_get_for(actor=request.actor, public_id=public_id)
    if not _take_grant(request, trajectory, "html"):
        messages.info(
            request, _("Confirm with your code to print or export the melding.")
        )
        return _without_grant(trajectory.public_id, "html")
    melding = _melding_or_404(trajectory)
    doc = melding_document_build(trajectory=trajectory, melding=melding)
    _audit(request, trajectory, melding, AuditAction.PRINT)
    return render(
        request,
        "meldcode/melding_document.html",
        {"doc": doc, "public_id": trajectory.public_id},
    )


@rule(*CASE_ROLES, relation=RELATION)
def melding_pdf(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    trajectory = trajectory_get_for(actor=request.actor, public_id=public_id)
    if not _take_grant(request, trajectory, "pdf"):
        messages.info(
            request, _("Confirm with your code to print or export the melding.")
        )
        return _without_grant(trajectory.public_id, "pdf")
    melding = _melding_or_404(trajectory)
    doc = melding_document_build(trajectory=trajectory, melding=melding)
    pdf = render_melding_pdf(doc)
    _audit(request, trajectory, melding, AuditAction.EXPORT)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"melding-{str(trajectory.public_id)[:8]}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, max-age=0"
    return response


urlpatterns: list[URLPattern] = [
    path(
        "<uuid:public_id>/melding/bevestigen/",
        melding_confirm,
        name="melding-confirm",
    ),
    path(
        "<uuid:public_id>/melding/document/",
        melding_document,
        name="melding-document",
    ),
    path("<uuid:public_id>/melding/pdf/", melding_pdf, name="melding-pdf"),
]
