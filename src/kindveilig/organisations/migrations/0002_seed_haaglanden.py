"""Reference data: the Haaglanden region and its nine municipalities."""

from django.db import migrations

# Copied, not imported: migrations never import app code (it may change later).
MUNICIPALITIES = [
    ("Delft", "GM0503"),
    ("Den Haag", "GM0518"),
    ("Leidschendam-Voorburg", "GM1916"),
    ("Midden-Delfland", "GM1842"),
    ("Pijnacker-Nootdorp", "GM1926"),
    ("Rijswijk", "GM0603"),
    ("Wassenaar", "GM0629"),
    ("Westland", "GM1783"),
    ("Zoetermeer", "GM0637"),
]


def seed(apps, schema_editor):
    Region = apps.get_model("organisations", "Region")
    Municipality = apps.get_model("organisations", "Municipality")
    region, _ = Region.objects.get_or_create(code="haaglanden", defaults={"name": "Haaglanden"})
    for name, code in MUNICIPALITIES:
        Municipality.objects.get_or_create(
            cbs_code=code, defaults={"name": name, "region": region}
        )


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
