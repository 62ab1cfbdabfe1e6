"""Keys, certificates and images for the signing tests, made here (nothing downloaded):
a root CA and the certificates it issues, as PKCS#12 files; blue and red PNGs; a
SoftHSM2 token; a local time-stamping authority."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import functools
import io
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from PIL import Image, ImageDraw

PASSWORD = "mat-khau-123"
PIN = "123456"
SO_PIN = "12345678"
SOFTHSM_LIBRARIES = ("/usr/lib/softhsm/libsofthsm2.so",
                     "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
NOW = dt.datetime.now(dt.UTC)


def softhsm_library() -> str | None:
    return next((p for p in SOFTHSM_LIBRARIES if Path(p).is_file()), None)


def _name(common: str, organisation: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
             x509.NameAttribute(NameOID.COMMON_NAME, common)]
    if organisation:
        parts.insert(1, x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    return x509.Name(parts)


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Issued:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate


class Authority:
    """A root CA that issues signing certificates, each good or bad in one way."""

    def __init__(self, name: str = "Test Root CA plangen") -> None:
        self.key = _key()
        subject = _name(name)
        self.certificate = (
            x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=365))
            .not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=False, content_commitment=False, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()),
                           critical=False)
            .sign(self.key, hashes.SHA256()))

    def issue(self, common: str, organisation: str | None = None, *,
              valid_from: dt.datetime | None = None, valid_to: dt.datetime | None = None,
              signing: bool = True, time_stamping: bool = False) -> Issued:
        key = _key()
        builder = (
            x509.CertificateBuilder().subject_name(_name(common, organisation))
            .issuer_name(self.certificate.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(valid_from or NOW - dt.timedelta(days=30))
            .not_valid_after(valid_to or NOW + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(
                digital_signature=signing, content_commitment=signing,
                key_encipherment=not signing, data_encipherment=False, key_agreement=False,
                key_cert_sign=False, crl_sign=False, encipher_only=False,
                decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                self.key.public_key()), critical=False))
        if time_stamping:
            builder = builder.add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        return Issued(key, builder.sign(self.key, hashes.SHA256()))

    def p12(self, issued: Issued, path: Path, password: str = PASSWORD) -> Path:
        data = pkcs12.serialize_key_and_certificates(
            b"key", issued.key, issued.certificate, [self.certificate],
            serialization.BestAvailableEncryption(password.encode()))
        path.write_bytes(data)
        return path

    def root_pem(self, path: Path) -> Path:
        path.write_bytes(self.certificate.public_bytes(serialization.Encoding.PEM))
        return path


def signature_png(path: Path, colour: tuple[int, int, int] = (20, 40, 200),
                  transparent: bool = True, size: tuple[int, int] = (600, 240)) -> Path:
    """A hand-signature-like scribble in ``colour`` on a transparent (or white) ground."""
    ground = (0, 0, 0, 0) if transparent else (255, 255, 255, 255)
    image = Image.new("RGBA", size, ground)
    draw = ImageDraw.Draw(image)
    width, height = size
    points = [(int(width * x / 20), int(height * (0.5 + 0.35 * ((-1) ** x) * (x % 3) / 2)))
              for x in range(1, 20)]
    draw.line(points, fill=(*colour, 255), width=max(4, height // 30))
    draw.line([(width * 0.1, height * 0.8), (width * 0.9, height * 0.75)],
              fill=(*colour, 255), width=max(3, height // 40))
    (image if transparent else image.convert("RGB")).save(path, "PNG")
    return path


def seal_png(path: Path, size: int = 500) -> Path:
    """A round red seal: two rings and a star, transparent outside and inside."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (210, 20, 30, 255)
    draw.ellipse((4, 4, size - 4, size - 4), outline=red, width=size // 40)
    draw.ellipse((size * 0.18, size * 0.18, size * 0.82, size * 0.82), outline=red,
                 width=size // 80)
    centre = size / 2
    star = [(centre, size * 0.3), (size * 0.56, size * 0.45), (size * 0.7, size * 0.45),
            (size * 0.59, size * 0.55), (size * 0.63, size * 0.7), (centre, size * 0.61),
            (size * 0.37, size * 0.7), (size * 0.41, size * 0.55), (size * 0.3, size * 0.45),
            (size * 0.44, size * 0.45)]
    draw.polygon(star, fill=red)
    image.save(path, "PNG")
    return path


@dataclass
class Token:
    library: str
    label: str
    environment: dict[str, str]


@contextmanager
def softhsm_token(folder: Path, ca: Authority, issued: Issued, label: str = "plangen-token",
                  ) -> Iterator[Token]:
    """A SoftHSM2 token in ``folder`` holding ``issued``'s key and certificate, with
    SOFTHSM2_CONF set for this process while it is used."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    library = softhsm_library()
    assert library is not None and shutil.which("softhsm2-util")
    tokens = folder / "tokens"
    tokens.mkdir(parents=True)
    config = folder / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n"
                      "log.level = ERROR\n", encoding="utf-8")
    environment = {"SOFTHSM2_CONF": str(config)}
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ.update(environment)
    try:
        subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label,
                        "--pin", PIN, "--so-pin", SO_PIN], check=True, capture_output=True)
        key_file = folder / "key.pem"
        key_file.write_bytes(issued.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        subprocess.run(["softhsm2-util", "--import", str(key_file), "--token", label,
                        "--label", "ky-so", "--id", "01", "--pin", PIN],
                       check=True, capture_output=True)
        key_file.unlink()
        lib = pkcs11.lib(library)
        lib.reinitialize()  # the library was loaded before this token existed
        token = lib.get_token(token_label=label)
        with token.open(user_pin=PIN, rw=True) as session:
            der = issued.certificate.public_bytes(serialization.Encoding.DER)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: "ky-so", Attribute.ID: b"\x01",
                Attribute.VALUE: der,
                Attribute.SUBJECT: issued.certificate.subject.public_bytes(),
            })
            ca_der = ca.certificate.public_bytes(serialization.Encoding.DER)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: "ca", Attribute.ID: b"\x02",
                Attribute.VALUE: ca_der,
                Attribute.SUBJECT: ca.certificate.subject.public_bytes(),
            })
        yield Token(library, label, environment)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


@contextmanager
def time_stamping_authority(ca: Authority) -> Iterator[str]:
    """A time-stamping authority (RFC 3161 over HTTP) on 127.0.0.1, answering with
    pyHanko's own TSA logic and a certificate of ``ca``; yields its URL."""
    import asyncio

    from asn1crypto import keys as asn1_keys
    from asn1crypto import tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    issued = ca.issue("Test TSA plangen", signing=True, time_stamping=True)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(
            issued.certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(issued.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        certs_to_embed=[asn1_x509.Certificate.load(
            ca.certificate.public_bytes(serialization.Encoding.DER))])

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = tsp.TimeStampReq.load(body)
            answer = asyncio.run(stamper.async_request_tsa_response(request)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


# -- PDFs to sign: plangen's own, built once per test run ------------------------------------

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("soffice", "pdfsig", "pdftoppm")
MISSING_TOOLS = [tool for tool in TOOLS if shutil.which(tool) is None]
if MISSING_TOOLS and os.environ.get("CI"):
    raise RuntimeError(f"CI must install {', '.join(MISSING_TOOLS)} (see .ci/run)")


@functools.cache
def built(plan: str) -> Path:
    """The output folder of ``plangen build plans/<plan>.yaml --pdf``, made once."""
    from plangen.cli import main

    out = Path(tempfile.mkdtemp(prefix="plangen-sign-"))
    atexit.register(shutil.rmtree, out, True)
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", str(ROOT / "plans" / f"{plan}.yaml"), "-o", str(out), "--pdf"])
    assert code == 0
    return out / plan


def copy_of(plan: str, name: str, folder: Path) -> Path:
    """A copy of one built PDF in ``folder``, to sign."""
    target = folder / Path(name).name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(built(plan) / name, target)
    return target


def pdfsig(pdf: Path) -> str:
    """What poppler's pdfsig says of ``pdf``'s signatures."""
    done = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def render(pdf: Path, page: int, out: Path, dpi: int = 100) -> Image.Image:
    """Page ``page`` (from 1) of ``pdf`` as poppler draws it."""
    prefix = out / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-png",
                    "-singlefile", str(pdf), str(prefix)], check=True, capture_output=True)
    return Image.open(f"{prefix}.png").convert("RGB")


@dataclass
class Keys:
    """A CA and the files a test signs with."""

    folder: Path
    ca: Authority
    signer: Path
    office: Path
    root: Path
    signature: Path
    seal: Path


def make_keys(folder: Path) -> Keys:
    ca = Authority()
    return Keys(
        folder, ca,
        signer=ca.p12(ca.issue("Nguyễn Văn An", "Trường THPT Nguyễn Trãi"), folder / "an.p12"),
        office=ca.p12(ca.issue("Trường THPT Nguyễn Trãi"), folder / "truong.p12"),
        root=ca.root_pem(folder / "root.pem"),
        signature=signature_png(folder / "chu-ky.png"), seal=seal_png(folder / "dau.png"))
