"""Time PA204 near-duplicate-name on synthetic catalogues, median of several runs.

    python benchmarks/bench_near_duplicates.py [--rows 100000] [--million] [--repeat 5]

Builds realistic procedure names (families such as "Cấp" / "Cấp lại" / "Cấp đổi", qualifiers,
level tags) with a deterministic seed, plants near duplicates in about 3% of rows (a typo, a
dropped filler word, two words run together, a comma, a leading "Thủ tục") and exact
duplicates in 1% (PA203's, which PA204 must not report), then times the rule on a fresh
RuleContext ("cold": the name and level keys are computed inside) and on one whose keys are
already computed ("warm": in a real run PA201-PA203 share them). It also prints how many
planted pairs were found and a few reported rows that were not planted, to read by eye.
A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

import pandas as pd

from procaudit.catalogue.columns import ROW, SHEET
from procaudit.rules.context import RuleContext
from procaudit.rules.near_duplicates import near_duplicate_name

ACTIONS = ["Cấp", "Cấp lại", "Cấp đổi", "Cấp mới", "Gia hạn", "Điều chỉnh", "Sửa đổi, bổ sung",
           "Thu hồi", "Đăng ký", "Đăng ký lại", "Đăng ký thay đổi nội dung", "Xác nhận",
           "Công nhận", "Chấm dứt hiệu lực", "Tạm ngừng hiệu lực", "Thẩm định", "Phê duyệt",
           "Chấp thuận", "Thông báo", "Hủy", "Cấp bản sao", "Công bố"]  # fmt: skip
DOCUMENTS = ["Giấy phép", "Giấy chứng nhận đủ điều kiện", "Chứng chỉ hành nghề",
             "Giấy chứng nhận đăng ký", "Quyết định công nhận", "Văn bản chấp thuận",
             "Thẻ", "Giấy xác nhận"]  # fmt: skip
ACTIVITIES = ["kinh doanh", "sản xuất", "nhập khẩu", "xuất khẩu", "hoạt động", "lưu hành",
              "vận chuyển", "khảo nghiệm", "kiểm định", "buôn bán",
              "tạm nhập, tái xuất"]  # fmt: skip
GOODS = ["thuốc thú y", "phân bón", "giống cây trồng", "thức ăn chăn nuôi", "hóa chất",
         "vật liệu nổ công nghiệp", "khoáng sản", "pháo hoa", "thực phẩm", "mỹ phẩm",
         "trang thiết bị y tế", "thuốc bảo vệ thực vật", "giống thủy sản", "thức ăn thủy sản",
         "sản phẩm xử lý môi trường", "chất thải nguy hại", "gỗ và sản phẩm gỗ", "rượu",
         "thuốc lá", "xăng dầu", "khí dầu mỏ hóa lỏng", "tiền chất thuốc nổ", "vàng miếng",
         "dịch vụ bảo vệ", "dịch vụ cầm đồ", "dịch vụ karaoke", "dịch vụ lữ hành",
         "dịch vụ kiểm toán", "dịch vụ đấu giá tài sản", "dịch vụ viễn thông", "xuất bản phẩm",
         "thiết bị phát sóng", "phương tiện thủy nội địa", "xe cơ giới", "tàu cá", "tàu biển",
         "động vật hoang dã", "thực vật rừng", "nguồn phóng xạ", "thiết bị bức xạ",
         "vật tư nông nghiệp", "sản phẩm biến đổi gen", "nước sạch", "điện", "hàng dự trữ",
         "trò chơi điện tử", "con dấu", "vũ khí thể thao", "công cụ hỗ trợ", "mũ bảo hiểm",
         "thiết bị chữa cháy", "dược liệu", "vắc xin", "sinh phẩm", "dầu nhờn", "than",
         "đá quý", "xi măng", "thép xây dựng", "kính xây dựng", "sơn", "nhựa", "giấy",
         "bao bì", "muối", "đường", "sữa", "thủy sản sống", "cá cảnh", "hoa lan", "cà phê",
         "hạt điều", "cao su", "hồ tiêu", "chè", "gạo", "ngô", "sắn", "mía"]  # fmt: skip
PROVINCES = ["Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
             "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai",
             "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình",
             "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
             "Đắk Lắk", "Thành phố Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ",
             "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang"]  # fmt: skip
QUALIFIERS = ["", "", "", "đối với tổ chức", "đối với cá nhân", "cho hộ kinh doanh",
              "cho doanh nghiệp có vốn đầu tư nước ngoài", "có yếu tố nước ngoài",
              "tại khu vực biên giới", "trong trường hợp bị mất, hư hỏng",
              "trên địa bàn tỉnh {province}", "của thương nhân nước ngoài",
              "thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh", "theo Nghị định số {n}/{year}/NĐ-CP",
              "lần đầu", "hạng I", "hạng II", "hạng III", "theo mẫu số {m}",
              "cho các cơ sở sản xuất và kinh doanh", "qua cửa khẩu {province}",
              "trong nước", "ngoài nước", "không thuộc diện kiểm tra chuyên ngành"]  # fmt: skip
LEVELS = ["Cấp bộ", "Cấp tỉnh", "Cấp xã", "Cấp tỉnh, Cấp xã", "Cấp bộ, Cấp tỉnh"]
TAGS = {"Cấp tỉnh": " (thực hiện tại cấp tỉnh)", "Cấp xã": " (cấp xã)", "Cấp bộ": " (cấp Bộ)"}
TYPOS = {"ấ": "á", "ậ": "ạ", "ả": "á", "ế": "é", "ộ": "ô", "ư": "u", "ơ": "o", "ă": "a", "đ": "d",
         "ị": "i", "ủ": "u", "ọ": "o", "à": "a", "ể": "ê"}  # fmt: skip
FILLERS = ("của", "và", "các")


def procedure_name(rng: random.Random) -> str:
    qualifier = rng.choice(QUALIFIERS).format(
        province=rng.choice(PROVINCES),
        n=rng.randint(1, 180),
        year=rng.randint(2010, 2025),
        m=rng.randint(1, 40),
    )
    name = (f"{rng.choice(ACTIONS)} {rng.choice(DOCUMENTS)} {rng.choice(ACTIVITIES)} "
            f"{rng.choice(GOODS)} {qualifier}").strip()  # fmt: skip
    return name


def typo(name: str, rng: random.Random) -> str | None:
    words = name.split(" ")
    spots = [(i, j) for i, w in enumerate(words) for j, c in enumerate(w) if c in TYPOS]
    if rng.random() < 0.3:  # two letters swapped
        spots = [(i, -1) for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not spots:
        return None
    i, j = rng.choice(spots)
    word = words[i]
    if j < 0:
        k = rng.randrange(len(word) - 1)
        words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    else:
        words[i] = word[:j] + TYPOS[word[j]] + word[j + 1 :]
    return " ".join(words)


def without_filler(name: str, rng: random.Random) -> str | None:
    words = name.split(" ")
    spots = [i for i, w in enumerate(words) if w in FILLERS and 0 < i < len(words) - 1]
    if not spots or len(words) < 5:
        return None
    del words[rng.choice(spots)]
    return " ".join(words)


def run_together(name: str, rng: random.Random) -> str | None:
    words = name.split(" ")
    spots = [i for i in range(len(words) - 1) if words[i].isalpha() and words[i + 1].isalpha()]
    if not spots:
        return None
    i = rng.choice(spots)
    return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])


def with_comma(name: str, rng: random.Random) -> str | None:
    words = name.split(" ")
    i = rng.randrange(len(words) - 1)
    if not words[i].isalpha():
        return None
    words[i] += ","
    return " ".join(words)


def with_prefix(name: str, _: random.Random) -> str | None:
    return "Thủ tục " + name[0].lower() + name[1:]


MUTATIONS: list[Callable[[str, random.Random], str | None]] = [
    typo,
    typo,
    without_filler,
    run_together,
    with_comma,
    with_prefix,
]


def catalogue(rows: int, seed: int = 204) -> tuple[pd.DataFrame, set[tuple[int, int]]]:
    """`rows` rows: distinct names, ~3% near duplicates of earlier rows (returned as pairs of
    positions) and ~1% exact duplicates in another case."""
    rng = random.Random(seed)
    names: list[str] = []
    levels: list[str] = []
    seen: set[str] = set()
    planted: set[tuple[int, int]] = set()
    while len(names) < rows:
        roll = rng.random()
        if names and roll < 0.03:
            base = rng.randrange(len(names))
            near = rng.choice(MUTATIONS)(names[base], rng)
            if near is None or near in seen:
                continue
            planted.add((base, len(names)))
            names.append(near)
            levels.append(levels[base])
        elif names and roll < 0.04:
            base = rng.randrange(len(names))
            names.append(names[base].upper())
            levels.append(levels[base])
        else:
            level = rng.choice(LEVELS)
            name = procedure_name(rng)
            if rng.random() < 0.1 and level in TAGS:
                name += TAGS[level]
            if name in seen:
                continue
            names.append(name)
            levels.append(level)
        seen.add(names[-1])
    frame = pd.DataFrame({
        "code": [f"{1 + i % 3}.{i % 1_000_000:06d}" for i in range(rows)],
        "name": names,
        "level": levels,
    }).astype("str")  # fmt: skip
    frame[ROW] = range(2, rows + 2)
    frame[SHEET] = "Danh mục"
    return frame, planted


def timed(frame: pd.DataFrame, repeat: int, warm: bool) -> float:
    times = []
    context = RuleContext(frame)
    for _ in range(repeat):
        if not warm:
            context = RuleContext(frame)
        else:  # the keys PA201-PA203 have already computed in a real run
            _ = context.name_keys, context.level_keys, context.abolished
        start = time.perf_counter()
        near_duplicate_name(context)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(frame: pd.DataFrame, planted: set[tuple[int, int]]) -> None:
    """How many planted pairs were found, and the reported rows that no planted pair explains
    (an exact copy of a planted row is explained: it is the same name at the same level)."""
    context = RuleContext(frame)
    found = near_duplicate_name(context)
    flagged = set(frame.index.get_indexer(found.index))
    caught = sum(1 for a, b in planted if a in flagged and b in flagged)
    same = (context.name_keys + "|" + context.level_keys).to_numpy()
    explained = {same[i] for pair in planted for i in pair}
    other = sorted(i for i in flagged if same[i] not in explained)
    print(f"  {len(frame):,} rows, {frame['name'].nunique():,} distinct names, "
          f"{len(planted):,} planted pairs: {caught:,} found; {len(found):,} rows reported, "
          f"{len(other):,} of them outside the planted pairs:")  # fmt: skip
    for i in other[:5]:
        print(f"    row {frame[ROW].iat[i]}: {found.at[frame.index[i], 'message']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000])
    parser.add_argument("--million", action="store_true", help="also 1,000,000 rows")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [*args.rows, *([1_000_000] if args.million else [])]
    print(f"{'rows':>10} {'cold s':>8} {'warm s':>8}")
    for rows in sizes:
        frame, planted = catalogue(rows)
        repeat = args.repeat if rows < 1_000_000 else max(1, args.repeat // 2)
        cold, warm = timed(frame, repeat, warm=False), timed(frame, repeat, warm=True)
        print(f"{rows:>10,} {cold:>8.3f} {warm:>8.3f}")
        report(frame, planted)


if __name__ == "__main__":
    main()
