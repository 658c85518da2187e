"""Labels and guidance say what is true: no "(optional)" twice, no stray source labels."""

from django.utils.translation import gettext

from kindveilig.meldcode.forms import ObservationForm
from kindveilig.meldcode.framework_data import SECTOR_NOTES


def test_the_interpretation_label_does_not_say_optional_itself() -> None:
    # The field component adds "(optional)"; the label must not say it again.
    label = str(ObservationForm.base_fields["interpretation"].label)
    assert gettext("optional") not in label
    assert "(" not in label


def test_the_sector_guidance_carries_no_source_labels_in_brackets() -> None:
    for note in SECTOR_NOTES.values():
        assert "(PO-Raad)" not in note["nl"]
        assert "(PO-Raad)" not in note["en"]
