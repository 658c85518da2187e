"""The melding document for Veilig Thuis: printed or exported only after the
second factor is given again, once, and logged per child."""

import datetime as dt
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

import pytest
import time_machine
from conftest import Persona
from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice, User
from kindveilig.accounts.services import recovery_codes_generate
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.melding_document import (
    _OfflineURLFetcher,
    melding_document_build,
    melding_for,
)
from kindveilig.meldcode.models import Melding, Trajectory
from kindveilig.meldcode.models.choices import Source
from kindveilig.meldcode.selectors import trajectory_get_for
from kindveilig.meldcode.services import observation_add
from kindveilig.meldcode.services.entries import ObservationInput
from kindveilig.meldcode.views.melding_document import GRANT_SESSION_KEY

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

HEADINGS = (
    "About this melding",
    "Meldcode",
    "Melder details",
    "People involved",
    "Melding",
    "Support network",
    "Other information",
)


@pytest.fixture
def melding(professional: Persona, aandachtsfunctionaris: Persona) -> Melding:
    return scenarios.melded(professional.actor, aandachtsfunctionaris.actor)


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code(device: EncryptedTOTPDevice) -> str:
    right = current_code(device)
    return "000000" if right != "000000" else "111111"


def confirm_url(trajectory: Trajectory, formaat: str = "html") -> str:
    url = reverse("meldcode:melding-confirm", args=[trajectory.public_id])
    return f"{url}?formaat={formaat}"


def document_url(trajectory: Trajectory) -> str:
    return reverse("meldcode:melding-document", args=[trajectory.public_id])


def pdf_url(trajectory: Trajectory) -> str:
    return reverse("meldcode:melding-pdf", args=[trajectory.public_id])


def confirm(client: Client, trajectory: Trajectory, code: str, formaat: str) -> Any:
    return client.post(
        reverse("meldcode:melding-confirm", args=[trajectory.public_id]),
        {"token": code, "formaat": formaat},
    )


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text, with line breaks and runs of spaces made single spaces."""
    path = tmp_path / "melding.pdf"
    path.write_bytes(pdf)
    executable = shutil.which("pdftotext")
    assert executable is not None, "pdftotext (poppler-utils) is not installed"
    result = subprocess.run(  # noqa: S603  # fixed executable, our own temp file
        [executable, "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    return " ".join(result.stdout.split())


def printed(person_ids: list[uuid.UUID], action: AuditAction) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, person_id__in=person_ids))


def children_of(melding: Melding) -> list[uuid.UUID]:
    return [link.person.public_id for link in melding.trajectory.children.all()]


def test_document_and_pdf_send_the_user_to_the_confirmation_without_a_fresh_code(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    response = client.get(document_url(trajectory))
    assert response.status_code == 302
    assert response["Location"] == confirm_url(trajectory, "html")
    response = client.get(pdf_url(trajectory))
    assert response.status_code == 302
    assert response["Location"] == confirm_url(trajectory, "pdf")
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.PRINT, AuditAction.EXPORT]
    ).exists()


def test_the_confirmation_page_asks_for_the_code_again(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    response = client.get(confirm_url(melding.trajectory, "pdf"))
    assert response.status_code == 200
    content = response.content.decode()
    assert gettext("Confirm with your code") in content
    assert 'name="token"' in content
    assert 'name="formaat" value="pdf"' in content


def test_a_wrong_code_is_refused_in_dutch_and_grants_nothing(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    response = confirm(client, trajectory, wrong_code(professional.device), "pdf")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Deze code klopt niet of is verlopen." in content
    assert 'aria-invalid="true"' in content
    assert GRANT_SESSION_KEY not in client.session
    user = User.objects.get(pk=professional.user.pk)
    assert user.failed_login_count == 1
    assert client.get(pdf_url(trajectory))["Location"] == confirm_url(trajectory, "pdf")
    assert not printed(children_of(melding), AuditAction.EXPORT)


def test_repeated_wrong_codes_lock_the_account_and_log_out(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    for _ in range(4):
        confirm(client, trajectory, wrong_code(professional.device), "html")
    response = confirm(client, trajectory, wrong_code(professional.device), "html")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert User.objects.get(pk=professional.user.pk).locked_until is not None
    assert client.get(document_url(trajectory)).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_right_code_gives_a_real_pdf_with_the_melding(
    client: Client,
    login: Login,
    professional: Persona,
    melding: Melding,
    tmp_path: Path,
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    response = confirm(client, trajectory, current_code(professional.device), "pdf")
    assert response.status_code == 302
    assert response["Location"] == pdf_url(trajectory)

    response = client.get(pdf_url(trajectory))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = f"melding-{str(trajectory.public_id)[:8]}.pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "Voorbeeldmans" not in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")

    text = pdf_text(response.content, tmp_path)
    assert "Papa wordt boos en dan slaat hij" in text
    assert "Ik wil dat het thuis rustig is" in text
    assert "Ik ben gevallen, zegt papa." in text  # a child_quote of a signal
    assert "Dat papa niet meer slaat" in text  # the child's wishes
    assert professional.user.full_name in text
    assert aandachtsfunctionaris_name(melding) in text  # who co-signed
    assert "Sam (demo) Voorbeeldmans" in text
    assert "Drie blauwe plekken" in text  # the body map, as text
    assert "VT-DEMO-0001" in text
    for heading in HEADINGS:
        assert gettext(heading) in text, heading
    assert gettext("Confidential") in text

    events = printed(children_of(melding), AuditAction.EXPORT)
    assert len(events) == len(children_of(melding)) == 1
    assert events[0].actor_user_id == professional.user.pk
    assert events[0].object_id == str(melding.public_id)


def aandachtsfunctionaris_name(melding: Melding) -> str:
    cosigner = melding.decision.cosigned_by
    assert cosigner is not None
    return cosigner.full_name


def test_a_grant_is_used_once(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    # The clock stands still at the start of a TOTP time step, so "the same code"
    # below cannot become the next step's code by the real clock ticking on.
    now = timezone.now()
    start = now.replace(second=(now.second // 30) * 30, microsecond=0) + dt.timedelta(
        seconds=61
    )
    with time_machine.travel(start, tick=False):
        confirm(client, trajectory, current_code(professional.device), "pdf")
        assert client.get(pdf_url(trajectory)).status_code == 200
        second = client.get(pdf_url(trajectory))
        assert second.status_code == 302
        assert second["Location"] == confirm_url(trajectory, "pdf")
        assert len(printed(children_of(melding), AuditAction.EXPORT)) == 1

        # The same code cannot be used again; the next time step's code can.
        response = confirm(client, trajectory, current_code(professional.device), "pdf")
        assert response.status_code == 200
    with time_machine.travel(start + dt.timedelta(seconds=31), tick=False):
        response = confirm(client, trajectory, current_code(professional.device), "pdf")
        assert response.status_code == 302
        assert client.get(pdf_url(trajectory)).status_code == 200


def test_a_grant_is_for_one_format_and_lasts_two_minutes(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    confirm(client, trajectory, current_code(professional.device), "html")
    assert client.get(pdf_url(trajectory)).status_code == 302
    # Asking for the other format used the grant up.
    assert client.get(document_url(trajectory)).status_code == 302

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=31)):
        confirm(client, trajectory, current_code(professional.device), "html")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=3)):
        assert client.get(document_url(trajectory)).status_code == 302
    assert not AuditEvent.objects.filter(
        action__in=[AuditAction.PRINT, AuditAction.EXPORT]
    ).exists()


def test_the_print_view_shows_the_melding_and_is_logged_as_a_print(
    client: Client,
    login: Login,
    aandachtsfunctionaris: Persona,
    professional: Persona,
    melding: Melding,
) -> None:
    login(client, aandachtsfunctionaris)
    trajectory = melding.trajectory
    response = confirm(
        client, trajectory, current_code(aandachtsfunctionaris.device), "html"
    )
    assert response["Location"] == document_url(trajectory)
    response = client.get(document_url(trajectory))
    assert response.status_code == 200
    content = response.content.decode()
    assert scenarios.CHILD_WORDS in content
    assert professional.user.full_name in content
    for heading in HEADINGS:
        assert gettext(heading) in content
    # Strict CSP: no inline styles or scripts of our own.
    assert " style=" not in content
    assert "<style" not in content
    assert "<script>" not in content

    events = printed(children_of(melding), AuditAction.PRINT)
    assert len(events) == 1
    assert events[0].actor_user_id == aandachtsfunctionaris.user.pk
    assert not printed(children_of(melding), AuditAction.EXPORT)


def test_a_recovery_code_also_confirms_once(
    client: Client, login: Login, professional: Persona, melding: Melding
) -> None:
    login(client, professional)
    trajectory = melding.trajectory
    code = recovery_codes_generate(user=professional.user)[0]
    response = confirm(client, trajectory, code.upper(), "html")
    assert response["Location"] == document_url(trajectory)
    assert client.get(document_url(trajectory)).status_code == 200
    assert confirm(client, trajectory, code, "html").status_code == 200


def test_the_outsider_gets_404(
    client: Client, login: Login, outsider: Persona, melding: Melding
) -> None:
    login(client, outsider)
    trajectory = melding.trajectory
    assert client.get(confirm_url(trajectory)).status_code == 404
    assert (
        confirm(client, trajectory, current_code(outsider.device), "pdf").status_code
        == 404
    )
    assert client.get(document_url(trajectory)).status_code == 404
    assert client.get(pdf_url(trajectory)).status_code == 404
    # Four attempts, audited as such: nothing read, exported or printed.
    attempts = AuditEvent.objects.filter(actor_user=outsider.user)
    assert set(attempts.values_list("action", flat=True)) == {AuditAction.DENIED}
    assert attempts.count() == 4


def test_the_gemeente_analist_gets_403(
    client: Client, login: Login, gemeente_analist: Persona, melding: Melding
) -> None:
    login(client, gemeente_analist)
    trajectory = melding.trajectory
    assert client.get(confirm_url(trajectory)).status_code == 403
    assert client.get(document_url(trajectory)).status_code == 403
    assert client.get(pdf_url(trajectory)).status_code == 403


def test_a_trajectory_without_a_melding_has_no_document(
    client: Client, login: Login, professional: Persona
) -> None:
    trajectory = scenarios.at_step_2(professional.actor)
    login(client, professional)
    response = client.get(confirm_url(trajectory, "pdf"))
    assert response.status_code == 404
    assert gettext("No melding yet") in response.content.decode()
    response = confirm(client, trajectory, current_code(professional.device), "pdf")
    assert response.status_code == 404
    assert GRANT_SESSION_KEY not in client.session

    # Even with a grant in the session there is nothing to print.
    session = client.session
    session[GRANT_SESSION_KEY] = {
        "trajectory": str(trajectory.public_id),
        "format": "pdf",
        "until": (timezone.now() + dt.timedelta(minutes=1)).timestamp(),
    }
    session.save()
    assert client.get(pdf_url(trajectory)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_document_is_read_in_a_fixed_number_of_queries(
    professional: Persona, melding: Melding
) -> None:
    actor = professional.actor

    def count() -> int:
        trajectory = trajectory_get_for(
            actor=actor, public_id=melding.trajectory.public_id
        )
        with CaptureQueriesContext(connection) as queries:
            found = melding_for(trajectory)
            assert found is not None
            melding_document_build(trajectory=trajectory, melding=found)
        return len(queries)

    before = count()
    for number in range(3):
        observation_add(
            actor=actor,
            trajectory=melding.trajectory,
            data=ObservationInput(
                observed_on=timezone.localdate(),
                observed_by="Juf (test)",
                source=Source.THIRD_PARTY,
                source_name=f"Buurvrouw {number}",
                facts="Geschreeuw gehoord.",
            ),
        )
    assert count() == before
    assert before <= 10


def test_rendering_the_pdf_fetches_nothing_but_data_urls() -> None:
    fetcher = _OfflineURLFetcher()
    for url in ("https://example.invalid/logo.png", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="data: URLs"):
            fetcher.fetch(url)
    response = fetcher.fetch("data:text/plain;base64,SGFsbG8=")
    assert response.read() == b"Hallo"
