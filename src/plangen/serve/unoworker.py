"""A conversion worker for a LibreOffice kept running: run by a Python that has LibreOffice's
``uno`` module (Debian's python3-uno, or the Python LibreOffice ships on Windows), never
imported by plangen.

Why: starting LibreOffice costs a second; handing it one file with ``soffice
--convert-to`` ends the running instance. Over UNO, one instance converts file after file.
Reads ``DOCX<TAB>PDF`` lines on stdin and answers ``ok`` or ``error <reason>`` per line;
at the end of stdin it asks LibreOffice to terminate.

Usage: python3 unoworker.py PIPE_NAME
"""

import contextlib
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

CONNECT_SECONDS = 60


def _property(name: str, value: Any) -> Any:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _desktop(pipe: str) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:  # NoConnectException until the instance listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context)


def main() -> None:
    desktop = _desktop(sys.argv[1])
    print("ready", flush=True)
    for line in sys.stdin:
        source, _tab, target = line.rstrip("\n").partition("\t")
        try:
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(source), "_blank", 0, (_property("Hidden", True),))
            try:
                document.storeToURL(uno.systemPathToFileUrl(target),
                                    (_property("FilterName", "writer_pdf_Export"),))
            finally:
                document.close(True)
            print("ok", flush=True)
        except Exception as err:  # one bad file must not end the session
            print(f"error {type(err).__name__}: {err}".replace("\n", " "), flush=True)
    # stdin closed: the session is over, and LibreOffice ends cleanly with it (it may be
    # gone already: the caller ends what is left)
    with contextlib.suppress(Exception):
        desktop.terminate()


if __name__ == "__main__":
    main()
