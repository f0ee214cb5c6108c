"""Moves that hold in every scenario (spbe_analysis.robust): the robust rule, shares, the
adopt-national effort table, agreement with the action plan, and stability across seeds."""
import csv
import math

import pandas as pd
import pytest

from spbe_analysis import actionplan, pemdi, robust
from spbe_analysis.assumptions import load_effort
from spbe_analysis.config import data_file


def _one_regency_projection(level=2, n=3):
    return pemdi.project({"7501": pd.DataFrame([{str(i): level for i in range(1, 48)}] * n)}, seed=1)


def test_robust_rule_in_every_table_versus_missing_under_one(monkeypatch):
    """A move in every table's plan is robust; the same move missing under one table is not."""
    proj = _one_regency_projection()
    starts = robust.draw_starts(proj, ["7501"], n_draws=1, seed=0)
    base = frozenset({("I20", 2), ("I8", 2)})

    def fake(start, efforts, prereqs, first_cycle, n_cycles, per):
        out = {}
        for e in robust.EFFORTS:
            for p in robust.PREREQUISITES:
                # I8 -> 2 drops out under the unit table with the judgement rows
                out[(e, p)] = (2.5, base if (e, p) != ("unit", "with_judgement") else frozenset({("I20", 2)}))
        return out

    monkeypatch.setattr(robust, "_plan_start", fake)
    r = robust.robust_moves(proj, ["7501"], n_draws=1, n_jobs=1, z=0)
    m = r.moves.set_index(["indicator", "level"])
    assert bool(m.loc[("I20", 2), "robust"]) and bool(m.loc[("I20", 2), "in_all"])
    assert m.loc[("I20", 2), "min_share"] == 1.0
    assert not bool(m.loc[("I8", 2), "robust"])
    assert m.loc[("I8", 2), "min_share"] == 0.0
    assert m.loc[("I8", 2), "worst"].startswith("unit / with_judgement")
    assert r.robust_set() == {("7501", "I20", 2)}
    assert len(starts) == 3 and len(r.tables) == 18


def test_threshold_between_shares(monkeypatch):
    """With 4 draws and no Monte Carlo margin (z=0), a move in 3 of 4 plans of one table is robust
    at 0.75 and not at 0.8."""
    proj = pemdi.project({"7501": pd.DataFrame([{str(i): lv for i in range(1, 48)} for lv in (1, 2, 3, 4)])}, seed=1)
    seen = {}

    def fake(start, efforts, prereqs, first_cycle, n_cycles, per):
        k = len(seen)
        seen[k] = 1
        moves = frozenset({("I20", 2)}) if k % 4 else frozenset()
        return {(e, p): (2.5, moves if (e, p) == ("central", "with_judgement") else frozenset({("I20", 2)}))
                for e in robust.EFFORTS for p in robust.PREREQUISITES}

    monkeypatch.setattr(robust, "_plan_start", fake)
    lo = robust.robust_moves(proj, ["7501"], n_draws=4, threshold=0.75, n_jobs=1, z=0)
    seen.clear()
    hi = robust.robust_moves(proj, ["7501"], n_draws=4, threshold=0.8, n_jobs=1, z=0)
    assert lo.moves["min_share"].iloc[0] == pytest.approx(0.75)
    assert bool(lo.moves["robust"].iloc[0]) and not bool(hi.moves["robust"].iloc[0])
    assert lo.moves["mc_error"].iloc[0] == pytest.approx(math.sqrt(0.75 * 0.25 / 4))


@pytest.mark.slow
def test_shares_are_shares_and_match_the_action_plan():
    """Real plans on a small projection: every share in [0, 1], n per table, and each table's
    first-cycle moves equal to plan_actions' own first cycle under that table."""
    proj = _one_regency_projection(level=2, n=2)
    r = robust.robust_moves(proj, ["7501"], n_draws=2, seed=3, n_jobs=1, max_draws=2)
    assert r.shares["share"].between(0, 1).all() and r.moves["min_share"].between(0, 1).all()
    assert (r.moves["mc_error"] >= 0).all() and (r.shares["n"] == 2).all()
    assert set(r.varied) >= {"vary_effort_tables", "vary_prerequisite_judgement", "vary_carry_scenarios"}
    efforts, prereqs = robust.tables()
    start = robust.draw_starts(proj, ["7501"], n_draws=1, seed=3)["start"].iloc[0]
    for e in ("unit", "adopt_national"):
        for p in robust.PREREQUISITES:
            pa = actionplan.plan_actions(start, effort=efforts[e][0], prerequisites=prereqs[p], shared=efforts[e][1])
            want = frozenset((x.indicator, int(x.to_level)) for x in pa.steps.itertuples() if x.kind != "shared")
            got = robust.first_cycle_moves(start, efforts[e][0], prereqs[p], efforts[e][1])
            assert got[1] == want, (e, p)
            assert got[0] == (pa.target[1] if pa.kind == "to the band" else got[0])


def test_a_sheet_start_keeps_its_start_in_every_scenario():
    proj = _one_regency_projection()
    own = actionplan.Start("7501", pd.Series({f"I{k}": 1.5 for k in range(1, 21)}), "assessor", 2026)
    st = robust.draw_starts(proj, ["7501"], {"7501": own}, n_draws=3, seed=0)
    assert len(st) == 3 and (st["draw"] == -1).all() and all(s is own for s in st["start"])


def test_without_judgement_drops_only_judgement_rows():
    e, p = robust.tables()
    full, bare = p["with_judgement"].rows, p["without_judgement"].rows
    assert not bare["basis"].str.startswith("judgement").any()
    assert len(full) - len(bare) == int(full["basis"].str.startswith("judgement").sum()) > 0


def test_adopt_national_table_is_cheaper_or_equal_on_every_row_with_a_basis():
    central = load_effort("pemdi2026")
    adopt = robust.adopt_national_effort()
    assert (adopt <= central + 1e-12).all().all()
    assert (adopt < central).any().any()
    with open(data_file(robust.ADOPT_NATIONAL_FILE), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["framework"] for r in rows} == {"pemdi2026"}
    assert all(r["basis"].strip() for r in rows)
    for r in rows:
        c = float(central.loc[r["indicator"], int(r["level"])])
        if float(r["effort"]) < c:
            assert r["basis"].startswith("judgement: adopting a national platform"), r
    named = " ".join(r["basis"] for r in rows)
    for platform in ("SIAP Digital", "SPLP", "PDN", "intranet", "national service portal", "SP4N-LAPOR!", "SKM online"):
        assert platform in named, platform


def test_unit_effort_costs_one_per_step():
    u = robust.unit_effort()
    assert (u.loc[:, [2, 3, 4, 5]] == 1.0).all().all()


def test_bad_threshold_is_refused():
    from spbe_analysis.errors import DataError
    with pytest.raises(DataError):
        robust.robust_moves(_one_regency_projection(), ["7501"], n_draws=1, threshold=1.5, n_jobs=1)


@pytest.mark.slow
def test_robust_list_across_two_seeds_differs_only_in_borderline_moves():
    """The package's six regencies under two seeds of the draws: no move is robust under one seed and
    clearly not robust under the other; every move on which the robust lists differ is borderline
    (within the Monte Carlo margin of the threshold after the most draws) in one of the runs."""
    from spbe_analysis.cache import robust_moves
    a = robust_moves(draw_seed=0)
    b = robust_moves(draw_seed=1)
    assert a.n_draws == b.n_draws == robust.N_DRAWS
    for r in (a, b):
        assert r.moves["min_share"].between(0, 1).all() and 0 <= r.max_mc_error <= 0.5
        assert set(r.moves["status"]) <= {"robust", "borderline", "not_robust"}
    for move in robust.seed_difference(a, b):
        assert move in a.borderline_set() | b.borderline_set(), move


def _many_draws_projection(n=64):
    return pemdi.project({"7501": pd.DataFrame([{str(i): 1 + (k % 4) for i in range(1, 48)} for k in range(n)])},
                         seed=1)


def test_clear_shares_stop_after_the_first_round_and_near_ones_get_more_draws(monkeypatch):
    """A move in every plan is clear of 80 % after the first 16 draws (no more are drawn); a move in
    4 of 5 plans of one table stays within two standard errors of 80 % and is drawn up to the maximum,
    then named borderline, not robust."""
    proj = _many_draws_projection()
    calls = []

    def fake(start, efforts, prereqs, first_cycle, n_cycles, per):
        calls.append(start)
        k = len(calls)
        near = frozenset({("I20", 2), ("I8", 2)}) if k % 5 else frozenset({("I20", 2)})
        return {(e, p): (2.5, near if (e, p) == ("central", "with_judgement") else frozenset({("I20", 2), ("I8", 2)}))
                for e in robust.EFFORTS for p in robust.PREREQUISITES}

    monkeypatch.setattr(robust, "_plan_start", fake)
    r = robust.robust_moves(proj, ["7501"], n_draws=16, max_draws=48, n_jobs=1)
    m = r.moves.set_index(["indicator", "level"])
    assert m.loc[("I20", 2), "status"] == "robust" and bool(m.loc[("I20", 2), "robust"])
    assert m.loc[("I8", 2), "status"] == "borderline" and not bool(m.loc[("I8", 2), "robust"])
    assert r.borderline_set() == {("7501", "I8", 2)} and r.max_draws == 48
    assert int(m.loc[("I8", 2), "n"]) == 48 and abs(float(m.loc[("I8", 2), "min_share"]) - 0.8) < 0.1

    calls.clear()
    monkeypatch.setattr(robust, "_plan_start", lambda start, *a: calls.append(start) or {
        (e, p): (2.5, frozenset({("I20", 2)})) for e in robust.EFFORTS for p in robust.PREREQUISITES})
    r = robust.robust_moves(proj, ["7501"], n_draws=16, max_draws=48, n_jobs=1)
    assert r.robust_set() == {("7501", "I20", 2)} and r.max_draws == 16 and (r.shares["n"] == 16).all()
