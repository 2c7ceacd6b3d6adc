"""Every Dutch sentence of the web app and the widget's fixed texts (B1, "u").

The widget gets its fixed texts from ``/api/config``, so a gemeente reviews them here, in one
place, next to the chat's own texts in ``triage/teksten.py``.
"""

from __future__ import annotations

from typing import Any

from kern.gemeente import Contact, GemeenteProfiel

ONGELDIGE_VRAAG = "Dit bericht kon ik niet lezen. Typ uw vraag opnieuw en verstuur het nog eens."
NIET_GEVONDEN = "Deze pagina bestaat niet."
TE_SNEL = (
    "U stuurt veel berichten kort na elkaar. Wacht even, en probeer het dan opnieuw."
)
GEWIST = "Uw gesprek is gewist. U kunt opnieuw beginnen."
AI_MELDING = (
    "Wegwijzer is een automatisch programma (een chatbot), geen mens. "
    "Het geeft informatie en wijst de weg; het beslist niets over hulp of geld."
)
PRIVACY_REGEL = "Typ geen naam, adres of andere persoonlijke gegevens."


def bereikbaar(contact: Contact) -> str:
    """'14 0123 (maandag t/m vrijdag 8.30 - 17.00 uur)'."""
    if contact.openingstijden:
        return f"{contact.telefoon} ({contact.openingstijden})"
    return contact.telefoon


def even_geduld(profiel: GemeenteProfiel) -> str:
    """Shown while Rasa or the action server is down or restarting."""
    return (
        "Even geduld… De chat is nu even niet bereikbaar. Ik probeer het zo opnieuw. "
        f"Wilt u niet wachten? Bel {profiel.naam}: {bereikbaar(profiel.contact)}. "
        "Bij gevaar: bel 112."
    )


def widget_config(profiel: GemeenteProfiel, max_tekens: int) -> dict[str, Any]:
    """What the widget needs before the first message: names, the way to a person, limits."""
    return {
        "gemeente": profiel.naam,
        "medewerker": {
            "telefoon": profiel.contact.telefoon,
            "openingstijden": profiel.contact.openingstijden,
            "tekst": f"Praat met een medewerker: bel {bereikbaar(profiel.contact)}",
        },
        "ai_melding": AI_MELDING,
        "privacy": {"tekst": PRIVACY_REGEL, "link": profiel.widget.privacy_url or "/privacy"},
        "max_tekens": max_tekens,
        "even_geduld": even_geduld(profiel),
        "logo": f"logo{profiel.widget.logo.suffix.lower()}" if profiel.widget.logo else None,
    }


def thema_css(profiel: GemeenteProfiel) -> str:
    """The gemeente's own colours as custom properties the widget and pages read."""
    kleur = profiel.widget.kleur
    return (
        ":root, :host {\n"
        f"  --wegwijzer-kleur: {kleur};\n"
        f"  --wegwijzer-kleur-tekst: {profiel.widget.kleur_tekst};\n"
        "}\n"
    )
