"""The default help services' descriptions in the children's other languages
(ar, tr, pl, uk): slug -> language -> text, translated from ``description_en``
in ``seed_data``.

A machine-assisted draft, to be reviewed by a native speaker (docs/youth.md).
Short sentences, simple words, informal "you"; names of services and phone
numbers as they are. Migration ``youth/0004`` fills the fields that are still
empty; a text the beheerder wrote is never overwritten.
"""

from typing import Any

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "112": {
        "ar": (
            "اتصل بـ 112 إذا كان هناك خطر الآن. مثلًا إذا كان شخص يؤذيك أو يؤذي "
            "شخصًا آخر. أو إذا كان هناك حريق. عندها تأتي المساعدة بسرعة، مثل "
            "الشرطة أو سيارة الإسعاف. الاتصال مجاني."
        ),
        "tr": (
            "Şu an tehlike varsa 112'yi ara. Örneğin biri sana ya da başka birine "
            "zarar veriyorsa. Ya da yangın varsa. Hemen yardım gelir, örneğin polis "
            "ya da ambulans. Aramak ücretsiz."
        ),
        "pl": (
            "Zadzwoń pod 112, jeśli teraz jest niebezpiecznie. Na przykład gdy ktoś "
            "robi krzywdę tobie albo komuś innemu. Albo gdy jest pożar. Wtedy szybko "
            "przyjedzie pomoc, na przykład policja albo karetka. Telefon jest "
            "bezpłatny."
        ),
        "uk": (
            "Подзвони на 112, якщо зараз є небезпека. Наприклад, якщо хтось робить "
            "боляче тобі чи комусь іншому. Або якщо сталася пожежа. Тоді швидко "
            "приїде допомога, наприклад поліція або швидка. Дзвінок безкоштовний."
        ),
    },
    "kindertelefoon": {
        "ar": (
            "للأطفال من عمر 8 إلى 18 سنة. يمكنك أن تتكلم عن أي شيء. ليس عليك أن "
            "تقول اسمك. الاتصال والدردشة مجانيان."
        ),
        "tr": (
            "8 ile 18 yaş arası çocuklar için. Her şey hakkında konuşabilirsin. "
            "Adını söylemek zorunda değilsin. Aramak ve sohbet etmek ücretsiz."
        ),
        "pl": (
            "Dla dzieci od 8 do 18 lat. Możesz porozmawiać o wszystkim. Nie musisz "
            "podawać imienia. Telefon i czat są bezpłatne."
        ),
        "uk": (
            "Для дітей від 8 до 18 років. Можна говорити про все. Ти не мусиш "
            "називати своє ім’я. Дзвінки й чат безкоштовні."
        ),
    },
    "veilig-thuis": {
        "ar": (
            "عندما لا يكون البيت آمنًا. مثلًا إذا كان هناك شجار بصوت عالٍ كثيرًا. "
            "أو إذا كان شخص في البيت يؤذيك. يمكنك أن تتصل مجانًا، ليلًا ونهارًا. "
            "في الدردشة ليس عليك أن تقول اسمك."
        ),
        "tr": (
            "Evde güvende olmadığında. Örneğin evde sık sık yüksek sesle kavga "
            "ediliyorsa. Ya da evde biri sana zarar veriyorsa. Gece gündüz ücretsiz "
            "arayabilirsin. Sohbette adını söylemek zorunda değilsin."
        ),
        "pl": (
            "Kiedy w domu nie jest bezpiecznie. Na przykład gdy często są głośne "
            "kłótnie. Albo gdy ktoś w domu robi ci krzywdę. Możesz zadzwonić za "
            "darmo, w dzień i w nocy. Na czacie nie musisz podawać imienia."
        ),
        "uk": (
            "Коли вдома небезпечно. Наприклад, якщо там часто гучно сваряться. Або "
            "якщо хтось удома робить тобі боляче. Ти можеш дзвонити безкоштовно, "
            "вдень і вночі. У чаті не треба називати своє ім’я."
        ),
    },
    "villa-pinedo": {
        "ar": (
            "للأطفال من عمر 10 سنوات، إذا كان والداهم ينفصلان أو انفصلا. يمكنك أن "
            "تتكلم عبر الإنترنت مع «رفيق» (buddy). الرفيق شخص شاب انفصل والداه "
            "أيضًا. لا تحتاج إلى موافقة والديك."
        ),
        "tr": (
            "10 yaş ve üstü, annesi ve babası ayrılan ya da ayrılmış çocuklar için. "
            "İnternette bir 'buddy' ile konuşabilirsin. Buddy, annesi ve babası da "
            "ayrılmış bir genç. Annenin ve babanın izin vermesi gerekmez."
        ),
        "pl": (
            "Dla dzieci od 10 lat, których rodzice się rozstają albo już się "
            "rozstali. Możesz porozmawiać online z młodą osobą, której rodzice też "
            "się rozstali. Taka osoba to buddy. Twoi rodzice nie muszą się na to "
            "zgadzać."
        ),
        "uk": (
            "Для дітей від 10 років, чиї батьки розлучаються або вже розлучилися. "
            "Ти можеш поговорити онлайн з молодою людиною, чиї батьки теж "
            "розлучилися. Таку людину називають buddy. Твоїм батькам не треба "
            "давати згоду."
        ),
    },
    "chris": {
        "ar": (
            "للأطفال والشباب الذين عندهم هموم. يمكنك أن تدردش مع متطوع أو تراسله "
            "بالبريد الإلكتروني. ليس عليك أن تقول اسمك."
        ),
        "tr": (
            "Dertleri olan çocuklar ve gençler için. Bir gönüllüyle sohbet edebilir "
            "ya da ona e-posta yazabilirsin. Adını söylemek zorunda değilsin."
        ),
        "pl": (
            "Dla dzieci i młodzieży, które mają zmartwienia. Możesz pisać z "
            "wolontariuszem na czacie albo mailem. Nie musisz podawać imienia."
        ),
        "uk": (
            "Для дітей і молоді, яких щось турбує. Ти можеш писати волонтерові в "
            "чаті або електронною поштою. Не треба називати своє ім’я."
        ),
    },
    "113": {
        "ar": (
            "هل تفكر في إنهاء حياتك؟ أو أنت قلق على شخص ما؟ تحدّث عن ذلك مع 113. "
            "يمكنك ذلك ليلًا ونهارًا. الاتصال والدردشة مجانيان."
        ),
        "tr": (
            "Hayatına son vermeyi mi düşünüyorsun? Ya da biri için endişeleniyor "
            "musun? Bunu 113 ile konuş. Gece gündüz konuşabilirsin. Aramak ve "
            "sohbet etmek ücretsiz."
        ),
        "pl": (
            "Myślisz o tym, żeby odebrać sobie życie? Albo martwisz się o kogoś? "
            "Porozmawiaj o tym z 113. Możesz w dzień i w nocy. Telefon i czat są "
            "bezpłatne."
        ),
        "uk": (
            "Ти думаєш про те, щоб покінчити з життям? Або хвилюєшся за когось? "
            "Поговори про це з 113. Це можна вдень і вночі. Дзвінки й чат "
            "безкоштовні."
        ),
    },
}


def add_missing_translations(service_model: Any = None) -> None:
    """Fill the empty descriptions of the default services in these languages."""
    if service_model is None:
        from .models import HelpService

        service_model = HelpService
    for service in service_model.objects.filter(slug__in=DESCRIPTIONS):
        changed = []
        for language, text in DESCRIPTIONS[service.slug].items():
            field = f"description_{language}"
            if not getattr(service, field):
                setattr(service, field, text)
                changed.append(field)
        if changed:
            service.save(update_fields=changed)
