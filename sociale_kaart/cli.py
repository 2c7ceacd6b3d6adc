"""``wegwijzer kaart …``: the kaart commands for gemeente staff and loket staff."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kern.settings import Settings

VOORTGANG_VANAF = 200  # rows; smaller files are done before a bar is worth showing
MAX_MELDINGEN = 50  # per kind: a feed of 10,000 offers with a foreign postcode each stays readable


def _voortgang_maker(
    args: argparse.Namespace, balken: list[Any]
) -> Callable[[str, int], Callable[[int], object]]:
    def maak(stap: str, totaal: int) -> Callable[[int], object]:
        from tqdm import tqdm

        for vorige in balken:  # the previous stage is done
            vorige.close()
        uit = args.geen_voortgang or totaal < VOORTGANG_VANAF
        balk = tqdm(
            total=totaal,
            desc=stap,
            unit=" aanbod",
            file=sys.stderr,
            disable=True if uit else None,  # None: only on a terminal
            mininterval=0.3,
        )
        balken.append(balk)
        return balk.update

    return maak


def _import(settings: Settings, args: argparse.Namespace) -> int:
    from sociale_kaart.service import import_bestand

    balken: list[Any] = []
    try:
        samenvatting = import_bestand(
            settings,
            Path(args.bestand),
            vervang=args.vervang,
            droog=args.droog,
            koppeling=Path(args.koppeling) if args.koppeling else None,
            streng=args.streng,
            voortgang=_voortgang_maker(args, balken),
            ja=args.ja,
        )
    finally:
        for balk in balken:
            balk.close()
    if args.droog and samenvatting.plan is not None:
        _print_plan(samenvatting.plan)
    if samenvatting.terugdraaiingen:
        wat = "zouden verloren gaan" if args.droog else "zijn vervangen (bevestigd met --ja)"
        print(f"Let op: deze wijzigingen van na de export {wat}:")
        for t in samenvatting.terugdraaiingen:
            print(f"  {t}")
    for kop, regels in (
        ("Overgeslagen", samenvatting.meldingen),
        ("Let op", samenvatting.opmerkingen),
    ):
        for regel in regels[:MAX_MELDINGEN]:
            print(f"{kop}: {regel}")
        if len(regels) > MAX_MELDINGEN:
            print(f"{kop}: ... en nog {len(regels) - MAX_MELDINGEN}.")
    if args.droog:
        print(f"Proefimport, er is niets opgeslagen. Het bestand is in orde: {samenvatting}.")
    else:
        print(f"Sociale kaart ingelezen: {samenvatting}.")
    return 0


def _print_plan(plan: Any) -> None:
    """Per offer what the import would do (the dry run), at most MAX_MELDINGEN per kind."""
    from sociale_kaart.importer import GEWIJZIGD, TOEGEVOEGD, VERWIJDERD

    for soort, kop in ((TOEGEVOEGD, "Nieuw"), (GEWIJZIGD, "Gewijzigd"), (VERWIJDERD, "Weg")):
        regels = [r for r in plan.regels if r.soort == soort]
        for r in regels[:MAX_MELDINGEN]:
            waar = f"rij {r.rij}: " if r.rij else ""
            velden = f" ({', '.join(r.velden)})" if r.velden else ""
            print(f"{kop}: {waar}{r.id} {r.naam}{velden}")
        if len(regels) > MAX_MELDINGEN:
            print(f"{kop}: ... en nog {len(regels) - MAX_MELDINGEN}.")


def _export(settings: Settings, args: argparse.Namespace) -> int:
    from sociale_kaart.service import exporteer_bestand

    aantal = exporteer_bestand(settings, Path(args.bestand), "," if args.komma else ";")
    print(f"{aantal} aanbod geschreven naar {args.bestand}.")
    return 0


def _controle(settings: Settings, args: argparse.Namespace) -> int:
    from sociale_kaart.service import verouderd

    dagen = args.dagen or settings.kaart_vers_dagen
    if getattr(args, "verstuur", False):
        return _verstuur(settings, dagen)
    lijst = verouderd(settings, dagen)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "organisatie": c.organisatie,
                        "emails": list(c.emails),
                        "telefoons": list(c.telefoons),
                        "aanbod": [
                            {
                                "id": a.id,
                                "naam": a.naam,
                                "laatst_gecontroleerd": (
                                    a.laatst_gecontroleerd.isoformat()
                                    if a.laatst_gecontroleerd
                                    else None
                                ),
                                "dagen_geleden": a.dagen_geleden,
                            }
                            for a in c.aanbod
                        ],
                    }
                    for c in lijst
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not lijst:
        print(f"Alle aanbod is in de laatste {dagen} dagen gecontroleerd.")
        return 0
    totaal = sum(len(c.aanbod) for c in lijst)
    print(
        f"{totaal} aanbod bij {len(lijst)} organisaties is langer dan {dagen} dagen "
        "niet gecontroleerd.\n"
    )
    for c in lijst:
        contact = ", ".join(c.emails) or "geen e-mailadres bekend"
        if c.telefoons:
            meer = f" (+{len(c.telefoons) - 2})" if len(c.telefoons) > 2 else ""
            contact += f"; tel. {', '.join(c.telefoons[:2])}{meer}"
        print(f"{c.organisatie} ({contact})")
        for a in c.aanbod:
            wanneer = (
                f"laatst gecontroleerd {a.laatst_gecontroleerd:%d-%m-%Y} ({a.dagen_geleden} dagen geleden)"
                if a.laatst_gecontroleerd
                else "nooit gecontroleerd"
            )
            print(f"  {a.id:<14} {a.naam}: {wanneer}")
        print()
    if args.mails:
        from kern.gemeente import load_profiel
        from sociale_kaart.controle import controle_mail

        profiel = load_profiel(settings.gemeente_path)
        map_ = Path(args.mails)
        map_.mkdir(parents=True, exist_ok=True)
        for c in lijst:
            naam = re.sub(r"[^a-z0-9]+", "-", c.organisatie.lower()).strip("-") or "organisatie"
            pad = map_ / f"{naam}.eml"
            pad.write_bytes(bytes(controle_mail(c, profiel, dagen)))
        print(f"{len(lijst)} e-mails klaargezet in {map_} (.eml: open ze in uw mailprogramma).")
    return 0


def _verstuur(settings: Settings, dagen: int) -> int:
    """``kaart controle --verstuur``: each organisation with stale entries gets its link."""
    from kern.db import make_engine, make_session_factory
    from kern.geheim import laad_of_maak
    from kern.gemeente import load_profiel
    from sociale_kaart.mail import MailFout
    from sociale_kaart.organisatie_link import verstuur_controles
    from sociale_kaart.service import controleer_schema

    engine = make_engine(settings.db_url)
    try:
        controleer_schema(engine)
        uitkomst = verstuur_controles(
            make_session_factory(engine),
            settings,
            load_profiel(settings.gemeente_path),
            laad_of_maak(settings.sessie_sleutel_path),
            dagen=dagen,
        )
    except MailFout as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    if not uitkomst.verstuurd and not uitkomst.zonder_adres:
        print(f"Alle aanbod is in de laatste {dagen} dagen gecontroleerd. Er is niets verstuurd.")
        return 0
    if uitkomst.via_smtp:
        print(
            f"{len(uitkomst.verstuurd)} e-mails met een persoonlijke link verstuurd via "
            f"{settings.smtp_host}."
        )
    else:
        print(
            f"{len(uitkomst.verstuurd)} e-mails met een persoonlijke link klaargezet in "
            f"{settings.mail_dir} (.eml). Er is geen mailserver ingesteld "
            "(WEGWIJZER_SMTP_HOST)."
        )
    for naam in uitkomst.zonder_adres:
        print(f"Geen e-mailadres bekend voor {naam}: bel deze organisatie.")
    if uitkomst.verstuurd and re.match(r"https?://(127\.|localhost)", settings.web_publieke_url):
        print(
            f"Let op: de links beginnen met {settings.web_publieke_url}. Buiten deze computer "
            "werkt dat adres niet; zet WEGWIJZER_WEB_PUBLIEKE_URL op het publieke adres."
        )
    return 0


def _zoek(settings: Settings, args: argparse.Namespace) -> int:
    from kern.gemeente import load_profiel
    from kern.themas import Niveau
    from sociale_kaart.service import controleer_vraag, zoek_op_kaart
    from sociale_kaart.weergave import (
        niveau_label,
        verouderd_label,
        vraag_als_dict,
        waarom_hier,
        wijk_label,
    )
    from sociale_kaart.zoeken import ZoekVraag

    vraag = ZoekVraag(
        tekst=" ".join(args.tekst) or None,
        thema=args.thema,
        doelgroep=args.doelgroep,
        leeftijd=args.leeftijd,
        wijk=args.wijk,
        postcode=args.postcode,
        niveaus=tuple(Niveau(n) for n in args.niveau) if args.niveau else tuple(Niveau),
        vers_dagen=settings.kaart_vers_dagen,
    )
    # Resolve the postcode to its wijk first, so the JSON echoes what was searched for.
    vraag = controleer_vraag(vraag, load_profiel(settings.gemeente_path))
    resultaten = zoek_op_kaart(settings, vraag, args.limiet)
    if args.json:
        print(
            json.dumps(
                {
                    "vraag": vraag_als_dict(vraag),
                    "aantal": len(resultaten),
                    "resultaten": [r.als_dict() for r in resultaten],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not resultaten:
        print("Geen aanbod gevonden. Probeer minder of andere woorden, of laat een filter weg.")
        return 0
    from tabulate import tabulate

    breedte = shutil.get_terminal_size((160, 40)).columns
    waarom = max(30, breedte - 133)
    rijen = []
    for r in resultaten:
        a = r.aanbod
        datum = a.laatst_gecontroleerd.isoformat() if a.laatst_gecontroleerd else "nooit"
        # Niveau and freshness have their own columns; "Waarom" keeps wijk and text reasons.
        rijen.append(
            [
                a.naam,
                a.organisatie,
                niveau_label(a.niveau),
                wijk_label(a.wijk),
                a.telefoon or "",
                datum if r.vers else f"{datum}\n{verouderd_label(vraag.vers_dagen)}",
                "\n".join(waarom_hier(r)),
            ]
        )
    print(
        tabulate(
            rijen,
            headers=[
                "Naam",
                "Organisatie",
                "Niveau",
                "Wijk",
                "Telefoon",
                "Laatst gecontroleerd",
                "Waarom",
            ],
            tablefmt="grid",
            maxcolwidths=[24, 22, 12, 13, 15, 20, waarom],
        )
    )
    return 0


def _migreer(settings: Settings, _args: argparse.Namespace) -> int:
    from kern.gemeente import load_profiel
    from sociale_kaart.service import init_database

    aantal = init_database(settings, load_profiel(settings.gemeente_path))
    from sociale_kaart.migraties import head_revisie

    print(f"Database bijgewerkt tot revisie {head_revisie()}; {aantal} aanbod op de kaart.")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``kaart`` command group to the main parser."""
    kaart = subparsers.add_parser("kaart", help="de sociale kaart beheren en doorzoeken")
    kaart_sub = kaart.add_subparsers(dest="kaart_command", required=True)

    imp = kaart_sub.add_parser(
        "import",
        help="lees een sociale kaart in (alles of niets)",
        description="Lees een sociale kaart in: CSV (komma of puntkomma), Excel (.xlsx) of "
        "Open Referral HSDS 3.0 (.json, of een map of .zip met CSV-bestanden; met --koppeling). "
        "Het sjabloon (CSV, Excel) is alles of niets: bij één fout wordt niets opgeslagen en "
        "ziet u alle fouten met rij en kolom. Uit een HSDS-bestand wordt ingelezen wat bruikbaar "
        "is; wat niet kan, ziet u aan het eind (met --streng: alles of niets).",
    )
    imp.add_argument(
        "bestand", help="CSV-, .xlsx- of HSDS-bestand (.json, .zip of map met datapackage.json)"
    )
    imp.add_argument(
        "--vervang",
        action="store_true",
        help="vervang de hele kaart (aanbod dat niet in het bestand staat, verdwijnt)",
    )
    imp.add_argument(
        "--droog",
        "--proef",
        dest="droog",
        action="store_true",
        help="proefimport: controleren en per aanbod tonen wat er zou veranderen; niets opslaan",
    )
    imp.add_argument(
        "--ja",
        action="store_true",
        help="met --vervang: ook vervangen als dat wijzigingen van na de export ongedaan maakt",
    )
    imp.add_argument(
        "--koppeling", help="YAML-bestand dat HSDS-taxonomietermen koppelt aan thema's"
    )
    imp.add_argument(
        "--streng",
        action="store_true",
        help="HSDS: weiger het hele bestand als één dienst of veld niet bruikbaar is "
        "(standaard: sla dat over en meld het)",
    )
    imp.add_argument("--geen-voortgang", action="store_true", help="geen voortgangsbalk tonen")
    imp.set_defaults(func=_import)

    exp = kaart_sub.add_parser("export", help="schrijf de kaart naar het sjabloon (.csv of .xlsx)")
    exp.add_argument("bestand", help="doelbestand, .csv of .xlsx")
    exp.add_argument(
        "--komma",
        action="store_true",
        help="komma als scheidingsteken (standaard: puntkomma, voor Excel)",
    )
    exp.set_defaults(func=_export)

    con = kaart_sub.add_parser("controle", help="toon verouderd aanbod per organisatie")
    con.add_argument(
        "--dagen", type=int, help="grens in dagen (standaard WEGWIJZER_KAART_VERS_DAGEN)"
    )
    con.add_argument("--json", action="store_true", help="uitvoer als JSON")
    con.add_argument(
        "--mails", metavar="MAP", help="zet per organisatie een e-mail (.eml) klaar in MAP"
    )
    con.add_argument(
        "--verstuur",
        action="store_true",
        help="stuur elke organisatie met verouderd aanbod een e-mail met een persoonlijke "
        "link om het aanbod te controleren (via WEGWIJZER_SMTP_HOST, anders als .eml in "
        "var/mail); een nieuwe link vervangt de vorige",
    )
    con.set_defaults(func=_controle)

    zoek = kaart_sub.add_parser(
        "zoek",
        help="zoek in de kaart (voor het loket)",
        description='Zoek aanbod, bijvoorbeeld: wegwijzer kaart zoek "mantelzorg dementie" '
        "--wijk Oosterpark --leeftijd 80",
    )
    zoek.add_argument("tekst", nargs="*", help="zoekwoorden")
    zoek.add_argument("--thema", help="themacode, bijvoorbeeld mantelzorg")
    zoek.add_argument("--doelgroep", help="doelgroep, bijvoorbeeld ouderen")
    zoek.add_argument("--leeftijd", type=int, help="leeftijd van de inwoner")
    plek = zoek.add_mutually_exclusive_group()
    plek.add_argument("--wijk", help="wijk van de inwoner")
    plek.add_argument("--postcode", help="postcode van de inwoner (9904 of 9904 AB)")
    zoek.add_argument(
        "--niveau",
        action="append",
        choices=["sociale_basis", "algemene_voorziening", "maatwerk"],
        help="alleen dit niveau (mag vaker)",
    )
    zoek.add_argument(
        "--limiet", type=int, default=10, help="maximaal aantal resultaten (standaard 10)"
    )
    zoek.add_argument("--json", action="store_true", help="uitvoer als JSON voor scripts")
    zoek.set_defaults(func=_zoek)

    mig = kaart_sub.add_parser(
        "migreer", help="werk het databaseschema bij (gebeurt ook bij setup)"
    )
    mig.set_defaults(func=_migreer)
