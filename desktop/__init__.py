"""The PySide6 desktop UI: windows, dialogs, item models over inbox queries and workers."""
