"""Transition notes: the part of a level, agency or heading text that names who held a task
before, and not who holds it now.

Lists published during the 2025 reform say where a task came from, and in many words:
"Cấp xã (trước đây cấp huyện)", "Cấp xã (trước 01/7/2025 là cấp huyện)", "Cấp xã (cấp huyện
cũ)", "UBND cấp xã (nhận bàn giao từ UBND cấp huyện)", "Cấp xã (do cấp huyện chuyển về)",
"Sở Nội vụ (thay thế Phòng Nội vụ cấp huyện)", and their headings where it went: "THỦ TỤC
HÀNH CHÍNH CẤP HUYỆN CHUYỂN GIAO VỀ CẤP XÃ", "TTHC DO CẤP HUYỆN THỰC HIỆN TRƯỚC ĐÂY, NAY
CHUYỂN VỀ CẤP XÃ". The district named there is the former holder, not the level or agency
that does the procedure now, so every reading of levels and agencies (`levels.level_ids`,
`levels.name_tag`, the agency readings of `agencies`, the level of a section heading) drops
such a note first, here, in one place.

A note is found by its words, within one segment of the text (a note never runs past a
bracket, a line or a ";"):
- the past: "trước đây", "trước là", "trước 01/7/2025", "trước sắp xếp", "nguyên là",
  "thay thế", "thay cho", "thay" (not "thay đổi"), an English list's "formerly",
  "previously", "former": from there to the segment's end, or to
  "nay" / "sang"; a segment ending with "trước đây" ("do cấp huyện thực hiện trước đây,")
  is the past back to its clause's start;
- a source: "chuyển từ", "chuyển giao từ", "nhận bàn giao từ", "tiếp nhận nhiệm vụ từ",
  "sáp nhập từ": up to where it went ("về", "sang", "cho", "lên", "thành" …);
- a destination: "chuyển về", "chuyển giao về", "bàn giao cho", "điều chỉnh thành", "nay"
  ("nay là", ", nay chuyển về"): what the clause named before it is the former holder; a
  bracket that begins so ("Cấp huyện (nay là cấp xã)") says it of the words before it;
- a bracket whose words end with "cũ" ("(cấp huyện cũ)", "(Bộ TTTT cũ)").
What moves dossiers or results ("hồ sơ chuyển về Sở Tư pháp") is no transfer of the task.
Each marker is matched with or without diacritics.
"""

from __future__ import annotations

import re
import unicodedata

from procaudit.vn.text import strip_diacritics


def _either(*phrases: str) -> str:
    """An alternation of `phrases`, each as written and without its diacritics, any spaces
    between its words."""
    forms = dict.fromkeys(form for phrase in phrases for form in (phrase, strip_diacritics(phrase)))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms) + ")"


_W = r"(?<!\w)"  # a word starts here
_E = r"(?!\w)"  # a word ends here
_DATE = r"(?:(?:ngày|ngay)\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
_PAST = re.compile(
    _W
    + "(?:"
    + "|".join(
        (
            _either("trước đây", "trước kia", "trước là", "trước ngày", "thay thế"),
            # "Tài nguyên là …" is no note.
            r"(?<!tài\s)(?<!tai\s)" + _either("nguyên là"),
            _either("trước", "trước khi")
            + r"\s+"
            + _either("sắp xếp", "sáp nhập", "hợp nhất", "điều chỉnh", "chuyển giao"),
            _either("trước") + r"\s*" + _DATE,
            _either("thay") + r"(?!\s+" + _either("đổi", "mặt") + _E + ")",
            # An English list's notes: "Department of Home Affairs (formerly DOLISA)".
            _either("formerly", "previously", "former"),
        )
    )
    + ")"
    + _E,
    re.IGNORECASE,
)
_PAST_AT_END = re.compile(_W + _either("trước đây", "trước kia") + r"[\s,.:-]*$", re.IGNORECASE)
_PAST_END = re.compile(_W + _either("nay", "sang") + _E, re.IGNORECASE)
# Where a task went: what a source note stops before.
_TO = _either("về", "sang", "cho", "lên", "xuống", "thành", "đến", "nay")
_TO_RE = re.compile(_W + _TO + _E, re.IGNORECASE)
# A source: a verb of handing over, a few words, then "từ" ("tiếp nhận nhiệm vụ từ"); "Bộ
# phận tiếp nhận và trả kết quả" names no source.
_FROM = re.compile(
    _W
    + _either(
        "chuyển giao",
        "bàn giao",
        "chuyển",
        "nhận",
        "tiếp nhận",
        "sáp nhập",
        "hợp nhất",
        "điều chuyển",
        "tiếp quản",
        "kế thừa",
    )
    + r"(?:\s+[^\s()\[\],;]+){0,4}?\s+"
    + _either("từ")
    + _E,
    re.IGNORECASE,
)
# A destination: the verb and the word after it ("chuyển giao về", "điều chỉnh thành").
_TRANSFER = (
    _W
    + "(?:"
    + "|".join(
        (
            _either("chuyển giao", "bàn giao")
            + r"(?:\s+[^\s()\[\],;]+){0,2}?\s+"
            + _either("về", "sang", "cho", "lên", "xuống"),
            _either("chuyển")
            + r"\s+(?:"
            + _either("lại")
            + r"\s+)?"
            + _either("về", "sang", "lên", "xuống", "thành"),
            _either("điều chỉnh", "chuyển đổi", "đổi") + r"\s+" + _either("thành", "sang", "về"),
        )
    )
    + ")"
    + _E
)
_TRANSFER_RE = re.compile(_TRANSFER, re.IGNORECASE)
_TO_WORD = re.compile(_TO + _E + r"\s*$", re.IGNORECASE)
# "nay" (now) begins the present after a break (", nay …") or before what it says ("nay là").
_NOW = re.compile(_W + _either("nay") + _E, re.IGNORECASE)
_NOW_SAYS = re.compile(
    r"\s+" + _either("là", "chuyển", "thuộc", "do", "đã", "được", "giao") + _E, re.IGNORECASE
)
# What moves between offices without being the task: dossiers, results, papers.
_PAPERS = re.compile(
    _W + _either("hồ sơ", "kết quả", "giấy tờ", "văn bản", "tờ trình", "báo cáo") + _E,
    re.IGNORECASE,
)
_BRACKET_STARTS_PRESENT = re.compile(
    r"^\s*(?:" + _either("đã", "được") + r"\s+)?(?:" + _either("nay") + _E + "|" + _TRANSFER + ")",
    re.IGNORECASE,
)
# A bracket that says only "old" or "before" ("Cấp huyện (cũ)", "(trước 01/7/2025)") says it
# of the words before it.
_ONLY_PAST = re.compile(
    r"^\s*(?:"
    + "|".join(
        (
            r"cũ|cu",
            _either("trước đây", "trước kia"),
            _either("trước", "trước ngày") + r"\s*" + _DATE,
            _either("trước", "trước khi") + r"\s+" + _either("sắp xếp", "sáp nhập", "hợp nhất"),
        )
    )
    + r")\s*[.:]?\s*$",
    re.IGNORECASE,
)
_OLD_AT_END = re.compile(_W + r"(?:cũ|cu)\s*[.]?\s*$", re.IGNORECASE)
_SEGMENT = re.compile(r"[^()\[\]\n;]+")
# Every note holds one of these: text without them is returned as it is, unread.
_ANY = re.compile(
    _either("trước", "nguyên", "thay", "chuyển", "giao", "nhận", "sáp", "hợp", "nay", "cũ",
            "đổi", "điều", "former", "previously"),
    re.IGNORECASE,
)  # fmt: skip


def _now_at(segment: str) -> int | None:
    """Where the present begins in a segment ("…, nay là cấp xã"), None where it does not."""
    for found in _NOW.finditer(segment):
        before = segment[: found.start()].rstrip()
        if not before or before[-1] in ",:-–" or _NOW_SAYS.match(segment, found.end()):
            return found.start()
    return None


def _clause_start(segment: str, end: int) -> int:
    """Where the clause holding `end` begins: after the last comma before it."""
    return segment.rfind(",", 0, end) + 1


def _segment_notes(segment: str, bracketed: bool) -> list[tuple[int, int]]:
    """The spans of one segment that name the former holder."""
    spans: list[tuple[int, int]] = []
    if bracketed and _OLD_AT_END.search(segment):
        return [(0, len(segment))]  # "(cấp huyện cũ)"
    now = _now_at(segment)
    if now is not None and segment[:now].strip(" ,:-–"):
        spans.append((0, now))
    for found in _TRANSFER_RE.finditer(segment):
        start = _clause_start(segment, found.start())
        if not _PAPERS.search(segment, start, found.end()):
            to_word = _TO_WORD.search(found.group())
            spans.append((start, found.start() + (to_word.start() if to_word else 0)))
    for found in _FROM.finditer(segment):
        stop = _TO_RE.search(segment, found.end())
        spans.append((found.start(), stop.start() if stop else len(segment)))
    for found in _PAST.finditer(segment):
        stop = _PAST_END.search(segment, found.end())
        end = stop.start() if stop else len(segment)
        start = found.start()
        if _PAST_AT_END.match(segment, found.start(), end):  # "do cấp huyện làm trước đây,"
            start = _clause_start(segment, found.start())
        spans.append((start, end))
    return spans


def former_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` (NFC) that name a former holder, in order, not overlapping."""
    if not _ANY.search(text):
        return []
    spans: list[tuple[int, int]] = []
    previous: re.Match[str] | None = None
    for segment in _SEGMENT.finditer(text):
        start = segment.start()
        bracketed = start > 0 and text[start - 1] in "(["
        found = [(start + a, start + b) for a, b in _segment_notes(segment.group(), bracketed)]
        if (
            bracketed
            and previous is not None
            and previous.end() == start - 1
            and (
                _ONLY_PAST.match(segment.group())
                or (
                    _BRACKET_STARTS_PRESENT.match(segment.group())
                    and not _PAPERS.search(segment.group())
                )
            )
        ):
            # "Cấp huyện (nay là cấp xã)", "Cấp huyện (cũ)": the words before the bracket
            # are the former holder.
            words = previous.group()
            found.append((previous.start() + _clause_start(words, len(words)), start - 1))
        spans.extend(found)
        previous = segment
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def without_former(text: str) -> str:
    """`text` (NFC) without its notes on the former holder: "Cấp xã (trước đây cấp huyện)"
    -> "Cấp xã ()"."""
    text = unicodedata.normalize("NFC", text)
    spans = former_spans(text)
    if not spans:
        return text
    kept, at = [], 0
    for begin, end in spans:
        kept.append(text[at:begin])
        at = end
    kept.append(text[at:])
    return "".join(kept)
