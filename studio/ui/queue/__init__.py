"""The queue: one row per job with its status, timing and problems; cancel, retry, recall."""

from studio.ui.queue.model import JobRole, QueueModel, QueueRole
from studio.ui.queue.view import QueueView
from studio.ui.queue.view_model import QueueViewModel
from studio.ui.queue.words import status_label

__all__ = ["JobRole", "QueueModel", "QueueRole", "QueueView", "QueueViewModel", "status_label"]
