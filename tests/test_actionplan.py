"""PEMDI action plans: every regency's plan from its projected start and the reference assessor
result, each step checked against the prerequisite, dwell and one-level rules; sheets with a subset
of the regencies and both values; the plan command's files."""
import csv
from fractions import Fraction

import pandas as pd
import pytest

import spbe_analysis as sa
from spbe_analysis import actionplan as A
from spbe_analysis import assumptions, pemdi
from spbe_analysis.cli import main
from spbe_analysis.config import data_file
from spbe_analysis.sheets import template

PR = assumptions.load_prerequisites("pemdi2026")
FW = sa.load_framework("pemdi2026")


def reference_start():
    rows = [r for r in csv.DictReader(open(data_file("reference/pemdi2026_acehtengah_assessor.csv"), encoding="utf-8"))
            if r["level"] == "indicator"]
    values = pd.Series({r["id"]: Fraction(r["value_exact"]) for r in rows})
    return A.Start("ref", values, "assessor", 2026)


@pytest.fixture(scope="module")
def projected():
    ctx = sa.context(year=2024, seed=11, n_profiles=60, lang="id")
    proj = pemdi.project(ctx.profiles.levels, seed=11, illustrative=True)
    return A.regency_starts(list(ctx.codes), proj)


def check_rules(plan):
    """Every step: one new level per indicator per cycle, levels in order, every prerequisite and
    dwell row met (start levels count as held since the start cycle)."""
    start = plan.start
    q = 100
    cur = {i: int(Fraction(start.values[i]) * q) // q for i in FW.ids}
    reached = {(i, lv): start.held_since.get(i, start.cycle) for i in FW.ids for lv in range(1, cur[i] + 1)}
    steps = plan.roadmap[plan.roadmap["kind"] != "shared"]
    assert not steps.duplicated(["cycle", "indicator"]).any(), "at most one new level per indicator per cycle"
    for r in steps.sort_values("cycle").itertuples():
        assert (r.indicator, int(r.to_level) - 1) in reached, f"{r.indicator} skips a level"
        reached[(r.indicator, int(r.to_level))] = int(r.cycle)
    for r in PR.rows.itertuples():
        d = 0 if pd.isna(r.min_years) else int(r.min_years)
        j, m = (r.requires, int(r.requires_level)) if r.requires else (r.indicator, int(r.level) - 1)
        for (i, lv), c in list(reached.items()):
            if i != r.indicator or lv < max(int(r.level), cur[i] + 1):
                continue
            assert reached.get((j, m), 10 ** 6) <= c - d, f"{r.indicator}>={lv} in {c} breaks: {PR.describe(r.Index)}"
    # a shared item is taken no later than the steps it serves
    for r in plan.roadmap[plan.roadmap["kind"] == "shared"].itertuples():
        for s in steps.itertuples():
            if f"{s.indicator} -> {s.to_level}" in r.serves.split(", "):
                assert r.cycle <= s.cycle


def test_every_regency_plan_honours_the_rules(projected):
    plans = A.plan_all(projected)
    assert sorted(plans) == sorted(projected)
    for code, p in plans.items():
        check_rules(p)
        assert p.start.basis == "projected"
        assert (p.steps["cycle"] == 2027).all() and p.cycles == [2027, 2028, 2029]
        if len(p.steps):
            assert (p.steps["deadline"] == "2027-09-15").all()
            ev = p.steps[p.steps["kind"] != "shared"]
            assert ev["lead_office"].str.len().gt(0).all() and ev["criteria_status"].str.len().gt(0).all()
        if p.kind == "to the band":
            assert p.reached is not None and p.summary["index"].iloc[-1] >= p.target[1]


def test_reference_assessor_result_plan():
    p = A.plan_actions(reference_start())
    assert p.start.index == 1.24 and p.target[1] > 1.24 and p.reached in p.cycles
    check_rules(p)
    # I9 (external audit) never comes before the governance and service management it needs
    road = p.roadmap.set_index(["indicator", "to_level"])["cycle"]
    if ("I9", 2) in road.index:
        assert road[("I9", 2)] >= road.get(("I1", 2), 2026) and road[("I9", 2)] >= road.get(("I2", 2), 2026)
    # the partial value of I3 (1.26) costs the missing share of level 2
    i3 = p.roadmap[(p.roadmap["indicator"] == "I3") & (p.roadmap["to_level"] == 2)]
    eff = assumptions.load_effort("pemdi2026")
    if len(i3):
        assert i3["effort"].iloc[0] == pytest.approx(float(eff.loc["I3", 2]) * 0.74)


def test_dwell_holds_the_reviewed_level_back():
    v = pd.Series({i: 1.0 for i in FW.ids})
    v["I1"] = 3.0
    plan = A.plan_actions(A.Start("x", v, "assessor", 2026, {"I1": 2026}), n_cycles=3)
    road = plan.roadmap.set_index(["indicator", "to_level"])["cycle"]
    assert road.get(("I1", 4), 2028) >= 2028           # level 3 held two cycles first
    early = A.plan_actions(A.Start("x", v, "assessor", 2026, {"I1": 2024}), n_cycles=1)
    check_rules(early)


def test_a_sheet_with_one_regency_and_both_values(tmp_path, projected):
    t = template("pemdi2026", entities=("7503",), year=2026)
    t["self_assessment"] = "1,50"
    t["assessor_value"] = "1,25"
    t.loc[t["indicator"] == "I1", "assessor_value"] = "1,50"
    p = tmp_path / "pohuwato.csv"
    t.to_csv(p, index=False, sep=";")
    own = A.starts_from_sheet(str(p))
    assert list(own) == ["7503"] and own["7503"].basis == "assessor"
    assert own["7503"].index_self == 1.5 and own["7503"].index < 1.5
    assert len(own["7503"].differences()) == 19
    ctx_codes = list(projected)
    proj = pemdi.project(sa.context(year=2024, seed=11, n_profiles=60).profiles.levels, seed=11)
    starts = A.regency_starts(ctx_codes, proj, own)
    assert starts["7503"].basis == "assessor" and {s.basis for c, s in starts.items() if c != "7503"} == {"projected"}


def test_bad_pemdi_sheet_is_located(tmp_path):
    t = template("pemdi2026", entities=("7501",), year=2026)
    t["assessor_value"] = "1,25"
    t["self_assessment"] = ""
    t.loc[3, "assessor_value"] = "6,5"
    p = tmp_path / "bad.csv"
    t.to_csv(p, index=False, sep=";")
    with pytest.raises(sa.DataError, match=r"bad.csv.*row 5.*assessor_value.*6,5"):
        A.starts_from_sheet(str(p))
    t.loc[3, "assessor_value"] = ""
    t.to_csv(p, index=False, sep=";")
    with pytest.raises(sa.DataError, match="both cells are empty"):
        A.starts_from_sheet(str(p))


@pytest.mark.slow  # the whole plan command end to end (files for six regencies): the full tier
def test_plan_command_writes_workbook_and_csv(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SPBE_REPORTS_DIR", str(tmp_path))
    monkeypatch.setenv("SPBE_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["plan", "7501", "--lang", "id"]) == 0
    rows = list(csv.DictReader(open(tmp_path / "rencana_aksi_7501.csv", encoding="utf-8")))
    from spbe_analysis.planfiles import PLAN_CSV_COLUMNS
    assert rows and list(rows[0]) == PLAN_CSV_COLUMNS
    assert {r["start_basis"] for r in rows} == {"projected (illustrative)"}
    assert (tmp_path / "id" / "rencana_aksi_7501.xlsx").stat().st_size > 3000
    first = (tmp_path / "id" / "rencana_aksi_7501.xlsx").read_bytes()
    assert main(["plan", "7501", "--lang", "id"]) == 0
    assert (tmp_path / "id" / "rencana_aksi_7501.xlsx").read_bytes() == first       # byte-identical rewrite
    assert main(["plan", "9999"]) == 2
    assert main(["plan", "7501", "--pemdi-sheet", str(tmp_path / "missing.csv")]) == 1
    assert "missing.csv" in capsys.readouterr().err
