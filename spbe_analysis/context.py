"""The one setup call of every notebook: :func:`context`.

It gathers what the analysis of one evaluation year needs (the published table, the six
regencies and their names, the framework, the reference values of the province and the nation,
the indicator-level profiles, the source line for figure footers and whether results are
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
from .data import load_published, load_regencies
from .errors import DataError
from .frameworks import Framework
from .labels import num, t
from .official import as_framework
from .panel import source_note
from .profiles import ProfileSet, sample_published
from .scoring import score_table
from .sheets import load_sheet, sheet_scores


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
    source: str
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
        b = self.framework.bands
        return {r.predicate: float(r.lower) for r in b.itertuples() if r.rank > 1}

    def targets(self, bands: tuple[int, ...] = (3, 4), province: bool = True) -> dict[str, float]:
        """Targets for the gap and path analyses: the lower edges of the bands of the given ranks
        (3 and 4: Baik and Sangat Baik under SPBE), and the province's published value."""
        b = self.framework.bands
        out = {r.predicate: float(r.lower) for r in b.itertuples() if r.rank in bands}
        if province and self.province is not None:
            out[self.name(self.province_code)] = self.province
        return out

    def next_bands(self) -> dict[str, tuple[str, float]]:
        """Each regency's next band above its starting index: {code: (band, lower edge)}; a regency
        already in the top band has none."""
        out = {}
        for c in self.codes:
            k = int(self.framework.band_index(round(float(self.start[c]) * 100)))
            if k + 1 < len(self.framework.bands):
                b = self.framework.bands.iloc[k + 1]
                out[c] = (str(b["predicate"]), float(b["lower"]))
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


def framework_of_year(published: pd.DataFrame, year: int) -> Framework:
    """The framework the published values of ``year`` were computed under.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    year : int

    Returns
    -------
    Framework

    Raises
    ------
    DataError
        When the year's rows name more than one framework (or none).

    Examples
    --------
    >>> framework_of_year(load_published(), 2024).name
    'spbe2020'
    """
    fws = set(published.loc[published["year"] == year, "framework"])
    if len(fws) != 1:
        raise DataError("published_indices.csv", "one framework per evaluation year", row=f"year {year}",
                        column="framework", value=sorted(fws))
    return as_framework(fws.pop())


def entity_codes(published: pd.DataFrame | None = None) -> tuple[tuple[str, ...], str, str]:
    """The codes the analyses compare, read from the data.

    Parameters
    ----------
    published : DataFrame, optional
        :func:`spbe_analysis.load_published` (loaded when not given).

    Returns
    -------
    tuple
        ``(six regency codes, province code, national code)``.

    Examples
    --------
    >>> entity_codes()
    (('7501', '7502', '7503', '7504', '7505', '7571'), '75', 'IDN')
    """
    reg = load_regencies(include_province=True)
    pub = load_published() if published is None else published
    codes = tuple(sorted(reg.index[reg["kind"] != "provinsi"]))
    prov = str(reg.index[reg["kind"] == "provinsi"][0])
    nat = pub.loc[pub["entity_type"] == "nasional", "entity_id"]
    return codes, prov, str(nat.iloc[0]) if len(nat) else ""


def check_sheet(path: str | Path, year: int, worksheet: str | None = None,
                framework: Framework | str | None = None) -> pd.DataFrame:
    """Load a sheet fully and check it against the analysed ``year`` and the six regencies.

    Parameters
    ----------
    path : str or Path
        A ``.csv`` or ``.xlsx`` evaluation sheet.
    year : int
        The analysed year (the notebooks' ``YEAR``).
    worksheet : str, optional
        The worksheet of an .xlsx workbook.
    framework : Framework or str, optional
        By default the framework of ``year``'s published values.

    Returns
    -------
    DataFrame
        The loaded sheet (:func:`spbe_analysis.sheets.load_sheet`).

    Raises
    ------
    DataError
        Located (file, row, column): a bad cell, no rows for ``year``, or a regency missing in it.

    Examples
    --------
    >>> import tempfile
    >>> from spbe_analysis.sheets import template
    >>> t = template(year=2024)
    >>> t["level"] = 3
    >>> p = Path(tempfile.mkdtemp()) / "sheet.csv"
    >>> t.to_csv(p, index=False)
    >>> len(check_sheet(p, 2024))
    282
    """
    year = checks.count(year, "YEAR parameter", minimum=1900)
    fw = framework_of_year(load_published(), year) if framework is None else as_framework(framework)
    df = load_sheet(path, fw, sheet=worksheet or None)
    src = str(path)
    years = sorted(set(df["year"]))
    if year not in years:
        raise DataError(src, f"levels for the analysed year {year} (YEAR parameter); the sheet holds "
                        + ", ".join(map(str, years)), sheet=worksheet, column="year", value=years[0])
    codes, _, _ = entity_codes()
    present = set(df.loc[df["year"] == year, "bps_code"])
    absent = [c for c in codes if c not in present]
    if absent:
        reg = load_regencies()
        raise DataError(src, f"all six regencies for {year}; missing {len(absent)}: "
                        + ", ".join(f"{c} {reg.loc[c, 'short_name']}" for c in absent), sheet=worksheet,
                        row=f"government {absent[0]}, year {year}", column="bps_code")
    return df


def _sheet_check(scores: pd.DataFrame, published: pd.DataFrame, year: int, codes: tuple[str, ...]) -> pd.DataFrame:
    rows = []
    for c in codes:
        sheet_value = float(scores.loc[(scores["bps_code"] == c) & (scores["year"] == year), "index"].iloc[0])
        r = published[(published["entity_id"] == c) & (published["year"] == year)]
        status = r["status"].iloc[0] if len(r) else "missing"
        pub = float(r["value"].iloc[0]) if status == "exact" else None
        rows.append({"entity": c, "sheet": sheet_value, "published": pub, "status": status,
                     "differs": pub is not None and round(pub * 100) != round(sheet_value * 100)})
    return pd.DataFrame(rows).set_index("entity")


def context(year: int = 2024, sheet: str | Path = "", sheet_name: str = "", seed: int = 20250723,
            n_profiles: int = 0, lang: str = "id") -> Context:
    """Everything a notebook needs for evaluation year ``year``.

    Parameters
    ----------
    year : int
        A year with published values (2024).
    sheet : str or Path
        A filled-in evaluation sheet; empty for illustrative profiles.
    sheet_name : str
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
    names = pd.concat([reg["short_name"], pd.Series({prov: t("province", lang), nat: t("national", lang)})])
    year_rows = pub[pub["year"] == year].set_index("entity_id")
    values = pd.Series({c: (float(year_rows.loc[c, "value"]) if c in year_rows.index
                            and year_rows.loc[c, "status"] == "exact" else float("nan")) for c in codes}, name="value")

    def ref(code: str) -> float | None:
        return float(year_rows.loc[code, "value"]) if code in year_rows.index and \
            year_rows.loc[code, "status"] == "exact" else None

    used = pub[(pub["year"] == year) & pub["entity_id"].isin(codes + (prov, nat))]
    pub_source = source_note(used, f"{t('fw_short_' + fw.name, lang)} {year}", lang)
    profiles_ = None
    check = None
    unused = ""
    if str(sheet):
        df = check_sheet(sheet, year, sheet_name or None, fw)
        scores = sheet_scores(df, fw)
        check = _sheet_check(scores, pub, year, codes)
        start = check["sheet"].rename("index")
        other = sorted({(c, y) for c, y in zip(df["bps_code"], df["year"]) if c not in codes or y != year})
        if other:
            unused = t("sheet_unused", lang, rows=", ".join(f"{c} {y}" for c, y in other), year=year)
        if n_profiles:
            lv = {c: df[(df["bps_code"] == c) & (df["year"] == year)].set_index("indicator")["level"]
                  .reindex(list(fw.ids)).to_frame().T.reset_index(drop=True).rename_axis("draw") for c in codes}
            lv = {c: v.astype("int64") if fw.level_step == 1 else v for c, v in lv.items()}
            profiles_ = ProfileSet(fw.name, year, lv, illustrative=False, source=str(sheet))
        source = t("source_sheet", lang, sheet=Path(sheet).name, year=year)
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
                                   source=t("source_profiles", lang, n=n_profiles, year=year, seed=seed))
            source = t("source_profiles", lang, n=n_profiles, year=year, seed=seed) + "; " + pub_source
        else:
            source = pub_source
        illustrative = bool(n_profiles)
    return Context(year=year, lang=lang, seed=seed, framework=fw, published=pub, regencies=reg, codes=codes,
                   province_code=prov, national_code=nat, names=names, values=values, province=ref(prov),
                   national=ref(nat), profiles=profiles_, start=start, illustrative=illustrative, source=source,
                   sheet_check=check, sheet_unused=unused)
