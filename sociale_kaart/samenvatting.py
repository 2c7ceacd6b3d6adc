"""A short summary of one offer that loket staff copy or print for a resident (B1 Dutch).

Made here, in plain Python, and put into the page by the server: the copy button only copies
this text, so the wording is tested without a browser and is the same on the page and in the
API.
"""

from __future__ import annotations

from sociale_kaart.zoeken import Resultaat, eerste_zin


def samenvatting(resultaat: Resultaat) -> str:
    """Name, what it is, phone, website and opening hours, one item a line.

    A field the kaart does not have is left out rather than shown as "onbekend"; with neither
    phone nor website the e-mail address is given, so the resident can always get in touch. A
    stale entry says to call first: its details may have changed.
    """
    a = resultaat.aanbod
    regels = [f"{a.naam} ({a.organisatie})" if a.organisatie else a.naam]
    wat = eerste_zin(a.omschrijving)
    if wat:
        regels.append(f"Wat is het: {wat}")
    if a.telefoon:
        regels.append(f"Telefoon: {a.telefoon}")
    if a.website:
        regels.append(f"Website: {a.website}")
    if a.email and not (a.telefoon or a.website):
        regels.append(f"E-mail: {a.email}")
    if a.openingstijden:
        regels.append(f"Openingstijden: {a.openingstijden}")
    if not resultaat.vers:
        regels.append("Let op: deze gegevens zijn al lang niet gecontroleerd. Bel eerst even.")
    return "\n".join(regels)
