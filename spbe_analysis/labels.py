"""Bahasa Indonesia / English labels. Every text a figure shows comes from here or from data.

``t(key, lang, **fmt)`` returns the label in ``lang`` ("id" or "en"), formatted with ``fmt``.
"""
from __future__ import annotations

LANGS = ("id", "en")

LABELS: dict[str, dict[str, str]] = {
    # generic
    "index": {"id": "Indeks SPBE", "en": "SPBE index"},
    "index_pemdi": {"id": "Indeks PEMDI", "en": "PEMDI index"},
    "year": {"id": "Tahun", "en": "Year"},
    "weight_pct": {"id": "Bobot dalam indeks (%)", "en": "Weight in the index (%)"},
    "per_level": {"id": "Kenaikan indeks per satu level", "en": "Index gain per level step"},
    "indicator": {"id": "Indikator", "en": "Indicator"},
    "domain": {"id": "Domain", "en": "Domain"},
    "aspect": {"id": "Aspek", "en": "Aspect"},
    "province": {"id": "Provinsi Gorontalo", "en": "Gorontalo Province"},
    "national": {"id": "Nasional", "en": "National"},
    "national_target": {"id": "Target nasional RPJMN", "en": "National RPJMN target"},
    "illustrative": {"id": "ILUSTRATIF: profil indikator disimulasikan, bukan skor resmi",
                     "en": "ILLUSTRATIVE: simulated indicator profiles, not official scores"},
    "source": {"id": "Sumber", "en": "Source"},
    "computed": {"id": "dihitung dengan spbe_analysis", "en": "computed with spbe_analysis"},
    "band_edge": {"id": "Batas predikat", "en": "Predicate edge"},
    "censored_below": {"id": "< {bound} (tidak dipublikasikan)", "en": "< {bound} (not published)"},
    "not_published": {"id": "tidak dipublikasikan", "en": "not published"},
    # framework names
    "fw_spbe2018": {"id": "SPBE (PermenPANRB 5/2018)", "en": "SPBE (PermenPANRB 5/2018)"},
    "fw_spbe2020": {"id": "SPBE (PermenPANRB 59/2020)", "en": "SPBE (PermenPANRB 59/2020)"},
    "fw_pemdi2026": {"id": "PEMDI (PermenPANRB 8/2026)", "en": "PEMDI (PermenPANRB 8/2026)"},
}


def t(key: str, lang: str = "id", **fmt: object) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    text = LABELS[key][lang]
    return text.format(**fmt) if fmt else text


def pick(pair: dict[str, str], lang: str) -> str:
    """Choose from an {"id": ..., "en": ...} pair."""
    return pair[lang]
