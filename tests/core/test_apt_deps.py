"""packaging/apt-deps.sh on a person's own desktop: not root, or not Debian at all."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "apt-deps.sh"
BASH = shutil.which("bash") or "/bin/bash"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a shell script for Linux")


def stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def run(tmp_path: Path, *args: str, dpkg: bool = True, qt_starts: bool = True) -> tuple[int, str]:
    """The script with stubs: a normal user (uid 1000) on which only "libgl1" is installed."""
    bin_dir = tmp_path / "bin"
    shutil.rmtree(bin_dir, ignore_errors=True)
    bin_dir.mkdir()
    stub(bin_dir, "id", "echo 1000")
    stub(bin_dir, "apt-get", f'echo "apt-get $*" >>"{tmp_path}/apt.log"')
    stub(bin_dir, "qt-check", "exit 0" if qt_starts else "exit 1")
    if dpkg:
        stub(bin_dir, "dpkg-query", '[ "${@: -1}" = libgl1 ] && echo "install ok installed"')
    grep = shutil.which("grep")
    assert grep is not None
    (bin_dir / "grep").symlink_to(grep)
    env = {"PATH": str(bin_dir), "QT_CHECK": str(bin_dir / "qt-check")}
    done = subprocess.run(
        [BASH, str(SCRIPT), *args], env=env, capture_output=True, text=True, check=False
    )
    assert not (tmp_path / "apt.log").exists()  # a normal user never runs apt-get
    return done.returncode, done.stderr


def test_a_normal_user_gets_the_one_sudo_command_and_goes_on_when_qt_starts(
    tmp_path: Path,
) -> None:
    code, said = run(tmp_path, "--soft", "libgl1", "libxcb-cursor0", "fonts-wqy-microhei")
    assert code == 0
    assert "sudo apt-get install --no-install-recommends libxcb-cursor0 fonts-wqy-microhei" in said
    assert "libgl1 " not in said and "going on" in said


def test_a_normal_user_stops_when_qt_cannot_start(tmp_path: Path) -> None:
    code, said = run(tmp_path, "--soft", "libgl1", "libxcb-cursor0", qt_starts=False)
    assert code == 1 and "sudo apt-get install --no-install-recommends libxcb-cursor0" in said


def test_without_dpkg_nothing_counts_as_missing(tmp_path: Path) -> None:
    code, said = run(tmp_path, "--soft", "libgl1", "libxcb-cursor0", dpkg=False)
    assert code == 0 and said == ""
    code, said = run(tmp_path, "--soft", "libgl1", dpkg=False, qt_starts=False)
    assert code == 1 and "Install elsewhere" in said


def test_strict_mode_still_fails_for_a_normal_user(tmp_path: Path) -> None:
    code, said = run(tmp_path, "libgl1", "xvfb")
    assert code == 1 and "sudo apt-get install --no-install-recommends xvfb" in said
