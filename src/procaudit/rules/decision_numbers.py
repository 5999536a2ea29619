"""Read a publishing decision's number out of the cell that holds it (for PA402 and PA403).

A decision number has the form number/QĐ-issuer: `1890/QĐ-UBND`, `12/2025/QĐ-UBND`,
`885/QĐ-BCA-C06`. Cells hold more than that, and the reading tells three cases apart:

- valid: the number as it should be, optionally followed by its date ("1890/QĐ-UBND ngày
  15/8/2025", the usual annex cell), or several such numbers ("1890/QĐ-UBND; 2150/QĐ-UBND");
- repaired: a number and an issuer that a mechanical repair recovers: words around the number
  ("Quyết định số 6225/QĐ-BQP", "QĐ số 12/QĐ-UBND", "Số: 64/QĐ-NHNN"), typing ("3980
  /QĐ-BQP", "1521/QĐ-UBND.", "1890/QD-UBND", "QĐ2338-BTP", "1890/qđ-ubnd"), a character that
  only looks like the right one ("1890/QÐ-UBND" with the letter Eth, "1890/QĐ–UBND" with an
  en dash: `vn.lookalikes`), a cell typed in a legacy font ("1890/Q§-UBND" in TCVN3,
  "1890/QÑ-UBND" in VNI), a known issuer glued to "QĐ" or after a slash ("1890/QĐUBND",
  "1890/QĐ/UBND"), or a number among other words ("Thay thế Quyết định số 123/QĐ-UBND",
  where the fix asks whether it is the right one);
- wrong: no number or no issuer to recover ("Quyết định số 4777", "QĐ-UBND"), a placeholder
  ("QĐ/0001-BCA", "0/QĐ-UBND"), or the number of another kind of document ("205/TTr-SNNMT",
  a proposal).

An issuer keeps its official spelling: capitals, or a mixed case the issuer itself writes
("1890/QĐ-TTg", the Prime Minister). A repair changes the case of an issuer only where the
right spelling is certain (`vn.issuers.official_case`): small letters ("ubnd", "ttg") and a
known abbreviation in the wrong case ("Ubnd"); a mixed case procaudit does not know is taken
as written. Parts of an issuer are joined by "-" or "." ("885/QĐ-BCA-C06", "QĐ-CT.UBND").

Readings carry no text in any language: `explain` words them when a rule reports them.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from procaudit.core.i18n import t
from procaudit.vn.dates import DAY_MONTH_YEAR, WEEKDAY_BEFORE
from procaudit.vn.issuers import known_issuers, official_case
from procaudit.vn.legacy_fonts import TCVN3, VNI, convert
from procaudit.vn.lookalikes import LOOKALIKES, lookalikes_in, replace_lookalikes
from procaudit.vn.text import header_key

USUAL_ISSUER = "QĐ-UBND"  # the examples' issuer where a file names none: a province's
# "1890/QĐ-UBND", "12/2025/QĐ-UBND", "885/QĐ-BCA-C06", "1075a/QĐ-NHNN", "1890/QĐ-TTg".
# A number of zeros is a placeholder, not a number. The issuer's case is checked apart
# (`_as_written`): the pattern takes any case.
_PART = r"[A-Za-zĐđ0-9]+"
DECISION_PATTERN = rf"(?!0+[a-z]?/)\d+[a-z]?(/\d{{4}})?/QĐ-{_PART}([-.]{_PART})*"
_DECISION = re.compile(DECISION_PATTERN)
# The same inside other text: not part of a longer number or word.
_DECISION_INSIDE = re.compile(rf"(?<![\w/]){DECISION_PATTERN}(?![\w/-])")
# Annex cells often append the date: "1890/QĐ-UBND ngày 15/8/2025", "…, ngày 15/8/2025"; the
# date, and whatever follows it, is PA403's business, not this one's.
# The date may also stand alone after a comma, a dash, a space or in brackets, as
# `io.decisions` reads it: "1890/QĐ-UBND, 15/8/2025", "1890/QĐ-UBND (15/8/2025)".
_DATE_TAIL = re.compile(
    r"(?:(?:\s*,\s*|\s+)\(?|\s*\()\s*(?:ngày|ngay)\b.*$"
    rf"|(?:\s*[,;(]\s*|\s+[-–]\s+|\s+)(?:{WEEKDAY_BEFORE})?{DAY_MONTH_YEAR}\s*\)?\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)

# Words that announce the number: "Quyết định số", "QĐ số", "Số:", "Quyết định".
_LEAD = r"(?:(?:quyết\s+định|quyet\s+dinh|qđ|qd)\s+)?(?:(?:số|so)\s*[:.]?\s*)?"
_LEAD_WORDS = re.compile(rf"^{_LEAD}(?=\d)", re.IGNORECASE)
_SIGNER_TAIL = re.compile(r"\s+(?:của|cua)\s.*$", re.IGNORECASE | re.DOTALL)  # "… của Bộ trưởng"
# Several decisions in one cell: split where a separator is followed by another number.
_NEXT_NUMBER = rf"{_LEAD}\d+[a-z]?\s*\.?\s*/\s*(?:\d{{4}}\s*/\s*)?[^\W\d]"
_SEPARATOR = re.compile(rf"(\s*[;,\n]\s*|\s+(?:và|va)\s+)(?={_NEXT_NUMBER})", re.IGNORECASE)

# A known issuer glued to "QĐ", or parted from it by a space or a slash: "1890/QĐUBND",
# "1890/QĐ UBND", "1890/QĐ/UBND". Two letters are too few to tell an issuer ("01/QĐCB").
_GLUED = re.compile(
    r"(/\s*[Qq][ĐđDd])\s*/?\s*(?=(?i:{issuers})(?![A-Za-zĐđ0-9]))".format(
        issuers="|".join(re.escape(name) for name in known_issuers() if len(name) > 2)
    )
)

# Typing, repaired in this order.
_TYPING = (
    (re.compile(r"[\s.;,:]+$"), ""),  # "1521/QĐ-UBND."
    (re.compile(r"(\d)\s*\.+\s*/"), r"\1/"),  # "2267./QĐ-BXD"
    (re.compile(r"\s*/\s*"), "/"),  # "3980 /QĐ-BQP"
    (re.compile(r"/[Qq][ĐđDd]\s*-\s*"), "/QĐ-"),  # "1890/QD-UBND", "1890/qđ - UBND"
    (re.compile(r"^Q[ĐD]\s*(\d+[a-z]?)\s*-\s*(?=[A-ZĐ])"), r"\1/QĐ-"),  # "QĐ2338-BTP"
    (re.compile(r"(?<=/QĐ-)[A-Za-zĐđ0-9.-]+$"), lambda issuer: _issuer_case(issuer.group())),
)
_TYPED_QD = re.compile(r"/Q[Dd]-")

# Numbers of documents that are not decisions: "205/TTr-SNNMT", "12/2025/TT-BCA".
_OTHER_KINDS = {
    "TTR": ("a proposal (Tờ trình)", "tờ trình"),
    "CV": ("an official letter (công văn)", "công văn"),
    "TB": ("a notice (thông báo)", "thông báo"),
    "KH": ("a plan (kế hoạch)", "kế hoạch"),
    "NQ": ("a resolution (nghị quyết)", "nghị quyết"),
    "TT": ("a circular (thông tư)", "thông tư"),
    "TTLT": ("a joint circular (thông tư liên tịch)", "thông tư liên tịch"),
    "NĐ": ("a decree (nghị định)", "nghị định"),
    "ND": ("a decree (nghị định)", "nghị định"),
    "CT": ("a directive (chỉ thị)", "chỉ thị"),
    "BC": ("a report (báo cáo)", "báo cáo"),
}
_OTHER_DOCUMENT = re.compile(
    r"(?<![\w/])\d+[a-z]?(?:/\d{4})?/(?P<kind>(?i:TTLT|TTr|CV|TB|KH|NQ|TT|NĐ|ND|CT|BC))-[A-ZĐ]"
    r"[A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*"
)
# A cell that names another kind of document in words before a number that does not say
# its kind: a công văn's is "55/UBND-KSTT", the issuer and the unit alone. Read folded
# ("Công văn số", "CONG VAN SO").
_NAMED_KINDS = {
    "cong van": "CV",
    "to trinh": "TTR",
    "thong bao": "TB",
    "ke hoach": "KH",
    "nghi quyet": "NQ",
    "thong tu lien tich": "TTLT",
    "thong tu": "TT",
    "nghi dinh": "NĐ",
    "chi thi": "CT",
    "bao cao": "BC",
}
_NAMED_KIND = re.compile(rf"^({'|'.join(sorted(_NAMED_KINDS, key=len, reverse=True))})\b")
_ISSUER = re.compile(r"QĐ-[A-ZĐ0-9]")
_DECISION_WORDS = re.compile(r"quyết\s+định|quyet\s+dinh|\bq[đd]", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w/])(\d+[a-z]?)(?![\w])")

# How a reading's repair was made, mildest first: the message names the strongest.
REPAIRS = ("qd", "case", "lookalike", "hyphen", "typing", "words", "among", "legacy")
# A decision typed in a legacy font: "1890/Q§-UBND" (TCVN3) and "1890/QÑ-UBND" (VNI) are
# 1890/QĐ-UBND. Its letters are few, too few for `detect_legacy` (PA601) to tell the font,
# but only "Đ" lies outside ASCII, and the cell reads as a decision once converted.
_LEGACY_FONTS = (TCVN3, VNI)


@dataclass(frozen=True)
class DecisionReading:
    """What a decision cell holds.

    `status` is "valid", "repaired" or "wrong". A repaired reading's `how` is one of
    REPAIRS, `fixed` the cell as it should be (a date after the number kept), `bare` the
    number(s) alone and `count` how many decisions it names. A wrong reading's `how` says
    what is missing or wrong ("placeholder", "zero", "no-number", "no-issuer",
    "no-type-issuer", "other-document", "not-a-number", "malformed") and `part` is the
    text it is about; `bare` holds the number found, for "no-issuer" and "no-type-issuer",
    or the kind of document, for "other-document". `lookalikes` holds the look-alike
    characters a repaired reading replaced ("Ð" for "Đ", "–" for "-"), whatever its `how`."""

    status: str
    how: str = ""
    fixed: str = ""
    bare: str = ""
    part: str = ""
    count: int = 1  # how many decisions a repaired reading names
    lookalikes: str = ""


VALID = DecisionReading("valid")


def read_decision(value: str) -> DecisionReading:
    """What the decision cell `value` holds (see the module's docstring)."""
    return _read(value, legacy=True)


def _read(value: str, legacy: bool) -> DecisionReading:
    """`read_decision`; a cell read wrong is read again as typed in a legacy font only where
    `legacy` (once: a converted text is not converted again)."""
    text = unicodedata.normalize("NFC", value).strip()
    if _is_valid(_DATE_TAIL.sub("", text)):
        return VALID
    pieces = _SEPARATOR.split(text)  # parts at even positions, separators between them
    parts = [_read_part(piece) for piece in pieces[::2]]
    for part in parts:
        if part.status == "wrong":
            return _read_legacy(text, part) if legacy else part
    repaired = [part for part in parts if part.status == "repaired"]
    if not repaired:
        return VALID
    fixed = "".join(
        parts[index // 2].fixed if index % 2 == 0 else piece for index, piece in enumerate(pieces)
    )
    bare = "".join(
        parts[index // 2].bare if index % 2 == 0 else piece for index, piece in enumerate(pieces)
    )
    how = max((part.how for part in repaired), key=REPAIRS.index)
    count = sum(part.count for part in parts)
    lookalikes = "".join(dict.fromkeys("".join(part.lookalikes for part in repaired)))
    return DecisionReading("repaired", how, fixed, bare, count=count, lookalikes=lookalikes)


def _read_legacy(text: str, wrong: DecisionReading) -> DecisionReading:
    """The reading of the cell `text`, read `wrong`, typed in a legacy font: a repair, whose
    `part` names the font, where the text converted to Unicode is a decision ("1890/Q§-UBND");
    what is wrong with the converted text where only it says ("Q§/0001-UBND", a placeholder);
    else `wrong`."""
    if text.isascii():
        return wrong
    for encoding in _LEGACY_FONTS:
        converted = convert(text, encoding)
        if converted == text:
            continue
        reading = _read(converted, legacy=False)
        if reading.status == "valid":
            return DecisionReading("repaired", "legacy", converted, converted, part=encoding)
        if reading.status == "repaired":
            return replace(reading, how="legacy", part=encoding, lookalikes="")
        if wrong.how == "malformed" and reading.how != "malformed":
            return replace(reading, part=text)
    return wrong


def _is_valid(number: str) -> bool:
    """Whether `number` is one decision's number as it should be written."""
    return _DECISION.fullmatch(number) is not None and _as_written(number) == number


def _as_written(number: str) -> str:
    """A decision number with its issuer in the case an official would accept."""
    head, qd, issuer = number.partition("/QĐ-")
    return head + qd + _issuer_case(issuer) if qd else number


def _issuer_case(issuer: str) -> str:
    """ "ubnd" -> "UBND", "ttg" -> "TTg", "BCA-c06" -> "BCA-C06"; "TTg" stays (see
    `official_case`)."""
    return re.sub(_PART, lambda part: official_case(part.group()), issuer)


def _read_part(piece: str) -> DecisionReading:
    tail_at = _DATE_TAIL.search(piece)
    core, tail = (piece[: tail_at.start()], piece[tail_at.start() :]) if tail_at else (piece, "")
    if _is_valid(core):
        return DecisionReading("valid", fixed=piece, bare=core)
    repaired, how = _repair(core)
    lookalikes = "".join(lookalike.char for lookalike in lookalikes_in(core))
    if _is_valid(repaired):
        return DecisionReading("repaired", how, repaired + tail, repaired, lookalikes=lookalikes)
    inside = list(
        dict.fromkeys(_as_written(match.group()) for match in _DECISION_INSIDE.finditer(repaired))
    )
    if inside:
        bare = "; ".join(inside)
        return DecisionReading(
            "repaired", "among", bare + tail, bare, count=len(inside), lookalikes=lookalikes
        )
    written = core.strip() or piece.strip()
    wrong = _wrong(replace_lookalikes(written))  # "QÐ/0001-BCA" is a placeholder too
    # The message quotes the cell as written, not as procaudit read it.
    return replace(wrong, part=written) if wrong.part == replace_lookalikes(written) else wrong


def _repair(core: str) -> tuple[str, str]:
    """The core of a cell (its date cut off) with its words and typing repaired, and how."""
    hows = set()
    text = replace_lookalikes(core.strip())
    if text != core.strip():
        hows.add("lookalike")
    for pattern in (_LEAD_WORDS, _SIGNER_TAIL):
        stripped = pattern.sub("", text).strip()
        if stripped != text:
            hows.add("words")
            text = stripped
    glued = _GLUED.sub(r"\1-", text)
    if glued != text:
        hows.add("hyphen")
        text = glued
    repaired = text
    for pattern, replacement in _TYPING:
        repaired = pattern.sub(replacement, repaired)
    if repaired != text:
        if _TYPED_QD.sub("/QĐ-", text) == repaired:
            hows.add("qd")
        else:
            hows.add("case" if _as_written(text) == repaired else "typing")
    return repaired, max(hows or {"typing"}, key=REPAIRS.index)


def _wrong(part: str) -> DecisionReading:
    other = _OTHER_DOCUMENT.search(part)
    if other:
        return DecisionReading(
            "wrong", "other-document", bare=other.group("kind").upper(), part=other.group()
        )
    if (named := _NAMED_KIND.match(header_key(part))) and not _ISSUER.search(part):
        return DecisionReading("wrong", "other-document", bare=_NAMED_KINDS[named[1]], part=part)
    if re.match(r"^Q[ĐD]\s*/", part, re.IGNORECASE):
        return DecisionReading("wrong", "placeholder", part=part)
    if re.match(r"^0+[a-z]?\s*/", part):
        return DecisionReading("wrong", "zero", part=part)
    if not re.search(r"\d", re.sub(r"/\d{4}/", "/", part)):  # a year is not a number
        how = "no-number" if _ISSUER.search(part) else "not-a-number"
        return DecisionReading("wrong", how, part=part)
    bare = _LEAD_WORDS.sub("", part).strip()
    number = _NUMBER.search(bare)
    if number is not None and not _ISSUER.search(part):
        if _DECISION_WORDS.search(part):  # "Quyết định số 4777", "4777/QĐ", "01/QĐCB"
            return DecisionReading("wrong", "no-issuer", bare=number.group(1), part=part)
        if number.group() == bare:  # "1681"
            return DecisionReading("wrong", "no-type-issuer", bare=bare, part=part)
    return DecisionReading("wrong", "malformed", part=part)


# The issuer of a valid decision cell: "QĐ-BTC" of "1681/QĐ-BTC ngày 3/5/2025".
_VALID_ISSUER = re.compile(r"/(QĐ-[^\s,;()]*[^\s,;().])")
ISSUER_SAMPLE = 5_000  # valid cells looked at for the usual issuer: an example needs no more


def usual_issuer(valid: Iterable[str]) -> str:
    """The issuer most of these valid decision cells name, for the examples of the wrong
    ones' messages: a ministry's list is shown "1681/QĐ-BTC", not a province's "QĐ-UBND"."""
    return issuer_share(valid)[0]


def issuer_share(valid: Iterable[str]) -> tuple[str, float]:
    """`usual_issuer` and the share of the cells (with an issuer) that name it: 1.0 in one
    issuer's list, a fraction in a list joining several issuers' procedures."""
    # Searched once per distinct cell (a list repeats its few decisions on every row), each
    # issuer counted as often as its cells and in the order first seen, as a cell by cell
    # count would.
    found: Counter[str] = Counter()
    for cell, count in Counter(itertools.islice(valid, ISSUER_SAMPLE)).items():
        if (match := _VALID_ISSUER.search(cell)) is not None:
            found[match.group(1)] += count
    if not found:
        return USUAL_ISSUER, 1.0
    issuer, count = found.most_common(1)[0]
    return issuer, count / found.total()


def cell_issuer(cell: str) -> str | None:
    """The issuer a valid decision cell names ("QĐ-BTC" of "1681/QĐ-BTC ngày 3/5/2025")."""
    match = _VALID_ISSUER.search(cell)
    return match.group(1) if match is not None else None


def explain(reading: DecisionReading, value: str, issuer: str = USUAL_ISSUER) -> tuple[str, str]:
    """The message and fix of a reading that is not valid, for the cell `value`; `issuer`
    ("QĐ-BTC") is the one its examples show: the one the file's other decisions name."""
    if reading.status == "repaired":
        return _explain_repair(reading, value)
    part = reading.part
    ask = t(
        "Replace it with the number of the decision that announced the procedure.",
        "Thay bằng số của quyết định đã công bố thủ tục.",
    )
    if reading.how == "other-document":
        english, vietnamese = _OTHER_KINDS[reading.bare]
        return (
            t(
                "'{number}' is {kind}, not a publishing decision.",
                "'{number}' là số của {kind_vi}, không phải quyết định công bố.",
                number=part,
                kind=english,
                kind_vi=vietnamese,
            ),
            t(
                "Replace it with the number of the decision that announced the procedure "
                "(number/QĐ-issuer, e.g. 1890/{issuer}).",
                "Thay bằng số của quyết định đã công bố thủ tục (số/QĐ-cơ quan ban hành, ví "
                "dụ 1890/{issuer}).",
                issuer=issuer,
            ),
        )
    if reading.how == "placeholder":
        return t(
            "The decision number '{number}' is a placeholder, not a decision's number.",
            "Số quyết định '{number}' chỉ là giá trị giữ chỗ, không phải số của một quyết định.",
            number=part,
        ), ask
    if reading.how == "zero":
        return t(
            "The decision number '{number}' is a placeholder (number 0).",
            "Số quyết định '{number}' là giá trị giữ chỗ (số 0).",
            number=part,
        ), ask
    if reading.how == "no-number":
        return (
            t(
                "The decision number '{number}' has no number, only the document type and issuer.",
                "Số quyết định '{number}' không có số, chỉ có ký hiệu loại văn bản và cơ quan "
                "ban hành.",
                number=part,
            ),
            t(
                "Fill in the number of the decision that announced the procedure.",
                "Điền số của quyết định đã công bố thủ tục.",
            ),
        )
    if reading.how == "not-a-number":
        return t(
            "'{number}' is not a decision number.",
            "'{number}' không phải là số quyết định.",
            number=part,
        ), ask
    if reading.how == "no-type-issuer":
        return (
            t(
                "The decision number '{number}' lacks the document type and issuer "
                "(expected a form like 1890/{issuer}).",
                "Số quyết định '{number}' thiếu ký hiệu loại văn bản và cơ quan ban hành (thể "
                "thức đúng như 1890/{issuer}).",
                number=part,
                issuer=issuer,
            ),
            t(
                "Complete it with the type and issuer, e.g. {number}/{issuer}, as the decision "
                "shows.",
                "Bổ sung ký hiệu loại văn bản và cơ quan ban hành theo đúng quyết định, ví dụ "
                "{number}/{issuer}.",
                number=reading.bare,
                issuer=issuer,
            ),
        )
    if reading.how == "no-issuer":
        return (
            t(
                "The decision number '{number}' has no issuer (expected a form like "
                "1890/{issuer}).",
                "Số quyết định '{number}' không có cơ quan ban hành (thể thức đúng như "
                "1890/{issuer}).",
                number=part,
                issuer=issuer,
            ),
            t(
                "Complete it with the issuer, e.g. {number}/{issuer}, as the decision shows.",
                "Bổ sung cơ quan ban hành theo đúng quyết định, ví dụ {number}/{issuer}.",
                number=reading.bare,
                issuer=issuer,
            ),
        )
    return (
        t(
            "The decision number '{number}' is malformed (expected a form like 1890/{issuer}).",
            "Số quyết định '{number}' không đúng thể thức (thể thức đúng như 1890/{issuer}).",
            number=part,
            issuer=issuer,
        ),
        ask,
    )


def _explain_repair(reading: DecisionReading, value: str) -> tuple[str, str]:
    message, fix = _explain_how(reading, value)
    if reading.lookalikes and reading.how != "lookalike":
        message += " " + t(
            "It is also written with {what}.",
            "Số này còn được viết bằng {what}.",
            what=_lookalike_names(reading.lookalikes),
        )
    return message, fix


def _lookalike_names(chars: str) -> str:
    """ "the letter Ð (U+00D0), which looks like Đ and an en dash (–, U+2013), …"."""
    names = [
        t(LOOKALIKES[char].name, LOOKALIKES[char].name_vi) for char in chars if char in LOOKALIKES
    ]
    return t(", and ", "; và ").join(names)


def _explain_how(reading: DecisionReading, value: str) -> tuple[str, str]:
    write = t("Write it as {number}.", "Sửa thành {number}.", number=reading.fixed)
    if reading.how == "among":
        return (
            t(
                "'{value}' holds the decision number {number} among other words.",
                "'{value}' có số quyết định {number} lẫn trong nội dung khác.",
                value=value,
                number=reading.bare,
            )
            if reading.count == 1
            else t(
                "'{value}' holds the decision numbers {number} among other words.",
                "'{value}' có các số quyết định {number} lẫn trong nội dung khác.",
                value=value,
                number=reading.bare,
            ),
            # The words may say the decision did something else (replaced, abolished).
            t(
                "If {number} is the decision that announced the procedure, write it alone: "
                "{fixed}.",
                "Nếu {number} là quyết định đã công bố thủ tục, chỉ ghi số hiệu: {fixed}.",
                number=reading.bare,
                fixed=reading.fixed,
            )
            if reading.count == 1
            else t(
                "Keep only the numbers of the decisions that announced the procedure, "
                "among {number}.",
                "Chỉ giữ số hiệu của các quyết định đã công bố thủ tục, trong số {number}.",
                number=reading.fixed,
            ),
        )
    if reading.how == "words" and reading.count > 1:
        return (
            t(
                "The decision numbers '{value}' have words around them: the numbers "
                "themselves are {number}.",
                "Số quyết định '{value}' có chữ thừa: số hiệu của các quyết định là {number}.",
                value=value,
                number=reading.bare,
            ),
            write,
        )
    if reading.how == "words":
        return (
            t(
                "The decision number '{value}' has words around it: the number itself is {number}.",
                "Số quyết định '{value}' có chữ thừa: số hiệu của quyết định là {number}.",
                value=value,
                number=reading.bare,
            ),
            write,
        )
    if reading.how == "legacy":
        return (
            t(
                "The decision number '{value}' is typed in the legacy {font} font encoding, "
                "not in Unicode: it reads {number}.",
                "Số quyết định '{value}' được gõ bằng bảng mã cũ {font}, không phải Unicode: "
                "số hiệu đúng là {number}.",
                value=value,
                font=reading.part,
                number=reading.bare,
            ),
            write,
        )
    if reading.how == "lookalike":
        return (
            t(
                "The decision number '{value}' is written with {what}.",
                "Số quyết định '{value}' được viết bằng {what}.",
                value=value,
                what=_lookalike_names(reading.lookalikes),
            ),
            write,
        )
    if reading.how == "case":
        return (
            t(
                "The decision number '{value}' writes the issuer in the wrong letter case.",
                "Số quyết định '{value}' viết sai chữ hoa, chữ thường ở cơ quan ban hành.",
                value=value,
            ),
            write,
        )
    if reading.how == "hyphen":
        return (
            t(
                "The decision number '{value}' has no hyphen (-) between 'QĐ' and the issuer.",
                "Số quyết định '{value}' thiếu dấu gạch nối (-) giữa 'QĐ' và cơ quan ban hành.",
                value=value,
            ),
            write,
        )
    if reading.how == "qd":
        return (
            t(
                "The decision number '{value}' writes 'QD' for 'QĐ'.",
                "Số quyết định '{value}' ghi 'QD' thay cho 'QĐ'.",
                value=value,
            ),
            write,
        )
    return (
        t(
            "The decision number '{value}' is not written in the standard form.",
            "Số quyết định '{value}' không được ghi đúng thể thức.",
            value=value,
        ),
        write,
    )
