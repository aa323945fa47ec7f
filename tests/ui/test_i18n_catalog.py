"""The Chinese catalog: complete, in step with the code, compiled, and speaking for core."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication

from studio.core.jobs import JobStatus
from studio.core.jobs import _models as job_models
from studio.core.jobs import _runner as job_runner
from studio.core.session import _backend_jobs as backend_jobs
from studio.ui import i18n
from studio.ui.i18n import core_text, duration_text, eta_text, status_word

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "studio_zh_CN.ts"
QM = ROOT / "studio" / "data" / "i18n" / "studio_zh_CN.qm"
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_entry_is_translated_and_none_obsolete() -> None:
    problems = []
    for context, message in messages():
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind is not None:  # unfinished, vanished or obsolete
            problems.append(f"{context}: {message.findtext('source')!r} is {kind}")
    assert not problems, "\n".join(problems)
    assert len(messages()) > 700


def test_translations_keep_placeholders_and_have_one_plural_form() -> None:
    for context, message in messages():
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            assert len(forms) == 1, (context, source)  # Chinese has one plural form
            text = forms[0]
        else:
            text = translation.text or ""
        assert text.strip(), (context, source)
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), (source, text)
        if "&" in source.replace("&&", ""):  # a menu accelerator survives translation
            assert "&" in text, (source, text)


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    """Every tr()/translate() in the code is in the .ts already (run `make i18n-update`)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(TOOLS))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "studio_zh_CN.ts"
    shutil.copyfile(TS, copy)
    sources = sorted(
        str(p) for p in [*(ROOT / "studio" / "ui").rglob("*.py"), ROOT / "studio" / "app.py"]
    )
    subprocess.run(
        [lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
            if (m.find("translation") is None or m.find("translation").get("type") is None)  # type: ignore[union-attr]
        }

    assert keys(copy) == keys(TS)


def test_committed_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease", path=str(TOOLS))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    built = tmp_path / "studio_zh_CN.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(built)], check=True)
    assert built.read_bytes() == QM.read_bytes(), "run `make i18n` and commit the .qm"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "en")


def test_install_loads_ours_and_qts_own(chinese: QApplication) -> None:
    assert i18n.installed_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    # Qt's own standard buttons come from qtbase_zh_CN.qm.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_core_sentences_are_translated(chinese: QApplication) -> None:
    for sentence in (
        job_models.AMBIGUOUS_SUBMIT_MESSAGE,
        job_models.CONNECTION_WARNING,
        job_models.LOST_MESSAGE,
        job_models.NOT_RECORDED_MESSAGE,
        job_models.disk_full_message(Path("/磁盘")),
        job_runner.CANCELED_SAVING_MESSAGE,
        backend_jobs.INTERRUPTED_SUBMIT_MESSAGE,
        backend_jobs.HELD_MESSAGE,
        "Picked up 3 unfinished task(s) from last time",
        "Demo — local simulator",
        "needs an input image (Image URL)",
        f"{job_models.AMBIGUOUS_SUBMIT_MESSAGE} (no connection)",
    ):
        translated = core_text(sentence)
        assert translated != sentence, sentence
        assert not re.search(r"[A-Za-z]{3,}", translated.replace("URL", "")), translated
    assert core_text("Waiting — rate limited by the server, 12 s (try 3 of 20)") == (
        "等待中 — 被服务器限流，12 秒（第 3 次，共 20 次）"
    )
    assert core_text("The model is overloaded") == "The model is overloaded"  # server text


def test_statuses_and_durations_speak_chinese(chinese: QApplication) -> None:
    assert status_word(JobStatus.SUCCEEDED) == "完成"
    assert duration_text(125) == "2 分 05 秒"
    assert eta_text(20) == "约剩 20 秒"


def test_english_stays_english(qapp: QApplication) -> None:
    i18n.install(qapp, "en")
    assert core_text(job_models.LOST_MESSAGE) == job_models.LOST_MESSAGE
    assert [duration_text(s) for s in (0, 12.7, 65, 125, 3599, 3720)] == [
        "0 s",
        "12 s",
        "1 min 05 s",
        "2 min 05 s",
        "59 min 59 s",
        "1 h 02 min",
    ]
    assert eta_text(None) == ""
    assert eta_text(19.2) == "≈ 20 s left"
    assert eta_text(0.0) == "taking longer than usual"
    assert status_word(JobStatus.TIMEOUT) == "Timed out"


def test_validation_messages_and_field_titles_are_translated(chinese: QApplication) -> None:
    assert core_text("Must be a whole number or empty") == "必须是整数或空"
    assert core_text("Must be at least 5 characters") == "至少 5 个字符"
    assert core_text("Fill in Image URL or Video URL") == "请填写图片 URL或视频 URL"
    assert core_text("needs a prompt") == "需要提示词"
    # A server's sentence that only looks like ours is left whole, never half translated.
    assert core_text("Must be a positive integer") == "Must be a positive integer"
    assert core_text("Prompt or style is wrong") == "Prompt or style is wrong"
