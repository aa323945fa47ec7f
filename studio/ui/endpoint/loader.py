"""Opening an endpoint on the page: its last known detail at once, then the fresh one; the
endpoint's own draft unless a recall brings values. When the live catalog replaces a remembered
one (the disk cache, the bundled snapshot), the open endpoint is asked for again (``refresh``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studio.ui.endpoint.drafts import DraftKeeper

if TYPE_CHECKING:
    from studio.core.api import EndpointDetail
    from studio.core.session import Session
    from studio.ui.endpoint.page import EndpointPage

DETAIL_KEY = "endpoint-detail"  # the background key of a load: a newer one replaces it
REFRESH_KEY = "endpoint-refresh"


class EndpointLoader:
    """Shows endpoints on the page from the session; the form keeps what the user typed."""

    def __init__(
        self, session: Session, page: EndpointPage, drafts: DraftKeeper | None = None
    ) -> None:
        self._session = session
        self._page = page
        self.drafts = drafts or DraftKeeper(parent=page)
        page.draft_changed.connect(self.drafts.remember)

    async def load(
        self,
        slug: str,
        name: str = "",
        initial: dict[str, Any] | None = None,
        *,
        quiet: bool = False,
    ) -> EndpointDetail | None:
        """The detail shown (fresh if the server answered, else the cached one), or None.
        ``quiet``: a failure is not announced (the catalog is a remembered one and the live
        one, when it comes, asks again through ``refresh``)."""
        page = self._page
        opening = initial is None and page.current_slug() != slug
        draft = await self.drafts.load(slug) if opening else None
        shown = self._session.cached_detail(slug)
        if shown is not None:
            page.show_endpoint(shown, initial, draft)
        elif page.detail is None or page.detail.slug != slug:
            page.show_loading(name or slug)
        fresh = await self._session.fetch_detail(slug, quiet=quiet)
        if fresh is None:
            if shown is None:
                page.show_failure(f"{name or slug} could not be loaded. Try View → Refresh.")
            return shown
        if shown is None or dict(shown.raw) != dict(fresh.raw):
            page.show_endpoint(fresh, initial, draft)
        return fresh

    async def refresh(self, slug: str, name: str = "") -> None:
        """The endpoint the marketplace has open, from the server again: its detail shown if it
        changed (the form keeps what it holds), or loaded if the page could not show it."""
        page = self._page
        if page.detail is None:
            await self.load(slug, name)
            return
        fresh = await self._session.fetch_detail(slug, quiet=True)
        shown = page.detail
        changed = fresh is not None and shown is not None and dict(shown.raw) != dict(fresh.raw)
        if fresh is not None and changed and shown is not None and shown.slug == slug:
            page.show_endpoint(fresh)
