"""Forecasts with a track record: four one-step models of the published index, a backtest scoring
every one-step forecast the record allows (censored values as bounds), and the chance of reaching a
band by each year, simulated from the chosen model's observed forecast errors. Models (METHODS):

``no_change``  next cycle = this cycle;
``pooled``     this cycle + the mean yearly change of every entity with exact values in two
               consecutive cycles observed so far (the pooled drift);
``own``        this cycle + the entity's own last yearly change (or the mean of its changes);
``shrunk``     this cycle + ``own * k + pooled * (1 - k)``, k chosen from a small grid on the
               forecasts of the earlier years only (out of sample).

Everything stays within one instrument (its consecutive evaluation years: SPBE 2020 in 2021-2025,
PEMDI from 2026): no forecast crosses 2019 -> 2021 or 2025 -> 2026. The instrument of a row is its
``instrument`` column, else the framework of its year. Values are kept in integer hundredths; a
censored value ("below b") is the interval of values it may have been, ``[level_min, b - 0.01]``.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import checks
from .errors import DataError
from .frameworks import FRAMEWORK_NAMES, as_framework
from .official import to_hundredths

MODELS = ("no_change", "pooled", "own", "shrunk")
K_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
MODEL_TEXT = {"no_change": "no change", "pooled": "pooled drift", "own": "own pace",
              "shrunk": "own pace shrunk toward the pooled drift"}


# ============================================================================= the record
def _instrument_column(published: pd.DataFrame) -> pd.Series:
    """Instrument of each row: the ``instrument`` column, else the framework of the row's year
    (:func:`spbe_analysis.data.framework_of_year`), else the framework whose years cover it."""
    if "instrument" in published.columns:
        return published["instrument"].astype(str)
    from .data import framework_of_year
    names = {}
    for y in sorted(set(int(y) for y in published["year"])):
        try:
            names[y] = framework_of_year(published, y).name
        except (DataError, KeyError):                       # no (or no single) framework column
            names[y] = next((n for n in FRAMEWORK_NAMES if as_framework(n).covers_year(y)), "")
    return published["year"].astype(int).map(names)


def _cycles(instrument: str, years) -> list[int]:
    """The evaluation years of ``instrument`` (an open-ended one: through the record's latest)."""
    fw = as_framework(instrument)
    lo = fw.first_year if fw.first_year is not None else min(years)
    hi = fw.last_year if fw.last_year is not None else max(max(years), lo)
    return list(range(lo, hi + 1))


def record(published: pd.DataFrame, instrument: str, entities=None) -> dict[str, dict[int, tuple[int, int]]]:
    """Possible published values per entity and year of one instrument, in hundredths.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published` (an ``instrument`` column is not needed).
    instrument : str
    entities : iterable of str, optional
        Every entity of the table but national targets when not given.

    Returns
    -------
    dict
        ``{entity: {year: (low, high)}}``: ``(v, v)`` for an exact value, ``(level_min, b - 1)`` for
        one published only as below ``b``; missing values are left out.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> r = record(sa.load_published(), "spbe2020", ["7501"])
    >>> r["7501"]
    {2022: (100, 202), 2023: (202, 202), 2024: (240, 240)}
    """
    checks.frame(published, "published argument", columns=("entity_id", "year", "status", "value", "bound"))
    fw = as_framework(instrument, "instrument argument")
    d = published[_instrument_column(published) == fw.name]
    if entities is None:
        keep = d["entity_type"] != "target" if "entity_type" in d.columns else pd.Series(True, index=d.index)
        entities = list(dict.fromkeys(d.loc[keep, "entity_id"].astype(str)))
    out: dict[str, dict[int, tuple[int, int]]] = {str(e): {} for e in entities}
    for r in d.itertuples():
        e = str(r.entity_id)
        if e not in out or r.status == "missing":
            continue
        if r.status == "exact":
            h = to_hundredths(float(r.value))
            out[e][int(r.year)] = (h, h)
        else:
            out[e][int(r.year)] = (fw.level_min * 100, to_hundredths(float(r.bound)) - 1)
    return {e: dict(sorted(v.items())) for e, v in out.items()}


def forecastable_instruments(published: pd.DataFrame, entities=None) -> list[str]:
    """Instruments with at least one entity valued in two consecutive cycles, oldest first.

    Parameters
    ----------
    published : DataFrame
    entities : iterable of str, optional

    Returns
    -------
    list of str

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> forecastable_instruments(sa.load_published(), ["7501", "75"])
    ['spbe2020']
    """
    inst = set(_instrument_column(published))
    return [n for n in FRAMEWORK_NAMES
            if n in inst and any(y - 1 in v for v in record(published, n, entities).values() for y in v)]


def interval_error(forecast: tuple[float, float], outcome: tuple[float, float]) -> float:
    """Distance between a forecast interval and an outcome interval: 0 where they meet.

    Parameters
    ----------
    forecast, outcome : (low, high)
        Equal ends for a point.

    Returns
    -------
    float
        ``max(0, forecast low - outcome high, outcome low - forecast high)``.

    Examples
    --------
    >>> interval_error((2.0, 2.4), (2.3, 2.3)), interval_error((2.0, 2.4), (2.5, 2.5))
    (0.0, 0.1)
    """
    return round(max(0.0, float(forecast[0]) - float(outcome[1]), float(outcome[0]) - float(forecast[1])), 10)


# ============================================================================= backtest
@dataclass(frozen=True)
class ForecastBacktest:
    """Every one-step forecast of one instrument's record, scored.

    ``forecasts``: a row per entity, year and model: ``origin`` (the year forecast from),
    ``forecast_low/high``, ``outcome_low/high`` (index points), ``error`` (NA where not scored),
    ``residual`` (outcome - forecast where both are exact), ``k``, ``reason`` (why not scored:
    ``no_origin``, ``no_pooled``, ``no_own``, ``no_k``; empty when scored) and ``note`` (in words, or
    what is censored). ``summary``: per model ``n`` scored (``n_interval`` of them intervals),
    ``n_unscored``, ``mae``, ``mae_no_change`` (no change on the same forecasts), ``mae_common`` (on
    the ``n_common`` forecasts every model scored). ``chosen``: the lowest ``mae_common`` (ties: no
    change). ``k``: per year, the shrinkage weight chosen on the earlier years and on how many
    forecasts (the last row, the year after the record, on all of them)."""

    instrument: str
    years: tuple[int, ...]
    forecasts: pd.DataFrame
    summary: pd.DataFrame
    chosen: str
    k: pd.DataFrame
    n_common: int
    own: str = "last"
    entities: tuple[str, ...] = ()

    def residuals(self, model: str | None = None) -> np.ndarray:
        """Signed one-step errors (outcome - forecast, index points) of ``model`` (the chosen one by
        default) where forecast and outcome are exact."""
        m = self.chosen if model is None else checks.choice(model, MODELS, "model argument")
        r = self.forecasts.loc[self.forecasts["model"] == m, "residual"]
        return r.dropna().to_numpy(dtype=float)


def _changes(rec, e: str, before: int) -> list[tuple[int, int]]:
    """Yearly changes (hundredths, as (low, high)) of entity ``e`` into years up to ``before``."""
    v = rec[e]
    return [(b[0] - a[1], b[1] - a[0]) for y, b in v.items() if y <= before and (a := v.get(y - 1)) is not None]


def _pooled(rec, before: int) -> list[int]:
    """Exact yearly changes of every entity into years up to ``before``."""
    return [b[0] - a[0] for v in rec.values() for y, b in v.items()
            if y <= before and (a := v.get(y - 1)) is not None and a[0] == a[1] and b[0] == b[1]]


def _own(changes, how: str) -> tuple[float, float]:
    """The own change (hundredths, low/high): the last one or the mean."""
    if how == "last":
        return float(changes[-1][0]), float(changes[-1][1])
    return float(np.mean([c[0] for c in changes])), float(np.mean([c[1] for c in changes]))


def backtest(published: pd.DataFrame, entities=None, instrument: str | None = None, own: str = "last",
             k_grid=K_GRID) -> ForecastBacktest:
    """Score every one-step forecast of each model that the published record allows.

    Parameters
    ----------
    published : DataFrame
        :func:`spbe_analysis.load_published`.
    entities : iterable of str, optional
        By default the six regencies, the province and the nation
        (:func:`spbe_analysis.data.entity_codes`).
    instrument : str, optional
        By default the latest instrument with two consecutive published cycles.
    own : {"last", "mean"}
        The own pace: the entity's last yearly change, or the mean of its changes so far.
    k_grid : sequence of float
        Candidate shrinkage weights in [0, 1]; ties go to the smallest (the most pooled).

    Returns
    -------
    ForecastBacktest

    Raises
    ------
    DataError
        For an instrument without two consecutive published cycles, a bad ``own`` or ``k_grid``.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> bt = backtest(sa.load_published())
    >>> bt.instrument, bt.chosen
    ('spbe2020', 'no_change')
    >>> int(bt.summary.set_index("model").loc["no_change", "n"])
    17
    """
    own = checks.choice(own, ("last", "mean"), "own argument")
    grid = sorted(float(checks.exact_number(k, "k_grid argument", expected="a weight between 0 and 1"))
                  for k in checks.collection(k_grid, "k_grid argument", allow_empty=False))
    if not all(0.0 <= k <= 1.0 for k in grid):
        raise DataError("k_grid argument", "weights between 0 and 1", value=grid)
    if entities is None:
        from .data import entity_codes
        regs, prov, nat = entity_codes(published)
        entities = [*regs, prov] + ([nat] if nat else [])
    entities = [str(e) for e in checks.collection(entities, "entities argument", allow_empty=False)]
    usable = forecastable_instruments(published, entities)
    if instrument is None:
        if not usable:
            raise DataError("published argument", "values of one entity in two consecutive cycles of an instrument")
        instrument = usable[-1]
    fw = as_framework(instrument, "instrument argument")
    if fw.name not in usable:
        raise DataError("published argument", f"values of one entity in two consecutive cycles of {fw.name}")
    rec = record(published, fw.name, entities)
    cycles = _cycles(fw.name, [y for v in rec.values() for y in v])
    # pass 1: the parts of each forecast (base, pooled drift, own change) or why one is missing
    parts = []
    for e in entities:
        v = rec[e]
        for t in (y for y in v if y in cycles):
            if not any(y < t for y in v):
                continue                                  # no history on this instrument: not a forecast
            base = v.get(t - 1)
            pool, mine = _pooled(rec, t - 1), _changes(rec, e, t - 1)
            parts.append({"entity": e, "year": t, "base": base, "outcome": v[t],
                          "pooled": float(np.mean(pool)) if pool else None, "own": _own(mine, own) if mine else None})
    # shrinkage weight per year, chosen on the earlier years' forecasts only
    both = [p for p in parts if p["base"] is not None and p["pooled"] is not None and p["own"] is not None]
    k_rows, k_of = [], {}
    for t in sorted({p["year"] for p in parts} | {max(p["year"] for p in parts) + 1}):   # and the next year
        early = [p for p in both if p["year"] < t]
        if not early:
            k_rows.append({"year": t, "k": np.nan, "n": 0})
            continue
        maes = [np.mean([interval_error(_shift(p, k, fw), p["outcome"]) for p in early]) for k in grid]
        k_of[t] = grid[int(np.argmin(np.round(maes, 9)))]
        k_rows.append({"year": t, "k": k_of[t], "n": len(early)})
    rows = []
    for p in parts:
        e, t, base, out = p["entity"], p["year"], p["base"], p["outcome"]
        for m in MODELS:
            why, k, f = _why(p, m, t, k_of), k_of.get(t, np.nan) if m == "shrunk" else np.nan, None
            if not why[0]:
                f = _shift(p, {"no_change": None, "pooled": 0.0, "own": 1.0, "shrunk": k}[m], fw)
            rows.append(_score(e, t, m, f, out, base, why, k))
    table = pd.DataFrame(rows, columns=["entity", "year", "origin", "model", "forecast_low", "forecast_high",
                                        "outcome_low", "outcome_high", "error", "residual", "k", "reason", "note"])
    summary, chosen, n_common = _summarise(table)
    return ForecastBacktest(fw.name, tuple(cycles), table, summary, chosen, pd.DataFrame(k_rows, columns=["year", "k", "n"]),
                            n_common, own, tuple(entities))


def _shift(p: dict, k: float | None, fw) -> tuple[float, float]:
    """Forecast interval (hundredths): the base plus ``k * own + (1 - k) * pooled`` (None: no change)."""
    lo, hi = p["base"]
    if k is None:
        return float(lo), float(hi)
    own, pool = p["own"] if k > 0 else (0.0, 0.0), p["pooled"] if k < 1 else 0.0
    a, z = fw.level_min * 100, fw.level_max * 100                 # clipped to the scale
    return tuple(min(max(x + k * o + (1 - k) * pool, a), z) for x, o in ((lo, own[0]), (hi, own[1])))


def _why(p: dict, m: str, t: int, k_of: dict) -> tuple[str, str]:
    """Why model ``m`` cannot forecast ``p``: (reason code, note); empty when it can."""
    if p["base"] is None:                                    # a gap: never a two-step forecast
        return "no_origin", f"no published value in {t - 1}"
    if m in ("pooled", "shrunk") and p["pooled"] is None:
        return "no_pooled", f"no exact yearly change of any entity before {t}"
    if m in ("own", "shrunk") and p["own"] is None:
        return "no_own", f"no yearly change of its own before {t}"
    if m == "shrunk" and t not in k_of:
        return "no_k", f"no earlier forecast to choose k on before {t}"
    return "", ""


def _score(e, t, m, f, out, base, reason, k) -> dict:
    code, why = reason
    pts = [None if f is None else round(x / 100, 6) for x in (f or (None, None))]
    o = (out[0] / 100, out[1] / 100)
    row = {"entity": e, "year": t, "origin": t - 1, "model": m, "forecast_low": pts[0], "forecast_high": pts[1],
           "outcome_low": o[0], "outcome_high": o[1], "error": np.nan, "residual": np.nan, "k": k, "reason": code,
           "note": why}
    if f is None:
        return row
    row["error"] = interval_error((f[0] / 100, f[1] / 100), o)
    notes = []
    if base[0] != base[1]:
        notes.append(f"interval forecast: {t - 1} value censored")
    elif f[0] != f[1]:
        notes.append("interval forecast: an earlier value censored")
    if out[0] != out[1]:
        notes.append(f"censored outcome: scored as the distance to [{o[0]:.2f}, {o[1]:.2f}]")
    if f[0] == f[1] and out[0] == out[1]:
        row["residual"] = round((out[0] - f[0]) / 100, 6)
    row["note"] = "; ".join(notes)
    return row


def _summarise(table: pd.DataFrame) -> tuple[pd.DataFrame, str, int]:
    scored = table.dropna(subset=["error"])
    keys = {m: set(zip(g["entity"], g["year"])) for m, g in scored.groupby("model")}
    common = set.intersection(*(keys.get(m, set()) for m in MODELS))
    nc = scored[scored["model"] == "no_change"].set_index(["entity", "year"])["error"]
    rows = []
    for m in MODELS:
        g = scored[scored["model"] == m]
        idx = list(zip(g["entity"], g["year"]))
        cm = g[[k in common for k in idx]]
        interval = (g["forecast_low"] != g["forecast_high"]) | (g["outcome_low"] != g["outcome_high"])
        rows.append({"model": m, "n": len(g), "n_interval": int(interval.sum()),
                     "n_unscored": int((table["model"] == m).sum() - len(g)),
                     "mae": float(g["error"].mean()) if len(g) else np.nan,
                     "mae_no_change": float(nc.loc[idx].mean()) if idx else np.nan,
                     "mae_common": float(cm["error"].mean()) if len(cm) else np.nan})
    s = pd.DataFrame(rows)
    chosen = "no_change"
    if common:
        best = s["mae_common"].round(9)
        if best.min() < best[s["model"] == "no_change"].iloc[0]:
            chosen = str(s.loc[best.idxmin(), "model"])
    return s, chosen, len(common)


# ============================================================================= years to a band
@dataclass(frozen=True)
class Reach:
    """P(band reached by year t), per entity and year, over simulated yearly changes.

    ``table``: ``entity``, ``start_year``, ``start`` (index; the upper end where censored),
    ``band``, ``edge``, ``year``, ``p`` (share of draws at or above the edge in some year up to
    ``year``), ``beyond_instrument`` (a year after the instrument's last: as if it went on).
    The change of a simulated year is the model's point change plus one of the ``n_errors`` observed
    signed one-step errors of ``model``, drawn with replacement, independently each year."""

    table: pd.DataFrame
    instrument: str
    model: str
    n_errors: int
    draws: int
    seed: int
    last_year: int | None
    error_years: tuple[int, int] = (0, 0)

    @property
    def varies(self) -> str:
        """What the probabilities are about, in words."""
        return (f"yearly change drawn from the {self.n_errors} observed forecast errors of the {MODEL_TEXT[self.model]}"
                f" model ({self.instrument} {'-'.join(map(str, self.error_years))}), {self.draws} draws, seed {self.seed}")

    def by(self, year: int) -> pd.Series:
        """P(band reached by ``year``) per entity."""
        return self.table[self.table["year"] == int(year)].set_index("entity")["p"]


def reach(bt: ForecastBacktest, published: pd.DataFrame, entities=None, band: str | None = None,
          years=None, model: str | None = None, draws: int = 4000, seed: int = 20260) -> Reach:
    """Probability of reaching a band by each year of a horizon, from the model's forecast errors.

    Parameters
    ----------
    bt : ForecastBacktest
        From :func:`backtest`: its instrument, its errors and (by default) its chosen model.
    published : DataFrame
    entities : iterable of str, optional
        The six regencies by default.
    band : str, optional
        A band of the instrument; by default each entity's next band above its latest value.
    years : iterable of int, optional
        By default the three years after the latest published year.
    model : str, optional
        One of :data:`MODELS` (the chosen model by default).
    draws, seed : int

    Returns
    -------
    Reach

    Raises
    ------
    DataError
        When the model has no exact forecast error to draw from.

    Examples
    --------
    >>> import spbe_analysis as sa
    >>> pub = sa.load_published()
    >>> r = reach(backtest(pub), pub, ["7504"], draws=500, seed=1)
    >>> r.table[["year", "band", "beyond_instrument"]].values.tolist()
    [[2025, 'Sangat Baik', False], [2026, 'Sangat Baik', True], [2027, 'Sangat Baik', True]]
    """
    model = bt.chosen if model is None else checks.choice(model, MODELS, "model argument")
    draws = checks.count(draws, "draws argument")
    err = np.round(bt.residuals(model) * 100).astype(np.int64)
    if not len(err):
        raise DataError("bt argument", f"exact one-step errors of the {model} model on {bt.instrument}")
    fw = as_framework(bt.instrument)
    if entities is None:
        from .data import entity_codes
        entities = entity_codes(published)[0]
    entities = [str(e) for e in checks.collection(entities, "entities argument", allow_empty=False)]
    full = record(published, fw.name, list(dict.fromkeys([*bt.entities, *entities])))
    pooled_rec = {e: full[e] for e in bt.entities} if bt.entities else full
    rec = {e: full[e] for e in entities}
    last = max((y for v in rec.values() for y in v), default=None)
    if last is None:
        raise DataError("published argument", f"a value of the entities on {fw.name}")
    ys = sorted(int(y) for y in checks.collection(range(last + 1, last + 4) if years is None else years, "years argument",
                                                   allow_empty=False))
    pool = _pooled(pooled_rec, last)
    k = float(bt.k["k"].iloc[-1]) if bt.k["k"].notna().iloc[-1] else 0.5     # chosen on the whole record
    rows = []
    for e in entities:
        if not rec[e]:
            continue
        y0 = max(rec[e])
        lo, hi = rec[e][y0]
        target = _target(fw, hi, band)
        if target is None:
            continue
        name, edge = target
        rng = np.random.default_rng([int(seed), zlib.crc32(e.encode())])
        start = rng.integers(lo, hi + 1, size=draws) if lo != hi else np.full(draws, lo)
        step = _point_change(model, _changes(full, e, y0), pool, k, bt.own, rng, draws)
        value, ever = start.astype(float), start >= edge
        for y in range(y0 + 1, max(ys) + 1):
            value = np.clip(value + step + rng.choice(err, size=draws), fw.level_min * 100, fw.level_max * 100)
            ever = ever | (np.floor(value + 0.5) >= edge)         # the value as published, in hundredths
            if y in ys:
                rows.append({"entity": e, "start_year": y0, "start": hi / 100, "band": name, "edge": edge / 100,
                             "year": y, "p": float(ever.mean()),
                             "beyond_instrument": fw.last_year is not None and y > fw.last_year})
    table = pd.DataFrame(rows, columns=["entity", "start_year", "start", "band", "edge", "year", "p",
                                        "beyond_instrument"])
    ys_err = bt.forecasts.loc[(bt.forecasts["model"] == model) & bt.forecasts["residual"].notna(), "year"]
    return Reach(table, fw.name, model, len(err), draws, int(seed), fw.last_year, (int(ys_err.min()), int(ys_err.max())))


def _target(fw, h: int, band: str | None) -> tuple[str, int] | None:
    """(band name without gloss, lower edge in hundredths): ``band`` or the next band above ``h``."""
    if band is not None:
        b = fw.band(band)
        return str(b["predicate"]).split(" (")[0], int(to_hundredths(float(b["lower"])))
    above = [(str(r.predicate).split(" (")[0], to_hundredths(float(r.lower))) for r in fw.bands.itertuples()
             if to_hundredths(float(r.lower)) > h]
    return above[0] if above else None


def _point_change(model, mine, pool, k, how, rng, draws) -> np.ndarray:
    """The model's yearly change per draw (hundredths): 0, the pooled drift, the own change (drawn
    uniformly within its bounds where censored) or their blend."""
    p = float(np.mean(pool)) if pool and model != "no_change" else 0.0
    if model in ("no_change", "pooled") or not mine:
        return np.full(draws, p)
    lo, hi = _own(mine, how)
    w = 1.0 if model == "own" else k
    return w * (rng.uniform(lo, hi, size=draws) if lo != hi else np.full(draws, lo)) + (1 - w) * p


__all__ = ["ForecastBacktest", "K_GRID", "MODELS", "MODEL_TEXT", "Reach", "backtest", "forecastable_instruments",
           "interval_error", "reach", "record"]
