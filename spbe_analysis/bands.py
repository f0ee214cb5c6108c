"""Predicate bands of a framework, asked by name: which band holds an official value, the band
called "Baik", the bands from one upward and their lower edges. Code outside this module never
counts band ranks (``names[2:]``, ``rank in (3, 4)``); it names the bands it means.

:class:`PredicateBands` is the part of :class:`~spbe_analysis.frameworks.Framework` that reads
``bands`` (ordered by rank, lowest first: ``rank``, ``predicate``, ``predicate_en``, ``lower``,
``upper``), ``name``, ``level_min`` and ``level_max``.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from .errors import DataError


class PredicateBands:
    """Band look-ups of a framework (mixed into :class:`~spbe_analysis.frameworks.Framework`)."""

    bands: pd.DataFrame
    name: str
    level_min: int
    level_max: int

    @property
    def band_lower_hundredths(self) -> np.ndarray:
        return np.array([int(d * 100) for d in self.bands["lower"]], dtype=np.int64)

    def band_index(self, hundredths: np.ndarray | int) -> np.ndarray:
        """Rank (0-based) of the band holding an official value given in hundredths (an int or an
        int array on the framework's scale): a table look-up, no search."""
        lo = self.level_min * 100
        h = np.asarray(hundredths)
        if h.ndim == 0:
            k = int(h) - lo
            if not 0 <= k < len(self._band_table):
                raise DataError("hundredths argument", f"an official value on the {self.name} scale, "
                                f"{self.level_min}-{self.level_max}", value=int(h))
            return self._band_table[k]
        return self._band_table[h - lo]   # arrays: validated by the caller (score_table)

    @functools.cached_property
    def _band_table(self) -> np.ndarray:
        """Band rank (0-based) of every official value from level_min to level_max, in hundredths."""
        hs = np.arange(self.level_min * 100, self.level_max * 100 + 1, dtype=np.int64)
        return (np.searchsorted(self.band_lower_hundredths, hs, side="right") - 1).astype(np.int8)

    def band_names(self, lang: str = "id") -> list[str]:
        return list(self.bands["predicate" if lang == "id" else "predicate_en"])

    def band_position(self, name: str) -> int:
        """Position (0-based, lowest band first) of the band called ``name``.

        Parameters
        ----------
        name : str
            The band's official name ("Baik (Berkembang)"), the official name without the gloss in
            brackets ("Baik") or the English name.

        Returns
        -------
        int

        Raises
        ------
        DataError
            For any other name.

        Examples
        --------
        >>> from spbe_analysis.frameworks import as_framework
        >>> as_framework("pemdi2026").band_position("Baik"), as_framework("spbe2020").band_position("Good")
        (2, 2)
        """
        b = self.bands
        short = [str(p).split(" (")[0] for p in b["predicate"]]
        for col in (list(b["predicate"]), short, list(b["predicate_en"])):
            if isinstance(name, str) and name in col:
                return col.index(name)
        raise DataError("band argument", f"a band of {self.name} ({', '.join(self.band_names('id'))})", value=name)

    def band(self, name: str) -> pd.Series:
        """The row of the band called ``name`` (see :meth:`band_position`): ``rank``, ``predicate``,
        ``predicate_en``, ``lower``, ``upper`` ...

        >>> from spbe_analysis.frameworks import as_framework
        >>> float(as_framework("pemdi2026").band("Baik")["lower"])
        2.5
        """
        return self.bands.iloc[self.band_position(name)]

    def bands_at_or_above(self, name: str, through: str | None = None) -> pd.DataFrame:
        """The band rows from the band called ``name`` upward, through the band ``through`` (the
        top band by default), lowest first.

        >>> from spbe_analysis.frameworks import as_framework
        >>> as_framework("spbe2020").bands_at_or_above("Baik")["predicate"].tolist()
        ['Baik', 'Sangat Baik', 'Memuaskan']
        >>> as_framework("pemdi2026").bands_at_or_above("Baik", through="Sangat Baik")["predicate"].tolist()
        ['Baik (Berkembang)', 'Sangat Baik (Melembaga)']
        """
        lo = self.band_position(name)
        hi = len(self.bands) - 1 if through is None else self.band_position(through)
        if hi < lo:
            raise DataError("through argument", f"a band at or above {name!r}", value=through)
        return self.bands.iloc[lo:hi + 1]

    def band_edges(self, name: str | None = None, through: str | None = None) -> dict[str, float]:
        """Lower edges ``{official name: edge}`` of the bands from ``name`` through ``through``;
        by default every band above the lowest (whose lower edge is the bottom of the scale).

        >>> from spbe_analysis.frameworks import as_framework
        >>> as_framework("spbe2020").band_edges("Baik", "Sangat Baik")
        {'Baik': 2.6, 'Sangat Baik': 3.5}
        """
        rows = self.bands.iloc[1:] if name is None and through is None else \
            self.bands_at_or_above(self.bands["predicate"].iloc[1] if name is None else name, through)
        return {str(r.predicate): float(r.lower) for r in rows.itertuples()}
