"""Routes errors by dotted path to the deepest field widget that owns the path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.core.schema import FieldError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from studio.ui.forms.base import FieldWidget


def top_name(path: str) -> str:
    """The top-level property a dotted path starts with."""
    return path.split(".", 1)[0]


def walk_fields(prefix: str, widget: FieldWidget) -> Iterator[tuple[str, FieldWidget]]:
    """`widget` and every nested field widget with its dotted path, in display order."""
    yield prefix, widget
    for segment, child in widget.child_fields():
        yield from walk_fields(f"{prefix}.{segment}" if prefix else segment, child)


class ErrorSlots:
    """A snapshot of the form's field widgets by path (arrays change, so take a fresh one)."""

    def __init__(self, fields: Iterable[tuple[str, FieldWidget]]) -> None:
        self.ordered = [pair for name, widget in fields for pair in walk_fields(name, widget)]
        self._by_path = dict(self.ordered)
        self._rank = {path: index for index, (path, _) in enumerate(self.ordered)}

    def owner(self, path: str) -> tuple[FieldWidget | None, str]:
        """The deepest widget whose path prefixes `path`, and the rest of the path below it."""
        parts = path.split(".") if path else []
        for length in range(len(parts), -1, -1):
            widget = self._by_path.get(".".join(parts[:length]))
            if widget is not None:
                return widget, ".".join(parts[length:])
        return None, path

    def rank(self, error: FieldError) -> int:
        """Display position of the widget an error lands on (unplaced errors last)."""
        widget, rest = self.owner(error.path)
        owner_path = error.path[: len(error.path) - len(rest)].rstrip(".")
        return self._rank.get(owner_path, len(self._rank)) if widget else len(self._rank)

    def local_errors(self) -> list[FieldError]:
        """Problems the widgets found themselves (bad JSON, unreadable files, non-numbers)."""
        return [FieldError(path, m) for path, widget in self.ordered for m in widget.local_errors()]

    def show(self, errors: Iterable[FieldError]) -> list[str]:
        """Puts each error under its widget; returns the messages no widget could take."""
        messages: dict[int, list[str]] = {}
        orphans: list[str] = []
        for error in errors:
            widget, rest = self.owner(error.path)
            text = f"{rest}: {error.message}" if rest else error.message
            if widget is None:
                orphans.append(text)
            else:
                messages.setdefault(id(widget), []).append(text)
        for _, widget in self.ordered:
            shown = list(dict.fromkeys(messages.get(id(widget), [])))
            widget.show_error("\n".join(shown) if shown else None)
        return orphans
