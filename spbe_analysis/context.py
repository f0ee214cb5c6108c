"""The one setup call of every notebook: :func:`context`.

It gathers what the analysis of one evaluation year needs (the published table, the six
regencies and their names, the framework, the reference values of the province and the nation,
the indicator-level profiles, the footer line of figures (its sources) and whether results are
illustrative) and decides where every starting point comes from:

* with a real evaluation sheet, every indicator-level number comes from the sheet's exact
  official scores: which regencies are below a band, the starting index of every path. The
  sheet must hold the analysed year for all six regencies; where a published index exists for
  the same regency-year and differs from the sheet's, both are reported (``sheet_check``);
* without one, each regency gets an ensemble of illustrative profiles whose official index
  equals its published index exactly, and everything says *illustrative*.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import checks
from .data import entity_codes, framework_of_year, load_published, load_regencies
from .disparity import next_band
from .errors import DataError
from .frameworks import Framework
from .labels import entity_names, num, t
from .profiles import ProfileSet, sample_published
from .scoring import score_table
from .sheetscore import check_sheet, compare_published
from .sheets import sheet_scores
from .tables import footer_note

#: Data helpers that lived here before the core/presentation split; their home is the core modules
#: :mod:`spbe_analysis.data` and :mod:`spbe_analysis.sheetscore`. Kept importable from here.
__all__ = ["Context", "check_sheet", "context", "entity_codes", "framework_of_year"]


@dataclass(frozen=True)
class Context:
    """What every notebook needs for one evaluation year (see :func:`context`)."""

    year: int
    lang: str
    seed: int
    framework: Framework
    published: pd.DataFrame
    regencies: pd.DataFrame
    codes: tuple[str, ...]
    province_code: str
    national_code: str
    names: pd.Series
    values: pd.Series
    province: float | None
    national: float | None
    profiles: ProfileSet | None
    start: pd.Series
    illustrative: bool
    footer: str
    sheet_check: pd.DataFrame | None
    sheet_unused: str

    def name(self, code: str) -> str:
        """Display name of an entity (regency short name, province or nation label)."""
        return str(self.names[code])

    def name_list(self, codes: str | list[str]) -> str:
        """Names of a list of codes (or a comma-separated text of codes), comma-separated."""
        items = [c for c in (codes.split(",") if isinstance(codes, str) else codes) if c]
        return ", ".join(self.name(c) for c in items)

    def band_edges(self) -> dict[str, float]:
        """Lower edge of every band above the lowest, by band name (e.g. Cukup 1.80 ... Memuaskan 4.20)."""
        return self.framework.band_edges()

    def targets(self, bands: tuple[str, ...] = ("Baik", "Sangat Baik"), province: bool = True) -> dict[str, float]:
        """Targets for the gap and path analyses: the lower edges of the named bands (Baik and Sangat
        Baik by default; a PEMDI band may be named without its gloss), by official band name, and the
        province's published value."""
        out = {}
        for b in checks.collection(bands, "bands argument"):
            row = self.framework.band(b)
            out[str(row["predicate"])] = float(row["lower"])
        if province and self.province is not None:
            out[self.name(self.province_code)] = self.province
        return out

    def next_bands(self) -> dict[str, tuple[str, float]]:
        """Each regency's next band above its starting index: {code: (band, lower edge)}; a regency
        already in the top band has none."""
        out = {}
        for c in self.codes:
            name, edge = next_band(float(self.start[c]), self.framework)
            if name is not None:
                out[c] = (name, edge)
        return out

    def with_province_profiles(self, n: int) -> dict[str, pd.DataFrame]:
        """The regencies' profiles plus the province's: its illustrative ensemble consistent with its
        published index (or, with a real sheet, its rows in the sheet when present)."""
        out = dict(self.profiles.levels) if self.profiles else {}
        if self.sheet_check is not None:
            return out
        if self.province is not None:
            from .profiles import sample_profiles
            out[self.province_code] = sample_profiles(self.framework, self.province, n=checks.count(n, "n argument"),
                                                      seed=self.seed + 75).levels
        return out

    def notes(self) -> list[str]:
        """What the reader must know about the data of this page: illustrative profiles, or an exact
        sheet with a note for every regency whose sheet index differs from the published one, and
        the sheet rows not used."""
        if self.sheet_check is None:
            return [t("profiles_illustrative", self.lang)] if self.illustrative else []
        out = [t("sheet_exact", self.lang)]
        diff = self.sheet_check[self.sheet_check["differs"]]
        for c, r in diff.iterrows():
            out.append(t("sheet_differs", self.lang, name=self.name(c), sheet=num(r["sheet"], self.lang),
                         published=num(r["published"], self.lang), year=self.year))
        if diff.empty:
            out.append(t("sheet_matches", self.lang, year=self.year))
        if self.sheet_unused:
            out.append(self.sheet_unused)
        return out

    def profile_check(self) -> pd.DataFrame:
        """Per regency: the starting index used, the published index, and the range of the official
        index over its profiles (equal to the start for every illustrative draw, by construction)."""
        rows = []
        for c in self.codes:
            sc = score_table(self.profiles.levels[c], self.framework) if self.profiles else None
            rows.append({"entity": c, "name": self.name(c), "start": float(self.start[c]),
                         "published": float(self.values[c]), "profiles": 0 if sc is None else len(sc),
                         "low": float("nan") if sc is None else float(sc["value"].min()),
                         "high": float("nan") if sc is None else float(sc["value"].max())})
        return pd.DataFrame(rows).set_index("entity")


def context(year: int = 2024, sheet: str | Path = "", worksheet: str = "", seed: int = 20250723,
            n_profiles: int = 0, lang: str = "id") -> Context:
    """Everything a notebook needs for evaluation year ``year``.

    Parameters
    ----------
    year : int
        A year with published values (2024).
    sheet : str or Path
        A filled-in evaluation sheet; empty for illustrative profiles.
    worksheet : str
        Worksheet of an .xlsx sheet (needed when the workbook has several).
    seed : int
        Seed of the illustrative ensembles.
    n_profiles : int
        Illustrative profiles per regency (0: none, for notebooks on published values only).
    lang : {"id", "en"}

    Returns
    -------
    Context

    Examples
    --------
    >>> ctx = context(2024)
    >>> ctx.codes, ctx.province, float(ctx.values["7501"]), ctx.illustrative
    (('7501', '7502', '7503', '7504', '7505', '7571'), 4.13, 2.4, False)
    """
    lang = checks.lang(lang)
    year = checks.count(year, "YEAR parameter", minimum=1900)
    seed = checks.count(seed, "SEED parameter", minimum=0)
    n_profiles = checks.count(n_profiles, "N_PROFILES parameter", minimum=0)
    if not isinstance(sheet, (str, Path)):
        raise DataError("SHEET parameter", "a file path, or an empty text for illustrative profiles", value=sheet)
    pub = load_published()
    fw = framework_of_year(pub, year)
    codes, prov, nat = entity_codes(pub)
    reg = load_regencies()
    names = pd.Series(entity_names(lang))
    year_rows = pub[pub["year"] == year].set_index("entity_id")
    values = pd.Series({c: (float(year_rows.loc[c, "value"]) if c in year_rows.index
                            and year_rows.loc[c, "status"] == "exact" else float("nan")) for c in codes}, name="value")

    def ref(code: str) -> float | None:
        return float(year_rows.loc[code, "value"]) if code in year_rows.index and \
            year_rows.loc[code, "status"] == "exact" else None

    used = pub[(pub["year"] == year) & pub["entity_id"].isin(codes + (prov, nat))]
    pub_footer = footer_note(used, f"{t('fw_short_' + fw.name, lang)} {year}", lang)
    profiles_ = None
    check = None
    unused = ""
    if str(sheet):
        df = check_sheet(sheet, year, worksheet or None, fw)
        scores = sheet_scores(df, fw)
        check = compare_published(scores, pub, year, codes)
        start = check["sheet"].rename("index")
        other = sorted({(c, y) for c, y in zip(df["bps_code"], df["year"]) if c not in codes or y != year})
        if other:
            unused = t("sheet_unused", lang, rows=", ".join(f"{c} {y}" for c, y in other), year=year)
        if n_profiles:
            lv = {c: df[(df["bps_code"] == c) & (df["year"] == year)].set_index("indicator")["level"]
                  .reindex(list(fw.ids)).to_frame().T.reset_index(drop=True).rename_axis("draw") for c in codes}
            lv = {c: v.astype("int64") if fw.level_step == 1 else v for c, v in lv.items()}
            profiles_ = ProfileSet(fw.name, year, lv, illustrative=False, source=str(sheet))
        footer = t("source_sheet", lang, sheet=Path(sheet).name, year=year)
        illustrative = False
    else:
        start = values.rename("index")
        if n_profiles:
            missing = [c for c in codes if pd.isna(values[c])]
            if missing:
                raise DataError("published_indices.csv", f"an exact published {year} value for every regency to "
                                "condition the illustrative profiles on", row=missing[0], column="value")
            ens = sample_published(pub, year, codes, n=n_profiles, seed=seed)
            profiles_ = ProfileSet(fw.name, year, {c: ens[c].levels for c in codes}, illustrative=True,
                                   source=t("source_profiles", lang, n=num(n_profiles, lang, 0), year=year, seed=seed))
            footer = t("source_profiles", lang, n=num(n_profiles, lang, 0), year=year, seed=seed) + "; " + pub_footer
        else:
            footer = pub_footer
        illustrative = bool(n_profiles)
    return Context(year=year, lang=lang, seed=seed, framework=fw, published=pub, regencies=reg, codes=codes,
                   province_code=prov, national_code=nat, names=names, values=values, province=ref(prov),
                   national=ref(nat), profiles=profiles_, start=start, illustrative=illustrative, footer=footer,
                   sheet_check=check, sheet_unused=unused)
