"""Every rule's check, registered in ``base.CHECKS`` by importing the rule modules."""

from plangen.check.rules import annex, body, header, page, signer
from plangen.check.rules.base import CHECKS, Finding, NotChecked, Result

__all__ = ["CHECKS", "Finding", "NotChecked", "Result", "annex", "body", "header", "page", "signer"]
