"""The shared Polish danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Accents are removed before matching (ł → l, ą → a,
ę → e, ś → s, ż/ź → z, ć → c, ń → n, ó → o); ``chat_words.py`` writes the
forms of mama and tata as "mama" and "tata".

Polish puts "nie" straight before the verb it denies, so a denial is one harmless
pattern ("nie bije|bil ..."). Most verbs need a person next to them ("bije mnie",
"mnie bije"), because the same verb also strikes a clock or breaks a record.
"""

# Whom: the people hit, locked up or threatened (the forms children write).
_WHOM = "mnie|nas|mama|tata|brata|siostre|ja|go|cie|ciebie|was|psa|wszystkich"
_FAMILY = "tata|mama|ojczym*|ojciec|ojca|brat|brata|wujek|wujka|dziadek|niego"
_HIT = "bije|bija|bil|bila|bili|bic|pobil*|zbil*|uderzyl*|uderza*|kopnal*|kopie|kopal*"
_HIT2 = (
    "dusi|dusil*|wali|walil*|leje|lal|lala|spoliczkowal*|szarpie|szarpal*|popycha"
    "|popchnal*"
)
_PILLS = "tablet*|lekow|lekami|pigul*|proszk*"
_ROOMS = "pokoju|piwnicy|lazience|komorce|strychu|szafie|piwnicy|garazu|balkonie"

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("chce|chcialbym|chcialabym|wole .. umrzec", "self_harm"),
    ("nie chce .. zyc", "self_harm"),
    ("dosc zycia", "self_harm"),
    ("zycie|zyc nie ma sensu", "self_harm"),
    ("nie ma sensu zyc", "self_harm"),
    ("samobojst*|samobojcz*", "self_harm"),
    ("tne|tnie sie", "self_harm"),
    ("pocie* .. sie|sobie|rece|reke|nadgarstk*|zyletk*", "self_harm"),
    ("zyletk*|okalecz*", "self_harm"),
    ("sobie krzywd*", "self_harm"),
    ("krzywde sobie", "self_harm"),
    ("nikt .. nie tesknil|zauwazyl", "self_harm"),
    ("gdybym .. zniknel*|umarl*", "self_harm"),
    ("gdybym .. nie zyl*|urodzil*", "self_harm"),
    ("zniknac|znikne .. na zawsze|swiata", "self_harm"),
    ("wszystko .. skonczyc|zakonczyc", "self_harm"),
    ("skoncze|skonczyc ze soba", "self_harm"),
    ("zabi* sie", "self_harm"),
    ("sie zabi*", "self_harm"),
    ("powies* sie", "self_harm"),
    ("sie powies*", "self_harm"),
    ("pod pociag", "self_harm"),
    (f"wszystkie|cale|duzo|opakowanie|garsc .. {_PILLS}", "self_harm"),
    ("nalyka*|nalykal*", "self_harm"),
    (
        "skocze|wyskocze|skoczyc|wyskoczyc|skoczylabym|skoczylbym .. mostu|dachu"
        "|okna|okno|balkonu|bloku",
        "self_harm",
    ),
    ("lepiej beze mnie", "self_harm"),
    ("nie obudzic|obudze", "self_harm"),
    # Violence
    (f"{_HIT} .. {_WHOM}", "violence"),
    (f"{_WHOM} .. {_HIT}", "violence"),
    (f"{_HIT2} .. {_WHOM}", "violence"),
    (f"{_WHOM} .. {_HIT2}", "violence"),
    ("rodzice .. sie bija|bili", "violence"),
    ("pobity|pobita|pobici", "violence"),
    ("lanie|klapsy|wpierdol*|wpierdziel", "violence"),
    ("w twarz|pysk|morde|ryj", "violence"),
    (f"siniak* ... {_FAMILY}", "violence"),
    ("rzuca*|rzucil* mna", "violence"),
    ("rzuca*|rzucil* ... we mnie|nas", "violence"),
    ("za wlosy", "violence"),
    ("przypalil*|przypala*", "violence"),
    ("zneca* sie", "violence"),
    ("przemoc*", "violence"),
    # Sexual abuse
    ("dotyka*|macal*|maca|obmacu*|obmacyw*|molest*|zgwalc*|gwalci*", "sexual"),
    ("mnie wykorzyst*", "sexual"),
    ("wykorzyst* mnie|seksualnie", "sexual"),
    ("wykorzystywan*", "sexual"),
    ("seks*|porno*|nudes*|nudeski", "sexual"),
    ("nagie|nago|nagich|nagi|nagiego", "sexual"),
    ("bez ubrania|majtek", "sexual"),
    ("rozebra*|rozbiera*", "sexual"),
    ("majtki|majtkach|bielizn*", "sexual"),
    ("penis*|czlonk*|czlonek|siusiak*|piersi|intymn*", "sexual"),
    ("calowal*|caluje|pocalowal* .. na sile", "sexual"),
    ("na sile .. calowal*|caluje|pocalowal*", "sexual"),
    ("nasza tajemnica", "sexual"),
    ("przychodzi|wchodzi|przyszedl|kladzie ... lozka|lozku", "sexual"),
    ("lazienk*|lazience|prysznic* ... patrzy|podglada*|filmuje|nagrywa", "sexual"),
    ("podglada*", "sexual"),
    ("reke|rece|dlon ... udzie|udach|bluzke|bluzka|spodnie", "sexual"),
    ("zmusza*|zmusil* ... rzeczy|lozk*|dotyk*|rozbier*", "sexual"),
    # Confinement
    ("zamyka*|zamknal*|zamknela|zamkneli|zamknely .. mnie|nas|drzwi", "confinement"),
    ("jestem|siedze|jestesmy|siedzimy .. zamkniet*", "confinement"),
    (f"zamkniet* w|na {_ROOMS}", "confinement"),
    ("pokoj jest zamkniety", "confinement"),
    (
        "nie pozwala*|puszcza*|wypuszcza* ... szkoly|dwor|dworze|podworko|domu"
        "|pokoju|wychodzic",
        "confinement",
    ),
    ("nie moge wychodzic", "confinement"),
    (
        "od .. tygodnia|miesiaca|dni|miesiecy|tygodni ... dworze|dwor|wychodzic",
        "confinement",
    ),
    ("klucz*|drzwi ... nie moge wyjsc|wychodzic", "confinement"),
    ("przywiazal*|zwiazal* mnie|nas", "confinement"),
    ("przywiazal*|porwal*|porwan*", "confinement"),
    ("trzymaja|trzyma mnie|nas", "confinement"),
    # Threats
    ("grozi*|grozb*", "threat"),
    (f"{_WHOM} .. zabije|zabija|pozabija|zabic", "threat"),
    (f"zabije|zabija|pozabija .. {_WHOM}", "threat"),
    ("pozabija|zatlucze|udusi|zadzga|zastrzel*|pokroi|podpali|spali|zajebie", "threat"),
    ("pobije|rozwali", "threat"),
    ("zrobi|zrobia .. krzywd*", "threat"),
    ("smiercia", "threat"),
    ("jak|jesli|jezeli ... pozaluj*", "threat"),
    # Not daring to go home
    ("boje|boimy sie .. wracac|wrocic", "unsafe_home"),
    ("boje|boimy sie .. isc .. domu", "unsafe_home"),
    ("boje sie .. domu", "unsafe_home"),
    ("domu ... boje|boi|strasznie|niebezpiecznie|zle", "unsafe_home"),
    ("odwagi wrocic", "unsafe_home"),
    ("nie jestem bezpieczn*", "unsafe_home"),
    ("nie czuje sie bezpieczn*", "unsafe_home"),
    ("boje|boimy sie .. tata|ojczym*|mama|ojca|ojciec|brata", "unsafe_home"),
    ("uciekne|ucieklam|ucieklem|uciekam|uciec|ucieklismy ... domu", "unsafe_home"),
    ("spie|spalam|spalem|spac|nocuje .. ulicy|dworcu|parku|klatce", "unsafe_home"),
    ("wyrzuci*|wywali* ... z domu", "unsafe_home"),
    ("wyrzucil*|wywalil* mnie", "unsafe_home"),
    ("nie mam gdzie spac", "unsafe_home"),
    # Harmless phrases, cut out first: jokes, idioms, stories, denials.
    ("zabij*|zabije|zabic ... haha|lol|xd|zartuje", "harmless"),
    (
        "gra|test|praca|szkola|matma|upal|sprawdzian|lekcje|kartkowka|domowa"
        " .. mnie zabij*|wykonczy",
        "harmless",
    ),
    ("mnie zabije|zabija .. jak .. spoznie|ocen*|swiadectwo", "harmless"),
    ("czarownica zabija", "harmless"),
    (
        "filmie|ksiazce|wiadomosciach|telewizji|serialu|grze ... porwan*|zgwalc*"
        "|zabil*|morderst*",
        "harmless",
    ),
    ("nie|nigdy bije|bija|bil|bila|uderzyl*|dotyka*|dotykal*|grozi|tne", "harmless"),
    ("uderzyl* .. pilke", "harmless"),
    ("popchnal*|uderzyl*|kopnal* ... przypadkiem", "harmless"),
    ("kolezanka|kolega|przyjaciolka|przyjaciel ... co mam zrobic|robic", "harmless"),
    ("o przemocy", "harmless"),
    ("przemoc w grach", "harmless"),
    ("wychowanie seksualne", "harmless"),
    ("biega nago", "harmless"),
    ("nie chce umrzec|umierac", "harmless"),
    ("nie chce sie zabic", "harmless"),
    ("nie mysle o samobojst*", "harmless"),
    ("rozmawialismy|rozmawialysmy o samobojstwie", "harmless"),
    ("krolik jest zamkniety", "harmless"),
    ("escape room* ... zamkniec*", "harmless"),
    ("grozi* .. zabierze|telefon*|szlaban*|kartkowk*|kara", "harmless"),
    ("grozi* ze .. wrzuci|wysle|pokaze|opublikuje|udostepni", "harmless"),
]
