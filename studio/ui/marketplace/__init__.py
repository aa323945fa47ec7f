"""The marketplace: every endpoint of the catalog, searchable and filtered by capability and tag."""

from studio.ui.marketplace.model import MarketplaceFilter, MarketplaceModel
from studio.ui.marketplace.panel import MarketplacePanel

__all__ = ["MarketplaceFilter", "MarketplaceModel", "MarketplacePanel"]
