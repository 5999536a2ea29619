"""`procaudit fix --in-place` keeps the promises of every other output (issue 20), through the
real console entry point: the repaired file is written under a short temporary name of its
own (a long legal name works, a backup name too long is said before any work), a symlink
stays a link while its target is repaired, a hard-linked file is replaced under the name given
and the user is told the other names keep the original, a folder procaudit may not write in
is one sentence, and a run ended by SIGTERM or a full disk leaves the input as it was, no
temporary file and no backup (which a second run would refuse to overwrite)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner import TIMEOUT, errors_of, run, shared_folder, small_tmpfs, snapshot

pytestmark = pytest.mark.slow  # each runs procaudit in a subprocess

# PA603 (stray whitespace, a safe repair) in the name: one cell to repair.
NEEDS_REPAIR = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n1.000656,Đăng ký  khai sinh ,Cấp xã\n"
REPAIRED = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n1.000656,Đăng ký khai sinh,Cấp xã\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "c.csv").write_text(NEEDS_REPAIR, encoding="utf-8")
    return tmp_path


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_name_as_long_as_allowed_is_repaired_in_place(folder: Path) -> None:
    name = "c" * 247 + ".csv"  # 251 bytes, its backup 255: the old temporary name was longer
    (folder / name).write_text(NEEDS_REPAIR, encoding="utf-8")
    done = run("fix", name, "--in-place", "--backup", ".bak", cwd=folder)
    assert done.returncode == 0 and errors_of(done) == [], done.stderr
    assert (folder / name).read_text(encoding="utf-8") == REPAIRED
    assert (folder / (name + ".bak")).read_text(encoding="utf-8") == NEEDS_REPAIR
    assert names(folder) == sorted(["c.csv", name, name + ".bak"])


def test_a_backup_name_too_long_is_refused_before_any_work(folder: Path) -> None:
    name = "c" * 249 + ".csv"  # 253 bytes: with ".bak" 257, more than a name may be
    (folder / name).write_text(NEEDS_REPAIR, encoding="utf-8")
    before = snapshot(folder)
    done = run("fix", name, "--in-place", "--backup", ".bak", cwd=folder)
    assert done.returncode == 2
    assert errors_of(done) == [
        f"procaudit: error: --backup {name}.bak: the name is 257 bytes long, more than the "
        "255 the file system allows"
    ]
    assert snapshot(folder) == before and names(folder) == sorted(["c.csv", name])


def test_a_symlink_stays_a_link_and_its_target_is_repaired(folder: Path) -> None:
    (folder / "real").mkdir()
    (folder / "c.csv").rename(folder / "real" / "c.csv")
    (folder / "real" / "c.csv").chmod(0o640)
    (folder / "link.csv").symlink_to("real/c.csv")
    done = run("fix", "link.csv", "--in-place", "--backup", ".bak", cwd=folder)
    assert done.returncode == 0 and errors_of(done) == [], done.stderr
    assert (folder / "link.csv").is_symlink()
    assert (folder / "real" / "c.csv").read_text(encoding="utf-8") == REPAIRED
    assert (folder / "real" / "c.csv").stat().st_mode & 0o777 == 0o640  # its mode kept
    assert (folder / "link.csv.bak").read_text(encoding="utf-8") == NEEDS_REPAIR
    assert names(folder) == ["link.csv", "link.csv.bak", "real"]
    assert names(folder / "real") == ["c.csv"]


def test_a_hard_link_keeps_the_original_and_the_user_is_told(folder: Path) -> None:
    os.link(folder / "c.csv", folder / "other-name.csv")
    done = run("fix", "c.csv", "--in-place", "--backup", ".bak", cwd=folder)
    assert done.returncode == 0 and errors_of(done) == []
    assert done.stderr == (
        "procaudit: note: c.csv: has 1 other hard link(s); the repaired file replaces this "
        "name only, and the other names keep the original\n"
    )
    assert (folder / "c.csv").read_text(encoding="utf-8") == REPAIRED
    assert (folder / "other-name.csv").read_text(encoding="utf-8") == NEEDS_REPAIR


def test_in_place_onto_the_reference_list_is_refused(folder: Path) -> None:
    (folder / "fix.toml").write_text('reference = "c.csv"\n', encoding="utf-8")
    before = snapshot(folder)
    done = run("fix", "c.csv", "--in-place", "--backup", ".bak", "--config", "fix.toml", cwd=folder)
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: --in-place c.csv: is the --reference file c.csv, which the run "
        "reads: procaudit would overwrite it"
    ]
    assert snapshot(folder) == before


@pytest.fixture
def read_only(request: pytest.FixtureRequest) -> Iterator[Path]:
    """c.csv in a folder an ordinary user may read but not write in."""
    for made in shared_folder():
        locked = made / "ro"
        locked.mkdir()
        (locked / "c.csv").write_text(NEEDS_REPAIR, encoding="utf-8")
        (locked / "c.csv").chmod(0o666)
        locked.chmod(0o555)
        yield locked
        locked.chmod(0o755)


def test_a_folder_one_may_not_write_in_is_one_sentence(read_only: Path) -> None:
    done = run("fix", "c.csv", "--in-place", "--backup", ".bak", cwd=read_only, as_user=True)
    if done.returncode == 0:
        pytest.skip("this user writes in every folder")
    assert done.returncode == 2
    assert errors_of(done) == [
        "procaudit: error: --in-place c.csv: procaudit may not write in the folder ."
    ]
    assert names(read_only) == ["c.csv"]
    assert (read_only / "c.csv").read_text(encoding="utf-8") == NEEDS_REPAIR


# procaudit's console entry point with a writer that writes half the repaired file, says so
# on stdout and waits to be stopped: SIGTERM must find the backup and a temporary to remove.
SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import procaudit.io.patch as patch
    def slow(source, changes, target, read_options=None):
        Path(target).write_text("half a catalogue", encoding="utf-8")
        print("writing", flush=True)
        time.sleep(60)
    patch.write_repaired = slow
    from procaudit.cli.main import main
    sys.argv = ["procaudit", *sys.argv[1:]]
    main()
    """
)


def test_sigterm_while_writing_leaves_the_input_and_nothing_else(folder: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, "fix", "c.csv", "--in-place", "--backup", ".bak"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "writing\n"
        left = names(folder)  # the backup and the temporary folder, before the signal
        assert left[0].startswith(".procaudit-") and left[1:] == ["c.csv", "c.csv.bak"], left
        process.send_signal(signal.SIGTERM)
        code = process.wait(TIMEOUT)
    finally:
        process.kill()
        process.communicate()
    assert code == 143  # 128 + SIGTERM
    assert names(folder) == ["c.csv"]
    assert (folder / "c.csv").read_text(encoding="utf-8") == NEEDS_REPAIR


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KB tmpfs (only root may mount one; skipped elsewhere)."""
    yield from small_tmpfs(tmp_path, "64k")


def test_a_full_disk_leaves_the_input_and_nothing_else(small_disk: Path) -> None:
    # About 23 KB (6 pages of 16): the backup fits, the repaired copy beside it does not.
    rows = "".join(f"1.{n:06d},Đăng ký  khai sinh {n} ,Cấp xã\n" for n in range(500))
    catalogue = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n" + rows
    (small_disk / "c.csv").write_text(catalogue, encoding="utf-8")
    done = run("fix", "c.csv", "--in-place", "--backup", ".bak", cwd=small_disk)
    assert done.returncode == 2
    assert errors_of(done) == ["procaudit: error: cannot write c.csv: No space left on device"]
    assert names(small_disk) == ["c.csv"]
    assert (small_disk / "c.csv").read_text(encoding="utf-8") == catalogue
