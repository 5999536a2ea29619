"""`--help` in Vietnamese too (issue 8): typer builds the help when procaudit.cli is imported,
before any option is parsed, so its language comes from the raw command line and the
environment (`procaudit.core.i18n.help_language`), and every help below is printed by a process
of its own, as a person would run it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Mapping

import pytest

from procaudit.core.i18n import help_language

# --- help_language: which language a command line asks its help in ---------------------------

HELP_LANGUAGE_CASES = [
    # (argv after the program name, environment, the help's language)
    ([], {}, "en"),
    (["--help"], {}, "en"),
    (["--lang", "vi", "--help"], {}, "vi"),
    (["check", "--help", "--lang", "vi"], {}, "vi"),  # after the command name too
    (["--lang=vi", "inspect", "--help"], {}, "vi"),
    (["check", "a.csv", "--map", "Tên=name", "--lang=VI", "--help"], {}, "vi"),
    (["--lang", " vi "], {}, "vi"),
    ([], {"PROCAUDIT_LANG": "vi"}, "vi"),
    ([], {"PROCAUDIT_LANG": " Vi "}, "vi"),
    ([], {"PROCAUDIT_LANG": "en"}, "en"),
    ([], {"PROCAUDIT_LANG": ""}, "en"),  # empty: not set
    ([], {"OTHER": "vi"}, "en"),
    # the flag over the environment, the last flag over the first, as in a run
    (["--lang", "en", "--help"], {"PROCAUDIT_LANG": "vi"}, "en"),
    (["--lang", "vi", "--help"], {"PROCAUDIT_LANG": "en"}, "vi"),
    (["--lang", "vi", "check", "--lang", "en", "--help"], {}, "en"),
    (["--lang=en", "rules", "--lang", "vi", "--help"], {}, "vi"),
    # a value that is no language: English, and the run (if any) reports the value
    ([], {"PROCAUDIT_LANG": "xx"}, "en"),
    (["--lang", "fr", "--help"], {}, "en"),
    (["--lang", "fr", "--help"], {"PROCAUDIT_LANG": "vi"}, "en"),
    (["--lang=", "--help"], {"PROCAUDIT_LANG": "vi"}, "en"),
    (["--lang", "--help"], {}, "en"),  # click takes --help as --lang's value
    # not a --lang flag
    (["--help", "--lang"], {"PROCAUDIT_LANG": "vi"}, "vi"),  # no value follows it
    (["check", "--language", "vi"], {}, "en"),
    (["check", "vi", "--help"], {}, "en"),
    (["check", "--", "--lang", "vi"], {}, "en"),  # after --: file names
]


@pytest.mark.parametrize(("argv", "environ", "expected"), HELP_LANGUAGE_CASES)
def test_help_language(argv: list[str], environ: dict[str, str], expected: str) -> None:
    assert help_language(argv, environ) == expected


# --- the help of the app and of every command, in English and in Vietnamese -----------------

COMMANDS = ["", "check", "inspect", "history", "diff", "config", "rules", "fix"]


def _vi_flag(command: str) -> list[str]:
    """`--lang vi` before the command name for half the commands, after it for the others."""
    if COMMANDS.index(command) % 2:
        return [command, "--lang=vi", "--help"]
    return ["--lang", "vi", *([command] if command else []), "--help"]


def _english(command: str) -> list[str]:
    return [*([command] if command else []), "--help"]


# (name, arguments, environment added) of each process
RUNS = [
    *((("en", command), _english(command), {}) for command in COMMANDS),
    *(
        (("environment", command), _english(command), {"PROCAUDIT_LANG": "vi"})
        for command in COMMANDS
    ),
    *((("flag", command), _vi_flag(command), {}) for command in COMMANDS),
    (("unknown language", ""), ["--help"], {"PROCAUDIT_LANG": "xx"}),
    (
        ("flag over environment", "check"),
        ["check", "--help", "--lang", "en"],
        {"PROCAUDIT_LANG": "vi"},
    ),
]


def _environment(added: Mapping[str, str]) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "PROCAUDIT_LANG"}
    # The width of the help, whatever the terminal the tests run in.
    return {**environment, "COLUMNS": "80", "PYTHONIOENCODING": "utf-8", **added}


@pytest.fixture(scope="module")
def helps() -> dict[tuple[str, str], subprocess.CompletedProcess[str]]:
    """Every run's result; the processes run side by side."""
    started = {
        name: (
            arguments,
            subprocess.Popen(
                [sys.executable, "-m", "procaudit", *arguments],
                env=_environment(added),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            ),
        )
        for name, arguments, added in RUNS
    }
    finished = {}
    for name, (arguments, process) in started.items():
        stdout, stderr = process.communicate(timeout=120)
        finished[name] = subprocess.CompletedProcess(arguments, process.returncode, stdout, stderr)
    return finished


# A few texts of each help, said in Vietnamese (spaces folded: the help wraps its lines).
VIETNAMESE = {
    "": [
        "Cách dùng: python -m procaudit [OPTIONS] COMMAND [ARGS]...",
        "Rà soát danh mục thủ tục hành chính để phát hiện sai sót",
        "Tùy chọn:",
        "--version Hiển thị phiên bản rồi thoát.",
        "--lang vi|en Ngôn ngữ của báo cáo",
        "--help Hiển thị trợ giúp này rồi thoát.",
        "Các lệnh:",
        "config Hiển thị cấu hình đang áp dụng và nguồn của từng giá trị.",
    ],
    "check": [
        "Tham số:",
        "(tìm cả trong các thư mục con)",
        "[bắt buộc]",
        "-f, --format <rich|json|jsonl|csv|markdown|sarif|junit|github|gitlab|html> "
        "Định dạng báo cáo. [mặc định: rich]",
        "--fail-on <error|warning|info|never> Trả về mã thoát 1 khi có phát hiện",
        "--fix-list FILE.xlsx|FILE.csv Ghi thêm danh sách cần sửa",
        "--forms-dir DIR Thư mục chứa các tệp mẫu đơn, tờ khai",
        'thủ tục cung cấp dịch vụ công trực tuyến "Toàn trình"',
        "--max-cells N Từ chối trang tính vượt quá N ô (số dòng x số cột). "
        "[mặc định: 50000000; x>=1]",
        "--header-row N[-M] Dòng tiêu đề của bảng là dòng N",
    ],
    "inspect": [
        "Cho biết procaudit đã hiểu từng tệp như thế nào",
        "-f, --format <rich|json> Định dạng kết quả. [mặc định: rich]",
        "--sheet <str> Chỉ đọc trang tính này",
    ],
    "history": [
        "FILE <path> Tệp lịch sử do lệnh check --history ghi. [bắt buộc]",
        "--last N Hiển thị N lượt kiểm tra gần nhất. [mặc định: 30; x>=1]",
    ],
    "diff": [
        "NEW <str> Phiên bản sau. [bắt buộc]",
        "--map 'HEADER=column' Đọc cột có tiêu đề HEADER như một cột chuẩn",
    ],
    "config": ["--config FILE Tệp cấu hình (mặc định: tệp procaudit.toml"],
    "rules": [
        "Liệt kê mọi quy tắc kiểm tra",
        "rule_id <str> Mã quy tắc (ví dụ PA201) cần hiển thị đầy đủ.",
    ],
    "fix": [
        "Ghi bản đã sửa của các tệp danh mục",
        "--in-place Sửa trực tiếp từng tệp đầu vào; chỉ dùng cùng --backup",
    ],
}
ENGLISH = {
    "": [
        "Usage: python -m procaudit [OPTIONS] COMMAND [ARGS]...",
        "Options:",
        "--version Print the version and exit.",
        "--help Show this message and exit.",
        "Commands:",
        "check Audit catalogue files and report their defects.",
    ],
    "check": [
        "Arguments:",
        "[required]",
        "Report format. [default: rich]",
        "--fail-on <error|warning|info|never> Exit 1 when a finding",
    ],
    "inspect": ["Show how each file was understood", "Output format. [default: rich]"],
    "history": ["--last N Show the last N runs. [default: 30; x>=1]"],
    "diff": ["NEW <str> The later version. [required]"],
    "config": ["--config FILE The configuration file"],
    "rules": ["rule_id <str> A rule id (e.g. PA201) to show in full."],
    "fix": ["Write a repaired copy of catalogue files", "--in-place Repair each input itself"],
}

# What the help repeats rather than says: option names, metavars, quoted values, paths.
_NAMES = re.compile(r"--?[\w-]+(?:=\S*)?|<[^>]*>|'[^'\n]*'|\"[^\"\n]*\"|\S*[/\\.|=]\S*")
_METAVARS = re.compile(r"\b[A-Z][A-Z_]+\b")  # FILE, PATTERN, [OPTIONS], PROCAUDIT_LANG
# Words English sentences are made of and Vietnamese never writes ("in" it does: to print).
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|a|is|are|be|of|and|or|with|not|to|on|by|from|for|its|this|that|only|show|"
    r"shows|exit|file|files|default|required|usage|options|arguments|commands|else|than|"
    r"each|every|when|per)\b",
    re.IGNORECASE,
)


def _folded(text: str) -> str:
    return " ".join(text.split())


def _says_something(line: str) -> bool:
    """Whether a help line holds words of its own besides names and metavars."""
    return re.search(r"[a-z]{2,}", _NAMES.sub(" ", line)) is not None


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=[c or "app" for c in COMMANDS])
def test_the_help_speaks_vietnamese_with_the_flag_or_the_environment(
    helps: dict[tuple[str, str], subprocess.CompletedProcess[str]],
    command: str,
) -> None:
    english = helps["en", command]
    assert english.returncode == 0, english.stderr
    for way in ("environment", "flag"):
        run = helps[way, command]
        assert (run.returncode, run.stderr) == (0, ""), run.args
        assert unicodedata.is_normalized("NFC", run.stdout), run.args
        for text in VIETNAMESE[command]:
            assert text in _folded(run.stdout), (run.args, text)
        said = [line.strip() for line in run.stdout.splitlines()]
        for line in english.stdout.splitlines():
            if _says_something(line):
                assert line.strip() not in said, (run.args, line)
        words = _ENGLISH_WORDS.findall(_METAVARS.sub(" ", _NAMES.sub(" ", run.stdout)))
        assert not words, (run.args, words)
    # --lang vi and PROCAUDIT_LANG=vi give the same help, byte for byte
    assert helps["flag", command].stdout == helps["environment", command].stdout


@pytest.mark.parametrize("command", COMMANDS, ids=[c or "app" for c in COMMANDS])
def test_the_help_stays_english_by_default(
    helps: dict[tuple[str, str], subprocess.CompletedProcess[str]],
    command: str,
) -> None:
    run = helps["en", command]
    assert (run.returncode, run.stderr) == (0, "")
    for text in ENGLISH[command]:
        assert text in _folded(run.stdout), text
    for vietnamese in ("Cách dùng", "Tùy chọn", "mặc định", "bắt buộc", "Hiển thị"):
        assert vietnamese not in run.stdout


def test_an_unknown_language_still_prints_the_english_help(
    helps: dict[tuple[str, str], subprocess.CompletedProcess[str]],
) -> None:
    run = helps["unknown language", ""]
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == helps["en", ""].stdout


def test_the_flag_wins_over_the_environment(
    helps: dict[tuple[str, str], subprocess.CompletedProcess[str]],
) -> None:
    run = helps["flag over environment", "check"]
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == helps["en", "check"].stdout


# --- the cost of the import, and what it leaves behind --------------------------------------

HEAVY = ("pandas", "pandera", "openpyxl", "numpy", "pyarrow", "orjson", "rich.progress")


@pytest.mark.parametrize(
    ("arguments", "added"),
    [
        ([], {}),
        (["--lang", "vi", "--help"], {}),
        ([], {"PROCAUDIT_LANG": "vi"}),
    ],
    ids=["english", "flag", "environment"],
)
def test_importing_the_command_line_does_not_import_pandas(
    arguments: list[str],
    added: dict[str, str],
) -> None:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import procaudit.cli", *arguments],
        env=_environment(added),
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {
        line.rsplit("|", 1)[-1].strip()
        for line in out.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "procaudit.cli" in imported
    heavy = sorted(
        name
        for name in imported
        if any(name == module or name.startswith(module + ".") for module in HEAVY)
    )
    assert heavy == []


def test_the_import_speaks_afterwards_as_it_found() -> None:
    """The help's language is the import's business only: the run decides its own."""
    code = "import procaudit.cli\nfrom procaudit.core.i18n import language\nprint(language())\n"
    out = subprocess.run(
        [sys.executable, "-c", code, "--lang", "vi"],
        capture_output=True,
        text=True,
        check=True,
        env=_environment({"PROCAUDIT_LANG": "vi"}),
    )
    assert out.stdout == "en\n"
