"""The UI's language: Simplified Chinese or English, chosen by the system, Settings or ``--lang``.

Every user-visible string goes through Qt's translation system (``self.tr`` or
``QCoreApplication.translate``); the sources are ``resources/i18n/studio_<lang>.ts``, compiled to
``studio/data/i18n/studio_<lang>.qm`` (``make i18n``), and Qt's own strings (standard buttons,
file dialogs) come from the ``qtbase_<lang>.qm`` that ships with PySide6.
"""

from studio.ui.i18n._install import (
    LANGUAGES,
    install,
    installed_language,
    resolve_language,
)

__all__ = ["LANGUAGES", "install", "installed_language", "resolve_language"]
