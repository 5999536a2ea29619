"""Many catalogues at once: folders and glob patterns on the command line, expanded in a
stable order, without hidden or lock files, and what an argument that gives nothing does."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from procaudit.cli import app
from procaudit.cli.inputs import expand_inputs, is_catalogue_name

CATALOGUE = "ma_thu_tuc,ten_thu_tuc,cap_thuc_hien\n1.000001,Đăng ký khai sinh,Cấp xã\n"


def tree(root: Path, *names: str) -> Path:
    """Files (and folders, ending in /) under `root`; catalogues hold a tiny list."""
    for name in names:
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CATALOGUE, encoding="utf-8")
    return root


def expanded(*arguments: str) -> tuple[list[str], list[str]]:
    """(the paths, the failure messages) of the arguments, run from the current folder."""
    inputs = expand_inputs(arguments)
    return list(inputs.paths), [failure.message for failure in inputs.failures]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("files", "arguments", "paths", "failures"),
    [
        # A folder: its catalogues, sorted; other files, hidden ones and lock files left out.
        (
            ["d/b.xlsx", "d/a.csv", "d/notes.txt", "d/.hidden.csv", "d/~$b.xlsx", "d/c.ODS"],
            ["d"],
            ["d/a.csv", "d/b.xlsx", "d/c.ODS"],
            [],
        ),
        # Nested folders, a folder's files together; hidden folders are not entered.
        (
            ["d/z.csv", "d/a/y.csv", "d/a/b/x.xlsm", "d/.git/k.csv", "d/b.xls"],
            ["d/"],
            ["d/a/b/x.xlsm", "d/a/y.csv", "d/b.xls", "d/z.csv"],
            [],
        ),
        # A pattern the shell did not expand, recursive with **.
        (
            ["data/x/lao-cai.xlsx", "data/ha-noi.xlsx", "data/ha-noi.csv", "data/~$ha-noi.xlsx"],
            ["data/**/*.xlsx"],
            ["data/ha-noi.xlsx", "data/x/lao-cai.xlsx"],
            [],
        ),
        # A pattern matching folders gives their catalogues; other files it matches, none.
        (
            ["p/hue/a.csv", "p/hue.txt", "p/can-tho/b.csv"],
            ["p/*"],
            ["p/can-tho/b.csv", "p/hue/a.csv"],
            [],
        ),
        # Files named as they are, in the order given; a file named twice is audited once.
        (["b.csv", "a.csv"], ["b.csv", "a.csv", "./b.csv"], ["b.csv", "a.csv"], []),
        (["d/a.csv"], ["d/a.csv", "d"], ["d/a.csv"], []),
        # A named file is the reader's to judge, whatever its name or existence.
        (["notes.txt"], ["notes.txt", "missing.csv"], ["notes.txt", "missing.csv"], []),
        # A file whose name looks like a pattern is that file.
        (["a[1].csv"], ["a[1].csv"], ["a[1].csv"], []),
        # An empty folder and a pattern matching nothing give a failure each; the rest go on.
        (
            ["empty/", "d/a.csv"],
            ["empty", "*.xlsx", "d"],
            ["d/a.csv"],
            [
                "empty: is a folder with no catalogue file in it (.csv, .xlsx, .xlsm, .xls, .ods)",
                "*.xlsx: matches no catalogue file (.csv, .xlsx, .xlsm, .xls, .ods)",
            ],
        ),
        (
            ["only/notes.txt", "only/.x.csv"],
            ["only"],
            [],
            ["only: is a folder with no catalogue file in it (.csv, .xlsx, .xlsm, .xls, .ods)"],
        ),
    ],
)
def test_expansion(
    here: Path, files: list[str], arguments: list[str], paths: list[str], failures: list[str]
) -> None:
    tree(here, *files)
    assert expanded(*arguments) == ([p.replace("/", os.sep) for p in paths], failures)


@pytest.mark.parametrize(
    ("name", "catalogue"),
    [
        ("a.csv", True),
        ("A.XLSX", True),
        ("b.xlsm", True),
        ("c.xls", True),
        ("d.ods", True),
        ("e.txt", False),
        ("f.tsv", False),
        (".g.csv", False),
        ("~$h.xlsx", False),
        ("i.xlsx.bak", False),
    ],
)
def test_which_names_are_catalogues(name: str, catalogue: bool) -> None:
    assert is_catalogue_name(name) is catalogue


def test_a_symlinked_folder_loop_ends(here: Path) -> None:
    tree(here, "d/a.csv")
    (here / "d" / "loop").symlink_to(here / "d", target_is_directory=True)
    assert expanded("d") == (["d/a.csv".replace("/", os.sep)], [])


# --- through the command line -------------------------------------------------------------

runner = CliRunner()


def check(*args: str):
    return runner.invoke(app, ["check", "-q", "-f", "json", *args])  # -q: no notes on stderr


def test_check_audits_every_catalogue_of_a_folder(here: Path) -> None:
    tree(here, "all/b.csv", "all/a/c.csv", "all/~$x.xlsx", "all/read-me.txt")
    result = check("all")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [
        os.path.join("all", "a", "c.csv"),
        os.path.join("all", "b.csv"),
    ]
    assert result.stderr == ""


def test_a_link_to_a_gone_file_in_a_folder_names_its_target(here: Path) -> None:
    """`ls` lists the link, so "no such file" would puzzle; the others are audited."""
    tree(here, "all/a.csv")
    (here / "all" / "moved.xlsx").symlink_to("../share/moved.xlsx")
    result = check("all")
    assert result.exit_code == 2  # a file that cannot be read, as any other
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [os.path.join("all", "a.csv")]
    assert result.stderr == (
        f"procaudit: error: {os.path.join('all', 'moved.xlsx')}: is a link to "
        "'../share/moved.xlsx', which does not exist\n"
    )


def test_check_expands_a_quoted_glob(here: Path) -> None:
    tree(here, "data/x/lao-cai.csv", "data/ha-noi.csv", "data/ha-noi.txt")
    report = json.loads(check("data/**/*.csv").stdout)
    assert [f["path"] for f in report["files"]] == [
        os.path.join("data", "ha-noi.csv"),
        os.path.join("data", "x", "lao-cai.csv"),
    ]


def test_an_empty_folder_alone_is_one_sentence_and_exit_2(here: Path) -> None:
    (here / "empty").mkdir()
    result = check("empty")
    assert result.exit_code == 2
    report = json.loads(result.stdout)  # a report all the same: it names what was not read
    assert (report["files"], [u["path"] for u in report["unread"]]) == ([], ["empty"])
    assert result.stderr == (
        "procaudit: error: empty: is a folder with no catalogue file in "
        "it (.csv, .xlsx, .xlsm, .xls, .ods)\n"
    )


def test_a_glob_matching_nothing_beside_a_good_file_still_reports_the_file(here: Path) -> None:
    tree(here, "good.csv")
    result = check("good.csv", "nothing/*.xlsx")
    assert result.exit_code == 2  # as for a file that cannot be read among good ones
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["good.csv"]
    assert result.stderr.splitlines() == [
        "procaudit: error: nothing/*.xlsx: matches no catalogue file (.csv, .xlsx, .xlsm, "
        ".xls, .ods)"
    ]


STDIN_REFUSED = (
    "procaudit: error: -: procaudit does not read a catalogue from standard input; save it "
    "to a file and name that file"
)


def test_a_dash_for_standard_input_is_refused_saying_so_and_the_others_audited(
    here: Path,
) -> None:
    tree(here, "good.csv")
    result = runner.invoke(app, ["check", "-q", "-f", "json", "good.csv", "-"], input=CATALOGUE)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == ["good.csv"]
    assert [u["path"] for u in report["unread"]] == ["-"]
    assert result.stderr.splitlines() == [STDIN_REFUSED]


@pytest.mark.parametrize(
    "args", [["inspect", "-"], ["fix", "-", "--diff"], ["diff", "-", "good.csv"]]
)
def test_every_command_refuses_a_dash_in_one_sentence(here: Path, args: list[str]) -> None:
    tree(here, "good.csv")
    result = runner.invoke(app, args, input=CATALOGUE)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [STDIN_REFUSED]


def test_a_file_named_dash_is_a_file_for_the_reader_to_judge(here: Path) -> None:
    tree(here, "-")  # odd, but a name like any: the reader judges it as it judges a file
    result = check("-")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "procaudit: error: -: has an unsupported type 'none' (use .csv, .xlsx, .xlsm, .xls or .ods)"
    ]


def test_the_message_is_in_vietnamese_with_lang_vi(here: Path) -> None:
    (here / "empty").mkdir()
    result = runner.invoke(app, ["check", "--lang", "vi", "empty"])
    assert result.exit_code == 2
    assert result.stderr == (
        "procaudit: error: empty: là thư mục không chứa tệp danh mục nào "
        "(.csv, .xlsx, .xlsm, .xls, .ods)\n"
    )


def test_per_file_settings_apply_to_files_found_in_a_folder(here: Path) -> None:
    # [[files]] names the header row of the files found in the folder, by their name.
    (here / "d").mkdir()
    (here / "d" / "titled.csv").write_text("Danh mục thủ tục\n" + CATALOGUE, encoding="utf-8")
    (here / "procaudit.toml").write_text(
        '[[files]]\npattern = "titled.csv"\nheader-row = 2\n', encoding="utf-8"
    )
    result = check("d")
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.stdout)["files"]
    assert entry["columns"] == {
        "ma_thu_tuc": "code",
        "ten_thu_tuc": "name",
        "cap_thuc_hien": "level",
    }


def test_the_output_may_not_be_a_file_found_in_the_folder(here: Path) -> None:
    tree(here, "d/a.csv", "d/b.csv")
    result = check("d", "-o", "d/b.csv")
    assert result.exit_code == 2
    assert "is one of the files to audit" in result.stderr


def test_inspect_takes_folders_too(here: Path) -> None:
    tree(here, "d/b.csv", "d/a.csv")
    (here / "e").mkdir()
    result = runner.invoke(app, ["inspect", "-f", "json", "d", "e"])
    assert result.exit_code == 2  # the empty folder
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [
        os.path.join("d", "a.csv"),
        os.path.join("d", "b.csv"),
    ]
    assert [f["path"] for f in report["failures"]] == ["e"]
    assert "e: is a folder with no catalogue file in it" in result.stderr
