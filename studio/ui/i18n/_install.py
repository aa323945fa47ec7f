"""Finding the language to speak and installing its translators into the application."""

from __future__ import annotations

import logging
import os
from importlib import resources
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger("studio.ui")

# What Settings offers ("system" follows the desktop); the values are Qt locale names.
LANGUAGES: Final = ("system", "zh_CN", "en")
_SUPPORTED: Final = ("zh_CN", "en")
_QT_CATALOGS: Final = ("qtbase", "qtmultimedia")

_installed: list[QTranslator] = []
_state = {"language": "en"}  # what install() chose last


def resolve_language(choice: str = "system") -> str:
    """``zh_CN`` or ``en`` for a choice: an explicit language, else what the system asks for.

    The system is read as POSIX programs do (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG), then
    from Qt's view of the desktop (QLocale.system(), which also covers macOS and Windows).
    """
    explicit = _supported(choice)
    if explicit is not None:
        return explicit
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in os.environ.get(name, "").split(":"):
            found = _supported(part)
            if found is not None:
                return found
            if part and part not in {"C", "POSIX"}:
                return "en"  # the first language the user named, which we do not speak
    return _supported(QLocale.system().name()) or "en"


def _supported(name: str) -> str | None:
    """The supported language a locale name means (``zh``, ``zh_CN.UTF-8``, ``zh-Hans`` …)."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_").lower()
    if base in {"zh", "zh_cn", "zh_sg", "zh_hans", "zh_hans_cn"}:
        return "zh_CN"
    if base == "en" or base.startswith("en_"):
        return "en"
    return None


def install(app: QApplication, language: str) -> None:
    """Speak ``language`` ("system", "zh_CN" or "en") in every widget built from now on.

    Replaces translators installed before; dates and numbers follow the same locale.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    chosen = _state["language"] = resolve_language(language)
    QLocale.setDefault(QLocale(chosen))
    if chosen == "en":
        return  # the sources are English
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in _QT_CATALOGS:
        _load(app, f"{catalog}_{chosen}", qt_folder)
    ours = resources.files("studio").joinpath("data", "i18n")
    with resources.as_file(ours) as folder:
        _load(app, f"studio_{chosen}", str(folder))


def _load(app: QApplication, name: str, folder: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("translation %s not found in %s", name, folder)


def installed_language() -> str:
    """The language installed last ("en" before any install)."""
    return _state["language"]
