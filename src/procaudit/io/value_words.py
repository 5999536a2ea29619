"""What the reader says of a column its values decided about (`values.ValueChoice`): one
sentence for the file's notes ("column 'TEN_TAT' is read as the code because …") and one
for `procaudit inspect`'s table of columns, which names the column already and quotes its
values."""

from __future__ import annotations

from procaudit.catalogue.columns import named_column
from procaudit.core.i18n import t
from procaudit.io.marks import MARKS
from procaudit.io.said_columns import OLD_SCALE, SAYS_NOTHING
from procaudit.io.unheaded_columns import AGENCIES, DECISIONS, LEVELS, ONLINE_LEVELS, STATUSES
from procaudit.io.values import (
    AGENCY_IDS,
    AGENCY_NAMES,
    CUT_NAMES,
    HIDDEN,
    INTERNAL_IDS,
    NAMES,
    NATIONAL_CODES,
    NO_ONLINE_LEVELS,
    OTHER_CODES,
    SHARED_CODES,
    UNHEADED_NAMES,
    WHOLE_NUMBERS,
    ValueChoice,
)

# English, Vietnamese.
_Words = tuple[str, str]


def note(choice: ValueChoice, header: str) -> str:
    """The note on a column (`header`, quoted) the values decided about."""
    examples = _examples(choice)
    if choice.reason == HIDDEN:
        said = t("is {said}", "{said}", said=_hidden(choice))
    elif choice.regardless:
        said = t(
            "is read as the {column} for want of another column, though {why}",
            "được đọc là cột {column} vì không có cột nào khác, dù {why}",
            column=named_column(choice.column),
            why=t(*_refused(choice)[1], examples=examples, column=named_column(choice.column)),
        )
    elif choice.chosen:
        english, vietnamese, _, _ = _CHOSEN.get(choice.reason, _CHOSEN[""])
        said = t(
            "is read as the {column} because " + english,
            "được đọc là cột {column} vì " + vietnamese,
            # Vietnamese names the status column's content in words.
            column=(
                t(choice.column, "tình trạng")
                if choice.reason == STATUSES
                else named_column(choice.column)
            ),
            examples=examples,
        )
    else:
        column = named_column(choice.column)
        said = t(
            "is not read as the {column}: {why}",
            # Vietnamese names the column by its usual header: where the file's is the same,
            # "cột 'Mức độ DVC' không được đọc là cột 'Mức độ DVC'" would say nothing.
            "không được đọc theo tiêu đề: {why}"
            if column == header
            else "không được đọc là cột {column}: {why}",
            column=column,
            why=t(*_refused(choice)[0], examples=examples, column=column),
        )
    return t("column {header} {said}", "cột {header} {said}", header=header, said=said)


def reason(choice: ValueChoice) -> str:
    """Why the values chose a column, or refused the one its header names, in words."""
    examples = _examples(choice)
    if choice.reason == HIDDEN:
        return _hidden(choice)
    if choice.regardless:
        return t(
            "for want of another column, though {why}",
            "vì không có cột nào khác, dù {why}",
            why=t(*_refused(choice)[1], examples=examples, column=named_column(choice.column)),
        )
    if choice.chosen:
        _, _, english, vietnamese = _CHOSEN.get(choice.reason, _CHOSEN[""])
        return t(english, vietnamese, examples=examples)
    why = t(*_refused(choice)[1], examples=examples, column=named_column(choice.column))
    if choice.reason in (OTHER_CODES, SHARED_CODES):  # a column no header names may be so
        return why
    return t(
        "its header names the {column}, but {why}",
        "theo tiêu đề đây là cột {column}, nhưng {why}",
        column=named_column(choice.column),
        why=why,
    )


_LONGEST_EXAMPLE = 40  # characters of an example quoted (a name, an agency)


def _examples(choice: ValueChoice) -> str:
    if choice.reason == MARKS:
        return ", ".join(choice.examples)
    shown = [
        example if len(example) <= _LONGEST_EXAMPLE else example[: _LONGEST_EXAMPLE - 1] + "…"
        for example in choice.examples
    ]
    # Examples holding a comma ("Cấp huyện, Cấp xã") are told apart by another separator.
    between = "; " if any("," in example for example in shown) else ", "
    return between.join(shown) + between + "…" if shown else "…"


def _hidden(choice: ValueChoice) -> str:
    if choice.chosen:
        return t(
            "hidden in the sheet; it is read as the {column} because no visible column names it",
            "bị ẩn trong trang tính; cột này được đọc là cột {column} vì không có cột nào "
            "đang hiện mang tên đó",
            column=named_column(choice.column),
        )
    return t(
        "hidden in the sheet: the visible column naming the {column} is read instead",
        "bị ẩn trong trang tính: cột {column} đang hiện được đọc thay cho cột này",
        column=named_column(choice.column),
    )


# Why the values chose a column, by reason ("": procedure codes): in a note, then in
# `inspect`, each in English and Vietnamese.
_CHOSEN: dict[str, tuple[str, str, str, str]] = {
    STATUSES: (
        "its values are procedures' statuses ({examples})",
        "giá trị là tình trạng của thủ tục ({examples})",
        "its values are procedures' statuses: {examples}",
        "giá trị của cột là tình trạng của thủ tục: {examples}",
    ),
    LEVELS: (
        "its values are administrative levels ({examples})",
        "giá trị là cấp thực hiện ({examples})",
        "its values are administrative levels: {examples}",
        "giá trị của cột là cấp thực hiện: {examples}",
    ),
    DECISIONS: (
        "its values are publishing decisions ({examples})",
        "giá trị là quyết định công bố ({examples})",
        "its values are publishing decisions: {examples}",
        "giá trị của cột là quyết định công bố: {examples}",
    ),
    AGENCIES: (
        "it says where the procedure applies and its values are agencies ({examples})",
        "cột ghi nơi áp dụng thủ tục và giá trị là cơ quan ({examples})",
        "it says where the procedure applies; its values are agencies: {examples}",
        "cột ghi nơi áp dụng thủ tục; giá trị của cột là cơ quan: {examples}",
    ),
    NATIONAL_CODES: (
        "its values are national procedure codes ({examples})",
        "giá trị là mã thủ tục quốc gia ({examples})",
        "its values are national procedure codes: {examples}",
        "giá trị của cột là mã thủ tục quốc gia: {examples}",
    ),
    ONLINE_LEVELS: (
        "its values are online levels ({examples})",
        "giá trị là mức độ dịch vụ công trực tuyến ({examples})",
        "its values are online levels: {examples}",
        "giá trị của cột là mức độ dịch vụ công trực tuyến: {examples}",
    ),
    NAMES: (
        "its values are procedures' names ({examples})",
        "giá trị là tên thủ tục ({examples})",
        "its values are procedures' names: {examples}",
        "giá trị của cột là tên thủ tục: {examples}",
    ),
    UNHEADED_NAMES: (
        "no header names it and its values are procedures' names ({examples})",
        "không có tiêu đề nào chỉ ra cột này và giá trị là tên thủ tục ({examples})",
        "no header names the procedure's name; its values are procedures' names: {examples}",
        "không có tiêu đề nào chỉ ra cột tên thủ tục; giá trị của cột là tên thủ tục: {examples}",
    ),
    "": (
        "its values look like procedure codes ({examples})",
        "giá trị có dạng mã thủ tục ({examples})",
        "its values look like procedure codes: {examples}",
        "giá trị của cột có dạng mã thủ tục: {examples}",
    ),
}


def _refused(choice: ValueChoice) -> tuple[_Words, _Words]:
    """What the values of a column refused (or read regardless) are: in a note, in `inspect`."""
    return _REFUSED.get(choice.reason, _REFUSED[""])


# What the values of a refused column are, by reason ("": procedure codes): in a note, then
# in `inspect`.
_REFUSED: dict[str, tuple[_Words, _Words]] = {
    MARKS: (
        (
            "its values are marks ({examples}) with no other sub-column to say what they mark",
            "giá trị là dấu đánh ({examples}) mà không có cột con nào khác để biết dấu đó chỉ "
            "giá trị gì",
        ),
        (
            "its values are marks ({examples}) with no other sub-column beside it to say what "
            "they mark",
            "giá trị là dấu đánh ({examples}) mà không có cột con nào khác bên cạnh để biết "
            "dấu đó chỉ giá trị gì",
        ),
    ),
    WHOLE_NUMBERS: (
        (
            "its values are whole numbers (an internal id?)",
            "giá trị là số nguyên (mã định danh nội bộ?)",
        ),
        (
            "its values are whole numbers (an internal id?): {examples}",
            "giá trị là số nguyên (mã định danh nội bộ?): {examples}",
        ),
    ),
    INTERNAL_IDS: (
        (
            "its values are a database's internal ids, never procedure codes ({examples})",
            "giá trị là mã định danh nội bộ của cơ sở dữ liệu, không phải mã thủ tục ({examples})",
        ),
        (
            "its values are a database's internal ids, never procedure codes: {examples}",
            "giá trị là mã định danh nội bộ của cơ sở dữ liệu, không phải mã thủ tục: {examples}",
        ),
    ),
    AGENCY_IDS: (
        (
            "its values are agencies' electronic ids, not procedure codes ({examples})",
            "giá trị là mã định danh điện tử của cơ quan, không phải mã thủ tục ({examples})",
        ),
        (
            "its values are agencies' electronic ids, not procedure codes: {examples}",
            "giá trị là mã định danh điện tử của cơ quan, không phải mã thủ tục: {examples}",
        ),
    ),
    SHARED_CODES: (
        (
            "each of its values is given to procedures of different names ({examples}): "
            "another thing's codes (a field's, a unit's?)",
            "mỗi giá trị được dùng cho các thủ tục có tên khác nhau ({examples}): đây là mã "
            "của đối tượng khác (lĩnh vực, đơn vị?)",
        ),
        (
            "each of its values is given to procedures of different names, another thing's "
            "codes (a field's, a unit's?): {examples}",
            "mỗi giá trị được dùng cho các thủ tục có tên khác nhau, là mã của đối tượng khác "
            "(lĩnh vực, đơn vị?): {examples}",
        ),
    ),
    OTHER_CODES: (
        (
            "its codes are not national ones ({examples}): the column of national codes is "
            "read instead",
            "mã trong cột không phải mã quốc gia ({examples}): cột chứa mã quốc gia được đọc "
            "thay cho cột này",
        ),
        (
            "its codes are not national ones, and another column's are: {examples}",
            "mã trong cột không phải mã quốc gia, còn mã ở cột khác thì phải: {examples}",
        ),
    ),
    NO_ONLINE_LEVELS: (
        (
            "its values name no online level ({examples}): the column of levels is read instead",
            "giá trị không nêu mức độ dịch vụ công trực tuyến ({examples}): cột ghi mức độ "
            "được đọc thay cho cột này",
        ),
        (
            "its values name no online level, and another column's do: {examples}",
            "giá trị không nêu mức độ dịch vụ công trực tuyến, còn giá trị ở cột khác thì có: "
            "{examples}",
        ),
    ),
    SAYS_NOTHING: (
        (
            "none of its values is a {column} ({examples}): another column's are, and it is "
            "read instead",
            "không giá trị nào của cột là {column} ({examples}): cột có giá trị là {column} "
            "được đọc thay cho cột này",
        ),
        (
            "none of its values is a {column}, and another column's are: {examples}",
            "không giá trị nào của cột là {column}, còn giá trị ở cột khác thì có: {examples}",
        ),
    ),
    OLD_SCALE: (
        (
            "its values are on the scale Decree 42/2022 replaced ({examples}): the column of "
            "current levels (Toàn trình, Một phần) is read instead",
            "giá trị ghi theo thang mức độ đã được Nghị định 42/2022 thay thế ({examples}): "
            "cột ghi mức độ hiện hành (Toàn trình, Một phần) được đọc thay cho cột này",
        ),
        (
            "its values are on the scale Decree 42/2022 replaced, and another column gives "
            "the current levels: {examples}",
            "giá trị ghi theo thang mức độ đã được Nghị định 42/2022 thay thế, còn cột khác "
            "ghi mức độ hiện hành: {examples}",
        ),
    ),
    AGENCY_NAMES: (
        (
            "its values are agencies' names, not procedures' ({examples})",
            "giá trị là tên cơ quan, không phải tên thủ tục ({examples})",
        ),
        (
            "its values are agencies' names, not procedures': {examples}",
            "giá trị là tên cơ quan, không phải tên thủ tục: {examples}",
        ),
    ),
    CUT_NAMES: (
        ("its values are names cut short ({examples})", "giá trị là tên bị cắt ngắn ({examples})"),
        ("its values are names cut short: {examples}", "giá trị là tên bị cắt ngắn: {examples}"),
    ),
    "": (
        ("its values look like procedure codes", "giá trị có dạng mã thủ tục"),
        (
            "its values look like procedure codes: {examples}",
            "giá trị có dạng mã thủ tục: {examples}",
        ),
    ),
}
