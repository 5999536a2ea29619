"""The first file parsed ahead, on another thread, is read as it would be without it: the
table parsed ahead is taken only for the same file unchanged, and a file that cannot be
parsed ahead meets the reader's own path and messages."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import procaudit.io.read_ahead as read_ahead
from procaudit.core.errors import InputError
from procaudit.io import Catalogue, read_catalogue
from procaudit.io.arrow_parse import CsvPlan, ParsedCsv, csv_plan

HEADER = "STT,Mã thủ tục,Tên thủ tục,Lĩnh vực\n"
GOOD = HEADER + "1,1.000001,Cấp giấy phép,Xây dựng\n2,1.000002,Đăng ký,Hộ tịch\n"
NO_LIMIT = 1 << 40


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of each parse, as it happens."""
    threads: list[str] = []
    parse = read_ahead.parse_csv

    def counted(path: Path, plan: CsvPlan) -> ParsedCsv | None:
        threads.append(threading.current_thread().name)
        return parse(path, plan)

    monkeypatch.setattr(read_ahead, "parse_csv", counted)
    return threads


def _names(path: Path) -> list[str]:
    return read_catalogue(str(path)).tables[0].frame["name"].tolist()


def test_the_table_parsed_ahead_is_the_one_read(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        assert _names(path) == ["Cấp giấy phép", "Đăng ký"]
    assert parses == ["procaudit-read-ahead"]


def _changed_after_parse(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[], None]
) -> threading.Event:
    """The parse ahead, followed by `change` of the file before the reader comes."""
    done = threading.Event()
    parse = read_ahead.parse_csv

    def then_changed(path: Path, plan: CsvPlan) -> ParsedCsv | None:
        table = parse(path, plan)
        if threading.current_thread().name == "procaudit-read-ahead":
            change()
            done.set()
        return table

    monkeypatch.setattr(read_ahead, "parse_csv", then_changed)
    return done


@pytest.mark.parametrize("same_size", [False, True], ids=["longer", "same size"])
def test_a_file_changed_after_the_read_ahead_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, same_size: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    changed = GOOD.replace("Đăng ký", "Đăng kí" if same_size else "Đăng ký lại")

    def change() -> None:
        path.write_text(changed, encoding="utf-8")
        status = path.stat()  # a coarse clock could leave the time as it was
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10**9))

    done = _changed_after_parse(monkeypatch, change)
    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        assert done.wait(30)
        assert _names(path)[1] == ("Đăng kí" if same_size else "Đăng ký lại")


def test_a_file_changed_between_read_ahead_and_read_is_read_again(
    tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        path.write_text(GOOD + "3,1.000003,Cấp lại,Xây dựng\n", encoding="utf-8")
        assert _names(path) == ["Cấp giấy phép", "Đăng ký", "Cấp lại"]
    assert parses[-1] == threading.current_thread().name


UNPARSABLE = {
    "an unclosed quote": HEADER + '1,1.000001,"Cấp phép,Xây dựng\n2,a,b,c\n',
    "a wider record below": HEADER + "1,1.000001,Cấp,Xây dựng\n2,1.000002,Đăng ký,x,y\n",
}


@pytest.mark.parametrize("text", UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_a_file_the_read_ahead_cannot_parse_reads_as_without_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    expected = _outcome(lambda: read_catalogue(str(path)))
    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        assert _outcome(lambda: read_catalogue(str(path))) == expected


def _outcome(read: Callable[[], Catalogue]) -> str:
    """A refusal's message, or the names read."""
    try:
        catalogue = read()
    except InputError as exc:
        return str(exc)
    return repr(catalogue.tables[0].frame["name"].tolist())


def test_a_read_ahead_that_fails_leaves_the_reader_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    parse = read_ahead.parse_csv

    def fails_ahead(path: Path, plan: CsvPlan) -> ParsedCsv | None:
        if threading.current_thread().name == "procaudit-read-ahead":
            raise MemoryError
        return parse(path, plan)

    monkeypatch.setattr(read_ahead, "parse_csv", fails_ahead)
    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        assert _names(path) == ["Cấp giấy phép", "Đăng ký"]


@pytest.mark.parametrize("name", ["list.xlsx", "big.csv"], ids=["a workbook", "over the limit"])
def test_only_a_csv_file_within_the_limit_is_parsed_ahead(
    tmp_path: Path, parses: list[str], name: str
) -> None:
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    with read_ahead.reading_ahead(str(path), 10 if name == "big.csv" else NO_LIMIT):
        pass
    assert parses == []


def test_another_file_is_parsed_by_the_reader(tmp_path: Path, parses: list[str]) -> None:
    first, other = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(GOOD, encoding="utf-8")
    other.write_text(GOOD.replace("Đăng ký", "Khai sinh"), encoding="utf-8")
    with read_ahead.reading_ahead(str(first), NO_LIMIT):
        assert _names(other) == ["Cấp giấy phép", "Khai sinh"]
        assert _names(first) == ["Cấp giấy phép", "Đăng ký"]
    assert sorted(parses) == sorted(["procaudit-read-ahead", threading.current_thread().name])


def _held_parse(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The parse ahead held until the event is set."""
    go = threading.Event()
    parse = read_ahead.parse_csv

    def held(path: Path, plan: CsvPlan) -> ParsedCsv | None:
        if threading.current_thread().name == "procaudit-read-ahead":
            assert go.wait(30)
        return parse(path, plan)

    monkeypatch.setattr(read_ahead, "parse_csv", held)
    return go


def _parse_ended() -> None:
    for thread in threading.enumerate():
        if thread.name == "procaudit-read-ahead":
            thread.join()


Heard = list[tuple[str, ParsedCsv]]


def _heard(heard: Heard) -> Callable[[ParsedCsv], None]:
    return lambda parsed: heard.append((threading.current_thread().name, parsed))


@pytest.mark.parametrize("ended", [False, True], ids=["while parsing", "parsed"])
def test_work_follows_the_parse_on_its_thread_or_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ended: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    go, heard = _held_parse(monkeypatch), []
    with read_ahead.reading_ahead(str(path), NO_LIMIT) as parsing:
        assert parsing
        if ended:
            go.set()
            _parse_ended()
        read_ahead.when_parsed(_heard(heard))
        go.set()
        plan = csv_plan(path)
        assert plan is not None
        records = read_ahead.parsed_csv(path, plan)  # the parse's, once the work is done
        here = threading.current_thread().name
        assert [name for name, _ in heard] == [here if ended else "procaudit-read-ahead"]
        assert heard[0][1] is records


@pytest.mark.parametrize("text", UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_no_work_follows_a_parse_that_gave_no_records(tmp_path: Path, text: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    expected = _outcome(lambda: read_catalogue(str(path)))
    heard: Heard = []
    with read_ahead.reading_ahead(str(path), NO_LIMIT) as parsing:
        assert parsing
        read_ahead.when_parsed(_heard(heard))
        assert _outcome(lambda: read_catalogue(str(path))) == expected
    assert heard == []


@pytest.mark.parametrize("name", ["list.xlsx", "big.csv"], ids=["a workbook", "over the limit"])
def test_no_work_follows_when_nothing_is_parsed_ahead(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(GOOD, encoding="utf-8")
    heard: Heard = []
    with read_ahead.reading_ahead(str(path), 10 if name == "big.csv" else NO_LIMIT) as parsing:
        assert not parsing
        read_ahead.when_parsed(_heard(heard))
    assert heard == []


@pytest.mark.filterwarnings("error::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("ended", [False, True], ids=["while parsing", "parsed"])
def test_work_that_fails_leaves_the_reader_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ended: bool
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(GOOD, encoding="utf-8")
    go = _held_parse(monkeypatch)

    def fails(parsed: ParsedCsv) -> None:
        raise MemoryError

    with read_ahead.reading_ahead(str(path), NO_LIMIT):
        if ended:
            go.set()
            _parse_ended()
        read_ahead.when_parsed(fails)
        go.set()
        assert _names(path) == ["Cấp giấy phép", "Đăng ký"]
