"""The one error type of the package."""
from __future__ import annotations


class DataError(ValueError):
    """Bad input, located.

    The message names where the bad input is (``where``: the file or argument, and the Excel
    worksheet, the row or entity, the column or indicator), the bad value and what was expected.
    The parts are also kept as attributes (``where``, ``worksheet``, ``row``, ``column``,
    ``value``, ``expected``) so that callers (and tests) can read them without parsing the message.
    """

    def __init__(
        self,
        where: str,
        expected: str,
        *,
        row: object = None,
        column: object = None,
        value: object = None,
        worksheet: str | None = None,
    ) -> None:
        self.where = where
        self.worksheet = worksheet
        self.row = row
        self.column = column
        self.value = value
        self.expected = expected
        parts = [str(where)]
        if worksheet is not None:
            parts.append(f"worksheet {worksheet!r}")
        if row is not None:
            parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column {column!r}")
        msg = ", ".join(parts)
        if value is not None:
            msg += f": got {value!r}"
        msg += f"; expected {expected}"
        super().__init__(msg)


class UsageError(Exception):
    """A command-line or build request that cannot be carried out as asked (exit status 2):
    an unknown notebook, an undeclared or mistyped parameter, a bad option."""


class NotebookError(Exception):
    """A notebook failed while it ran (exit status 1). ``notebook``, ``lang``, ``cell``,
    ``ename`` and ``evalue`` say where and what; the message is one line."""

    def __init__(self, notebook: str, lang: str, cell: object, ename: str, evalue: str) -> None:
        self.notebook, self.lang, self.cell, self.ename, self.evalue = notebook, lang, cell, ename, evalue
        evalue = " ".join(str(evalue).split())
        super().__init__(f"{notebook} ({lang}) failed in cell {cell}: {ename}: {evalue}")
