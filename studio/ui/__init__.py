"""The PySide6 side: view-models, item models, schema forms and widgets."""
