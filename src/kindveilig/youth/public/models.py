"""Help services for children ("Praat erover"): reference data, no personal data.

The functioneel beheerder edits these rows (``/beheer/hulplijnen/``); a data
migration seeds the national helplines from ``seed_data``. Texts that the
beheerder edits (the descriptions) are plain Dutch and English fields, not
gettext: a catalogue change needs a release, a phone number or a description
must not. See docs/youth.md.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# One list of weekdays for the helplines and the channels (Monday is 0).
from kindveilig.youth.messages.models import Weekday

phone_validator = RegexValidator(
    r"^[0-9][0-9 -]*$",
    _("Enter a phone number with digits, spaces and dashes only, such as 0800-0432."),
)


class Channel(models.TextChoices):
    """Which way of contact an opening-hours row is for."""

    ALL = "all", _("Phone and chat")
    PHONE = "phone", _("Phone")
    CHAT = "chat", _("Chat")


class HelpService(models.Model):
    slug = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_(
            "A short code that never changes. The help finder refers to services by it."
        ),
    )
    name = models.CharField(_("name"), max_length=100)
    description_nl = models.TextField(
        _("description in Dutch"),
        help_text=_("For children: short sentences, simple words (language level B1)."),
    )
    description_en = models.TextField(
        _("description in English"),
        blank=True,
        help_text=_("Shown on the English pages. Empty: the Dutch text is shown."),
    )
    # The other languages of the children's pages (youth.public.language). A
    # new language adds a field here (docs/youth.md, "Adding a language").
    description_ar = models.TextField(
        _("description in Arabic"),
        blank=True,
        help_text=_("Shown on the Arabic pages. Empty: the Dutch text is shown."),
    )
    description_tr = models.TextField(
        _("description in Turkish"),
        blank=True,
        help_text=_("Shown on the Turkish pages. Empty: the Dutch text is shown."),
    )
    description_pl = models.TextField(
        _("description in Polish"),
        blank=True,
        help_text=_("Shown on the Polish pages. Empty: the Dutch text is shown."),
    )
    description_uk = models.TextField(
        _("description in Ukrainian"),
        blank=True,
        help_text=_("Shown on the Ukrainian pages. Empty: the Dutch text is shown."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
    )
    chat_url = models.URLField(_("chat link"), blank=True)
    website = models.URLField(_("website"), blank=True)
    always_open = models.BooleanField(
        _("always open"),
        default=False,
        help_text=_(
            "Day and night, every day, also on public holidays. Opening hours of "
            "one channel (for example the chat) still apply to that channel."
        ),
    )
    closed_on_holidays = models.BooleanField(
        _("closed on public holidays"),
        default=False,
        help_text=_("The opening hours do not apply on public holidays."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    active = models.BooleanField(
        _("shown to children"),
        default=True,
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("help service")
        verbose_name_plural = _("help services")

    def __str__(self) -> str:
        return self.name

    def description_for(self, language: str) -> str:
        """The description in ``language``; Dutch when it has none (a child in
        Den Haag reads some Dutch, and the beheerder sees what is missing)."""
        translated = getattr(self, f"description_{language[:2]}", "")
        return str(translated or self.description_nl)

    @property
    def tel(self) -> str:
        """The number for a ``tel:`` link: digits only."""
        return "".join(ch for ch in self.phone if ch.isdigit())


class OpeningHours(models.Model):
    """One opening on one weekday. ``closes`` before ``opens`` runs past midnight
    (``closes`` 00:00 means until the end of the day)."""

    service = models.ForeignKey(
        HelpService,
        on_delete=models.CASCADE,
        related_name="opening_hours",
        verbose_name=_("help service"),
    )
    channel = models.CharField(
        _("for"), max_length=10, choices=Channel.choices, default=Channel.ALL
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        ordering = ["service", "channel", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(opens=models.F("closes")),
                name="youth_opening_hours_not_empty",
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6),
                name="youth_opening_hours_weekday",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} {self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Holiday(models.Model):
    """A public holiday: services marked ``closed_on_holidays`` keep no hours then."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self) -> str:
        return f"{self.name} ({self.date:%Y-%m-%d})"
