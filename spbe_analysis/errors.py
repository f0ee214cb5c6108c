"""The one error type of the package."""
from __future__ import annotations


class DataError(ValueError):
    """Bad input, located.

    The message names the source (file or argument), the row or entity, the column or
    indicator, the bad value and what was expected. The parts are also kept as attributes
    so that callers (and tests) can read them without parsing the message.
    """

    def __init__(
        self,
        source: str,
        expected: str,
        *,
        row: object = None,
        column: object = None,
        value: object = None,
        sheet: str | None = None,
    ) -> None:
        self.source = source
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected
        where = [str(source)]
        if sheet is not None:
            where.append(f"sheet {sheet!r}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        msg = ", ".join(where)
        if value is not None:
            msg += f": got {value!r}"
        msg += f"; expected {expected}"
        super().__init__(msg)
