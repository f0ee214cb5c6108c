"""Official-value arithmetic: the one home of exact rounding.

An official (published) value is the exact value rounded **once** to two decimals, half up.
Everything here works in integers:

* a value in *hundredths* is an ``int`` (2.60 -> 260);
* a weighted sum is an integer ``N`` of weight units: with weights ``units_i / D`` percent and
  values ``k_i * step``, the exact index is ``N * step / U`` with ``N = sum(units_i * k_i)`` and
  ``U = 100 * D`` (``fw.total_units``);
* the official hundredths of ``N`` are ``floor((200 N p + q U) / (2 q U))`` for ``step = p/q``
  (for SPBE 2020: ``floor((N + 10) / 20)``), vectorised over numpy arrays;
* the *window* of a published value is the range of integers ``N`` that publish as it, and the
  smallest ``N`` that reaches a target is the window's lower end.

Scoring, profiles, paths, disparity and the benchmarks call these functions; none re-derives them.
This module loads nothing: a framework is passed in (see :func:`spbe_analysis.frameworks.as_framework`).
"""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .checks import exact_number
from .errors import DataError

if TYPE_CHECKING:  # annotations only: official arithmetic reads a framework's attributes, never loads one
    from .frameworks import Framework


def round_half_up(value: Any, places: int = 2) -> Decimal:
    """Round a number half up to ``places`` decimals, exactly.

    Parameters
    ----------
    value : int, float, numpy number, Decimal or Fraction
        Floats are read through their shortest decimal form (3.065 is the decimal 3.065, not
        the binary 3.06499999...).
    places : int
        Decimals to keep (2 for every official SPBE/PEMDI value).

    Returns
    -------
    Decimal

    Raises
    ------
    DataError
        For bools, text, missing values and infinities.

    Examples
    --------
    >>> round_half_up(3.065), round_half_up(3.1925), round_half_up(Fraction(2595, 1000))
    (Decimal('3.07'), Decimal('3.19'), Decimal('2.60'))
    """
    x = exact_number(value, "value argument")
    q = Fraction(10) ** places
    n = (x * q * 2 + 1).__floor__() // 2
    return Decimal(n).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def on_scale(value: Any, fw: Framework, source: str = "value argument") -> Fraction:
    """``value`` as an exact Fraction, refused unless it lies on the framework's scale.

    Parameters
    ----------
    value : number
        An index or indicator value (floats are read through their shortest decimal).
    fw : Framework
        Its scale is ``level_min``-``level_max``: 1.00-5.00 for SPBE 2020 and PEMDI, 0.00-5.00 for
        SPBE 2018.
    source : str
        What to call the value in an error message.

    Returns
    -------
    Fraction

    Raises
    ------
    DataError
        For a missing, non-numeric or off-scale value.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> on_scale(3.065, as_framework("spbe2020"))
    Fraction(613, 200)
    """
    x = exact_number(value, source, expected=f"an index value between {fw.level_min} and {fw.level_max}")
    if not fw.level_min <= x <= fw.level_max:
        raise DataError(source, f"an index value on the {fw.name} scale, {fw.level_min:.2f}-{fw.level_max:.2f}",
                        value=value)
    return x


def to_hundredths(value: Any, fw: Framework | None = None, source: str = "value argument",
                  published: bool = False) -> int:
    """The official value of ``value`` in integer hundredths (half up, exact).

    Parameters
    ----------
    value : number
        Floats are read through their shortest decimal form.
    fw : Framework, optional
        When given, the value must lie on that framework's scale.
    source : str
        What to call the value in an error message.
    published : bool
        When True the value must already be official (at most two decimals, as printed): 2.60 is
        accepted, 2.605 is refused rather than rounded.

    Returns
    -------
    int

    Raises
    ------
    DataError
        For a missing, non-numeric or off-scale value, or (``published``) one with more decimals.

    Examples
    --------
    >>> to_hundredths(2.595), to_hundredths(3.5), to_hundredths(np.float32(1.795))
    (260, 350, 180)
    """
    x = on_scale(value, fw, source) if fw is not None else exact_number(value, source)
    if published and (x * 100).denominator != 1:
        raise DataError(source, "a published value with at most 2 decimals (as printed, e.g. 2.60)", value=value)
    return int((x * 200 + 1).__floor__() // 2)


def from_hundredths(h: Any) -> float:
    """Hundredths back to a float with two decimals.

    Parameters
    ----------
    h : int
        An official value in hundredths.

    Returns
    -------
    float

    Examples
    --------
    >>> from_hundredths(260)
    2.6
    """
    return int(h) / 100


def hundredths(num: Any, units: Any, step: Fraction = Fraction(1)) -> Any:
    """Official hundredths of the exact value ``num * step / units`` (integers or int arrays).

    Computed as ``floor((200 N p + q U) / (2 q U))`` with the common factor of the three
    constants divided out first (for SPBE 2020: ``(N + 10) // 20``), so that int32 arrays stay
    int32 (the sum stays far below 2**31 for every framework here).

    Parameters
    ----------
    num : int or integer array
        Weighted sums ``N`` of levels (SPBE) or of values in ``step`` units (PEMDI hundredths).
    units : int or integer array
        The total weight units of the index, domain or aspect.
    step : Fraction
        The framework's ``level_step`` (1 for SPBE, 1/100 for PEMDI).

    Returns
    -------
    int or integer array
        Same shape as ``num``.

    Examples
    --------
    >>> int(hundredths(5190, 2000))      # SPBE 2020: N = 5190 weight units is 2.595 -> 2.60
    260
    """
    p, q = step.numerator, step.denominator
    if isinstance(units, (int, np.integer)):
        a, b, c = 200 * p, q * int(units), 2 * q * int(units)
        g = math.gcd(a, b, c)
        return (num * (a // g) + b // g) // (c // g)
    return (200 * num * p + q * units) // (2 * q * units)


def window(h: int, units: int, step: Fraction = Fraction(1)) -> tuple[int, int]:
    """The integers ``N`` (weight units) whose official value is exactly ``h`` hundredths.

    Parameters
    ----------
    h : int
        A published value in hundredths.
    units : int
        The total weight units of the index.
    step : Fraction
        The framework's ``level_step``.

    Returns
    -------
    tuple of int
        ``(lo, hi)``: every ``lo <= N <= hi`` publishes as ``h``.

    Examples
    --------
    >>> window(240, 2000)               # SPBE 2020: an index published as 2.40
    (4790, 4809)
    """
    p, q = step.numerator, step.denominator
    lo = -(-(q * units * (2 * h - 1)) // (200 * p))
    hi = -(-(q * units * (2 * h + 1)) // (200 * p)) - 1
    return lo, hi


def min_units(fw: Framework, target: Any, units: int | None = None, source: str = "target argument") -> int:
    """Smallest integer weighted sum ``N`` whose official value is at least ``target``.

    Parameters
    ----------
    fw : Framework
    target : number
        A value on the framework's scale.
    units : int, optional
        Total weight units; the whole index by default.
    source : str
        What to call the target in an error message.

    Returns
    -------
    int

    Raises
    ------
    DataError
        For a target off the framework's scale.

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> min_units(as_framework("spbe2020"), 2.60)   # 2.595 publishes as 2.60
    5190
    """
    h = to_hundredths(target, fw, source)
    return window(h, fw.total_units if units is None else units, fw.level_step)[0]


def official_value(fw: Framework, n_units: Any, units: int | None = None) -> float:
    """Official value (float, 2 decimals) of an integer weighted sum of the whole index.

    Parameters
    ----------
    fw : Framework
    n_units : int
        The weighted sum ``N``.
    units : int, optional
        Total weight units; the whole index by default.

    Returns
    -------
    float

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> official_value(as_framework("spbe2020"), 5190)
    2.6
    """
    return from_hundredths(hundredths(int(n_units), fw.total_units if units is None else units, fw.level_step))


def band_of(fw: Framework, h: Any) -> Any:
    """Rank (0-based, lowest band first) of the predicate band holding official value(s) ``h``.

    Parameters
    ----------
    fw : Framework
    h : int or integer array
        Official values in hundredths; lower band edges are inclusive.

    Returns
    -------
    int or integer array

    Examples
    --------
    >>> from spbe_analysis.frameworks import as_framework
    >>> fw = as_framework("spbe2020")
    >>> fw.band_names()[int(band_of(fw, 350))], fw.band_names()[int(band_of(fw, 349))]
    ('Sangat Baik', 'Baik')
    """
    return fw.band_index(np.asarray(h, dtype=np.int64))
