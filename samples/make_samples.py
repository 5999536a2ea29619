"""Write the Lào Cai sample catalogue (150 procedures) as XLSX and CSV.

Every row below is written by hand; nothing is copied from real exports. A handful of rows carry
planted defects, each marked with a ``# PAxxx`` comment and listed in ``README.md``. All other
rows are meant to be clean under every rule, so the expected findings are exactly the planted ones.

Run from the repository root::

    python samples/make_samples.py

Output is byte-for-byte reproducible (fixed timestamps inside the XLSX zip), so regenerating the
samples never produces a spurious git diff.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

OUT_DIR = Path(__file__).parent
XLSX_PATH = OUT_DIR / "catalogue-lao-cai.xlsx"
CSV_PATH = OUT_DIR / "catalogue-lao-cai.csv"
SHEET_NAME = "Danh mục TTHC"

XLSX_HEADERS = [
    "STT", "Mã thủ tục", "Tên thủ tục hành chính", "Cấp thực hiện", "Lĩnh vực",
    "Cơ quan thực hiện", "Thời hạn giải quyết", "Phí, lệ phí", "Mẫu đơn, tờ khai",
    "Căn cứ pháp lý", "Mức độ DVC", "Số quyết định", "Ngày công bố", "Tình trạng",
]  # fmt: skip
CSV_HEADERS = [
    "stt", "ma_thu_tuc", "ten_thu_tuc", "cap_thuc_hien", "linh_vuc", "co_quan_thuc_hien",
    "thoi_han_giai_quyet", "phi_le_phi", "mau_don_to_khai", "can_cu_phap_ly", "muc_do_dvc",
    "so_quyet_dinh", "ngay_cong_bo", "tinh_trang",
]  # fmt: skip
COLUMN_WIDTHS = [6, 24, 70, 18, 26, 40, 30, 30, 50, 60, 12, 18, 14, 18]

# Levels. Two-tier local government: "Cấp huyện" is obsolete and only appears on PA501 rows.
TINH = "Cấp tỉnh"
XA = "Cấp xã"
TINH_XA = "Cấp tỉnh, Cấp xã"

TT = "Toàn trình"  # fully online (Decree 42/2022)
MP = "Một phần"  # partly online

SUA = "Sửa đổi, bổ sung"
MOI = "Ban hành mới"

KHONG = "Không"  # explicit "none": no fee / no form required. Not a defect.

UBND_XA = "Ủy ban nhân dân cấp xã"
CT_UBND_XA = "Chủ tịch Ủy ban nhân dân cấp xã"
VPDK = "Văn phòng đăng ký đất đai tỉnh Lào Cai"

# Fixed date used for the XLSX zip entries and document properties (reproducible output).
FIXED_TIMESTAMP = (2025, 11, 7, 0, 0, 0)


@dataclass(frozen=True)
class Field:
    name: str
    agency: str  # provincial department that handles the field
    legal: str  # default legal basis for procedures of the field


@dataclass(frozen=True)
class Decision:
    number: str
    date: str  # dd/mm/yyyy, kept as text


@dataclass(frozen=True)
class Proc:
    code: str
    name: str
    level: str
    field: Field
    time: str
    fee: str
    form: str
    online: str
    decision: Decision
    status: str = SUA
    agency: str | None = None  # None: derived from level and field
    legal: str | None = None  # None: the field's legal basis


# --- Publishing decisions of the (merged) province: a handful, as in a real year ------------
QD_1890 = Decision("1890/QĐ-UBND", "15/08/2025")
QD_2156 = Decision("2156/QĐ-UBND", "09/09/2025")
QD_2347 = Decision("2347/QĐ-UBND", "26/09/2025")
QD_2518 = Decision("2518/QĐ-UBND", "14/10/2025")
QD_2790 = Decision("2790/QĐ-UBND", "07/11/2025")
UNPUBLISHED = Decision("", "")  # PA401: in force but never announced

# --- Fields ---------------------------------------------------------------------------------
HO_TICH = Field(
    "Hộ tịch", "Sở Tư pháp",
    "Luật Hộ tịch số 60/2014/QH13; Nghị định số 123/2015/NĐ-CP; Thông tư số 04/2020/TT-BTP",
)  # fmt: skip
LLTP = Field(
    "Lý lịch tư pháp", "Sở Tư pháp",
    "Luật Lý lịch tư pháp số 28/2009/QH12; Nghị định số 111/2010/NĐ-CP",
)  # fmt: skip
CHUNG_THUC = Field(
    "Chứng thực", "Sở Tư pháp", "Nghị định số 23/2015/NĐ-CP; Thông tư số 01/2020/TT-BTP"
)
HOA_GIAI = Field(
    "Hòa giải ở cơ sở", "Sở Tư pháp",
    "Luật Hòa giải ở cơ sở số 35/2013/QH13; Nghị định số 15/2014/NĐ-CP",
)  # fmt: skip
CONG_CHUNG = Field(
    "Công chứng", "Sở Tư pháp", "Luật Công chứng số 46/2024/QH15; Nghị định số 104/2025/NĐ-CP"
)
DAT_DAI = Field(
    "Đất đai", "Sở Nông nghiệp và Môi trường",
    "Luật Đất đai số 31/2024/QH15; Nghị định số 101/2024/NĐ-CP; Nghị định số 151/2025/NĐ-CP",
)  # fmt: skip
NUOC = Field(
    "Tài nguyên nước", "Sở Nông nghiệp và Môi trường",
    "Luật Tài nguyên nước số 28/2023/QH15; Nghị định số 54/2024/NĐ-CP",
)  # fmt: skip
XAY_DUNG = Field(
    "Xây dựng", "Sở Xây dựng",
    "Luật Xây dựng số 50/2014/QH13; Luật số 62/2020/QH14; Nghị định số 175/2024/NĐ-CP",
)  # fmt: skip
GIAO_THONG = Field(
    "Giao thông đường bộ", "Sở Xây dựng",
    "Luật Đường bộ số 35/2024/QH15; Nghị định số 165/2024/NĐ-CP",
)  # fmt: skip
GIAO_DUC = Field(
    "Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo",
    "Luật Giáo dục số 43/2019/QH14; Nghị định số 125/2024/NĐ-CP",
)  # fmt: skip
Y_TE = Field(
    "Khám bệnh, chữa bệnh", "Sở Y tế",
    "Luật Khám bệnh, chữa bệnh số 15/2023/QH15; Nghị định số 96/2023/NĐ-CP",
)  # fmt: skip
DKKD = Field(
    "Đăng ký kinh doanh", "Sở Tài chính",
    "Luật Doanh nghiệp số 59/2020/QH14; Nghị định số 168/2025/NĐ-CP",
)  # fmt: skip
LAO_DONG = Field(
    "Lao động", "Sở Nội vụ",
    "Bộ luật Lao động số 45/2019/QH14; Nghị định số 152/2020/NĐ-CP; Nghị định số 219/2025/NĐ-CP",
)  # fmt: skip
NGUOI_CO_CONG = Field(
    "Người có công", "Sở Nội vụ",
    "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14; "
    "Nghị định số 131/2021/NĐ-CP",
)  # fmt: skip
BAO_TRO = Field(
    "Bảo trợ xã hội", "Sở Y tế", "Nghị định số 20/2021/NĐ-CP; Nghị định số 76/2024/NĐ-CP"
)
VAN_HOA = Field(
    "Văn hóa", "Sở Văn hóa, Thể thao và Du lịch",
    "Nghị định số 110/2018/NĐ-CP; Nghị định số 144/2020/NĐ-CP",
)  # fmt: skip
DU_LICH = Field(
    "Du lịch", "Sở Văn hóa, Thể thao và Du lịch",
    "Luật Du lịch số 09/2017/QH14; Nghị định số 168/2017/NĐ-CP",
)  # fmt: skip

# --- Rows that are planted twice (duplicates are built from these, so the copies stay exact) ---
GIAM_HO = Proc(
    "1.004837", "Đăng ký giám hộ", XA, HO_TICH, "03 ngày làm việc",
    "Lệ phí: 5.000 đồng/trường hợp", "Tờ khai đăng ký giám hộ (Mẫu TP/HT-2020-GH.1)", MP, QD_1890,
)  # fmt: skip
CONG_NHAN_HGV = Proc(
    "2.000930", "Công nhận hòa giải viên", XA, HOA_GIAI, "03 ngày làm việc", KHONG,
    "Văn bản đề xuất công nhận hòa giải viên (Mẫu số 01/HGCS)", MP, QD_1890, agency=CT_UBND_XA,
)  # fmt: skip
CAP_LAI_GCN = Proc(
    "1.012781",
    "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất",
    TINH, DAT_DAI, "10 ngày làm việc", "Lệ phí: 50.000 đồng/giấy",
    "Đơn đề nghị cấp lại Giấy chứng nhận (Mẫu số 11/ĐK)", MP, QD_2156, agency=VPDK,
)  # fmt: skip
HKD_THANH_LAP = Proc(
    "2.000575", "Thủ tục đăng ký thành lập hộ kinh doanh", XA, DKKD, "03 ngày làm việc",
    "Lệ phí: 100.000 đồng/lần", "Giấy đề nghị đăng ký hộ kinh doanh (Mẫu số 01/ĐKKD)", TT,
    QD_2790, agency=UBND_XA,
)  # fmt: skip

# The catalogue, in order: procedure i (1-based) is Excel row i + 1 and CSV line i + 1.
# Comments "row N" give that Excel row number for the planted defects.
ROWS: list[Proc] = [
    # ---------------- Hộ tịch (Cấp xã, Ủy ban nhân dân cấp xã) ----------------
    Proc("1.001193", "Đăng ký khai sinh", XA, HO_TICH, "Trong ngày làm việc", KHONG,
         "Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)", TT, QD_1890),
    Proc("1.000894", "Đăng ký kết hôn", XA, HO_TICH, "Trong ngày làm việc", KHONG,
         "Tờ khai đăng ký kết hôn (Mẫu TP/HT-2020-KH.1)", MP, QD_1890),
    Proc("1.000656", "Đăng ký khai tử", XA, HO_TICH, "Trong ngày làm việc", KHONG,
         "Tờ khai đăng ký khai tử (Mẫu TP/HT-2020-KT.1)", TT, QD_1890),
    GIAM_HO,  # PA201 (row 5): first copy; the near-identical copy is on row 68
    Proc("1.001022", "Đăng ký nhận cha, mẹ, con", XA, HO_TICH, "03 ngày làm việc",
         "Lệ phí: 15.000 đồng/trường hợp",
         "Tờ khai đăng ký nhận cha, mẹ, con (Mẫu TP/HT-2020-CMC.1)", MP, QD_1890),
    Proc("1.004859", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", XA, HO_TICH,
         "03 ngày làm việc", "Lệ phí: 15.000 đồng/trường hợp",
         "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch "
         "(Mẫu TP/HT-2020-TĐCC.1)", TT, QD_1890),
    Proc("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", XA, HO_TICH, "03 ngày làm việc",
         "Lệ phí: 3.000 đồng/bản",
         "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (Mẫu TP/HT-2020-XNTTHN.1)", TT, QD_1890),
    Proc("2.000528", "Đăng ký khai sinh có yếu tố nước ngoài", XA, HO_TICH, "03 ngày làm việc",
         "Lệ phí: 75.000 đồng/trường hợp", "Tờ khai đăng ký khai sinh (Mẫu TP/HT-2020-KS.1)",
         MP, QD_1890),
    Proc("2.000806", "Đăng ký kết hôn có yếu tố nước ngoài", XA, HO_TICH,
         "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Lệ phí: 1.500.000 đồng/trường hợp",
         "Tờ khai đăng ký kết hôn (Mẫu TP/HT-2020-KH.1)", MP, QD_1890),
    # Not a defect (rows 11-12): the same name at two DIFFERENT levels, with different codes.
    Proc("2.000635", "Cấp bản sao trích lục hộ tịch", XA, HO_TICH, "Trong ngày làm việc",
         "Phí: 8.000 đồng/bản sao",
         "Tờ khai cấp bản sao trích lục hộ tịch (Mẫu TP/HT-2020-TLBS)", TT, QD_1890),
    Proc("2.000547", "Cấp bản sao trích lục hộ tịch", TINH, HO_TICH, "Trong ngày làm việc",
         "Phí: 8.000 đồng/bản sao",
         "Tờ khai cấp bản sao trích lục hộ tịch (Mẫu TP/HT-2020-TLBS)", TT, QD_1890),
    Proc("1.004884", "Đăng ký lại khai sinh", XA, HO_TICH, "05 ngày làm việc", KHONG,
         "Tờ khai đăng ký lại khai sinh (Mẫu TP/HT-2020-KS.2)", MP, QD_1890),
    # PA601 (row 14): the name was typed in a TCVN3 font (.VnTime) and pasted as it shows
    Proc("1.004845", "§¨ng ký chÊm døt gi¸m hé", XA, HO_TICH, "02 ngày làm việc",
         "Lệ phí: 5.000 đồng/trường hợp",
         "Tờ khai đăng ký chấm dứt giám hộ (Mẫu TP/HT-2020-CDGH)", MP, QD_1890),
    # Valid local code, short form (national code + agency suffix).
    Proc("1.012917.H19",
         "Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan "
         "có thẩm quyền của nước ngoài", XA, HO_TICH, "05 ngày làm việc",
         "Lệ phí: 50.000 đồng/trường hợp",
         "Tờ khai ghi vào Sổ hộ tịch việc hộ tịch (Mẫu TP/HT-2020-GCHT)", MP, QD_1890,
         status=MOI),
    # ---------------- Lý lịch tư pháp (Sở Tư pháp) ----------------
    Proc("2.001417",
         "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại "
         "Việt Nam", TINH, LLTP, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "Phí: 200.000 đồng/lần/người",
         "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", TT, QD_1890),
    Proc("2.001363", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", TINH, LLTP,
         "05 ngày làm việc", KHONG,
         "Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 05a/2013/TT-LLTP)", MP, QD_1890),
    Proc("2.001391",
         "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị "
         "- xã hội", TINH, LLTP, "10 ngày làm việc", KHONG,
         "Văn bản yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 05b/2013/TT-LLTP)", MP,
         Decision("QĐ/0001-UBND", "")),  # PA402 (row 18): placeholder decision number
    # ---------------- Chứng thực (Cấp xã) ----------------
    Proc("2.000815",
         "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
         "của Việt Nam cấp hoặc chứng nhận", XA, CHUNG_THUC, "Trong ngày làm việc",
         "Phí: 2.000 đồng/trang", KHONG, TT, QD_1890),
    Proc("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", XA, CHUNG_THUC,
         "Trong ngày làm việc", "Phí: 10.000 đồng/trường hợp", KHONG, MP, QD_1890,
         agency="Phòng Tư pháp huyện"),  # PA501 (row 20): a district office
    Proc("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", XA,
         CHUNG_THUC, "02 ngày làm việc", "Phí: 50.000 đồng/hợp đồng, giao dịch",
         "Phiếu yêu cầu chứng thực hợp đồng, văn bản (Mẫu số 01/PYC)", MP, QD_1890),
    Proc("2.001019", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", XA,
         CHUNG_THUC, "02 ngày làm việc", "Phí: 30.000 đồng/hợp đồng, giao dịch",
         "Phiếu yêu cầu chứng thực hợp đồng, văn bản (Mẫu số 01/PYC)", MP, QD_1890),
    # ---------------- Hòa giải ở cơ sở (Cấp xã) ----------------
    CONG_NHAN_HGV,  # PA203 (row 23): new tone placement "hòa"; old-style copy on row 126
    Proc("2.000914", "Công nhận tổ trưởng tổ hòa giải", XA, HOA_GIAI, "03 ngày làm việc", KHONG,
         "Văn bản đề xuất công nhận tổ trưởng tổ hòa giải (Mẫu số 02/HGCS)", MP, QD_1890,
         agency=CT_UBND_XA),
    Proc("2.000908", "Thôi làm hòa giải viên", XA, HOA_GIAI, "03 ngày làm việc", KHONG, KHONG,
         MP, QD_1890, agency=CT_UBND_XA),
    # PA502 (row 26, level and agency): the tag says cấp tỉnh, the row says cấp xã
    Proc("2.000889", "Thanh toán thù lao cho hòa giải viên (thực hiện tại cấp tỉnh)", XA,
         HOA_GIAI, "05 ngày làm việc",
         KHONG, "Giấy đề nghị thanh toán thù lao cho hòa giải viên (Mẫu số 03/HGCS)", MP,
         QD_1890),
    # ---------------- Công chứng (Sở Tư pháp) ----------------
    Proc("1.001071", "Thành lập Văn phòng công chứng", TINH, CONG_CHUNG,
         "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Phí: 1.000.000 đồng/hồ sơ",
         "Đơn đề nghị thành lập Văn phòng công chứng (Mẫu TP-CC-06)", MP, QD_1890),
    Proc("1.001125", "Đăng ký hoạt động Văn phòng công chứng", TINH, CONG_CHUNG,
         "10 ngày làm việc", "Phí: 1.000.000 đồng/hồ sơ",
         "Đơn đề nghị đăng ký hoạt động Văn phòng công chứng (Mẫu TP-CC-08)", MP, QD_1890),
    Proc("1.001153", "Đăng ký hành nghề và cấp Thẻ công chứng viên", TINH, CONG_CHUNG,
         "10 ngày làm việc", "Phí: 100.000 đồng/hồ sơ",
         "Đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên (Mẫu TP-CC-10)", TT,
         Decision("1890/QD-UBND", "15/08/2025")),  # PA402 (row 29): "QD" instead of "QĐ"
    Proc("1.001756", "Chuyển đổi Văn phòng công chứng do một công chứng viên thành lập", TINH,
         CONG_CHUNG, "20 ngày làm việc", "Phí: 500.000 đồng/hồ sơ",
         "Đơn đề nghị chuyển đổi Văn phòng công chứng (Mẫu TP-CC-11)", MP, QD_1890),
    Proc("2.002384", "Hợp nhất Văn phòng công chứng", TINH, CONG_CHUNG, "20 ngày làm việc",
         "Phí: 1.000.000 đồng/hồ sơ",
         "Đơn đề nghị hợp nhất Văn phòng công chứng (Mẫu TP-CC-12)", MP, QD_1890),
    # ---------------- Đất đai (Sở Nông nghiệp và Môi trường, Văn phòng đăng ký đất đai) ------
    Proc("1.012756",
         "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu",
         TINH, DAT_DAI, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "Lệ phí: 100.000 đồng/giấy",
         "Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)", MP, QD_2156,
         agency=VPDK),
    Proc("1.012773",
         "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", TINH,
         DAT_DAI, "10 ngày làm việc", "Lệ phí: 50.000 đồng/lần",
         "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)", MP, QD_2156,
         agency=VPDK),
    CAP_LAI_GCN,  # PA203 (row 34): same name, same level, other code on row 134
    Proc("1.012790", "Đính chính Giấy chứng nhận đã cấp", TINH, DAT_DAI, "10 ngày làm việc",
         KHONG, "Đơn đề nghị đính chính Giấy chứng nhận (Mẫu số 12/ĐK)", MP, QD_2156,
         agency=VPDK),
    Proc("1.012801", "Giao đất, cho thuê đất không đấu giá quyền sử dụng đất", TINH, DAT_DAI,
         "20 ngày làm việc", KHONG, "Đơn xin giao đất, cho thuê đất (Mẫu số 02a)", MP,
         QD_2156),
    # PA101 (row 37): national code with only five digits
    Proc("1.00123", "Chuyển mục đích sử dụng đất", TINH, DAT_DAI, "15 ngày làm việc", KHONG,
         "Đơn xin chuyển mục đích sử dụng đất (Mẫu số 02c)", MP, QD_2156),
    Proc("1.012829", "Gia hạn sử dụng đất khi hết thời hạn sử dụng đất", TINH, DAT_DAI,
         "15 ngày làm việc", KHONG, "Đơn xin gia hạn sử dụng đất (Mẫu số 08)", MP, QD_2156),
    Proc("1.012834",
         "Thu hồi đất do chấm dứt việc sử dụng đất theo pháp luật, tự nguyện trả lại đất", TINH,
         DAT_DAI, "20 ngày làm việc", KHONG, "Văn bản trả lại đất (Mẫu số 13a)", MP, QD_2156),
    Proc("1.012847", "Cung cấp thông tin, dữ liệu đất đai", TINH_XA, DAT_DAI,
         "Trong ngày làm việc", "Phí: 300.000 đồng/hồ sơ",
         "Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai (Mẫu số 13/PYC)", TT, QD_2156,
         agency=f"{VPDK}; {UBND_XA}"),
    Proc("1.012852", "Hòa giải tranh chấp đất đai", XA, DAT_DAI,
         "30 ngày kể từ ngày nhận được đơn", KHONG,
         "Đơn yêu cầu hòa giải tranh chấp đất đai (Mẫu số 01/HGTC)", MP, QD_2156),
    Proc("1.012868",
         "Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý", XA,
         DAT_DAI, "15 ngày làm việc", KHONG, "Đơn đăng ký đất đai (Mẫu số 04/ĐK)", MP,
         UNPUBLISHED),  # PA401 (row 42): no publishing decision
    Proc("1.012873",
         "Xác định lại diện tích đất ở cho hộ gia đình, cá nhân đã được cấp Giấy chứng nhận",
         TINH, DAT_DAI, "15 ngày làm việc", KHONG,
         "Đơn đề nghị xác định lại diện tích đất ở (Mẫu số 11/ĐK)", MP, QD_2156, agency=VPDK),
    # Valid local code, long form.
    Proc("1.012885.000.00.00.H29",
         "Đăng ký xác lập quyền sử dụng hạn chế thửa đất liền kề", TINH, DAT_DAI,
         "10 ngày làm việc", "Lệ phí: 50.000 đồng/hồ sơ",
         "Đơn đăng ký biến động đất đai (Mẫu số 11/ĐK)", MP, QD_2156, agency=VPDK),
    Proc("1.012892", "Tách thửa hoặc hợp thửa đất", TINH, DAT_DAI, "15 ngày làm việc",
         "Lệ phí: 50.000 đồng/hồ sơ",
         "Đơn đề nghị tách thửa đất, hợp thửa đất (Mẫu số 01/TT-HT)", "Mức độ 3", QD_2156,
         agency=VPDK),  # PA503 (row 45): the online level of the old scale
    Proc("1.012904",
         "Xóa đăng ký cho thuê, cho thuê lại, góp vốn bằng quyền sử dụng đất", TINH, DAT_DAI,
         "03 ngày làm việc", "Lệ phí: 30.000 đồng/hồ sơ",
         "Đơn đề nghị xóa đăng ký (Mẫu số 11/ĐK)", TT, QD_2156, agency=VPDK),
    Proc("1.012911",
         "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", TINH, DAT_DAI,
         "Trong ngày làm việc", "Lệ phí: 80.000 đồng/hồ sơ",
         "Phiếu yêu cầu đăng ký thế chấp (Mẫu số 01a)", TT, QD_2156, agency=VPDK),
    # ---------------- Tài nguyên nước (Sở Nông nghiệp và Môi trường) ----------------
    Proc("1.004232",
         "Cấp giấy phép thăm dò nước dưới đất đối với công trình có quy mô dưới 3.000 m3/ngày "
         "đêm", TINH, NUOC, "25 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "Phí thẩm định: 600.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép thăm dò nước dưới đất (Mẫu số 01)", MP, QD_2156),
    # PA202 (row 49): code 1.004228 is reused on row 97 for a different procedure
    Proc("1.004228",
         "Cấp giấy phép khai thác nước dưới đất đối với công trình có quy mô dưới 3.000 m3/ngày "
         "đêm", TINH, NUOC, "30 ngày làm việc", "Phí thẩm định: 1.400.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép khai thác nước dưới đất (Mẫu số 05)", MP, QD_2156),
    Proc("1.004253",
         "Cấp giấy phép khai thác, sử dụng nước mặt cho sản xuất nông nghiệp, nuôi trồng thủy "
         "sản với lưu lượng dưới 2 m3/giây", TINH, NUOC, "30 ngày làm việc",
         "Phí thẩm định: 1.800.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép khai thác, sử dụng nước mặt (Mẫu số 07)", MP, QD_2156),
    Proc("1.004211", "Gia hạn, điều chỉnh giấy phép khai thác, sử dụng nước mặt", TINH, NUOC,
         "25 ngày làm việc", "Phí thẩm định: 900.000 đồng/hồ sơ",
         "Đơn đề nghị gia hạn, điều chỉnh giấy phép (Mẫu số 08)", MP, QD_2156),
    Proc("2.001738", "Cấp giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ", TINH, NUOC,
         "10 ngày làm việc", "Phí thẩm định: 700.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép hành nghề khoan nước dưới đất (Mẫu số 33)", TT, QD_2156),
    # PA103 (row 53): the name cell was left empty
    Proc("1.004179", "", TINH, NUOC, "20 ngày làm việc", "Phí thẩm định: 500.000 đồng/hồ sơ",
         "Đơn đề nghị (Mẫu số 40)", MP, QD_2156),
    # Valid local code, long form.
    Proc("1.004167.000.00.00.H29",
         "Thẩm định, phê duyệt phương án cắm mốc giới hành lang bảo vệ nguồn nước", TINH, NUOC,
         "30 ngày làm việc", KHONG,
         "Văn bản đề nghị phê duyệt phương án cắm mốc (Mẫu số 01/HLBV)", MP, QD_2156),
    # ---------------- Xây dựng (Sở Xây dựng; nhà ở riêng lẻ ở cấp xã) ----------------
    Proc("1.009972", "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng", TINH, XAY_DUNG,
         "25 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "Phí thẩm định theo Thông tư số 28/2023/TT-BTC",
         "Tờ trình thẩm định Báo cáo nghiên cứu khả thi (Mẫu số 01 Phụ lục I)", TT, QD_2347),
    Proc("1.009973", "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở", TINH, XAY_DUNG,
         "30 ngày làm việc", "Phí thẩm định theo Thông tư số 28/2023/TT-BTC",
         "Tờ trình thẩm định thiết kế xây dựng (Mẫu số 06 Phụ lục I)", TT, QD_2347),
    Proc("1.009974",
         "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II", TINH,
         XAY_DUNG, "20 ngày làm việc", "Lệ phí: 150.000 đồng/giấy phép",
         "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II)", MP, QD_2347),
    Proc("1.009976", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", XA, XAY_DUNG,
         "15 ngày làm việc", "Lệ phí: 75.000 đồng/giấy phép", "mau-01-gpxd.docx", MP, QD_2347),
    Proc("1.009977", "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", XA, XAY_DUNG,
         "15 ngày làm việc", "Lệ phí: 75.000 đồng/giấy phép", "mau-01-gpxd.docx", MP, QD_2347),
    # PA301 (row 60): the form cell is empty although the dossier needs an application form
    Proc("1.009978", "Cấp giấy phép di dời đối với công trình", TINH, XAY_DUNG,
         "20 ngày làm việc", "Lệ phí: 150.000 đồng/giấy phép", "", MP, QD_2347),
    Proc("1.009980",
         "Điều chỉnh giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II", TINH,
         XAY_DUNG, "20 ngày làm việc", "Lệ phí: 150.000 đồng/giấy phép",
         "Đơn đề nghị điều chỉnh giấy phép xây dựng (Mẫu số 02 Phụ lục II)", MP, QD_2347),
    Proc("1.009981", "Gia hạn giấy phép xây dựng", TINH, XAY_DUNG, "05 ngày làm việc",
         "Lệ phí: 15.000 đồng/giấy phép",
         "Đơn đề nghị gia hạn giấy phép xây dựng (Mẫu số 04 Phụ lục II)", TT,
         Decision("2347/QĐ-UBND", "31/09/2025")),  # PA403 (row 62): September has 30 days
    Proc("1.009982", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", TINH,
         XAY_DUNG, "20 ngày làm việc", "Lệ phí: 300.000 đồng/chứng chỉ",
         "Đơn đề nghị cấp chứng chỉ hành nghề (Mẫu số 01 Phụ lục IV)", TT, QD_2347),
    Proc("1.009983", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", TINH,
         XAY_DUNG, "20 ngày làm việc", "Phí thẩm định: 1.000.000 đồng/chứng chỉ",
         "Đơn đề nghị cấp chứng chỉ năng lực (Mẫu số 04 Phụ lục IV)", TT, QD_2347),
    # PA102 (row 65): an amended procedure whose code was left out
    Proc("",
         "Thẩm định hồ sơ đề nghị chấp thuận chủ trương đầu tư dự án nhà ở xã hội", TINH,
         XAY_DUNG, "30 ngày làm việc", KHONG,
         "Văn bản đề nghị chấp thuận chủ trương đầu tư (Mẫu số 01)", MP, QD_2347),
    Proc("1.012270", "Công nhận hạng nhà chung cư", TINH, XAY_DUNG, "30 ngày", KHONG, KHONG,
         MP, QD_2347),
    # Valid local code, long form.
    Proc("1.012281.000.00.00.H29",
         "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua", TINH,
         XAY_DUNG, "15 ngày", KHONG,
         "Văn bản đề nghị thông báo nhà ở đủ điều kiện được bán (Mẫu số 01)", MP, QD_2347),
    # PA201 (row 68): second copy of row 5, differing only in case, a double space and a dot
    replace(GIAM_HO, name="ĐĂNG KÝ  GIÁM HỘ."),
    # ---------------- Giao thông đường bộ (Sở Xây dựng) ----------------
    Proc("1.002835", "Cấp phù hiệu xe ô tô kinh doanh vận tải", TINH, GIAO_THONG,
         "02 ngày làm việc", KHONG, "Giấy đề nghị cấp phù hiệu (Phụ lục V)", TT, QD_2347),
    Proc("1.002859", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", TINH, GIAO_THONG,
         "05 ngày làm việc", "Phí: 200.000 đồng/giấy phép",
         "Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô (Phụ lục I)", TT, QD_2347),
    Proc("1.002861", "Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô", TINH, GIAO_THONG,
         "03 ngày làm việc", "Phí: 200.000 đồng/giấy phép",
         "Giấy đề nghị cấp lại Giấy phép kinh doanh vận tải (Phụ lục I)", TT, QD_2347),
    Proc("2.001963",
         "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao "
         "thông đường bộ", TINH, GIAO_THONG, "07 ngày làm việc", KHONG,
         "Đơn đề nghị chấp thuận xây dựng công trình thiết yếu (Mẫu số 01)", TT, QD_2347),
    # PA501 (row 73): still lists the abolished district level
    Proc("2.001957", "Cấp giấy phép thi công công trình trên đường bộ đang khai thác",
         "Cấp tỉnh, Cấp huyện", GIAO_THONG, "07 ngày làm việc", KHONG,
         "Đơn đề nghị cấp giấy phép thi công (Mẫu số 02)", TT, QD_2347),
    Proc("1.005210",
         "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ", TINH,
         GIAO_THONG, "02 ngày làm việc", KHONG,
         "Đơn đề nghị cấp giấy phép lưu hành xe (Phụ lục 1)", TT, QD_2347),
    Proc("1.005215", "Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô", TINH,
         GIAO_THONG, "02 ngày làm việc", KHONG,
         "Giấy đề nghị đăng ký khai thác tuyến (Phụ lục XIII)", TT, QD_2347),
    Proc("1.002063", "Công bố đưa bến xe khách vào khai thác", TINH, GIAO_THONG,
         "05 ngày làm việc", KHONG,
         "Giấy đề nghị công bố đưa bến xe khách vào khai thác (Phụ lục 1)", MP, QD_2347),
    Proc("1.002068", "Cấp Giấy phép xe tập lái", TINH, GIAO_THONG, "01 ngày làm việc",
         "Lệ phí: 50.000 đồng/giấy phép", "Giấy đề nghị cấp Giấy phép xe tập lái (Mẫu số 01)",
         TT, UNPUBLISHED),  # PA401 (row 77): no publishing decision
    Proc("1.002071", "Chấp thuận vị trí, quy mô đấu nối tạm thời có thời hạn vào quốc lộ", TINH,
         GIAO_THONG, "07 ngày làm việc", KHONG,
         "Đơn đề nghị chấp thuận đấu nối tạm thời (Mẫu số 03)", MP, QD_2347),
    # ---------------- Giáo dục và Đào tạo (Sở Giáo dục và Đào tạo) ----------------
    Proc("1.005097",
         "Thành lập trường trung học phổ thông công lập hoặc cho phép thành lập trường trung học "
         "phổ thông tư thục", TINH, GIAO_DUC, "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         KHONG, "Tờ trình đề nghị thành lập trường (Mẫu số 01)", MP, QD_2518),
    Proc("1.005091", "Cho phép trường trung học phổ thông hoạt động giáo dục", TINH, GIAO_DUC,
         "20 ngày làm việc", KHONG, "Tờ trình đề nghị cho phép hoạt động giáo dục (Mẫu số 02)",
         MP, QD_2518),
    Proc("1.005074", "Sáp nhập, chia, tách trường trung học phổ thông", TINH, GIAO_DUC,
         "20 ngày làm việc", KHONG, "Tờ trình đề nghị sáp nhập, chia, tách trường (Mẫu số 03)",
         MP, Decision("xx/QĐ-UBND", "")),  # PA402 (row 81): number never filled in
    Proc("1.005067", "Giải thể trường trung học phổ thông", TINH, GIAO_DUC, "20 ngày làm việc",
         KHONG, "Tờ trình đề nghị giải thể trường (Mẫu số 04)", MP, QD_2518),
    # PA501 (row 83): level left at the abolished district level
    Proc("1.004438",
         "Thành lập trường trung học cơ sở công lập hoặc cho phép thành lập trường trung học cơ "
         "sở tư thục", "Cấp huyện", GIAO_DUC, "20 ngày làm việc", KHONG,
         "Tờ trình đề nghị thành lập trường (Mẫu số 01)", MP, QD_2518),
    Proc("1.004444", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", XA, GIAO_DUC,
         "20 ngày làm việc", KHONG, "Tờ trình đề nghị cho phép hoạt động (Mẫu số 05)", MP,
         QD_2518),
    Proc("1.005142",
         "Cấp phép hoạt động giáo dục kỹ năng sống và hoạt động giáo dục ngoài giờ chính khóa",
         TINH, GIAO_DUC, "15 ngày làm việc", KHONG, "Tờ trình đề nghị cấp phép (Mẫu số 01)",
         TT, QD_2518),
    # PA101 (row 86): leading zero in the national code
    Proc("01.001234", "Xét tuyển sinh vào trường phổ thông dân tộc nội trú", TINH, GIAO_DUC,
         "Theo kế hoạch tuyển sinh hằng năm", KHONG, "Đơn đăng ký xét tuyển (Mẫu số 01)", MP,
         QD_2518),
    Proc("1.005088", "Chuyển trường đối với học sinh trung học phổ thông", TINH, GIAO_DUC,
         "03 ngày làm việc", KHONG, "Đơn xin chuyển trường (Mẫu số 01)", TT, QD_2518),
    Proc("1.005092", "Xin học lại tại trường khác đối với học sinh trung học", TINH, GIAO_DUC,
         "03 ngày làm việc", KHONG, "Đơn xin học lại (Mẫu số 02)", MP, QD_2518,
         status="Bãi bỏ"),  # PA404 (row 88): abolished, yet in the list in force
    Proc("2.002478", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc cấp văn bằng, chứng chỉ", TINH,
         GIAO_DUC, "Trong ngày làm việc", KHONG,
         "Mẫu đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc", TT, QD_2518),
    # PA301 (row 90): form cell empty
    Proc("2.002481", "Chỉnh sửa nội dung văn bằng, chứng chỉ", TINH, GIAO_DUC,
         "05 ngày làm việc", KHONG, "", MP, QD_2518),
    Proc("2.002492",
         "Công nhận văn bằng tốt nghiệp trung học do cơ sở giáo dục nước ngoài cấp", TINH,
         GIAO_DUC, "20 ngày làm việc", KHONG, "Đơn đề nghị công nhận văn bằng (Mẫu số 01)", TT,
         QD_2518),
    Proc("3.000182", "Phê duyệt việc dạy và học bằng tiếng nước ngoài", TINH, GIAO_DUC,
         "10 ngày làm việc", KHONG, "Tờ trình đề nghị phê duyệt (Mẫu số 01)", MP, QD_2518),
    # ---------------- Khám bệnh, chữa bệnh (Sở Y tế) ----------------
    Proc("1.012269",
         "Cấp mới giấy phép hành nghề đối với chức danh bác sỹ, y sỹ, điều dưỡng, hộ sinh", TINH,
         Y_TE, "30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ", "Phí: 360.000 đồng/hồ sơ",
         "Đơn đề nghị cấp mới giấy phép hành nghề (Mẫu 01 Phụ lục I)", TT, QD_2518, status=MOI),
    Proc("1.012305", "Cấp giấy phép hoạt động đối với phòng khám đa khoa", TINH, Y_TE, "60 ngày",
         "Phí: 5.700.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép hoạt động (Mẫu 01 Phụ lục II)", MP, QD_2518),
    Proc("1.012317", "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa", TINH, Y_TE,
         "60 ngày", "Phí: 4.300.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép hoạt động (Mẫu 01 Phụ lục II)", MP, QD_2518),
    # PA102 (row 96): an amended procedure whose code was left out
    Proc("", "Cấp giấy phép hoạt động đối với phòng khám bác sỹ gia đình", TINH, Y_TE,
         "60 ngày", "Phí: 3.100.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép hoạt động (Mẫu 01 Phụ lục II)", MP, QD_2518),
    # PA202 (row 97): reuses code 1.004228 of row 49 (a water-permit procedure)
    Proc("1.004228", "Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh", TINH, Y_TE,
         "10 ngày làm việc", "Phí: 150.000 đồng/hồ sơ",
         "Đơn đề nghị cấp lại giấy phép hành nghề (Mẫu 02 Phụ lục I)", TT, QD_2518),
    Proc("1.012324",
         "Điều chỉnh giấy phép hoạt động khám bệnh, chữa bệnh khi thay đổi quy mô, phạm vi hoạt "
         "động chuyên môn", TINH, Y_TE, "45 ngày", "Phí: 4.300.000 đồng/hồ sơ",
         "Đơn đề nghị điều chỉnh giấy phép hoạt động (Mẫu 03 Phụ lục II)", MP, QD_2518),
    # PA301 (row 99): form cell empty
    Proc("1.012331",
         "Cấp giấy phép hoạt động đối với cơ sở dịch vụ cấp cứu, hỗ trợ vận chuyển người bệnh",
         TINH, Y_TE, "60 ngày", "Phí: 3.100.000 đồng/hồ sơ", "", MP, QD_2518),
    # Valid local code, long form.
    Proc("1.012346.000.00.00.H29",
         "Cấp giấy phép hoạt động đối với cơ sở dịch vụ điều dưỡng", TINH, Y_TE, "60 ngày",
         "Phí: 3.100.000 đồng/hồ sơ",
         "Đơn đề nghị cấp giấy phép hoạt động (Mẫu 01 Phụ lục II)", MP, QD_2518),
    Proc("1.012358", "Công bố cơ sở đủ điều kiện thực hiện khám sức khỏe", TINH, Y_TE,
         "10 ngày làm việc", KHONG,
         "Văn bản công bố đủ điều kiện khám sức khỏe (Mẫu số 01)", TT, QD_2518),
    Proc("1.012360",
         "Cấp giấy phép hành nghề đối với chức danh kỹ thuật y, dinh dưỡng lâm sàng, cấp cứu "
         "viên ngoại viện, tâm lý lâm sàng", TINH, Y_TE, "30 ngày", "Phí: 360.000 đồng/hồ sơ",
         "Đơn đề nghị cấp mới giấy phép hành nghề (Mẫu 01 Phụ lục I)", TT, QD_2518),
    # ---------------- Đăng ký kinh doanh (Sở Tài chính; hộ kinh doanh ở cấp xã) ----------------
    Proc("2.001610", "Đăng ký thành lập doanh nghiệp tư nhân", TINH, DKKD,
         "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Lệ phí: 50.000 đồng/lần",
         "Giấy đề nghị đăng ký doanh nghiệp tư nhân (Phụ lục I-1)", TT, QD_2790),
    Proc("2.001199", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", TINH, DKKD,
         "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Lệ phí: 50.000 đồng/lần",
         "Giấy đề nghị đăng ký công ty trách nhiệm hữu hạn một thành viên (Phụ lục I-2)", TT,
         QD_2790),
    Proc("2.002042", "Đăng ký thành lập công ty cổ phần", TINH, DKKD,
         "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Lệ phí: 50.000 đồng/lần",
         "Giấy đề nghị đăng ký công ty cổ phần (Phụ lục I-4)", TT, QD_2790),
    Proc("2.002044",
         "Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu hạn, công "
         "ty cổ phần", TINH, DKKD, "03 ngày làm việc", "Lệ phí: 50.000 đồng/lần",
         "Thông báo thay đổi nội dung đăng ký doanh nghiệp (Phụ lục II-1)", TT, QD_2790),
    Proc("2.002051",
         "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo",
         TINH, DKKD, "03 ngày làm việc", KHONG,
         "Thông báo về việc tạm ngừng kinh doanh (Phụ lục II-19)", TT, QD_2790),
    # PA101 (row 108): comma instead of the dot
    Proc("1,001234", "Giải thể doanh nghiệp", TINH, DKKD, "05 ngày làm việc", KHONG,
         "Thông báo về việc giải thể doanh nghiệp (Phụ lục II-22)", TT, QD_2790),
    HKD_THANH_LAP,  # PA201 (row 109): first copy; the identical row is repeated on row 148
    Proc("2.000720", "Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh", XA, DKKD,
         "03 ngày làm việc", "Lệ phí: 100.000 đồng/lần",
         "Thông báo thay đổi nội dung đăng ký hộ kinh doanh (Mẫu số 02/ĐKKD)", TT, QD_2790,
         agency=UBND_XA),
    Proc("2.000668",
         "Thủ tục thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông "
         "báo của hộ kinh doanh", XA, DKKD, "03 ngày làm việc", KHONG,
         "Thông báo tạm ngừng kinh doanh (Mẫu số 03/ĐKKD)", TT, QD_2790, agency=UBND_XA),
    # ---------------- Lao động (Sở Nội vụ) ----------------
    Proc("1.000459",
         "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", TINH,
         LAO_DONG, "10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
         "Lệ phí: 600.000 đồng/giấy phép",
         "Văn bản đề nghị cấp giấy phép lao động (Mẫu số 03/PLI)", TT, QD_2790,
         agency="Sở Lao động - Thương binh và Xã hội"),  # PA504 (row 112): merged in 2025
    Proc("1.000105",
         "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam", TINH,
         LAO_DONG, "10 ngày làm việc", "Lệ phí: 450.000 đồng/giấy phép",
         "Văn bản đề nghị gia hạn giấy phép lao động (Mẫu số 03/PLI)", TT, QD_2790),
    Proc("1.000479",
         "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động", TINH,
         LAO_DONG, "05 ngày làm việc", KHONG, "Văn bản đề nghị xác nhận (Mẫu số 09/PLI)", TT,
         Decision("chưa có", "")),  # PA401 (row 114): the decision not recorded yet
    Proc("1.009811", "Đăng ký nội quy lao động của doanh nghiệp", TINH, LAO_DONG,
         "07 ngày làm việc", KHONG, KHONG, MP, QD_2790),
    Proc("2.001955", "Cấp giấy phép hoạt động cho thuê lại lao động", TINH, LAO_DONG,
         "20 ngày làm việc", KHONG,
         "Đơn đề nghị cấp giấy phép hoạt động cho thuê lại lao động (Mẫu số 05/PLIII)", MP,
         QD_2790),
    # PA101 (row 117): letter O typed for the digit zero
    Proc("1.0O1234", "Đăng ký hợp đồng nhận lao động thực tập thời hạn dưới 90 ngày", TINH,
         LAO_DONG, "05 ngày làm việc", KHONG, "Văn bản đăng ký hợp đồng (Mẫu số 11)", MP,
         QD_2790),
    # Valid local code, long form.
    Proc("1.001865.000.00.00.H29",
         "Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài", TINH,
         LAO_DONG, "10 ngày làm việc", KHONG,
         "Báo cáo giải trình nhu cầu sử dụng người lao động nước ngoài (Mẫu số 01/PLI)", TT,
         QD_2790),
    # ---------------- Người có công (Sở Nội vụ) ----------------
    Proc("1.010801", "Công nhận và giải quyết chế độ ưu đãi người hoạt động cách mạng", TINH,
         NGUOI_CO_CONG, "12 ngày làm việc", KHONG, "Bản khai cá nhân (Mẫu số 01 Phụ lục I)", MP,
         QD_2790),
    Proc("1.010806", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", TINH_XA, NGUOI_CO_CONG,
         "20 ngày làm việc", KHONG,
         "Đơn đề nghị giải quyết chế độ thờ cúng liệt sĩ (Mẫu số 13 Phụ lục I)", MP, QD_2790),
    Proc("1.010808", "Giải quyết chế độ ưu đãi đối với thân nhân liệt sĩ", TINH, NGUOI_CO_CONG,
         "12 ngày làm việc", KHONG, "Bản khai thân nhân liệt sĩ (Mẫu số 04 Phụ lục I)", MP,
         QD_2790),
    # PA501 (row 122): district level inside a list of levels
    Proc("1.010815", "Thủ tục hỗ trợ người có công với cách mạng cải thiện nhà ở",
         "Cấp huyện, Cấp xã", NGUOI_CO_CONG, "30 ngày", KHONG,
         "Đơn đề nghị hỗ trợ cải thiện nhà ở (Mẫu số 01)", MP, QD_2790),
    Proc("1.010820",
         "Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú", TINH,
         NGUOI_CO_CONG, "05 ngày làm việc", KHONG,
         "Đơn đề nghị di chuyển hồ sơ (Mẫu số 18 Phụ lục I)", TT, QD_2790),
    Proc("1.010825", "Cấp trích lục hoặc sao hồ sơ người có công với cách mạng", TINH,
         NGUOI_CO_CONG, "05 ngày làm việc", KHONG,
         "Đơn đề nghị cấp trích lục hồ sơ (Mẫu số 19 Phụ lục I)", TT, QD_2790),
    # PA301 (row 125): form cell empty
    Proc("1.010830", "Giải quyết chế độ mai táng phí đối với người có công với cách mạng", XA,
         NGUOI_CO_CONG, "05 ngày làm việc", KHONG, "", MP, QD_2790),
    # PA203 (row 126): old tone placement "hoà" of row 23's name, under a different code
    replace(CONG_NHAN_HGV, code="2.000921", name="Công nhận hoà giải viên"),
    # ---------------- Bảo trợ xã hội (Sở Y tế since the 2025 ministry merger) ----------------
    Proc("1.001776",
         "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm "
         "sóc, nuôi dưỡng hằng tháng", XA, BAO_TRO, "15 ngày làm việc", KHONG,
         "Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)", MP, QD_2790, agency=CT_UBND_XA),
    Proc("1.001758", "Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng", TINH_XA, BAO_TRO,
         "02 ngày làm việc", KHONG, "Tờ khai đề nghị hỗ trợ chi phí mai táng (Mẫu số 04)", MP,
         QD_2790),
    # PA103 (row 129): the name cell was left empty
    Proc("1.001739", "", XA, BAO_TRO, "10 ngày làm việc", KHONG,
         "Tờ khai đề nghị hỗ trợ về nhà ở (Mẫu số 05)", MP, QD_2790),
    Proc("1.001731",
         "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp "
         "xã hội cấp tỉnh", TINH, BAO_TRO, "10 ngày làm việc", KHONG, KHONG, MP, QD_2790),
    # PA102 (row 131): an amended procedure whose code was left out
    Proc("",
         "Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Sở Y tế",
         TINH, BAO_TRO, "05 ngày làm việc", KHONG,
         "Tờ khai đăng ký thành lập cơ sở trợ giúp xã hội (Mẫu số 01)", MP, QD_2790),
    Proc("1.001753",
         "Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội có phạm vi hoạt động trong tỉnh",
         TINH, BAO_TRO, "15 ngày làm việc", KHONG,
         "Tờ khai đề nghị cấp giấy phép hoạt động (Mẫu số 04)", MP, QD_2790),
    # Valid local code, short form.
    Proc("2.000286.H19",
         "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó "
         "khăn", XA, BAO_TRO, "05 ngày làm việc", KHONG,
         "Tờ khai đăng ký hoạt động (Mẫu số 08)", MP, QD_2790),
    # PA203 (row 134): same name and level as row 34, re-announced under a new code
    replace(CAP_LAI_GCN, code="1.012977"),
    # ---------------- Văn hóa (Sở Văn hóa, Thể thao và Du lịch; karaoke ở cấp xã) ----------
    Proc("1.001809", "Thông báo tổ chức lễ hội", TINH_XA, VAN_HOA, "05 ngày làm việc", KHONG,
         "Văn bản thông báo tổ chức lễ hội (Mẫu số 01)", TT, QD_2790),
    Proc("1.001805", "Đăng ký tổ chức lễ hội cấp tỉnh", TINH, VAN_HOA, "20 ngày làm việc",
         KHONG, "Văn bản đăng ký tổ chức lễ hội (Mẫu số 02)", MP, QD_2790),
    Proc("1.009397", "Thông báo tổ chức biểu diễn nghệ thuật", TINH, VAN_HOA,
         "05 ngày làm việc", KHONG,
         "Văn bản thông báo tổ chức biểu diễn nghệ thuật (Mẫu số 01)", TT,
         UNPUBLISHED),  # PA401 (row 137): no publishing decision
    Proc("1.001029", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", XA, VAN_HOA,
         "05 ngày làm việc", "Phí thẩm định: 4.000.000 đồng/giấy phép",
         "Đơn đề nghị cấp giấy phép kinh doanh dịch vụ karaoke (Mẫu số 01)", TT, QD_2790,
         legal="Nghị định số 54/2019/NĐ-CP"),
    Proc("1.003622",
         "Cấp giấy phép nhập khẩu văn hóa phẩm không nhằm mục đích kinh doanh", TINH, VAN_HOA,
         "05 ngày làm việc", KHONG,
         "Đơn đề nghị cấp giấy phép nhập khẩu văn hóa phẩm (Mẫu số 02)", TT, QD_2790),
    Proc("1.003646",
         "Cấp giấy phép tổ chức triển lãm do tổ chức ở địa phương đưa ra nước ngoài", TINH,
         VAN_HOA, "07 ngày làm việc", KHONG, KHONG, MP, QD_2790),
    Proc("1.000954", "Xếp hạng di tích cấp tỉnh", TINH, VAN_HOA, "30 ngày", KHONG,
         "Văn bản đề nghị xếp hạng di tích (Mẫu số 01)", MP, QD_2790,
         legal="Luật Di sản văn hóa số 45/2024/QH15"),
    Proc("1.003901", "Cấp giấy chứng nhận đủ điều kiện kinh doanh giám định cổ vật", TINH,
         VAN_HOA, "15 ngày làm việc", "Phí thẩm định: 1.000.000 đồng/giấy",
         "Đơn đề nghị cấp giấy chứng nhận (Mẫu số 05)", MP, QD_2790,
         legal="Luật Di sản văn hóa số 45/2024/QH15"),
    # ---------------- Du lịch (Sở Văn hóa, Thể thao và Du lịch) ----------------
    # PA602 (row 143): the name's tones are decomposed (NFD), as some Mac tools write them
    Proc("1.004648", unicodedata.normalize("NFD", "Công nhận điểm du lịch"), TINH, DU_LICH,
         "30 ngày", KHONG,
         "Đơn đề nghị công nhận điểm du lịch (Mẫu số 01)", MP, QD_2790),
    Proc("1.004623", "Cấp thẻ hướng dẫn viên du lịch nội địa", TINH, DU_LICH,
         "10 ngày làm việc", "Phí: 650.000 đồng/thẻ",
         "Đơn đề nghị cấp thẻ hướng dẫn viên du lịch (Mẫu số 01)", TT, QD_2790),
    Proc("1.004594", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", TINH, DU_LICH,
         "10 ngày làm việc", "Phí thẩm định: 3.000.000 đồng/giấy phép",
         "Đơn đề nghị cấp giấy phép kinh doanh dịch vụ lữ hành (Mẫu số 02)", TT, QD_2790),
    Proc("1.004580", "Công nhận hạng cơ sở lưu trú du lịch hạng 1 sao, 2 sao, 3 sao", TINH,
         DU_LICH, "30 ngày", "Phí thẩm định: 2.000.000 đồng/hồ sơ",
         "Đơn đề nghị công nhận hạng cơ sở lưu trú (Mẫu số 03)", MP, QD_2790),
    # Valid local code, long form.
    Proc("1.004503.000.00.00.H29", "Công nhận khu du lịch cấp tỉnh", TINH, DU_LICH, "30 ngày",
         KHONG, "Đơn đề nghị công nhận khu du lịch cấp tỉnh (Mẫu số 04)", MP, QD_2790),
    # PA201 (row 148): exact copy of row 109, pasted in again from an older list
    HKD_THANH_LAP,
    # ---------------- Văn hóa: quảng cáo ----------------
    Proc("1.003717",
         "Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn", TINH,
         VAN_HOA, "05 ngày làm việc", KHONG, KHONG, TT, QD_2790,
         legal="Luật Quảng cáo số 16/2012/QH13; Nghị định số 181/2013/NĐ-CP"),
    Proc("1.003741",
         "Cấp giấy phép thành lập văn phòng đại diện của doanh nghiệp quảng cáo nước ngoài tại "
         "Việt Nam", TINH, VAN_HOA, "10 ngày làm việc", "Lệ phí: 3.000.000 đồng/giấy phép",
         "Đơn đề nghị cấp giấy phép thành lập văn phòng đại diện (Mẫu số 1)", MP, QD_2790,
         legal="Luật Quảng cáo số 16/2012/QH13; Nghị định số 181/2013/NĐ-CP"),
    Proc("1.004562", "Cấp đổi Giấy phép kinh doanh dịch vụ lữ hành nội địa", TINH, DU_LICH,
         "05 ngày làm việc", "Phí thẩm định: 1.500.000 đồng/giấy phép",
         "Đơn đề nghị cấp đổi giấy phép (Mẫu số 02)", TT, QD_2790),
]  # fmt: skip


def agency_for(proc: Proc) -> str:
    """Who handles the procedure: the field's department at province level, the commune
    People's Committee at commune level. Stale "Cấp huyện" rows keep a current agency so that
    the level is their only defect."""
    if proc.agency is not None:
        return proc.agency
    levels = [part.strip() for part in proc.level.split(",")]
    if "Cấp tỉnh" in levels and XA in levels:
        return f"{proc.field.agency}; {UBND_XA}"
    if "Cấp tỉnh" in levels:
        return proc.field.agency
    return UBND_XA


def to_record(stt: int, proc: Proc) -> list[int | str]:
    """One output row, in header order."""
    return [
        stt,
        proc.code,
        proc.name,
        proc.level,
        proc.field.name,
        agency_for(proc),
        proc.time,
        proc.fee,
        proc.form,
        proc.legal if proc.legal is not None else proc.field.legal,
        proc.online,
        proc.decision.number,
        proc.decision.date,
        proc.status,
    ]


def records() -> list[list[int | str]]:
    return [to_record(stt, proc) for stt, proc in enumerate(ROWS, start=1)]


def write_csv(path: Path, rows: list[list[int | str]]) -> None:
    # UTF-8 with BOM: what Vietnamese Excel users open without mojibake.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_HEADERS)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[int | str]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append(XLSX_HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in rows:
        # Empty strings become truly empty cells, as in a hand-edited workbook.
        ws.append([None if value == "" else value for value in record])
    # Text format on every data cell, so Excel never turns codes or dates into numbers.
    for row in ws.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = "@"
    ws.freeze_panes = "A2"
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        ws.column_dimensions[ws.cell(row=1, column=index).column_letter].width = width

    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))


def _reproducible_zip(data: bytes) -> bytes:
    """Pin the timestamps openpyxl stamps into the file (zip entries and docProps/core.xml),
    so running the script twice gives identical bytes."""
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*FIXED_TIMESTAMP)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(
                    r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{stamp}\g<2>", text
                )
                content = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, content)
    return out.getvalue()


def main() -> None:
    rows = records()
    assert len(rows) == 150, f"expected 150 procedures, got {len(rows)}"
    write_xlsx(XLSX_PATH, rows)
    write_csv(CSV_PATH, rows)
    print(f"wrote {len(rows)} procedures to {XLSX_PATH.name} and {CSV_PATH.name}")


if __name__ == "__main__":
    main()
