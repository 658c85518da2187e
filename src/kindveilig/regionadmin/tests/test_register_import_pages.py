"""Upload a register file, see the preview per line, confirm, and the
background task imports it with a progress and a report."""

from collections.abc import Callable
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import pytest
from conftest import Persona
from pytest_django import DjangoCaptureOnCommitCallbacks

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.regionadmin.models import ImportStatus, OrganisationImport
from kindveilig.regionadmin.services import organisation_import_run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

Login = Callable[[Client, Persona], Client]
DATA = Path(__file__).parents[2] / "organisations" / "tests" / "data"
DUO = (DATA / "duo_vestigingen.csv").read_bytes()
LRK = (DATA / "lrk_locaties.csv").read_bytes()


@pytest.fixture
def regio_beheerder(make_persona: Callable[..., Persona]) -> Persona:
    gemeente = OrganisationFactory.create(
        name="Gemeente Regio (test)", type=OrganisationType.GEMEENTE
    )
    persona: Persona = make_persona(Role.FUNCTIONEEL_BEHEERDER, gemeente)
    return persona


@pytest.fixture
def client_(regio_beheerder: Persona, login: Login) -> Client:
    return login(Client(), regio_beheerder)


def upload(client: Client, raw: bytes, name: str = "vestigingen.csv") -> str:
    response = client.post(
        reverse("regionadmin:import-upload"),
        {"file": SimpleUploadedFile(name, raw, content_type="text/csv")},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def confirm(
    client: Client, detail: str, capture: DjangoCaptureOnCommitCallbacks
) -> OrganisationImport:
    with capture(execute=True):
        response = client.post(detail + "bevestigen/")
    assert response.status_code == 302
    return OrganisationImport.objects.latest("pk")


def test_the_preview_shows_each_line_and_changes_nothing(client_: Client) -> None:
    before = Organisation.objects.count()
    detail = upload(client_, DUO)
    assert Organisation.objects.count() == before
    page = client_.get(detail).content.decode()
    assert (
        ngettext(
            "%(counter)s organisation would be added",
            "%(counter)s organisations would be added",
            54,
        )
        % {"counter": 54}
        in page
    )
    assert "Basisschool De Regenboog Delft (fictief)" in page
    assert '<td class="utrecht-table__cell">58</td>' in page
    assert _("the name is empty") in page
    assert "97Z0" in page
    assert 'http-equiv="refresh"' not in page
    upload_row = OrganisationImport.objects.get()
    assert upload_row.status == ImportStatus.PREVIEW
    assert AuditEvent.objects.filter(
        object_type="regionadmin.organisationimport",
        object_id=str(upload_row.public_id),
        action=AuditAction.CREATE,
    ).exists()


def test_confirm_runs_the_import_with_a_report_and_audits_every_change(
    client_: Client,
    regio_beheerder: Persona,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    detail = upload(client_, DUO)
    done = confirm(client_, detail, django_capture_on_commit_callbacks)
    assert done.status == ImportStatus.DONE
    assert done.progress == 100
    assert done.result["created"] == 54
    assert done.result["skipped"] == 4
    assert done.result["outside"] == 2
    assert done.content == ""  # the file is not kept after the import
    page = client_.get(detail).content.decode()
    assert 'data-testid="import-result"' in page
    assert 'http-equiv="refresh"' not in page
    school = Organisation.objects.get(external_code="99AA00")
    event = AuditEvent.objects.get(
        object_type="organisations.organisation", object_id=str(school.public_id)
    )
    assert event.action == AuditAction.CREATE
    assert event.actor_user_id == regio_beheerder.user.pk
    assert (
        AuditEvent.objects.filter(
            object_type="organisations.organisation", action=AuditAction.CREATE
        ).count()
        == 54
    )


def test_a_second_import_reports_that_nothing_changed(
    client_: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    confirm(client_, upload(client_, LRK), django_capture_on_commit_callbacks)
    second = upload(client_, LRK)
    preview = client_.get(second).content.decode()
    assert (
        ngettext(
            "%(counter)s organisation would be added",
            "%(counter)s organisations would be added",
            0,
        )
        % {"counter": 0}
        in preview
    )
    events = AuditEvent.objects.filter(object_type="organisations.organisation")
    before = events.count()
    done = confirm(client_, second, django_capture_on_commit_callbacks)
    assert (done.result["created"], done.result["updated"]) == (0, 0)
    assert done.result["unchanged"] == 18
    assert events.count() == before
    page = client_.get(second).content.decode()
    assert (
        _(
            "Nothing changed: the %(unchanged)s organisations in the file are up "
            "to date (%(skipped)s lines skipped)."
        )
        % {"unchanged": 18, "skipped": 2}
        in page
    )


def test_a_reimport_without_a_location_previews_and_makes_it_inactive(
    client_: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    confirm(client_, upload(client_, DUO), django_capture_on_commit_callbacks)
    lines = DUO.decode("utf-8-sig").splitlines()
    without = "\n".join(line for line in lines if ";99AB00;" not in line).encode()
    detail = upload(client_, without)
    preview = client_.get(detail).content.decode()
    assert 'data-testid="import-deactivated"' in preview
    assert "Basisschool Het Kompas Delft (fictief)" in preview
    done = confirm(client_, detail, django_capture_on_commit_callbacks)
    assert done.result["deactivated"] == 1
    gone = Organisation.objects.get(external_code="99AB00")
    assert not gone.is_active
    assert AuditEvent.objects.filter(
        object_id=str(gone.public_id), action=AuditAction.UPDATE
    ).exists()


def test_a_pending_import_shows_its_progress_and_a_refresh_link(
    client_: Client,
) -> None:
    detail = upload(client_, LRK)
    OrganisationImport.objects.update(status=ImportStatus.RUNNING, progress=40)
    page = client_.get(detail).content.decode()
    # No automatic refresh (WCAG 2.2.1; axe's meta-refresh): the user refreshes.
    assert 'http-equiv="refresh"' not in page
    assert '<progress max="100" value="40">' in page
    assert f'href="{detail}" data-testid="import-refresh"' in page


def test_a_confirmed_import_cannot_be_confirmed_again(
    client_: Client,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    detail = upload(client_, LRK)
    confirm(client_, detail, django_capture_on_commit_callbacks)
    response = client_.post(detail + "bevestigen/", follow=True)
    assert _("This import has been confirmed already.") in response.content.decode()
    # The task itself also runs an import only once.
    assert organisation_import_run(OrganisationImport.objects.get().pk) == "done"


def test_a_file_without_the_columns_is_refused_next_to_the_field(
    client_: Client,
) -> None:
    raw = "external_code;name;type\n00AA;School (fictief);mbo\n".encode("cp1252")
    response = client_.post(
        reverse("regionadmin:import-upload"),
        {"file": SimpleUploadedFile("eigen.csv", raw, content_type="text/csv")},
    )
    assert response.status_code == 200
    form = response.context["form"]
    [message] = form.errors["file"]
    assert _("semicolons") in message
    assert "municipality" in message
    assert not OrganisationImport.objects.exists()


def test_rows_of_another_region_are_outside_it(
    client_: Client, regio_beheerder: Persona
) -> None:
    from kindveilig.organisations.models import Municipality, Region

    elsewhere = Region.objects.create(name="Elders", code="elders")
    Municipality.objects.create(name="Amsterdam", cbs_code="GM0363", region=elsewhere)
    upload(client_, DUO)
    preview = OrganisationImport.objects.get().preview
    assert preview["outside"] == 2
    assert preview["created_count"] == 54


def test_another_gemeentes_beheerder_cannot_see_the_import(
    client_: Client,
    make_persona: Callable[..., Persona],
    login: Login,
) -> None:
    detail = upload(client_, LRK)
    other_gemeente = OrganisationFactory.create(
        name="Gemeente Anders (test)", type=OrganisationType.GEMEENTE
    )
    other = login(Client(), make_persona(Role.FUNCTIONEEL_BEHEERDER, other_gemeente))
    assert other.get(detail).status_code == 404
    assert other.post(detail + "bevestigen/").status_code == 404
    assert OrganisationImport.objects.get().status == ImportStatus.PREVIEW


def test_a_long_preview_lists_the_first_rows_and_says_so(
    client_: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kindveilig.regionadmin.services.PREVIEW_LIMIT", 10)
    page = client_.get(upload(client_, DUO)).content.decode()
    assert _("The first %(shown)s of %(total)s.") % {"shown": 10, "total": 54} in page
    assert "Basisschool De Regenboog Delft (fictief)" in page
    assert "Scholengemeenschap Het Lichtschip Zoetermeer (fictief)" not in page


def test_a_failing_import_is_reported_as_failed_on_its_page(
    client_: Client,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    def broken(**kwargs: object) -> None:
        raise RuntimeError("database gone")

    monkeypatch.setattr("kindveilig.regionadmin.services.organisations_import", broken)
    detail = upload(client_, LRK)
    failed = confirm(client_, detail, django_capture_on_commit_callbacks)
    assert failed.status == ImportStatus.FAILED
    assert failed.content == ""  # uploading the file again completes it
    page = client_.get(detail).content.decode()
    assert 'data-testid="import-failed"' in page
    assert 'http-equiv="refresh"' not in page
