"""Write the files of one `procaudit check` run whose outputs the adversarial tests aim at the
run's own inputs and state (issue 20):

    python tests/adversarial/make_run_files.py FOLDER

`make_run_files(folder)` returns each file's name and path: two catalogues, a configuration,
a reference list, a schema, and links to them (symbolic and hard), so that a test can point
`-o`, `--fix-list`, `--write-baseline`, `--history` or `--log` at any of them, directly or
through a link. The baseline and the history are made by procaudit itself (`make_state`), so
that they are the real thing a nightly run would keep.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

HEADER = "Mã TTHC,Tên thủ tục,Cấp thực hiện\n"
ROWS = (
    "1.00123,Đăng ký khai sinh,Cấp xã\n",  # PA101: a finding, so the baseline holds one
    "1.000656,Đăng ký khai tử,Cấp huyện\n",
    "1.000894,Đăng ký kết hôn,Cấp xã\n",
)
CATALOGUE = HEADER + "".join(ROWS)
CONFIG = 'fail-on = "error"\n'
SCHEMA = "columns: {}\n"  # never read: every run aimed at it is refused first

# name -> what it links to (symbolic) and the hard links, made after the files.
SYMLINKS = {
    "link-c.csv": "c.csv",
    "link-h.db": "h.db",
    "link-cfg.toml": "cfg.toml",
    "link-new.json": "new.json",  # dangling: its target is created by the first write
}
HARDLINKS = {"hard-b.json": "b.json", "hard-ref.csv": "ref.csv", "hard-c.csv": "c.csv"}


def make_run_files(folder: Path) -> dict[str, Path]:
    """The catalogues, configuration, reference and schema in `folder`, then the baseline and
    history (`make_state`), then the links; each file's name and path."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "c.csv": CATALOGUE,
        "d.csv": HEADER + "".join(ROWS[1:]),
        "ref.csv": CATALOGUE,
        "cfg.toml": CONFIG,
        "schema.yaml": SCHEMA,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    make_state(folder)
    for name, target in SYMLINKS.items():
        (folder / name).symlink_to(target)
    for name, target in HARDLINKS.items():
        os.link(folder / target, folder / name)
    # The clash tests rely on these being what they say: a link to its target, one file twice.
    for name, target in SYMLINKS.items():
        assert os.path.realpath(folder / name) == os.path.realpath(folder / target), name
    for name, target in HARDLINKS.items():
        assert (folder / name).samefile(folder / target), name
    return {path.name: path for path in sorted(folder.iterdir())}


def make_state(folder: Path) -> None:
    """b.json (a baseline) and h.db (a history with one run), written by procaudit."""
    from procaudit.cli import app

    result = CliRunner().invoke(
        app,
        [
            "check",
            str(folder / "c.csv"),
            "--write-baseline",
            str(folder / "b.json"),
            "--history",
            str(folder / "h.db"),
            "-q",
        ],
    )
    assert result.exit_code in (0, 1), f"the state run failed: {result.output}"
    assert (folder / "b.json").is_file() and (folder / "h.db").is_file()


if __name__ == "__main__":
    for made in make_run_files(Path(sys.argv[1])).values():
        print(made)
