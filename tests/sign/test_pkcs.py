"""The key and its certificate: a PKCS#12 file opened or refused, and the certificate
checks made before anything is signed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plangen.errors import UserError
from plangen.sign import clock
from plangen.sign.pkcs import check_certificate, from_pkcs12, subject_name
from signing import PASSWORD, Authority


@pytest.fixture(scope="module")
def ca() -> Authority:
    return Authority()


def test_pkcs12_opens_with_its_password(ca: Authority, tmp_path: Path) -> None:
    p12 = ca.p12(ca.issue("Nguyễn Văn An", "Trường THPT Nguyễn Trãi"), tmp_path / "an.p12")
    key = from_pkcs12(p12, PASSWORD, "vi")
    assert subject_name(key.certificate) == "Nguyễn Văn An"
    check_certificate(key.certificate, clock.now(), "vi")
    with pytest.raises(UserError) as caught:
        from_pkcs12(p12, "sai", "en")
    assert caught.value.lines == [f"cannot open {p12}: wrong password, or not a PKCS#12 key "
                                  "file (.p12, .pfx); not signed"]


def test_certificate_checks_in_english(ca: Authority, tmp_path: Path) -> None:
    expired = ca.issue("A", valid_from=dt.datetime(2023, 1, 1, tzinfo=dt.UTC),
                       valid_to=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC))
    key = from_pkcs12(ca.p12(expired, tmp_path / "a.p12"), PASSWORD, "en")
    with pytest.raises(UserError) as caught:
        check_certificate(key.certificate, clock.now(), "en")
    assert caught.value.lines == [
        "the certificate expired on 02/01/2024 10:04:05; not signed (renew it with the provider)"]
    usage = from_pkcs12(ca.p12(ca.issue("B", signing=False), tmp_path / "b.p12"), PASSWORD,
                        "en")
    with pytest.raises(UserError) as caught:
        check_certificate(usage.certificate, clock.now(), "en")
    assert caught.value.lines == [
        "the certificate is not issued for signing (keyUsage has neither digitalSignature nor "
        "nonRepudiation); not signed"]
