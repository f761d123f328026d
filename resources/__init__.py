"""Data files read at run time: process profiles and Word templates (see README.md here)."""
