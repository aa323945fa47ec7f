"""The marketplace: every endpoint of the catalog, searchable and filtered by capability and tag."""

from studio.ui.marketplace.model import MarketplaceModel
from studio.ui.marketplace.panel import MarketplacePanel
from studio.ui.marketplace.search import MarketplaceFilter

__all__ = ["MarketplaceFilter", "MarketplaceModel", "MarketplacePanel"]
