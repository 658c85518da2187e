"""Earlier versions of the shared danger patterns, kept as they were seeded.

The update (``seed_danger_patterns``) removes a shared row only while it is still
exactly one of these and no longer in the current list; migration 0002 seeds
``SEED_V1`` on a new database, so every database walks the same path.
"""

# (pattern, category), all Dutch: seeded by migration 0002 (2026).
SEED_V1: list[tuple[str, str]] = [
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
