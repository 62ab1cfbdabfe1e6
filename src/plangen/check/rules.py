"""Every rule's check, registered in ``base.CHECKS`` by importing the rule modules."""

from plangen.check import rules_body, rules_header, rules_page, rules_signer
from plangen.check.base import CHECKS, Finding, NotChecked, Result

__all__ = ["CHECKS", "Finding", "NotChecked", "Result", "rules_body", "rules_header",
           "rules_page", "rules_signer"]
