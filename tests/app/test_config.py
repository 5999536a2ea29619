"""The configuration file: where it is found, what it may say, and its errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import README
from procaudit.app.config import ConfigError, FileSettings, find_config, load_config


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_a_subfolder_upward(tmp_path: Path) -> None:
    own = _write(tmp_path / "procaudit.toml", 'select = ["PA2"]\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config(tmp_path / "a" / "b") == own


def test_pyproject_counts_only_with_a_procaudit_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    assert find_config(tmp_path) is None
    _write(tmp_path / "pyproject.toml", "[tool.procaudit]\nfail-on = 'warning'\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").fail_on == "warning"


def test_procaudit_toml_wins_over_pyproject_in_one_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.procaudit]\nfail-on = 'warning'\n")
    own = _write(tmp_path / "procaudit.toml", "fail-on = 'info'\n")
    assert find_config(tmp_path) == own


def test_every_key(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "procaudit.toml",
        """
select = ["PA2", "pa301"]
ignore = "PA603"
extend-select = ["PA5"]
fail-on = "Warning"
reference = "ref/national.xlsx"
forms-dir = "bieu-mau"
online-target = 60
reform-date = 2025-07-01

[severity]
PA603 = "warning"

[aliases]
name = ["Tên gọi"]

[map]
"Số hiệu" = "code"

[[files]]
pattern = "*-xa.xlsx"
sheet = 2
header-row = "4-5"
""",
    )
    config = load_config(path)
    assert config.select == ("PA2", "PA301")
    assert config.ignore == ("PA603",)
    assert config.extend_select == ("PA5",)
    assert config.fail_on == "warning"
    assert config.reference == tmp_path / "ref" / "national.xlsx"
    assert config.forms_dir == tmp_path / "bieu-mau"
    assert config.online_target == 60.0
    assert config.reform_date == date(2025, 7, 1)
    assert config.severity == {"PA603": "warning"}
    assert config.aliases == {"name": ("Tên gọi",)}
    assert config.mapping == {"Số hiệu": "code"}
    assert config.files == (FileSettings("*-xa.xlsx", "2", "4-5"),)


BAD = [
    ("unknown key", "selct = ['PA2']", "unknown key 'selct'"),
    ("not a rule", "select = ['XY1']", "'select' has 'XY1', which is not a rule id or prefix"),
    ("bad fail-on", "fail-on = 'sometimes'", "'fail-on' must be one of error, warning, info"),
    ("bad severity", "[severity]\nPA603 = 'fatal'", "'severity.PA603' must be one of"),
    ("severity of no rule", "[severity]\nPA6 = 'info'", "'severity.PA6' is not a rule id"),
    ("bad column", "[aliases]\nnom = ['Tên']", "'aliases.nom' is not a canonical column"),
    ("map to no column", "[map]\n'Số' = 'kode'", "names 'kode', which is not a canonical"),
    ("target out of range", "online-target = 180", "'online-target' must be a percentage"),
    ("bad date", "reform-date = 'July'", "'reform-date' must be a date like 2025-07-01"),
    ("files key", "[[files]]\npattern = '*.csv'\nsheeet = 1", "'files[1]' has an unknown key"),
    ("not TOML", "select = [", "is not valid TOML"),
    ("exclude not globs", "exclude = [1]", "'exclude' must be a list of glob patterns"),
    ("exclude empty glob", "exclude = ['']", "'exclude' must be a list of glob patterns"),
    ("log not a path", "log = 3", "'log' must be a non-empty string"),
]


@pytest.mark.parametrize(("case", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_is_one_sentence_naming_the_key(
    tmp_path: Path, case: str, text: str, message: str
) -> None:
    path = _write(tmp_path / "procaudit.toml", text + "\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert message in str(raised.value)
    assert str(raised.value).startswith(str(path))
    assert "\n" not in str(raised.value)


def test_exclude_and_log_for_the_nightly_run(tmp_path: Path) -> None:
    # issue 17: a glob or a list of them; the log lies where the file says, from its folder
    path = _write(tmp_path / "procaudit.toml", 'exclude = "reports"\nlog = "logs/nightly.log"\n')
    config = load_config(path)
    assert config.exclude == ("reports",)
    assert config.log == tmp_path / "logs" / "nightly.log"
    path.write_text('exclude = ["reports", "*-old.xlsx"]\n', encoding="utf-8")
    assert load_config(path).exclude == ("reports", "*-old.xlsx")


def test_the_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    config = load_config(_write(tmp_path / "procaudit.toml", block))
    assert config.select and config.severity == {"PA204": "info"}
    assert config.files[0].sheet == "Cấp xã"
