"""Generate a large, realistic fake sociale kaart for the kaart benchmarks.

The offers are variations on the 80 demo offers (same kinds of names, thema's, trefwoorden
and descriptions), spread over a fictional gemeente with many wijken, plus made-up place and
organisation names so the vocabulary grows the way a real kaart's does.

Usage::

    .venv/bin/python benchmarks/kaart_data.py OUT_DIR [--aantal 10000] [--wijken 20]

writes ``OUT_DIR/gemeente.yml`` and ``OUT_DIR/kaart.csv``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_KAART = ROOT / "demo_gemeente" / "sociale_kaart.csv"
DEMO_PROFIEL = ROOT / "demo_gemeente" / "gemeente.yml"

_LETTERGREPEN = [
    "lin",
    "de",
    "waard",
    "hof",
    "wei",
    "ker",
    "berg",
    "veen",
    "dam",
    "horst",
    "bos",
    "broek",
    "zand",
    "meer",
    "hoven",
    "loo",
    "gaarde",
    "stein",
    "rade",
    "beek",
    "wold",
    "dijk",
    "holt",
    "haar",
    "donk",
]
_SOORTEN = ("Stichting", "Vereniging", "Buurthuis", "Wijkcentrum", "Zorggroep", "Coöperatie")
_EXTRA = (
    "Elke week zijn er vrijwilligers aanwezig die met u meedenken.",
    "Aanmelden is niet nodig; u bent welkom zonder afspraak.",
    "De activiteit is rolstoeltoegankelijk en er is een invalidetoilet.",
    "Wij werken samen met de huisarts, de wijkverpleging en het sociaal wijkteam.",
    "Neem gerust iemand mee, bijvoorbeeld een buurvrouw of uw partner.",
    "Voor inwoners met een kleine beurs zijn de kosten lager.",
)


def _plaatsnaam(rng: random.Random) -> str:
    return "".join(rng.sample(_LETTERGREPEN, rng.choice((2, 3)))).capitalize()


def maak_profiel(path: Path, wijken: int, rng: random.Random) -> list[str]:
    """Write a gemeente profile with ``wijken`` wijken of three PC4 areas each."""
    kop = DEMO_PROFIEL.read_text(encoding="utf-8").split("wijken:")[0]
    namen: list[str] = []
    while len(namen) < wijken:
        naam = _plaatsnaam(rng)
        if naam not in namen:
            namen.append(naam)
    regels = [kop.rstrip(), "wijken:"]
    for i, naam in enumerate(namen):
        pcs = ", ".join(f'"{3000 + 3 * i + j}"' for j in range(3))
        regels += [f"  - naam: {naam}", f"    postcodes: [{pcs}]"]
    path.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return namen


def maak_kaart(path: Path, aantal: int, wijken: list[str], rng: random.Random) -> None:
    """Write ``aantal`` offers in the CSV template."""
    with DEMO_KAART.open(encoding="utf-8") as handle:
        demo = list(csv.DictReader(handle))
    organisaties = [
        f"{rng.choice(_SOORTEN)} {_plaatsnaam(rng)}" for _ in range(max(10, aantal // 8))
    ]
    vandaag = date.today()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(demo[0].keys()))
        writer.writeheader()
        for i in range(aantal):
            basis = rng.choice(demo)
            plaats = _plaatsnaam(rng)
            wijk = rng.choice(wijken) if rng.random() < 0.7 else ""
            trefwoorden = basis["trefwoorden"].split(";")
            rng.shuffle(trefwoorden)
            donor = rng.choice(demo)["trefwoorden"].split(";")
            trefwoorden = trefwoorden[: rng.randint(3, len(trefwoorden))] + rng.sample(donor, 1)
            zinnen = [basis["omschrijving"], *rng.sample(_EXTRA, rng.randint(1, 3))]
            zinnen.append(f"De bijeenkomsten zijn in {plaats}, vlakbij {_plaatsnaam(rng)}.")
            writer.writerow(
                {
                    **basis,
                    "id": f"bm-{i:05d}",
                    "naam": f"{basis['naam']} {plaats}",
                    "organisatie": rng.choice(organisaties),
                    "omschrijving": " ".join(zinnen),
                    "wijk": wijk,
                    "postcode": "",
                    "trefwoorden": ";".join(dict.fromkeys(t for t in trefwoorden if t)),
                    "laatst_gecontroleerd": (
                        vandaag - timedelta(days=rng.randint(0, 900))
                    ).isoformat(),
                }
            )


def genereer(
    out: Path, aantal: int = 10_000, wijken: int = 20, seed: int = 2026
) -> tuple[Path, Path]:
    """Write profile and kaart to ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    profiel = out / "gemeente.yml"
    kaart = out / "kaart.csv"
    namen = maak_profiel(profiel, wijken, rng)
    maak_kaart(kaart, aantal, namen, rng)
    return profiel, kaart


def main() -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--aantal", type=int, default=10_000)
    parser.add_argument("--wijken", type=int, default=20)
    args = parser.parse_args()
    profiel, kaart = genereer(args.out, args.aantal, args.wijken)
    print(f"{profiel}\n{kaart}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
