"""makemessages without fuzzy matching.

msgmerge's fuzzy matching guesses a translation for a new msgid from a similar
old one ("Your question" became "verzoek-id"); a wrong guess that slips through
is worse than an empty entry, which the catalogue check reports.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
