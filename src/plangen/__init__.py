"""plangen: one YAML plan file in, NĐ30-formatted Vietnamese administrative documents out."""

__version__ = "0.2.0"
