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
