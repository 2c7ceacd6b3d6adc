"""Loading deduce fast and lean, and turning its annotations into :class:`Vondst` spans.

How deduce 3.0.3 caches: ``Deduce(cache_path=P)`` looks for the pickle
``P/cache/lookup_structs.pickle`` (a dict with ``deduce_version``, ``saved_datetime`` and the
``lookup_structs`` DsCollection). It is used when the version matches and no file under
``P/src`` is newer; otherwise deduce rebuilds all lookup structures (about 90 s, 1.3 GB) and
writes the pickle. By default ``P`` is inside site-packages, which a production install may
not be allowed to write.

Almost all of that cost is the street list (600k street names) and the healthcare
institutions, which Wegwijzer does not need: our own street pattern finds "Kerkstraat 12" and
institutions are no personal data. So we write deduce's cache ourselves, in deduce's own
format, holding only the structures our configuration uses (names, whitelist, places). That
builds in about 2 s and loads in a fraction of a second, in about 100 MB, and deduce then
loads it through its normal cache path. The cache lives under our own directory, in a
subdirectory named after the deduce version and our layout, so an upgrade never reads a stale
pickle. The directory must only be writable by the service user: it holds a pickle.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import pickle
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Bump when the set of structures or annotators below changes: it names the cache directory.
_LAYOUT = "wegwijzer1"

# Lookup lists we leave out, and the annotators that would need them or that we do not want.
_SKIPPED_LISTS = ("locations/lst_street", "institutions/")
_SKIPPED_ANNOTATORS = frozenset(
    {
        "street_lookup",  # needs the 600k street trie; our own pattern covers streets
        "hospital",  # institutions are no personal data, and residents need to name them
        "institution",
        "age",  # ages stay visible: the bot needs "mijn zoon van 11", "ik ben 82"
        "patient_name",  # needs patient metadata, which a chatbot does not have
    }
)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building many small objects (unpickling 4x faster)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import_deduce() -> Any:
    """Import deduce without letting it reconfigure logging.

    ``deduce/deduce.py`` calls ``logging.basicConfig(stream=sys.stdout, level=DEBUG)`` at
    import time. In a process without handlers yet that would send every DEBUG record
    (Rasa logs user messages at DEBUG) to stdout, so we undo it.
    """
    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    import deduce

    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    return deduce


def _cache_path(cache_dir: Path, version: str) -> Path:
    """The directory handed to deduce as ``cache_path`` for this version and layout."""
    return cache_dir / f"deduce-{version}-{_LAYOUT}"


def _pickle_file(cache_path: Path) -> Path:
    """Where deduce looks for its cache pickle under ``cache_path``."""
    return cache_path / "cache" / "lookup_structs.pickle"


def _slim_config(deduce_module: Any) -> dict[str, Any]:
    """Deduce's base config without the annotators listed in :data:`_SKIPPED_ANNOTATORS`."""
    base_file = Path(deduce_module.__file__).resolve().parent.parent / "base_config.json"
    with base_file.open(encoding="utf-8") as fh:
        config: dict[str, Any] = json.load(fh)
    config["annotators"] = {
        name: spec for name, spec in config["annotators"].items() if name not in _SKIPPED_ANNOTATORS
    }
    return config


def _build_lookup_structs(deduce_module: Any) -> Any:
    """Build the lookup structures our config needs, with deduce's own loader functions."""
    import docdeid as dd
    from deduce import lookup_struct_loader as loaders
    from deduce.data.lookup.src import all_lists
    from deduce.lookup_structs import load_raw_itemsets

    lookup_path = Path(deduce_module.__file__).resolve().parent / "data" / "lookup"
    lists = [lst for lst in all_lists if not lst.startswith(_SKIPPED_LISTS)]
    raw = load_raw_itemsets(base_path=lookup_path, subdirs=lists)
    tokenizer = deduce_module.Deduce._initialize_tokenizer(lookup_path)

    structs = dd.ds.DsCollection()
    for name in ("initial", "interfix_surname", "common_word", "stop_word", "medical_term"):
        lookup_set = dd.ds.LookupSet()
        lookup_set.add_items_from_iterable(raw[name])
        structs[name] = lookup_set
    structs["prefix"] = loaders.load_prefix_lookup(raw)
    structs["interfix"] = loaders.load_interfix_lookup(raw)
    structs["whitelist"] = loaders.load_whitelist_lookup(raw)
    structs["first_name"] = loaders.load_first_name_lookup(raw, tokenizer)
    structs["surname"] = loaders.load_surname_lookup(raw, tokenizer)
    structs["placename"] = loaders.load_placename_lookup(raw, tokenizer)
    structs["eponymous_disease"] = loaders.load_eponymous_disease_lookup(raw, tokenizer)
    return structs


def build_cache(cache_dir: Path, *, force: bool = False) -> Path:
    """Build the lookup cache under ``cache_dir`` unless a usable one is already there.

    Safe when several processes start at once: the pickle is written to a temporary file
    and renamed into place, so a reader never sees half a file.

    Args:
        cache_dir: Directory for the cache (created when missing).
        force: Rebuild even when a cache exists (used after a corrupt read).

    Returns:
        The ``cache_path`` to hand to ``deduce.Deduce``.
    """
    deduce_module = _import_deduce()
    cache_path = _cache_path(cache_dir, deduce_module.__version__)
    target = _pickle_file(cache_path)
    if target.exists() and not force:
        return cache_path
    target.parent.mkdir(parents=True, exist_ok=True)
    logger.info("privacy: deduce-opzoeklijsten worden gebouwd in %s", cache_path)
    with _gc_paused():
        structs = _build_lookup_structs(deduce_module)
        payload = {
            "deduce_version": deduce_module.__version__,
            "saved_datetime": str(datetime.now()),
            "lookup_structs": structs,
        }
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".lookup_structs-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp_name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            raise
    return cache_path


def load_deduce(cache_dir: Path) -> Any:
    """A configured ``deduce.Deduce`` that loads our slim cache (building it if needed).

    Args:
        cache_dir: Directory of the lookup cache.

    Returns:
        The deduce model, with its redactor removed (we only want annotations).
    """
    deduce_module = _import_deduce()
    config = _slim_config(deduce_module)
    cache_path = build_cache(cache_dir)
    for attempt in (1, 2):
        try:
            with _gc_paused():
                model = deduce_module.Deduce(
                    load_base_config=False, config=config, cache_path=cache_path
                )
            break
        except (pickle.UnpicklingError, EOFError, KeyError, AttributeError, ValueError):
            if attempt == 2:
                raise
            logger.warning("privacy: deduce-cache onleesbaar, wordt opnieuw gebouwd")
            build_cache(cache_dir, force=True)
    model.processors["post_processing"].remove_processor("redactor")
    return model


class DeduceLexicon:
    """Deduce's name and word lists behind the :class:`~privacy.recognisers.NameLexicon` API."""

    def __init__(self, model: Any) -> None:
        self._first = model.lookup_structs["first_name"]
        self._last = model.lookup_structs["surname"]
        self._interfix_last = model.lookup_structs["interfix_surname"]
        self._whitelist = model.lookup_structs["whitelist"]

    @staticmethod
    def _variants(word: str) -> tuple[str, ...]:
        return (word, word[:1].upper() + word[1:].lower(), word.capitalize())

    def is_first_name(self, word: str) -> bool:
        """Whether ``word`` is in deduce's first-name list (which excludes common words)."""
        return any([v] in self._first for v in self._variants(word))

    def is_surname(self, word: str) -> bool:
        """Whether ``word`` is in deduce's surname lists (which exclude common words)."""
        return any([v] in self._last or v in self._interfix_last for v in self._variants(word))

    def is_common_word(self, word: str) -> bool:
        """Whether ``word`` is a common Dutch word, stop word or medical term for deduce."""
        return word in self._whitelist
