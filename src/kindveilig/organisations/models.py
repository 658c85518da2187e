import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import TimeStampedModel


class Sector(models.TextChoices):
    """The sector decides which afwegingskader version an organisation uses."""

    ONDERWIJS = "onderwijs", _("Education")
    KINDEROPVANG = "kinderopvang", _("Childcare")
    JGZ = "jgz", _("Youth health care")
    SOCIAAL_DOMEIN = "sociaal_domein", _("Social domain")
    ZORG = "zorg", _("Health care")
    SPORT_CULTUUR = "sport_cultuur", _("Sport and culture (voluntary)")
    GEMEENTE = "gemeente", _("Municipality")


class OrganisationType(models.TextChoices):
    PRIMARY_SCHOOL = "primary_school", _("Primary school")
    SECONDARY_SCHOOL = "secondary_school", _("Secondary school")
    MBO = "mbo", _("MBO")
    KINDEROPVANG = "kinderopvang", _("Kinderopvang")
    PEUTERSPEELZAAL = "peuterspeelzaal", _("Peuterspeelzaal")
    JGZ = "jgz", _("Youth health care (JGZ)")
    LOKAAL_TEAM = "lokaal_team", _("Lokaal team / wijkteam")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    JEUGDBESCHERMING = "jeugdbescherming", _("Jeugdbescherming")
    SPORT_CULTURE_CLUB = "sport_culture_club", _("Sport or culture club")
    HUISARTS = "huisarts", _("Huisarts")
    GEMEENTE = "gemeente", _("Municipality")
    # Services for adults: they do the kindcheck at intake and evaluation.
    GGZ = "ggz", _("GGZ (mental health care)")
    VERSLAVINGSZORG = "verslavingszorg", _("Verslavingszorg (addiction care)")
    MAATSCHAPPELIJKE_OPVANG = (
        "maatschappelijke_opvang",
        _("Maatschappelijke opvang (shelter)"),
    )
    SCHULDHULPVERLENING = "schuldhulpverlening", _("Schuldhulpverlening (debt help)")
    ZIEKENHUIS = "ziekenhuis", _("Ziekenhuis (hospital)")
    # Geboortezorg (birth care) and the CJG, for Kansrijke Start (docs/kansrijke-start.md).
    VERLOSKUNDIGENPRAKTIJK = (
        "verloskundigenpraktijk",
        _("Verloskundigenpraktijk (midwives)"),
    )
    KRAAMZORG = "kraamzorg", _("Kraamzorg (maternity care)")
    CJG = "cjg", _("Centrum voor Jeugd en Gezin (CJG)")


SECTOR_BY_TYPE: dict[str, Sector] = {
    OrganisationType.PRIMARY_SCHOOL: Sector.ONDERWIJS,
    OrganisationType.SECONDARY_SCHOOL: Sector.ONDERWIJS,
    OrganisationType.MBO: Sector.ONDERWIJS,
    OrganisationType.KINDEROPVANG: Sector.KINDEROPVANG,
    OrganisationType.PEUTERSPEELZAAL: Sector.KINDEROPVANG,
    OrganisationType.JGZ: Sector.JGZ,
    OrganisationType.LOKAAL_TEAM: Sector.SOCIAAL_DOMEIN,
    OrganisationType.VEILIG_THUIS: Sector.SOCIAAL_DOMEIN,
    OrganisationType.JEUGDBESCHERMING: Sector.SOCIAAL_DOMEIN,
    OrganisationType.SPORT_CULTURE_CLUB: Sector.SPORT_CULTUUR,
    OrganisationType.HUISARTS: Sector.ZORG,
    OrganisationType.GEMEENTE: Sector.GEMEENTE,
    OrganisationType.GGZ: Sector.ZORG,
    OrganisationType.VERSLAVINGSZORG: Sector.ZORG,
    OrganisationType.MAATSCHAPPELIJKE_OPVANG: Sector.SOCIAAL_DOMEIN,
    OrganisationType.SCHULDHULPVERLENING: Sector.SOCIAAL_DOMEIN,
    OrganisationType.ZIEKENHUIS: Sector.ZORG,
    OrganisationType.VERLOSKUNDIGENPRAKTIJK: Sector.ZORG,
    OrganisationType.KRAAMZORG: Sector.ZORG,
    # The CJG in Den Haag does the JGZ's work there (docs/kansrijke-start.md).
    OrganisationType.CJG: Sector.JGZ,
}

# Geboortezorg (birth care): midwives, maternity care and the hospital's
# obstetrics. They signal a vulnerable pregnancy in Kansrijke Start.
GEBOORTEZORG_TYPES: frozenset[str] = frozenset(
    {
        OrganisationType.VERLOSKUNDIGENPRAKTIJK,
        OrganisationType.KRAAMZORG,
        OrganisationType.ZIEKENHUIS,
    }
)

# Preventive youth health care: the JGZ, and the CJG where it does the JGZ's work.
JGZ_TYPES: frozenset[str] = frozenset({OrganisationType.JGZ, OrganisationType.CJG})

# Services whose clients are adults: the kindcheck is part of their step 1, and
# Kindveilig shows it to them prominently (docs/kindcheck.md).
ADULT_SERVICE_TYPES: frozenset[str] = frozenset(
    {
        OrganisationType.GGZ,
        OrganisationType.VERSLAVINGSZORG,
        OrganisationType.MAATSCHAPPELIJKE_OPVANG,
        OrganisationType.SCHULDHULPVERLENING,
        OrganisationType.ZIEKENHUIS,
        OrganisationType.HUISARTS,
    }
)

# Physicians follow the KNMG meldcode: in step 2 they consult Veilig Thuis for
# advice as well as a colleague (docs/decisions.md, "Physicians: the KNMG rule
# on the organisation type").
PHYSICIAN_TYPES: frozenset[str] = frozenset(
    {OrganisationType.HUISARTS, OrganisationType.ZIEKENHUIS}
)


class Register(models.TextChoices):
    """Where an organisation's row came from: a re-import of the same register
    marks the locations it no longer lists inactive (docs/organisations.md)."""

    OWN = "own", _("Kindveilig's own format")
    DUO = "duo", _("DUO school locations")
    LRK = "lrk", _("Landelijk Register Kinderopvang")


class Region(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        unique=True,
        help_text=_("The municipality code of Statistics Netherlands, e.g. GM0518."),
    )
    # Organisations without an aandachtsfunctionaris of their own (a voluntary
    # sport or culture club, a small lokaal team) are not left without a co-signer:
    # the aandachtsfunctionarissen of this organisation co-sign for them.
    fallback_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fallback for the aandachtsfunctionaris"),
        help_text=_(
            "Its aandachtsfunctionarissen co-sign for organisations in this "
            "municipality that have none (for example the JGZ or the lokaal team)."
        ),
    )

    # Praat erover: where a child's urgent message goes when nobody at the school
    # or club opens it in time, after the deputies (a lokaal team, or the
    # regional Veilig Thuis liaison). Its aandachtsfunctionarissen get an e-mail
    # and may read and answer the conversation.
    youth_on_duty_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("on duty for urgent messages from children"),
        help_text=_(
            "Its aandachtsfunctionarissen receive a child's urgent message when "
            "nobody at the school or club opens it in time (for example the "
            "lokaal team or the Veilig Thuis liaison). Empty: the fallback "
            "organisation above."
        ),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Organisation(TimeStampedModel):
    public_id = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=32, choices=OrganisationType.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    external_code = models.CharField(
        _("external code"),
        max_length=32,
        unique=True,
        null=True,
        blank=True,
        help_text=_("BRIN number, LRK number or KvK number."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    address = models.CharField(
        _("address"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Street, number, postcode and place, as in the register."),
    )
    register = models.CharField(
        _("register"),
        max_length=8,
        choices=Register.choices,
        blank=True,
        default="",
        help_text=_(
            "The register it was last imported from; empty when entered by hand."
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["municipality", "type"])]

    def __str__(self) -> str:
        return self.name

    @property
    def sector(self) -> Sector:
        return SECTOR_BY_TYPE[self.type]
