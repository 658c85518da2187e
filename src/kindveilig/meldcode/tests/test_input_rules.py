"""Input the meldcode refuses: implausible dates, hidden characters in names and
file names, and attachments whose bytes are not what their name says."""

import datetime as dt
from collections.abc import Callable, Iterator

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext

import pytest
from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.file_types import MAX_ATTACHMENT_BYTES
from kindveilig.meldcode.forms import (
    AttachmentForm,
    ChildForm,
    ConsultationForm,
    InvolvedForm,
    ObservationForm,
)
from kindveilig.meldcode.models import Attachment, Trajectory
from kindveilig.meldcode.models.choices import (
    FormOfViolence,
    Origin,
    Relation,
    Source,
)
from kindveilig.meldcode.services import attachment_add, observation_add
from kindveilig.meldcode.services.entries import ObservationInput
from kindveilig.meldcode.services.trajectories import (
    ChildInput,
    InvolvedInput,
    StartInput,
    trajectory_start,
)

Login = Callable[[Client, Persona], Client]
pytestmark = [pytest.mark.django_db]

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
RLO = "\u202e"


@pytest.fixture
def trajectory(prof: Actor) -> Trajectory:
    return scenarios.start(prof)


def observation(day: dt.date) -> ObservationInput:
    return ObservationInput(
        observed_on=day,
        observed_by="Juf Anna",
        source=Source.OWN,
        facts="Blauwe plek op de arm.",
    )


# ---- dates ------------------------------------------------------------------


def test_an_observation_in_the_year_1_is_refused_by_the_service(
    prof: Actor, trajectory: Trajectory
) -> None:
    with pytest.raises(ValidationError) as error:
        observation_add(
            actor=prof, trajectory=trajectory, data=observation(dt.date(1, 1, 1))
        )
    assert "observed_on" in error.value.message_dict
    assert not trajectory.observations.exists()


def test_an_observation_in_the_year_1_is_refused_by_the_form() -> None:
    form = ObservationForm(
        data={
            "observed_on": "0001-01-01",
            "observed_by": "Juf Anna",
            "source": Source.OWN,
            "facts": "Blauwe plek op de arm.",
        }
    )
    assert not form.is_valid()
    assert "observed_on" in form.errors


def test_a_consultation_before_2000_is_refused_by_the_form() -> None:
    form = ConsultationForm(data={"consulted_on": "1999-12-31"})
    form.is_valid()
    assert "consulted_on" in form.errors


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2999-01-01"])
def test_a_child_born_before_1900_or_in_the_future_is_refused_by_the_form(
    day: str,
) -> None:
    form = ChildForm(
        data={"given_name": "Sam", "family_name": "Jansen", "date_of_birth": day}
    )
    assert not form.is_valid()
    assert "date_of_birth" in form.errors


def _start(
    prof: Actor,
    *,
    child: ChildInput | None = None,
    involved: list[InvolvedInput] | None = None,
) -> Trajectory:
    return trajectory_start(
        actor=prof,
        data=StartInput(
            origin=Origin.WORRY,
            worry="Zorgen",
            forms_of_violence=[FormOfViolence.PHYSICAL],
            children=[child or ChildInput(given_name="Sam", family_name="Jansen")],
            involved=involved or [],
        ),
    )


def test_a_child_born_in_the_year_1_is_refused_by_the_service(prof: Actor) -> None:
    child = ChildInput(
        given_name="Sam", family_name="Jansen", date_of_birth=dt.date(1, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        _start(prof, child=child)
    assert "date_of_birth" in error.value.message_dict
    assert not Trajectory.objects.exists()


# ---- names --------------------------------------------------------------------


@pytest.mark.parametrize("name", [f"Jan{RLO}snesnaJ", "Jan\x00"])
def test_a_child_name_with_hidden_characters_is_refused_by_form_and_service(
    prof: Actor, name: str
) -> None:
    form = ChildForm(data={"given_name": name, "family_name": "Jansen"})
    assert not form.is_valid()
    assert "given_name" in form.errors
    with pytest.raises(ValidationError) as error:
        _start(prof, child=ChildInput(given_name=name, family_name="Jansen"))
    assert "given_name" in error.value.message_dict
    assert not Trajectory.objects.exists()


def test_an_involved_person_with_a_direction_override_is_refused(
    prof: Actor,
) -> None:
    form = InvolvedForm(
        data={"given_name": "Piet", "family_name": f"de{RLO} Vries"}, prefix=None
    )
    form.is_valid()
    assert "family_name" in form.errors
    involved = InvolvedInput(
        given_name="Piet", family_name=f"de{RLO} Vries", relation=Relation.FATHER
    )
    with pytest.raises(ValidationError) as error:
        _start(prof, involved=[involved])
    assert "family_name" in error.value.message_dict
    assert not Trajectory.objects.exists()


# ---- attachments ----------------------------------------------------------------


def test_a_pdf_is_stored_with_the_type_its_bytes_say(
    prof: Actor, trajectory: Trajectory
) -> None:
    upload = SimpleUploadedFile("verslag.pdf", PDF, content_type="text/html")
    attachment = attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(PDF)


def test_a_text_file_is_accepted(prof: Actor, trajectory: Trajectory) -> None:
    upload = ContentFile(b"Gesprek met moeder, 3 mei.\n", name="notitie.txt")
    attachment = attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert attachment.content_type == "text/plain"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.pdf", HTML),  # an HTML page named as a PDF
        ("x.txt", HTML),  # markup is not plain text
        ("x.png", PDF),  # a PDF named as an image
        ("x.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),  # an executable
        ("x.txt", b"tekst\x00met NUL"),
    ],
)
def test_a_file_whose_bytes_are_not_its_allowed_type_is_refused(
    prof: Actor, trajectory: Trajectory, name: str, content: bytes
) -> None:
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert "file" in error.value.message_dict
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("name", [f"rapport{RLO}fdp.exe", "rapport\x00.pdf"])
def test_a_file_name_with_hidden_characters_is_refused(
    prof: Actor, trajectory: Trajectory, name: str
) -> None:
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert "file" in error.value.message_dict
    assert not Attachment.objects.exists()


class _Unreadable(SimpleUploadedFile):
    """Says it is large (as the upload handler counted); reading it fails the test."""

    def __init__(self, size: int) -> None:
        super().__init__("groot.pdf", b"", content_type="application/pdf")
        self.size = size

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        raise AssertionError("the file was read")


def test_an_oversized_upload_is_refused_before_it_is_read(
    prof: Actor, trajectory: Trajectory
) -> None:
    upload = _Unreadable(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(ValidationError) as error:
        attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert error.value.message_dict["file"] == [
        gettext("The file is larger than 10 MB.")
    ]
    form = AttachmentForm(data={}, files=MultiValueDict({"file": [upload]}))
    assert not form.is_valid()
    assert form.errors["file"] == ["Het bestand is groter dan 10 MB."]


class _Lying(SimpleUploadedFile):
    """Claims to be small but streams far more than the limit."""

    def __init__(self) -> None:
        super().__init__("groot.txt", b"", content_type="text/plain")
        self.size = 10
        self.read_bytes = 0

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        chunk = b"a" * (1024 * 1024)
        for _ in range(100):
            self.read_bytes += len(chunk)
            yield chunk


def test_reading_stops_at_the_limit_when_the_size_was_wrong(
    prof: Actor, trajectory: Trajectory
) -> None:
    upload = _Lying()
    with pytest.raises(ValidationError):
        attachment_add(actor=prof, trajectory=trajectory, upload=upload)
    assert upload.read_bytes <= MAX_ATTACHMENT_BYTES + 1024 * 1024


def test_the_page_refuses_an_html_file_named_pdf_with_a_dutch_message(
    client: Client, login: Login, professional: Persona, trajectory: Trajectory
) -> None:
    login(client, professional)
    response = client.post(
        reverse("meldcode:attachment-add", args=[trajectory.public_id]),
        {"file": SimpleUploadedFile("x.pdf", HTML, content_type="application/pdf")},
    )
    assert response.status_code == 200
    assert "Alleen PDF-, JPEG-, PNG- en tekstbestanden" in response.content.decode()
    assert not Attachment.objects.exists()
