"""Signing time in Vietnam's time zone (UTC+07:00, no daylight saving), whatever the
computer's own zone: NĐ30 asks for "múi giờ Việt Nam theo tiêu chuẩn ISO 8601"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))


def now() -> datetime:
    """This second, in Vietnam's time zone."""
    return datetime.now(VIETNAM).replace(microsecond=0)


def iso(moment: datetime) -> str:
    """``moment`` in ISO 8601 with the +07:00 offset."""
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")
