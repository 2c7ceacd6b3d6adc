"""The beheer room: keeping the sociale kaart current in the browser (role ``beheer`` only).

Thin handlers over the same code as ``wegwijzer kaart import|export|controle``:

- Upload (CSV, XLSX, HSDS JSON/zip with a mapping file) → a dry run
  (:func:`sociale_kaart.service.proef`) that shows per offer what would be added, changed
  (which columns) or removed, and every error with row and column, in Dutch. Nothing is
  written. The upload stays on the server under a random id (``var/beheer_uploads/<id>/``),
  bound to the account that made it, with the SHA-256 of the file and the plan's fingerprint.
- "Inlezen" applies exactly that previewed plan in one transaction
  (:func:`sociale_kaart.service.importeer`): the server reads its own stored copy (a client
  cannot swap the file after the preview), and the kaart must still give the same plan.
  A full replace that would undo changes logged after the file's export needs a ticked box.
- Exports as CSV/XLSX downloads (the CLI's exporter), the stale list per organisation with
  the mails of ``kaart controle``, and the change log, newest first.

Bad files (junk, wrong columns, empty, wrong encoding, too big) give a Dutch message, never a
500; personal data never goes to the log.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import logging
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from sociale_kaart.bestanden import FORMATEN, lees_bestand
from sociale_kaart.controle import OrganisatieControle, controle_mail, verouderd_per_organisatie
from sociale_kaart.export import exporteer_naar
from sociale_kaart.importer import GEWIJZIGD, ONGEWIJZIGD, TOEGEVOEGD, VERWIJDERD, PlanVeranderd
from sociale_kaart.service import Proef, VervangNietBevestigd, importeer, proef
from sociale_kaart.template import KaartFout
from sociale_kaart.wijzigingen import Wijziging, aantal, laatste
from sociale_kaart.zoekindex import werk_statistieken_bij
from web.gedeeld import Onderdelen, delen, pagina
from web.toegang import BEHEER, Ingelogd

logger = logging.getLogger("wegwijzer.web.beheer")

router = APIRouter()

#: Every route of this room: logged in with role ``beheer`` (and CSRF-checked on POST).
Beheerder = Annotated[Ingelogd, Depends(BEHEER)]

#: Largest kaart file the page takes (10,000 offers as CSV are about 5 MB).
MAX_UPLOAD = 20 * 1024 * 1024
#: The request around it: the file, a mapping file and a few fields.
MAX_UPLOAD_VERZOEK = MAX_UPLOAD + 1024 * 1024
MAX_KOPPELING = 1024 * 1024
#: A preview older than this must be made again (and stored files are cleaned up).
UPLOAD_GELDIG_SECONDEN = 3600
#: Rows of the plan shown on the page; the counts always cover everything.
MAX_PLAN_REGELS = 1000
PER_PAGINA = 25

TE_GROOT = (
    f"Het bestand is te groot. De grens is {MAX_UPLOAD // (1024 * 1024)} MB. Splits het bestand, "
    "of lees het in met `wegwijzer kaart import`."
)
#: Paths that take a bigger body than the chat's limit (``web.beveiliging.MaxBody``).
RUIME_PADEN: dict[str, tuple[int, str]] = {"/beheer/proef": (MAX_UPLOAD_VERZOEK, TE_GROOT)}

GEEN_BESTAND = "Kies eerst een bestand om in te lezen."
GEEN_KOPPELING = (
    "Dit is een HSDS-bestand. Kies ook het koppelbestand (.yml) dat de taxonomie van de bron "
    "koppelt aan de thema's (zie sociale_kaart/README.md)."
)
LEEG_BESTAND = "Het bestand is leeg. Kies het bestand met de sociale kaart."
ONLEESBAAR = (
    "Het bestand kon niet worden gelezen. Is het een CSV-, Excel- (.xlsx) of HSDS-bestand "
    "(.json of .zip) met de sociale kaart? Er is niets opgeslagen."
)
VERLOPEN = (
    "Deze proefimport is verlopen of bestaat niet meer. Er is niets opgeslagen. "
    "Kies het bestand opnieuw en doe de proefimport nog eens."
)
NIET_BEVESTIGD = (
    "Er is niets opgeslagen. Vink eerst aan dat de wijzigingen hierboven mogen verdwijnen, "
    "of exporteer de kaart opnieuw en breng uw wijzigingen daarin aan."
)
ONGELDIG_FORMULIER = "Dit formulier kon niet worden gelezen. Laad de pagina opnieuw."
DB_FOUT = (
    "Er ging iets mis bij het opslaan. Er is niets veranderd. Probeer het over een paar minuten "
    "opnieuw; lukt het dan nog niet, meld het bij de beheerder van Wegwijzer."
)

SOORT_LABELS = {
    TOEGEVOEGD: "nieuw",
    GEWIJZIGD: "gewijzigd",
    VERWIJDERD: "verwijderd",
    ONGEWIJZIGD: "ongewijzigd",
    "import": "import",
    "import_vervang": "import (hele kaart vervangen)",
    "bevestiging": "bevestigd door organisatie",
    "voorstel": "voorstel organisatie aanvaard",
}

_UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
_VINGERAFDRUK = re.compile(r"^[0-9a-f]{64}$")


class FormulierFout(Exception):
    """A form that cannot be handled; ``status`` and a Dutch ``melding`` for the page."""

    def __init__(self, status: int, melding: str):
        super().__init__(melding)
        self.status = status
        self.melding = melding


# ---------------------------------------------------------------- stored uploads


def _uploads(d: Onderdelen) -> Path:
    return d.settings.var_dir / "beheer_uploads"


@dataclass(frozen=True)
class Upload:
    """A file kept between the dry run and "inlezen"."""

    id: str
    map: Path
    meta: dict[str, Any]

    @property
    def bestand(self) -> Path:
        """The stored kaart file (its name keeps only the checked extension)."""
        return self.map / f"bestand{self.meta['suffix']}"

    @property
    def koppeling(self) -> Path | None:
        """The stored HSDS mapping file, if one was given."""
        return self.map / "koppeling.yml" if self.meta.get("koppeling") else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for blok in iter(lambda: handle.read(1 << 20), b""):
            digest.update(blok)
    return digest.hexdigest()


def _ruim_op(map_: Path) -> None:
    """Remove previews older than their validity (called on every new upload)."""
    if not map_.exists():
        return
    grens = time.time() - UPLOAD_GELDIG_SECONDEN
    for kind in map_.iterdir():
        try:
            if kind.is_dir() and kind.stat().st_mtime < grens:
                shutil.rmtree(kind, ignore_errors=True)
        except OSError:
            continue


async def _bewaar(upload: UploadFile, doel: Path, limiet: int) -> int:
    """Copy an uploaded file to ``doel``, refusing more than ``limiet`` bytes."""
    grootte = 0
    with doel.open("wb") as handle:
        while blok := await upload.read(1 << 20):
            grootte += len(blok)
            if grootte > limiet:
                raise FormulierFout(413, TE_GROOT)
            handle.write(blok)
    return grootte


def _laad_upload(d: Onderdelen, upload_id: str, gebruiker: Ingelogd) -> Upload:
    """The stored preview of this account, checked (id, owner, age, file hash)."""
    if not _UPLOAD_ID.match(upload_id):
        raise FormulierFout(400, VERLOPEN)
    map_ = _uploads(d) / upload_id
    try:
        meta = json.loads((map_ / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise FormulierFout(400, VERLOPEN) from None
    if meta.get("gebruiker_id") != gebruiker.gebruiker_id:
        raise FormulierFout(400, VERLOPEN)
    if time.time() - float(meta.get("aangemaakt", 0)) > UPLOAD_GELDIG_SECONDEN:
        shutil.rmtree(map_, ignore_errors=True)
        raise FormulierFout(400, VERLOPEN)
    upload = Upload(upload_id, map_, meta)
    try:
        klopt = _sha256(upload.bestand) == meta.get("sha256")
        if upload.koppeling is not None:
            klopt = klopt and _sha256(upload.koppeling) == meta.get("koppeling_sha256")
    except OSError:
        klopt = False
    if not klopt:
        raise FormulierFout(400, VERLOPEN)
    return upload


# ---------------------------------------------------------------- form helpers


async def _formulier(request: Request, max_files: int = 0) -> Any:
    """The POSTed form, read after ``BEHEER`` passed (role and CSRF token, ``web.toegang``)."""
    try:
        form = await request.form(max_files=max_files, max_fields=20)
    except Exception:  # multipart errors come as several types; all mean: unreadable form
        raise FormulierFout(400, ONGELDIG_FORMULIER) from None
    return form


def _problemen(fout: KaartFout) -> list[dict[str, str]]:
    """Problems as table rows: where (row or JSON path), column, message."""
    rijen = []
    for p in fout.problemen:
        waar = p.pad or (str(p.rij) if p.rij else "")
        rijen.append({"waar": waar, "kolom": p.kolom or "", "melding": p.melding})
    return rijen


def _lees(d: Onderdelen, upload: Upload) -> Proef:
    """Read the stored file and make the dry run (read only, rolled back)."""
    gelezen = lees_bestand(upload.bestand, d.profiel, upload.koppeling)
    session = d.session_factory()
    try:
        return proef(session, gelezen, bool(upload.meta["vervang"]))
    finally:
        session.rollback()
        session.close()


def _proef_context(upload: Upload, resultaat: Proef) -> dict[str, Any]:
    plan = resultaat.plan
    zichtbaar = [r for r in plan.regels if r.soort != ONGEWIJZIGD]
    return {
        "upload": upload,
        "naam": upload.meta.get("naam", ""),
        "vervang": bool(upload.meta["vervang"]),
        "plan": plan,
        "regels": zichtbaar[:MAX_PLAN_REGELS],
        "meer_regels": max(0, len(zichtbaar) - MAX_PLAN_REGELS),
        "tellingen": {
            "toegevoegd": plan.aantal(TOEGEVOEGD),
            "gewijzigd": plan.aantal(GEWIJZIGD),
            "verwijderd": plan.aantal(VERWIJDERD),
            "ongewijzigd": plan.aantal(ONGEWIJZIGD),
        },
        "terugdraaiingen": resultaat.terugdraaiingen,
        "overgeslagen": resultaat.gelezen.overgeslagen,
        "opmerkingen": resultaat.gelezen.opmerkingen,
        "kaartstand": resultaat.gelezen.kaartstand,
        "labels": SOORT_LABELS,
    }


def _fout_pagina(request: Request, status: int, melding: str, **extra: Any) -> Response:
    return pagina(
        request,
        "beheer_proef.html",
        {"actief": "beheer", "melding": melding, "problemen": [], **extra},
        status=status,
    )


# ---------------------------------------------------------------- pages


def _controle(d: Onderdelen) -> list[dict[str, Any]]:
    dagen = d.settings.kaart_vers_dagen
    with d.session_factory() as session:
        lijst: list[OrganisatieControle] = verouderd_per_organisatie(session, date.today(), dagen)
    result = []
    for c in lijst:
        mail = controle_mail(c, d.profiel, dagen)
        kop = "".join(f"{k}: {mail[k]}\n" for k in ("From", "To", "Subject") if mail[k] is not None)
        result.append({"controle": c, "mail": kop + "\n" + str(mail.get_content())})
    return result


@router.get("/beheer", include_in_schema=False)
async def beheer_pagina(
    request: Request,
    gebruiker: Beheerder,
    pagina_nr: Annotated[int, Query(alias="pagina", ge=1, le=10_000)] = 1,
) -> Response:
    """The beheer page: upload, export, stale list with mails, change log."""
    d = delen(request)

    def lees() -> tuple[list[Wijziging], int, list[dict[str, Any]], Wijziging | None]:
        with d.session_factory() as session:
            totaal = aantal(session)
            log = laatste(session, PER_PAGINA, (pagina_nr - 1) * PER_PAGINA)
            nieuwste = laatste(session, 1)
        return log, totaal, _controle(d), (nieuwste[0] if nieuwste else None)

    log, totaal, controles, nieuwste = await asyncio.to_thread(lees)
    ingelezen = request.query_params.get("ingelezen")
    bericht = None
    if ingelezen == "0":
        bericht = "Het bestand is ingelezen. Er is niets veranderd op de kaart."
    elif ingelezen and nieuwste is not None and ingelezen == str(nieuwste.id):
        bericht = (
            f"Het bestand is ingelezen: {len(nieuwste.toegevoegd)} nieuw, "
            f"{len(nieuwste.gewijzigd)} gewijzigd, {len(nieuwste.verwijderd)} verwijderd."
        )
    paginas = max(1, -(-totaal // PER_PAGINA))
    return pagina(
        request,
        "beheer.html",
        {
            "actief": "beheer",
            "bericht": bericht,
            "log": log,
            "totaal": totaal,
            "pagina_nr": pagina_nr,
            "paginas": paginas,
            "controles": controles,
            "vers_dagen": d.settings.kaart_vers_dagen,
            "labels": SOORT_LABELS,
            "max_mb": MAX_UPLOAD // (1024 * 1024),
        },
    )


@router.post("/beheer/proef", include_in_schema=False)
async def beheer_proef(request: Request, gebruiker: Beheerder) -> Response:
    """Dry run of an uploaded file: nothing is written, the file is kept for "inlezen"."""
    d = delen(request)
    map_: Path | None = None
    try:
        form = await _formulier(request, max_files=2)
        bestand = form.get("bestand")
        if not isinstance(bestand, UploadFile) or not bestand.filename:
            raise FormulierFout(400, GEEN_BESTAND)
        suffix = Path(bestand.filename).suffix.lower()
        if suffix not in FORMATEN:
            # The readers' own Dutch message for an unknown or old (.xls) type.
            try:
                from sociale_kaart.bestanden import formaat_van

                formaat_van(Path(f"bestand{suffix}"))
            except KaartFout as exc:
                raise FormulierFout(400, str(exc.problemen[0].melding)) from None
            raise FormulierFout(400, ONLEESBAAR)
        koppeling = form.get("koppeling")
        heeft_koppeling = isinstance(koppeling, UploadFile) and bool(koppeling.filename)
        if FORMATEN[suffix] == "hsds" and not heeft_koppeling:
            raise FormulierFout(400, GEEN_KOPPELING)
        _ruim_op(_uploads(d))
        upload_id = secrets.token_hex(16)
        map_ = _uploads(d) / upload_id
        map_.mkdir(parents=True, mode=0o700)
        grootte = await _bewaar(bestand, map_ / f"bestand{suffix}", MAX_UPLOAD)
        if grootte == 0:
            raise FormulierFout(400, LEEG_BESTAND)
        meta: dict[str, Any] = {
            "gebruiker_id": gebruiker.gebruiker_id,
            "naam": Path(bestand.filename).name[:200],
            "suffix": suffix,
            "vervang": form.get("vervang") == "ja",
            "aangemaakt": time.time(),
            "sha256": _sha256(map_ / f"bestand{suffix}"),
            "koppeling": heeft_koppeling,
        }
        if heeft_koppeling:
            assert isinstance(koppeling, UploadFile)
            await _bewaar(koppeling, map_ / "koppeling.yml", MAX_KOPPELING)
            meta["koppeling_sha256"] = _sha256(map_ / "koppeling.yml")
        (map_ / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        upload = Upload(upload_id, map_, meta)
        resultaat = await asyncio.to_thread(_lees, d, upload)
    except FormulierFout as exc:
        if map_ is not None:
            shutil.rmtree(map_, ignore_errors=True)
        return _fout_pagina(request, exc.status, exc.melding)
    except KaartFout as exc:
        if map_ is not None:
            shutil.rmtree(map_, ignore_errors=True)
        return _fout_pagina(
            request,
            400,
            "Het bestand is niet in orde. Er is niets opgeslagen. Verbeter deze punten en "
            "kies het bestand opnieuw:",
            problemen=_problemen(exc),
        )
    except Exception as exc:  # junk a reader did not foresee: a message, never a 500
        logger.warning("proefimport onleesbaar: %s", type(exc).__name__)
        if map_ is not None:
            shutil.rmtree(map_, ignore_errors=True)
        return _fout_pagina(request, 400, ONLEESBAAR)
    meta["plan"] = resultaat.plan.vingerafdruk
    (map_ / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return pagina(
        request, "beheer_proef.html", {"actief": "beheer", **_proef_context(upload, resultaat)}
    )


@router.post("/beheer/inlezen", include_in_schema=False)
async def beheer_inlezen(request: Request, gebruiker: Beheerder) -> Response:
    """Apply the previewed plan of a stored upload in one transaction, and log it."""
    d = delen(request)
    try:
        form = await _formulier(request)
        upload_id = str(form.get("upload") or "")
        verwacht = str(form.get("plan") or "")
        bevestigd = form.get("bevestig") == "ja"
        upload = _laad_upload(d, upload_id, gebruiker)
        if not _VINGERAFDRUK.match(verwacht) or verwacht != upload.meta.get("plan"):
            raise FormulierFout(400, VERLOPEN)
    except FormulierFout as exc:
        return _fout_pagina(request, exc.status, exc.melding)

    def pas_toe() -> int:
        gelezen = lees_bestand(upload.bestand, d.profiel, upload.koppeling)
        session = d.session_factory()
        try:
            samenvatting = importeer(
                session,
                d.profiel,
                gelezen,
                bool(upload.meta["vervang"]),
                wie=gebruiker.naam,
                bevestigd=bevestigd,
                verwacht_plan=verwacht,
                toelichting=f"bestand {upload.meta.get('naam', '')} (beheerpagina)",
            )
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if samenvatting.wijziging_id is not None:
            werk_statistieken_bij(d.engine)  # as the CLI does after an import
        return samenvatting.wijziging_id or 0

    try:
        wijziging_id = await asyncio.to_thread(pas_toe)
    except VervangNietBevestigd:
        resultaat = await asyncio.to_thread(_lees, d, upload)
        return pagina(
            request,
            "beheer_proef.html",
            {
                "actief": "beheer",
                "melding": NIET_BEVESTIGD,
                **_proef_context(upload, resultaat),
            },
            status=400,
        )
    except PlanVeranderd as exc:
        shutil.rmtree(upload.map, ignore_errors=True)
        return _fout_pagina(request, 409, str(exc.problemen[0].melding))
    except KaartFout as exc:
        return _fout_pagina(request, 400, "Het bestand is niet in orde.", problemen=_problemen(exc))
    except Exception as exc:
        logger.error("inlezen mislukt: %s", type(exc).__name__)
        return _fout_pagina(request, 500, DB_FOUT)
    shutil.rmtree(upload.map, ignore_errors=True)
    logger.info("kaart ingelezen via de beheerpagina (wijziging %s)", wijziging_id)
    return RedirectResponse(f"/beheer?ingelezen={wijziging_id}#resultaat", status_code=303)


@router.get("/beheer/export.{formaat}", include_in_schema=False)
async def beheer_export(request: Request, formaat: str, gebruiker: Beheerder) -> Response:
    """The whole kaart as the template (the CLI's ``kaart export``), as a download."""
    if formaat not in ("csv", "xlsx"):
        return _fout_pagina(request, 404, "Exporteren kan als CSV of als Excel (.xlsx).")
    d = delen(request)

    def schrijf() -> bytes:
        buffer = io.BytesIO()
        with d.session_factory() as session:
            exporteer_naar(session, buffer, formaat)
        return buffer.getvalue()

    inhoud = await asyncio.to_thread(schrijf)
    soort = (
        "text/csv; charset=utf-8"
        if formaat == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    naam = f"sociale-kaart-{date.today().isoformat()}.{formaat}"
    return Response(
        inhoud,
        media_type=soort,
        headers={"content-disposition": f'attachment; filename="{naam}"'},
    )
