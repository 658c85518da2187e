"""The region's organisation administration (functioneel beheerder of a
gemeente organisation; docs/organisations.md):

- ``organisation_list``: every organisation of the region, active or not;
- ``organisation_create`` and ``organisation_edit``: one organisation by hand;
- ``organisation_active``: deactivate or reactivate (POST);
- ``import_upload``: upload a register file, and the latest imports;
- ``import_detail``: the preview, the progress or the report of one import;
- ``import_confirm``: run a previewed import in the background (POST).
"""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kindveilig.access.decorators import rule
from kindveilig.access.http import AuthenticatedRequest
from kindveilig.access.roles import Role
from kindveilig.organisations.models import Organisation

from .forms import ImportUploadForm, OrganisationForm
from .selectors import (
    municipalities_for,
    organisation_get_for,
    organisation_import_get_for,
    organisation_imports_for,
    organisation_page_for,
)
from .services import (
    organisation_import_confirm,
    organisation_import_upload,
    organisation_save,
    organisation_set_active,
)

RELATION = (
    "reference data of the actor's region; functioneel beheerder of a gemeente "
    "organisation only"
)
IMPORT_RELATION = RELATION + "; imports of the actor's own organisation"


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
def organisation_list(request: AuthenticatedRequest) -> HttpResponse:
    inactive_only = request.GET.get("inactief") == "1"
    page = organisation_page_for(
        actor=request.actor,
        page_number=request.GET.get("pagina"),
        inactive_only=inactive_only,
    )
    return render(
        request,
        "regionadmin/organisation_list.html",
        {"page": page, "inactive_only": inactive_only},
    )


def _edit(
    request: AuthenticatedRequest, organisation: Organisation | None
) -> HttpResponse:
    municipalities = municipalities_for(request.actor)
    initial = (
        {
            "name": organisation.name,
            "type": organisation.type,
            "municipality": organisation.municipality_id,
            "external_code": organisation.external_code or "",
            "address": organisation.address,
        }
        if organisation
        else None
    )
    if request.method == "POST":
        form = OrganisationForm(request.POST, municipalities=municipalities)
        if form.is_valid():
            try:
                saved = organisation_save(
                    actor=request.actor,
                    organisation=organisation,
                    values=form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("%(name)s has been saved.") % {"name": saved.name}
                )
                return HttpResponseRedirect(reverse("regionadmin:organisation-list"))
    else:
        form = OrganisationForm(municipalities=municipalities, initial=initial)
    return render(
        request,
        "regionadmin/organisation_form.html",
        {"form": form, "organisation": organisation},
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
@require_http_methods(["GET", "POST"])
def organisation_create(request: AuthenticatedRequest) -> HttpResponse:
    return _edit(request, None)


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
@require_http_methods(["GET", "POST"])
def organisation_edit(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    organisation = organisation_get_for(actor=request.actor, public_id=public_id)
    return _edit(request, organisation)


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=RELATION)
@require_POST
def organisation_active(
    request: AuthenticatedRequest, public_id: uuid.UUID
) -> HttpResponse:
    organisation = organisation_get_for(actor=request.actor, public_id=public_id)
    active = request.POST.get("actief") == "1"
    organisation_set_active(
        actor=request.actor, organisation=organisation, active=active
    )
    if active:
        message = _("%(name)s is active again.")
    else:
        message = _("%(name)s is inactive. Its history stays.")
    messages.success(request, message % {"name": organisation.name})
    return HttpResponseRedirect(
        reverse("regionadmin:organisation-edit", args=[public_id])
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=IMPORT_RELATION)
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedRequest) -> HttpResponse:
    imports = list(organisation_imports_for(request.actor))
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                created = organisation_import_upload(
                    actor=request.actor, file_name=upload.name, raw=upload.read()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return HttpResponseRedirect(
                    reverse("regionadmin:import-detail", args=[created.public_id])
                )
    else:
        form = ImportUploadForm()
    return render(
        request, "regionadmin/import_upload.html", {"form": form, "imports": imports}
    )


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=IMPORT_RELATION)
def import_detail(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    found = organisation_import_get_for(actor=request.actor, public_id=public_id)
    return render(request, "regionadmin/import_detail.html", {"upload": found})


@rule(Role.FUNCTIONEEL_BEHEERDER, relation=IMPORT_RELATION)
@require_POST
def import_confirm(request: AuthenticatedRequest, public_id: uuid.UUID) -> HttpResponse:
    found = organisation_import_get_for(actor=request.actor, public_id=public_id)
    try:
        organisation_import_confirm(actor=request.actor, organisation_import=found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("regionadmin:import-detail", args=[public_id]))
