"""Settings round-trip, tolerance of bad files, key storage and the secret mask in logs."""

from __future__ import annotations

import json
import logging
import stat
from typing import TYPE_CHECKING

from studio.core.api import curl_snippet, python_snippet, run_body
from studio.core.session import (
    SECRET_MASK,
    KeyStore,
    Settings,
    configure_logging,
    load_settings,
    save_settings,
)
from studio.core.session._catalog_cache import CatalogCache

if TYPE_CHECKING:
    from pathlib import Path


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    settings = Settings(base_url="http://localhost:1", max_concurrent=7, notifications=False)
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert json.loads(path.read_text())["version"] == 1


def test_bad_settings_fall_back_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"values": {"max_concurrent": "many", "notifications": False}}))
    loaded = load_settings(path)
    assert loaded.max_concurrent == Settings().max_concurrent
    assert loaded.notifications is False
    path.write_text("{not json")
    assert load_settings(path) == Settings()


def test_theme_round_trips_and_bad_values_mean_system(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    assert Settings().theme == "system"
    save_settings(Settings(theme="dark"), path)
    assert load_settings(path).theme == "dark"
    for bad in ("purple", 3, None, ["dark"]):
        path.write_text(json.dumps({"version": 1, "values": {"theme": bad, "max_concurrent": 5}}))
        loaded = load_settings(path)
        assert loaded.theme == "system"
        assert loaded.max_concurrent == 5  # one bad field does not cost the others


def test_key_file_is_private_and_clearable(tmp_path: Path) -> None:
    store = KeyStore(tmp_path / "cred.json", use_keyring=False)
    assert store.get() == ""
    store.set("  sk-secret-123  ")
    assert store.get() == "sk-secret-123"
    mode = stat.S_IMODE((tmp_path / "cred.json").stat().st_mode)
    assert mode == 0o600
    assert store.storage.kind == "file"
    assert "not encrypted" in store.storage.description
    store.clear()
    assert store.get() == ""


def test_null_keyring_is_not_trusted(tmp_path: Path) -> None:
    # conftest selects keyring's null backend: the store must fall back to the file.
    store = KeyStore(tmp_path / "cred.json")
    assert store.storage.kind == "file"


def test_log_file_never_contains_the_key(tmp_path: Path) -> None:
    path = configure_logging(log_dir=tmp_path)
    SECRET_MASK.add("sk-very-secret")
    logging.getLogger("studio.test").warning("using key %s for %s", "sk-very-secret", "x")
    for handler in logging.getLogger("studio").handlers:
        handler.flush()
    text = path.read_text()
    assert "using key *** for x" in text
    assert "sk-very-secret" not in text


def test_catalog_cache_survives_restart(tmp_path: Path) -> None:
    cache = CatalogCache("http://a", tmp_path)
    cache.store_endpoints([{"slug": "x/y/z"}])
    cache.store_detail("x/y/z", {"slug": "x/y/z", "input_schema": {}})
    again = CatalogCache("http://a", tmp_path)
    assert again.endpoints() == [{"slug": "x/y/z"}]
    assert again.detail("x/y/z") == {"slug": "x/y/z", "input_schema": {}}
    assert CatalogCache("http://b", tmp_path).endpoints() == []


def test_request_snippets_mask_the_key_and_are_valid() -> None:
    body = run_body({"prompt": "it's a cat", "generate_audio": True}, "https://hook.example/x")
    curl = curl_snippet("http://127.0.0.1:9", "google/veo-3.1/text-to-video", body)
    assert "$MOUNTSEA_API_KEY" in curl
    assert "/ms/v1/run/google/veo-3.1/text-to-video" in curl
    code = python_snippet("http://127.0.0.1:9", "a/b/c", body)
    compile(code, "<snippet>", "exec")  # the snippet is real Python
    assert "True" in code
    assert run_body({"a": 1}) == {"input": {"a": 1}}
