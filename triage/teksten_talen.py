"""The few resident-facing sentences in other languages than Dutch, kept in one place.

Wegwijzer speaks Dutch. A resident who writes another language gets two things in that language
(or in English when there is no text for it): in a crisis, one line that says what each number
is; otherwise, that Wegwijzer only understands Dutch and which number helps in another language.
Short and plain on purpose: a gemeente can have each line checked by a native speaker.
"""

from __future__ import annotations

from kern.gemeente import GemeenteProfiel
from triage.crisis import Nummer

#: What each crisis number is, per language, keyed by the number's ``telefoon``. "113" also covers
#: the free 0800-0113 when both are given; ``"slot"`` ends the line.
_NUMMERS: dict[str, dict[str, str]] = {
    "en": {
        "112": "112: emergency number (police, ambulance, fire brigade).",
        "113": "113 or 0800-0113 (free): suicide prevention, to talk about thoughts of suicide.",
        "0800-2000": "Veilig Thuis 0800-2000 (free): help with domestic violence and child abuse.",
        "0800-0432": "De Kindertelefoon 0800-0432 (free): for children and young people.",
        "slot": "You can call day and night.",
    },
    "tr": {
        "112": "112: acil durum numarası (polis, ambulans, itfaiye).",
        "113": "113 veya 0800-0113 (ücretsiz): intihar önleme hattı.",
        "0800-2000": "Veilig Thuis 0800-2000 (ücretsiz): aile içi şiddet ve çocuk istismarı.",
        "0800-0432": "De Kindertelefoon 0800-0432 (ücretsiz): çocuklar ve gençler için.",
        "slot": "Gece gündüz arayabilirsiniz.",
    },
    "ar": {
        "112": "112: رقم الطوارئ (الشرطة، الإسعاف، الإطفاء).",
        "113": "113 أو 0800-0113 (مجانًا): خط الوقاية من الانتحار.",
        "0800-2000": "Veilig Thuis ‏0800-2000 (مجانًا): العنف الأسري وإساءة معاملة الأطفال.",
        "0800-0432": "De Kindertelefoon ‏0800-0432 (مجانًا): للأطفال والشباب.",
        "slot": "يمكنك الاتصال ليلًا ونهارًا.",
    },
    "pl": {
        "112": "112: numer alarmowy (policja, pogotowie, straż pożarna).",
        "113": "113 lub 0800-0113 (bezpłatnie): telefon zapobiegania samobójstwom.",
        "0800-2000": "Veilig Thuis 0800-2000 (bezpłatnie): przemoc domowa i krzywdzenie dzieci.",
        "0800-0432": "De Kindertelefoon 0800-0432 (bezpłatnie): dla dzieci i młodzieży.",
        "slot": "Można dzwonić całą dobę.",
    },
}

#: "Wegwijzer speaks Dutch" with the number for help in another language ({naam}, {telefoon}).
_ALLEEN_NEDERLANDS: dict[str, str] = {
    "en": (
        "I am Wegwijzer, a computer program. I only understand Dutch. "
        "For help in another language, call {naam}: {telefoon}. In an emergency, call 112."
    ),
    "tr": (
        "Ben Wegwijzer, bir bilgisayar programıyım. Sadece Hollandaca anlıyorum. "
        "Başka bir dilde yardım için arayın: {naam}, {telefoon}. Acil durumda 112'yi arayın."
    ),
    "ar": (
        "أنا Wegwijzer، برنامج كمبيوتر. أفهم اللغة الهولندية فقط. "
        "للمساعدة بلغة أخرى اتصل بـ {naam}: {telefoon}. في حالة الطوارئ اتصل بـ 112."
    ),
    "pl": (
        "Jestem Wegwijzer, program komputerowy. Rozumiem tylko po niderlandzku. "
        "Pomoc w innym języku: zadzwoń do {naam}: {telefoon}. W nagłym wypadku dzwoń pod 112."
    ),
    "de": (
        "Ich bin Wegwijzer, ein Computerprogramm. Ich verstehe nur Niederländisch. "
        "Hilfe in einer anderen Sprache: Rufen Sie {naam} an: {telefoon}. "
        "Im Notfall rufen Sie 112 an."
    ),
    "fr": (
        "Je suis Wegwijzer, un programme informatique. Je comprends seulement le néerlandais. "
        "Pour de l'aide dans une autre langue, appelez {naam} : {telefoon}. "
        "En cas d'urgence, appelez le 112."
    ),
    "es": (
        "Soy Wegwijzer, un programa informático. Solo entiendo neerlandés. "
        "Para ayuda en otro idioma, llame a {naam}: {telefoon}. "
        "En caso de emergencia, llame al 112."
    ),
    "uk": (
        "Я Wegwijzer, комп'ютерна програма. Я розумію лише нідерландську. "
        "Допомога іншою мовою: телефонуйте {naam}, {telefoon}. "
        "У надзвичайній ситуації телефонуйте 112."
    ),
    "ru": (
        "Я Wegwijzer, компьютерная программа. Я понимаю только нидерландский. "
        "Помощь на другом языке: звоните {naam}, {telefoon}. "
        "В экстренной ситуации звоните 112."
    ),
}

#: Languages with their own text; anything else gets English.
TALEN_MET_TEKST = frozenset(_ALLEEN_NEDERLANDS)


def antwoordtaal(taal: str) -> str:
    """The language we answer in: ``taal`` when we have text for it, else English."""
    return taal if taal in _ALLEEN_NEDERLANDS else "en"


def crisis_regel(taal: str, nummers: list[Nummer]) -> str | None:
    """One line in ``taal`` that says what each of ``nummers`` is (``None`` for Dutch)."""
    if taal == "nl":
        return None
    teksten = _NUMMERS.get(taal, _NUMMERS["en"])
    delen: list[str] = []
    for nummer in nummers:
        sleutel = "113" if nummer.telefoon in ("113", "0800-0113") else nummer.telefoon
        deel = teksten.get(sleutel)
        if deel and deel not in delen:
            delen.append(deel)
    return " ".join([*delen, teksten["slot"]])


def alleen_nederlands(taal: str, profiel: GemeenteProfiel) -> str:
    """Wegwijzer speaks Dutch, and where the gemeente helps in another language."""
    contact = profiel.contact_anderstalig
    return _ALLEEN_NEDERLANDS[antwoordtaal(taal)].format(
        naam=profiel.naam, telefoon=contact.telefoon
    )
