"""The desktop front end: PySide6 widgets and Qt item models over the services (the only layer that imports Qt)."""
