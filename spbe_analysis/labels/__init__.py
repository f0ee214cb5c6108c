"""Every displayed text, in Bahasa Indonesia and English.

The texts live in one data file, ``strings.json`` next to this module: one entry per line,
``"key": {"id": "...", "en": "..."}``, in the order of the pages that use them. Duplicate keys
are refused when the file is read. :data:`LABELS` is that table as a dict.

``t(key, lang, **fmt)`` returns the label in ``lang`` ("id" or "en"), formatted with ``fmt``.
Numbers are written with :func:`num` and :func:`pct`: a decimal comma and a thousands point in
Bahasa Indonesia (2,40; 1.000), a decimal point and a thousands comma in English (2.40; 1,000).
:func:`entity_names` gives the display names of the governments: the regencies' short names from
``data/regencies.csv`` and the labels of the province and the nation in ``lang``.

**Percentages** follow one style per language, the one each language's official usage prescribes,
and :func:`pct` writes them (:func:`open_pct` and :func:`share` call it; charts use it too):

* Bahasa Indonesia (EYD, the official spelling guide, writes "sepuluh persen (10%)"): the sign
  on the number, no space, decimal comma: ``80%``, ``12,5%``, ``5-95%``; never ``80 %``.
* English (the usual English style guides' numeric style): the sign on the number, no space,
  decimal point: ``80%``, ``12.5%``.

So both languages write ``80%`` with no space (not the ISO 80000 / French ``80 %``), and a test
over the built pages (``tests/test_pages.py``) finds no number followed by a space and ``%``.

Predicate names follow one rule in both languages: the official Indonesian name (*Baik*,
*Sangat Baik*), never a translation, because that is the name printed next to every published
index; English pages gloss them once in their "how to read" note (:func:`band_gloss`).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from ..checks import LANGS, lang as check_lang
from ..config import data_file
from ..errors import DataError

#: The data file of every displayed text.
STRINGS = Path(__file__).with_name("strings.json")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise DataError(str(STRINGS), "each label key once", row=k, value=k)
        out[k] = v
    return out


def load_strings(path: str | Path = STRINGS) -> dict[str, dict[str, str]]:
    """The label table read from ``path`` (``strings.json`` by default), validated.

    Parameters
    ----------
    path : str or Path
        A JSON object ``{key: {"id": text, "en": text}}``.

    Returns
    -------
    dict
        ``{key: {"id": text, "en": text}}`` in file order.

    Raises
    ------
    DataError
        For invalid JSON, a duplicate key, or an entry without a text in each language.

    Examples
    --------
    >>> load_strings()["province"]["en"]
    'Gorontalo Province'
    """
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise DataError(str(path), "valid JSON", row=f"line {exc.lineno}", value=exc.msg) from None
    if not isinstance(doc, dict):
        raise DataError(str(path), "a JSON object of label keys")
    for k, v in doc.items():
        if not isinstance(v, dict) or set(v) != set(LANGS) or not all(isinstance(s, str) for s in v.values()):
            raise DataError(str(path), f"a text in each of {', '.join(LANGS)} and nothing else", row=k, value=v)
    return doc


LABELS: dict[str, dict[str, str]] = load_strings()


def t(key: str, lang: str = "id", **fmt: Any) -> str:
    """The label ``key`` in ``lang``, formatted with ``fmt``.

    Examples
    --------
    >>> t("province", "en"), t("censored_below", "id", bound="2,03")
    ('Gorontalo Province', '< 2,03 (tidak dipublikasikan)')
    """
    lang = check_lang(lang)
    if key not in LABELS:
        raise DataError("key argument", "a label key of spbe_analysis.labels.LABELS", value=key)
    text = LABELS[key][lang]
    return text.format(**fmt) if fmt else text


def num(x: float, lang: str = "id", decimals: int = 2) -> str:
    """A number for display: ``num(2.4, "id") == "2,40"``, ``num(2.4, "en") == "2.40"``;
    thousands are grouped (1.000 / 1,000).

    Examples
    --------
    >>> num(2.4, "id"), num(1234.5, "en", 1), num(1234.5, "id", 1)
    ('2,40', '1,234.5', '1.234,5')
    """
    from ..official import round_half_up

    lang = check_lang(lang)
    s = f"{round_half_up(float(x), decimals):,.{decimals}f}"    # half up, as official values are
    if lang == "id":
        s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return s


def pct(x: float, lang: str = "id", decimals: int = 0) -> str:
    """A share (0-1) as a percentage in the style of the module docstring, the sign on the number
    without a space: ``pct(0.25, "id") == "25%"``, ``pct(0.125, "id", 1) == "12,5%"``,
    ``pct(0.125, "en", 1) == "12.5%"``.

    Examples
    --------
    >>> pct(0.25, "id"), pct(0.125, "id", 1), pct(0.125, "en", 1), pct(12.5, "id")
    ('25%', '12,5%', '12.5%', '1.250%')
    """
    return num(100 * float(x), lang, decimals) + "%"


def band_gloss(framework: Any, lang: str = "id") -> str:
    """One line naming each predicate band with its range (and the English gloss on English pages)."""
    lang = check_lang(lang)
    parts = []
    for b in framework.bands.itertuples():
        rng = f"{num(float(b.lower), lang)}-{num(float(b.upper), lang)}"
        parts.append(f"{b.predicate} ({rng})" if lang == "id" else f"{b.predicate} = {b.predicate_en.lower()} ({rng})")
    return "; ".join(parts)


#: The label key of the display name of an entity kind without a name of its own in the data.
KIND_LABELS = {"provinsi": "province", "nasional": "national"}


def entity_names(lang: str = "id") -> dict[str, str]:
    """Display names keyed by entity id.

    The data (:func:`spbe_analysis.data.load_entities`) give each government's kind and the
    regencies' short names; the province and the nation are named here, in ``lang``.

    Examples
    --------
    >>> entity_names("en")["7501"], entity_names("en")["75"], entity_names("id")["IDN"]
    ('Boalemo', 'Gorontalo Province', 'Nasional')
    """
    return dict(_entity_names(check_lang(lang), str(data_file("regencies.csv"))))


@functools.lru_cache(maxsize=None)
def _entity_names(lang: str, _where: str) -> tuple[tuple[str, str], ...]:
    from ..data import load_entities

    ent = load_entities()
    return tuple((c, t(KIND_LABELS[k], lang) if k in KIND_LABELS else str(n))
                 for c, k, n in zip(ent.index, ent["kind"], ent["short_name"]))


def open_pct(p: float, lang: str = "id") -> str:
    """A share strictly between 0 and 1 as a percentage that never reads 0% or 100%
    (``open_pct(0.999, "id") == ">99%"``)."""
    s = pct(p, lang)
    if p > 0 and s == pct(0.0, lang):
        return "<" + pct(0.01, lang)
    if p < 1 and s == pct(1.0, lang):
        return ">" + pct(0.99, lang)
    return s


def share(p: float, draws: int, lang: str = "id", short: bool = False) -> str:
    """A share of draws in words: "dalam 37% dari 4.000 simulasi" ("dalam 37%" when ``short``);
    where every draw agrees, "dalam semua 4.000 simulasi" / "dalam tak satu pun dari 4.000
    simulasi": a statement about the draws, never 100% or 0%.

    Examples
    --------
    >>> share(1.0, 1000, "id"), share(0.5, 1000, "en")
    ('dalam semua 1.000 simulasi', 'in 50% of 1,000 draws')
    """
    n = num(draws, lang, 0)
    if p >= 1:
        return t("fc_in_all", lang, n=n)
    if p <= 0:
        return t("fc_in_none", lang, n=n)
    return t("fc_in_share_short" if short else "fc_in_share", lang, p=open_pct(p, lang), n=n)


__all__ = ["KIND_LABELS", "LABELS", "LANGS", "STRINGS", "band_gloss", "entity_names", "load_strings", "num",
           "open_pct", "pct", "share", "t"]
