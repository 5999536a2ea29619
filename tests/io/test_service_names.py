"""A list of online services beside its procedures: the service's name is kept on each row
(`SERVICE`) where the names are read from the procedure's column and another column names
the service; nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_workbook
from procaudit.catalogue.columns import SERVICE
from procaudit.io.read import read_catalogue

NAME = "Thủ tục hải quan đối với hàng hóa xuất khẩu"
ROWS = [["1.000020", NAME, NAME], ["1.000020", NAME, f"{NAME} (nộp hồ sơ trực tuyến)"]]

CASES = {
    # the header, the services kept (None: no SERVICE column)
    "the procedure's name and the service's": (
        ["Mã TTHC", "Tên thủ tục hành chính", "Tên dịch vụ công"],
        [NAME, f"{NAME} (nộp hồ sơ trực tuyến)"],
    ),
    "the service's column first": (
        ["Mã TTHC", "Tên dịch vụ công", "Tên thủ tục hành chính"],
        [NAME, NAME],
    ),
    "in English": (
        ["Code", "Procedure name", "Public service name"],
        [NAME, f"{NAME} (nộp hồ sơ trực tuyến)"],
    ),
    "a list of services alone": (["Mã TTHC", "Tên dịch vụ công", "Ghi chú"], None),
    "a notes column beside the name": (["Mã TTHC", "Tên thủ tục hành chính", "Ghi chú"], None),
}


@pytest.mark.parametrize(("header", "kept"), CASES.values(), ids=CASES.keys())
def test_the_service_beside_the_procedure_is_kept(
    tmp_path: Path, header: list[str], kept: list[str] | None
) -> None:
    path = write_workbook(tmp_path / "dvc.xlsx", {"DVC": [header, *ROWS]})
    (table,) = read_catalogue(str(path)).tables
    if kept is None:
        assert SERVICE not in table.frame
    else:
        assert table.frame[SERVICE].tolist() == kept
