"""The Settings dialog: API key, base URL, download folder, concurrency, notifications, theme.

Signals:
    saved(Settings settings, str api_key) — the user pressed Save; the app applies them at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.core.session import DEFAULT_BASE_URL, Settings
from studio.ui.theme import ERROR, follow_theme, pick

_THEME_LABELS = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class SettingsDialog(QDialog):
    """Edits a copy of the settings; nothing changes until Save."""

    saved = Signal(object, str)

    def __init__(
        self, settings: Settings, api_key: str, storage_note: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self._settings = settings
        self.api_key = QLineEdit(api_key, echoMode=QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText("Empty: use the built-in demo simulator")
        self.show_key = QCheckBox("Show")
        self.clear_key = QPushButton("Clear stored key")
        self.storage = QLabel(storage_note)
        self.storage.setTextFormat(Qt.TextFormat.PlainText)
        self.storage.setWordWrap(True)
        self.storage.setStyleSheet("color: palette(placeholder-text);")
        self.base_url = QLineEdit(settings.base_url)
        self.download_dir = QLineEdit(settings.download_dir)
        self.download_dir.setPlaceholderText("The studio's library folder")
        self.download_dir.setToolTip("Where outputs are saved; a change applies at the next start.")
        self.browse = QPushButton("Browse…")
        self.max_concurrent = QSpinBox(minimum=1, maximum=16, value=settings.max_concurrent)
        self.notifications = QCheckBox(
            "Tell me when a task ends while the window is in the background"
        )
        self.notifications.setChecked(settings.notifications)
        self.sim_speed = QDoubleSpinBox(minimum=0.25, maximum=100.0, value=settings.sim_speed)
        self.sim_speed.setSuffix(" ×")
        self.theme = QComboBox()
        for value, label in _THEME_LABELS:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.language = QComboBox()
        # Each language named in itself, so it can be found whatever the UI speaks now.
        for value, label in (("system", self.tr("System")), ("zh_CN", "中文"), ("en", "English")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setToolTip(self.tr("The new language applies at the next start."))
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        follow_theme(self._restyle_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._layout()
        self.show_key.toggled.connect(self._on_show_key_toggled)
        self.clear_key.clicked.connect(self.api_key.clear)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.clear_key)
        dir_row = QHBoxLayout()
        dir_row.addWidget(self.download_dir, 1)
        dir_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("API key", key_row)
        form.addRow("", self.storage)
        form.addRow("Base URL", self.base_url)
        form.addRow("Download folder", dir_row)
        form.addRow("Tasks at once", self.max_concurrent)
        form.addRow("Notifications", self.notifications)
        form.addRow("Demo speed", self.sim_speed)
        form.addRow("Theme", self.theme)
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _restyle_error(self, dark: bool) -> None:
        self.error.setStyleSheet(f"color: {pick(ERROR, dark)};")

    def _on_show_key_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.api_key.setEchoMode(mode)

    def _on_browse_clicked(self) -> None:
        dialog = QFileDialog(self, "Download folder", self.download_dir.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.fileSelected.connect(self.download_dir.setText)
        dialog.open()

    def _validated_base_url(self) -> str | None:
        text = self.base_url.text().strip() or DEFAULT_BASE_URL
        url = QUrl(text, QUrl.ParsingMode.StrictMode)
        if not url.isValid() or url.scheme() not in ("http", "https") or not url.host():
            return None
        return text.rstrip("/")

    def _on_save(self) -> None:
        base_url = self._validated_base_url()
        if base_url is None:
            self.error.setText("The base URL must be an http:// or https:// address.")
            self.error.show()
            self.base_url.setFocus()
            return
        settings = self._settings.with_changes(
            base_url=base_url,
            download_dir=self.download_dir.text().strip(),
            max_concurrent=self.max_concurrent.value(),
            notifications=self.notifications.isChecked(),
            sim_speed=self.sim_speed.value(),
            theme=str(self.theme.currentData()),
            language=str(self.language.currentData()),
        )
        self.saved.emit(settings, self.api_key.text().strip())
        self.accept()
