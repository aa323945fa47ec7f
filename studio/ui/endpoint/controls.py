"""The Generate controls under the form: request options, Reset, Show request, the batch and the
Generate button, which says what will start ("Generate · 3 videos").

The batch count belongs to an endpoint: ×3 set on an image model is not carried into a video
model (it stays with the image model for the session); a new endpoint starts at ×1.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.plain import plain_label
from studio.ui.plural import english_plural
from studio.ui.theme import ERROR, follow_theme, pick

MAX_BATCH = 16
VIDEO_TASKS_WITHOUT_ASKING = 4  # more video tasks at once ask first: each is slow and billed


class GenerateControls(QWidget):
    """Two rows that fit a 1024 px window: options and "New seed each run", then the buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slug = ""
        self._capability = ""
        self._per_task = 1
        self._batches: dict[str, int] = {}
        self._build_widgets()
        self._build_layout()
        self.batch.valueChanged.connect(self._on_batch_changed)
        follow_theme(self._restyle_webhook_error)

    def _build_widgets(self) -> None:
        self.webhook = QLineEdit(placeholderText=self.tr("Webhook URL (optional): https://…"))
        self.webhook.setToolTip(
            self.tr(
                "Your own server receives the finished task as a POST. "
                "The studio keeps polling anyway."
            )
        )
        self.webhook.hide()
        self.webhook_error = plain_label(selectable=True)
        self.webhook_error.hide()
        self.request_options = QToolButton()
        self.request_options.setText(self.tr("Advanced request options"))
        self.request_options.setCheckable(True)
        self.request_options.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.request_options.setArrowType(Qt.ArrowType.RightArrow)
        self.request_options.setAutoRaise(True)
        self.request_options.toggled.connect(self._on_request_options_toggled)
        self.random_seed = QCheckBox(self.tr("New seed each run"))
        self.random_seed.setToolTip(self.tr("Give every task of the batch a fresh random seed"))
        self.batch = QSpinBox(minimum=1, maximum=MAX_BATCH, value=1, prefix="× ")
        self.batch.setToolTip(self.tr("How many tasks to submit with these settings"))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(self.tr("Every field back to its default (can be undone)"))
        self.show_request = QPushButton(self.tr("Show request"))
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.setDefault(True)
        self.generate.setToolTip(self.tr("Submit (Ctrl+Enter)"))
        self.generate.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 16px; }")
        # Never squeezed below its text: "Generate · 3 videos" must read whole.
        policy = self.generate.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
        self.generate.setSizePolicy(policy)

    def _build_layout(self) -> None:
        options = QHBoxLayout()
        options.addWidget(self.request_options)
        options.addStretch(1)
        options.addWidget(self.random_seed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset)
        buttons.addWidget(self.show_request)
        buttons.addStretch(1)
        buttons.addWidget(self.batch)
        buttons.addWidget(self.generate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(options)
        layout.addWidget(self.webhook)
        layout.addWidget(self.webhook_error)
        layout.addLayout(buttons)

    def _restyle_webhook_error(self, dark: bool) -> None:
        self.webhook_error.setStyleSheet(f"color: {pick(ERROR, dark)};")

    def _on_request_options_toggled(self, shown: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.request_options.setArrowType(arrow)
        self.webhook.setVisible(shown)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.generate, self.show_request, self.reset, self.batch, self.webhook):
            widget.setEnabled(enabled)

    def show_endpoint(self, slug: str, capability: str, has_seed: bool) -> None:
        """Switch to an endpoint: its own batch count (×1 when new), its seed option."""
        if slug != self._slug:
            if self._slug:
                self._batches[self._slug] = self.batch.value()
            self._slug = slug
            self.batch.blockSignals(True)
            self.batch.setValue(self._batches.get(slug, 1))
            self.batch.blockSignals(False)
        self._capability = capability
        self.random_seed.setVisible(has_seed)
        self._refresh_label()

    def set_outputs_per_task(self, count: int) -> None:
        """How many outputs one task makes (e.g. an image form's "Number of images")."""
        self._per_task = max(1, count)
        self._refresh_label()

    def task_count(self) -> int:
        """How many tasks Generate starts."""
        return self.batch.value()

    def asks_first(self) -> bool:
        """Whether Generate should ask before starting (more than 4 video tasks at once)."""
        return self._capability == "video" and self.task_count() > VIDEO_TASKS_WITHOUT_ASKING

    def outputs_text(self) -> str:
        """What Generate will start, by the endpoint's capability: "3 videos", "1 image"."""
        count = self.task_count() * (self._per_task if self._capability == "image" else 1)
        nouns = {
            "image": self.tr("%n image(s)", "", count),
            "video": self.tr("%n video(s)", "", count),
            "audio": self.tr("%n track(s)", "", count),
            "transcribe": self.tr("%n transcript(s)", "", count),
            "chat": self.tr("%n answer(s)", "", count),
        }
        text = nouns.get(self._capability) or self.tr("%n task(s)", "", count)
        return english_plural(text, count)

    def _refresh_label(self) -> None:
        self.generate.setText(self.tr("Generate · %1").replace("%1", self.outputs_text()))

    def _on_batch_changed(self, value: int) -> None:
        if self._slug:
            self._batches[self._slug] = value
        self._refresh_label()
