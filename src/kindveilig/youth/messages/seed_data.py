"""The shared danger patterns and the answer templates, as code.

The data migration ``0002_seed_patterns_and_templates`` reads this module, and so
do tests after a database flush (``seed_danger_patterns`` is idempotent). The
pattern language is explained in ``danger.py``. The list errs on the side of
caution: a message wrongly marked urgent costs a look; a missed one can cost a life.
"""

from typing import Any

# (pattern, category)
DANGER_PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("wil .. dood", "self_harm"),
    ("liever dood", "self_harm"),
    ("wil .. niet meer leven|bestaan|wakker|zijn|leef*", "self_harm"),
    ("zelfmoord*", "self_harm"),
    ("suicid*|zelfdoding", "self_harm"),
    ("eind* aan mijn leven", "self_harm"),
    ("een eind* aan maken", "self_harm"),
    ("maak* er .. eind* aan", "self_harm"),
    (
        "mezelf .. dood*|doden|ophang*|vermoord*|snij*|gesned*|kras*|pijn|verwond*",
        "self_harm",
    ),
    ("snij* .. mezelf|me|mij|arm*|pols*|been|benen", "self_harm"),
    ("kras* .. mezelf|me|mij|arm*|pols*", "self_harm"),
    ("sla|slaan|bonk* .. mezelf", "self_harm"),
    ("automutil*|zelfbeschadig*|overdosis", "self_harm"),
    ("alle pillen", "self_harm"),
    ("spring* voor de|een trein|metro|tram|auto", "self_harm"),
    ("voor de|een trein|metro|tram spring*|liggen", "self_harm"),
    ("niemand .. missen|mist", "self_harm"),
    ("leven .. zinloos", "self_harm"),
    ("leven heeft geen zin", "self_harm"),
    ("nooit geboren", "self_harm"),
    ("wil .. verdwijnen", "self_harm"),
    # Violence
    (
        "slaat|sloeg|slaan|schopt|schopte|stompt|stompte|trapt|trapte|mept|knijpt"
        " .. me|mij|ons|mama|moeder|papa|vader|broer|broertje|zus|zusje|oma|opa",
        "violence",
    ),
    (
        "word|wordt|werd|worden .. geslagen|geschopt|getrapt|gestompt|gewurgd|mishandeld",
        "violence",
    ),
    (
        "me|mij|ons .. geslagen|geschopt|getrapt|gestompt|gewurgd|mishandeld",
        "violence",
    ),
    ("mishandel*|wurg*", "violence"),
    ("geweld|gewelddadig", "violence"),
    ("krijg* .. klappen|klap|slaag|tikken", "violence"),
    ("pak slaag", "violence"),
    ("sla* elkaar", "violence"),
    ("blauwe plek*", "violence"),
    ("doet|deed me|mij pijn", "violence"),
    ("dreig* .. dood*|vermoord*|mes|slaan", "violence"),
    ("bang .. vermoord*|doodmaakt|doodmaken", "violence"),
    # Sexual abuse
    ("raakt|raakte|zit|zat|komt|kwam me|mij aan", "sexual"),
    ("zit|zat|komt|kwam aan me|mij", "sexual"),
    ("aangeraakt|betast*|bevoeld", "sexual"),
    (
        "aan mijn piemel|plasser|vagina|borsten|tieten|kruis|billen|kont|onderbroek",
        "sexual",
    ),
    ("verkracht*|misbruik*|aanrand*", "sexual"),
    ("seks*|sex*", "sexual"),
    ("naaktfoto*", "sexual"),
    ("naakt*|blote foto*|filmpje*", "sexual"),
    ("dat ik .. uitkle*|bloot", "sexual"),
    # Not daring to go home
    ("durf* niet .. naar huis|thuis", "unsafe_home"),
    ("niet .. naar huis .. durf*", "unsafe_home"),
    ("wil niet .. naar huis", "unsafe_home"),
    ("bang|doodsbang .. naar huis", "unsafe_home"),
    ("thuis .. bang|doodsbang", "unsafe_home"),
    (
        "bang|doodsbang voor .. papa|mama|vader|moeder|stiefvader|stiefmoeder",
        "unsafe_home",
    ),
    ("thuis .. niet veilig", "unsafe_home"),
    ("thuis .. onveilig", "unsafe_home"),
    ("niet veilig .. thuis", "unsafe_home"),
    ("onveilig .. thuis", "unsafe_home"),
    ("weggelopen|weglopen|wegloop", "unsafe_home"),
    ("slaap* .. op straat|buiten", "unsafe_home"),
    ("eruit gezet|gegooid", "unsafe_home"),
    # Harmless phrases, cut out before the others are checked
    ("dood normaal|gewoon|graag|moe|eng|ziek", "harmless"),
    ("doodnormaal|doodgewoon|doodgraag|doodmoe|doodop|doodeng|doodziek", "harmless"),
    ("dood van .. lachen|honger|dorst|verveling|hitte|kou|schrik", "harmless"),
    ("lach*|verveel* me dood", "harmless"),
]

# (language, title, body): short, warm, plain words (B1 and lower) for children.
ANSWER_TEMPLATES: list[tuple[str, str, str]] = [
    (
        "nl",
        "Dank je wel",
        "Hoi, dank je wel voor je bericht. Goed dat je het vertelt. "
        "Ik heb het gelezen en ik help je. Je kunt me alles vragen.",
    ),
    (
        "nl",
        "Wil je meer vertellen?",
        "Wil je me nog wat meer vertellen? Wat is er gebeurd, en wanneer? "
        "Je hoeft je naam niet te zeggen.",
    ),
    (
        "nl",
        "Afspreken op school",
        "Wil je met me praten op school? Dat kan in een rustige kamer. "
        "Niemand hoeft te weten waarover we praten. Schrijf me wanneer het jou "
        "uitkomt.",
    ),
    (
        "nl",
        "Het is niet jouw schuld",
        "Wat er gebeurt, is niet jouw schuld. Het is goed en dapper dat je het "
        "vertelt.",
    ),
    (
        "nl",
        "Hulp nu",
        "Ben je nu in gevaar? Bel dan 112. Je kunt ook gratis bellen met De "
        "Kindertelefoon: 0800-0432. Denk je aan zelfmoord? Bel 113: 0800-0113.",
    ),
    (
        "nl",
        "Wat ik ga doen",
        "Ik ga je helpen. Ik vertel je eerst wat ik ga doen, voordat ik het doe. "
        "Dan weet je wat er gebeurt.",
    ),
    (
        "en",
        "Thank you",
        "Hi, thank you for your message. It is good that you told me. "
        "I have read it and I will help you. You can ask me anything.",
    ),
    (
        "en",
        "Tell me more?",
        "Would you like to tell me a bit more? What happened, and when? "
        "You do not have to give your name.",
    ),
    (
        "en",
        "Not your fault",
        "What is happening is not your fault. It is good and brave that you tell me.",
    ),
    (
        "en",
        "Help now",
        "Are you in danger right now? Call 112. You can also call De Kindertelefoon "
        "for free: 0800-0432. Thinking about suicide? Call 113: 0800-0113.",
    ),
]


def seed_danger_patterns(pattern_model: Any) -> int:
    """Create the shared patterns that are missing; returns how many were made."""
    created = 0
    for pattern, category in DANGER_PATTERNS:
        _, made = pattern_model.objects.get_or_create(
            organisation=None, pattern=pattern, defaults={"category": category}
        )
        created += int(made)
    return created


def seed_answer_templates(template_model: Any) -> int:
    created = 0
    for position, (language, title, body) in enumerate(ANSWER_TEMPLATES):
        _, made = template_model.objects.get_or_create(
            language=language,
            title=title,
            defaults={"body": body, "position": position},
        )
        created += int(made)
    return created
