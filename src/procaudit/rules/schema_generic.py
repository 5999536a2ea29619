"""The rule for schema checks that carry no procaudit rule id (a user's own schema)."""

from __future__ import annotations

from procaudit.core.findings import Severity
from procaudit.core.i18n import t
from procaudit.rules.registry import schema_rule

SCHEMA_VIOLATION = "PA001"


@schema_rule(
    SCHEMA_VIOLATION,
    "schema-violation",
    Severity.ERROR,
    column="*",
    finds="a failure of a schema check that names no procaudit rule",
)
def schema_violation(value: str | None) -> tuple[str, str]:
    """A value that fails a schema check which names no procaudit rule.

    Every check in procaudit's own schema carries its rule id in its `error` option. A
    schema passed with `--schema` may hold other checks (a dtype, a length limit, a list of
    allowed values); their failures are reported under this rule, with the check's name in
    the message. A column that the schema requires and the file lacks is reported here too.

    **Bad**
    ```yaml
    fee:
      str_length: {max_value: 20}      # and a fee cell of 40 characters
    ```

    **Good**
    ```yaml
    fee:
      str_length: {max_value: 20, error: FEE01}   # reported under the rule id FEE01
    ```

    **Fix**: correct the value so that it passes the check named in the message, or change
    the schema if the check is wrong.

    [vi]
    Giá trị không đạt một kiểm tra của lược đồ (schema) không gắn với quy tắc nào của procaudit.

    Mỗi kiểm tra trong lược đồ của procaudit đều ghi mã quy tắc của nó trong tùy chọn `error`.
    Lược đồ do người dùng chỉ định bằng `--schema` có thể có các kiểm tra khác (kiểu dữ liệu, độ
    dài tối đa, danh sách giá trị cho phép); các vi phạm của chúng được báo theo quy tắc này, kèm
    tên kiểm tra trong nội dung. Cột mà lược đồ bắt buộc nhưng tệp không có cũng được báo tại đây.

    **Sai**
    ```yaml
    fee:
      str_length: {max_value: 20}      # và một ô phí, lệ phí dài 40 ký tự
    ```

    **Đúng**
    ```yaml
    fee:
      str_length: {max_value: 20, error: FEE01}   # được báo theo mã quy tắc FEE01
    ```

    **Cách sửa**: sửa giá trị để đạt kiểm tra được nêu trong nội dung, hoặc sửa lược đồ nếu
    kiểm tra đó không đúng.
    """
    return (
        t("The value fails a schema check.", "Giá trị không đạt một kiểm tra của lược đồ."),
        t("Correct the value or the schema.", "Sửa giá trị hoặc sửa lược đồ."),
    )
