"""The gallery's actions: one set, shared by the toolbar, the context menu and the keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class GalleryActions:
    """Every gallery command; shortcuts fire only while the grid has focus."""

    star: QAction
    trash: QAction
    undo_trash: QAction
    restore: QAction
    empty_trash: QAction
    open_file: QAction
    open_folder: QAction
    export_folder: QAction
    export_zip: QAction
    remix: QAction
    use_all: QAction
    use_prompt: QAction
    send_to: QAction
    extend_shot: QAction
    pick_frame: QAction
    made_from: QAction

    def context_menu(self, parent: QWidget) -> QMenu:
        """One shared menu for every tile (built once, not per tile)."""
        menu = QMenu(parent)
        menu.addActions([self.send_to, self.extend_shot, self.pick_frame, self.made_from])
        menu.addSeparator()
        menu.addActions([self.remix, self.use_all, self.use_prompt])
        menu.addSeparator()
        menu.addActions([self.star, self.trash, self.restore])
        menu.addSeparator()
        menu.addActions([self.open_file, self.open_folder, self.export_folder, self.export_zip])
        menu.addSeparator()
        menu.addAction(self.empty_trash)
        return menu


def _action(
    owner: QWidget,
    text: str,
    tip: str,
    keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *,
    short: str = "",
) -> QAction:
    """``short`` is the toolbar's label (icon text); menus show ``text``."""
    action = QAction(text, owner)
    action.setToolTip(tip)
    if short:
        action.setIconText(short)
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    owner.addAction(action)
    return action


def make_actions(grid: QWidget) -> GalleryActions:
    """Actions owned by the grid, so their keys only work when it has focus."""
    return GalleryActions(
        star=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Star / unstar"),
            QCoreApplication.translate("GalleryActions", "Star or unstar the selection (S)"),
            "S",
            short=QCoreApplication.translate("GalleryActions", "Star"),
        ),
        trash=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Move to trash"),
            QCoreApplication.translate(
                "GalleryActions", "Move the selection to the trash (Delete)"
            ),
            QKeySequence.StandardKey.Delete,
            short=QCoreApplication.translate("GalleryActions", "Trash"),
        ),
        undo_trash=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Undo trash"),
            QCoreApplication.translate(
                "GalleryActions", "Put back what was last moved to the trash"
            ),
            QKeySequence.StandardKey.Undo,
        ),
        restore=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Restore"),
            QCoreApplication.translate("GalleryActions", "Take the selection out of the trash"),
            "R",
        ),
        empty_trash=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Empty trash…"),
            QCoreApplication.translate("GalleryActions", "Delete everything in the trash for good"),
        ),
        open_file=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Open"),
            QCoreApplication.translate("GalleryActions", "Open with the system's viewer"),
        ),
        open_folder=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Open folder"),
            QCoreApplication.translate("GalleryActions", "Show the file in its folder"),
        ),
        export_folder=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Export to folder…"),
            QCoreApplication.translate("GalleryActions", "Copy files with their parameters"),
            short=QCoreApplication.translate("GalleryActions", "Export…"),
        ),
        export_zip=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Export as zip…"),
            QCoreApplication.translate("GalleryActions", "One zip with the files and parameters"),
        ),
        remix=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Remix"),
            QCoreApplication.translate(
                "GalleryActions", "Load every parameter except the seed (M)"
            ),
            "M",
        ),
        use_all=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Use all"),
            QCoreApplication.translate(
                "GalleryActions", "Load the exact parameters, seed included (A)"
            ),
            "A",
        ),
        use_prompt=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Use prompt"),
            QCoreApplication.translate("GalleryActions", "Load only the prompt (P)"),
            "P",
        ),
        send_to=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Send to…"),
            QCoreApplication.translate(
                "GalleryActions", "Use the selection as another model's input (Ctrl+T)"
            ),
            "Ctrl+T",
            short=QCoreApplication.translate("GalleryActions", "Send to…"),
        ),
        extend_shot=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Extend shot"),
            QCoreApplication.translate(
                "GalleryActions",
                "Continue the video: its last frame into an image-to-video model (Ctrl+E)",
            ),
            "Ctrl+E",
        ),
        pick_frame=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Pick a frame…"),
            QCoreApplication.translate("GalleryActions", "Take a frame of the video as an image"),
            "Ctrl+Shift+F",
        ),
        made_from=_action(
            grid,
            QCoreApplication.translate("GalleryActions", "Made from this"),
            QCoreApplication.translate(
                "GalleryActions", "Show this output and everything made from it (L)"
            ),
            "L",
        ),
    )
