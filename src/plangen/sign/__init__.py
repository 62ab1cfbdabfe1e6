"""Digital signatures where NĐ30 puts them (``plangen sign``) and their check
(``plangen verify``).

Modules, in the order a signature is made:
- ``locate``: the signer block and the document number, read from the PDF's text;
- ``place``: where each of NĐ30's three signatures goes, and whether one is there;
- ``images``, ``fonts``, ``appearance``: what a signature shows;
- ``pkcs``: the key (PKCS#12 file or PKCS#11 token) and the checks on its certificate;
- ``apply``: the incremental update, written atomically;
- ``verify``: pyHanko's validation plus NĐ30's place and look.

Needs the extra ``plangen[sign]`` (pyHanko, pdfminer.six); :data:`EXTRA` lists the
modules the commands check for before importing anything here that needs them.
"""

from __future__ import annotations

EXTRA = ("pyhanko", "pdfminer", "PIL", "fontTools", "pkcs11")


def _quiet_libraries() -> None:
    """pyHanko logs every certificate path it cannot build, with a traceback, and imports a
    part of ``cryptography`` that warns about DSA; fontTools logs the tables it drops from
    a subset: none of it is for the văn thư's eyes (what matters reaches her as plangen's
    own messages)."""
    import logging
    import warnings

    for name in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
        logging.getLogger(name).addHandler(logging.NullHandler())
        logging.getLogger(name).propagate = False
    warnings.filterwarnings("ignore", message="DSA is deprecated")


_quiet_libraries()
