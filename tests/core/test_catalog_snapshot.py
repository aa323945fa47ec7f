"""The bundled catalog snapshot stands in for a backend's catalog until it has one of its own;
the key store looks for the OS keychain only when the key is used."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from studio.core.session import KeyStore
from studio.core.session import _secrets as secrets
from studio.core.session._catalog import Catalog
from studio.core.session._catalog_cache import CatalogCache, bundled_snapshot

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

VEO = "google/veo-3.1/text-to-video"


def test_a_new_cache_reads_the_snapshot_only_when_asked(tmp_path: Path) -> None:
    plain = CatalogCache("demo", tmp_path)
    assert plain.endpoints() == [] and plain.detail(VEO) is None and not plain.from_snapshot
    cache = CatalogCache("demo", tmp_path, snapshot=True)
    assert cache.from_snapshot
    assert [item["slug"] for item in cache.endpoints()] == [
        item["slug"] for item in bundled_snapshot()
    ]
    detail = cache.detail(VEO)
    assert detail is not None and detail["input_schema"]
    assert not cache.path.exists()  # read-only: nothing written for it


def test_the_backends_own_list_replaces_the_snapshot(tmp_path: Path) -> None:
    cache = CatalogCache("demo", tmp_path, snapshot=True)
    cache.store_endpoints([{"slug": "x/y/z"}])
    assert cache.endpoints() == [{"slug": "x/y/z"}] and not cache.from_snapshot
    again = CatalogCache("demo", tmp_path, snapshot=True)  # a restart: its own list from disk
    assert again.endpoints() == [{"slug": "x/y/z"}] and not again.from_snapshot


def test_the_newest_cache_is_the_one_written_last(tmp_path: Path) -> None:
    assert CatalogCache.newest(tmp_path) is None
    older = CatalogCache("https://one.example", tmp_path)
    older.store_endpoints([{"slug": "a/b/c"}])
    newer = CatalogCache("demo", tmp_path)
    newer.store_endpoints([{"slug": "d/e/f"}])
    os.utime(older.path, ns=(1, 1))
    found = CatalogCache.newest(tmp_path)
    assert found is not None and found.path == newer.path
    assert found.endpoints() == [{"slug": "d/e/f"}]


def test_the_parsed_catalog_offers_the_snapshots_endpoints_and_details(
    studio_home: Path,
) -> None:
    assert Catalog.load_newest(snapshot=False) is None
    catalog = Catalog.load_newest(snapshot=True)
    assert catalog is not None
    assert len(catalog.cached_endpoints()) == len(bundled_snapshot()) == 35
    detail = catalog.cached_detail(VEO)
    assert detail is not None and detail.slug == VEO and detail.input_schema
    assert [seen.slug for seen in catalog.details_seen()] == [VEO]
    assert Catalog.load("https://custom.example").cached_endpoints() == []


def test_the_keychain_is_looked_for_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked: list[bool] = []

    def real_keyring() -> None:
        looked.append(True)

    monkeypatch.setattr(secrets, "_real_keyring", real_keyring)
    store = KeyStore(tmp_path / "cred.json")
    assert looked == []  # making the store costs nothing
    assert store.get() == ""
    store.set("sk-1")
    assert store.get() == "sk-1" and store.storage.kind == "file"
    assert looked == [True]  # once
