"""De-identification of Dutch resident text before anything is stored or logged.

Importing this package does no I/O and does not import deduce; the lookup lists load on
:func:`prepare` or the first :func:`get_deidentifier` call.

Typical use::

    from privacy import get_deidentifier, prepare
    prepare(cache_dir, keep_terms=wijk_namen)       # at set-up and at server start
    veilig = get_deidentifier().deidentify(tekst)   # before storing anything
"""

from privacy.deidentify import (
    Deidentifier,
    default_cache_dir,
    get_deidentifier,
    peek_deidentifier,
    prepare,
)
from privacy.logging import RedactUserTextFilter, install_log_redaction
from privacy.recognisers import Soort, Vondst

__all__ = [
    "Deidentifier",
    "RedactUserTextFilter",
    "Soort",
    "Vondst",
    "default_cache_dir",
    "get_deidentifier",
    "install_log_redaction",
    "peek_deidentifier",
    "prepare",
]
