"""The rule for schema checks that carry no procaudit rule id (a user's own schema)."""

from __future__ import annotations

from procaudit.model import Severity
from procaudit.rules.registry import schema_rule

SCHEMA_VIOLATION = "PA001"


@schema_rule(SCHEMA_VIOLATION, "schema-violation", Severity.ERROR, column="*")
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
    """
    return "The value fails a schema check.", "Correct the value or the schema."
