"""What the Compare tab needs of the session (studio.core.session.Session is one)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from studio.core.api import Endpoint, EndpointDetail
    from studio.core.compare import Comparison
    from studio.core.jobs import Job
    from studio.core.session import BackendInfo, Settings


class CompareSource(Protocol):
    """The catalog and details, sending and retrying jobs, and the library's comparisons (read
    and written off the GUI thread by the session)."""

    @property
    def endpoints(self) -> Sequence[Endpoint]: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def backend_info(self) -> BackendInfo | None: ...

    def cached_detail(self, slug: str) -> EndpointDetail | None: ...

    async def fetch_detail(self, slug: str) -> EndpointDetail | None: ...

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job: ...

    def retry(self, local_id: str) -> Job: ...

    async def job_snapshots(self, local_ids: Sequence[str]) -> dict[str, Job]: ...

    async def save_comparison(self, comparison: Comparison) -> None: ...

    async def load_comparison(self, comparison_id: str) -> Comparison | None: ...
