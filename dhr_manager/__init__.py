"""DHR Manager: case management for domestic homicide reviews, kept in an encrypted workspace."""

__version__ = "0.1.0"
