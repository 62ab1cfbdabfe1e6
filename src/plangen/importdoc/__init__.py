"""``plangen import``: last year's Word file read back into a plan file.

Why: almost every office starts from a document typed by hand, not from a plan file.
``read`` finds its parts with the checker's own reading and repairs what NĐ30 says
differently; ``write`` prints the plan as commented YAML; ``coverage`` says how much of the
document's text the plan gives back when built.
"""
