"""The plan rules (planrules.py): national-index levels never planned, a band called secured only
with the margin, the full yearly effort, the upside of the national indices, same-cycle needs."""
import math

import pandas as pd
from hypothesis import HealthCheck, given, settings, strategies as st

import spbe_analysis as sa
from spbe_analysis import actionplan as A, planrules as R

FW = sa.load_framework("pemdi2026")
SET = R.load_settings()
NAT = R.national_index_levels()
FIRST = NAT.groupby("indicator")["level"].min()


def _start(vals):
    return A.Start("7501", pd.Series(dict(zip(FW.ids, vals))), "projected", 2026)


def check(plan):
    last = float(plan.summary["index"].iloc[-1])
    steps = plan.roadmap[plan.roadmap["kind"] != "shared"]
    for r in steps.itertuples():
        assert int(r.to_level) < FIRST.get(r.indicator, 99), f"{r.indicator} level {r.to_level} is set by a national index"
    assert (plan.summary["cost"] <= SET["effort_per_cycle"] + 1e-9).all()
    if plan.kind == "to the band":
        assert last >= round(plan.target[1] + plan.margin, 2) - 1e-12
    elif plan.kind == "at the edge":
        assert plan.target[1] <= last < round(plan.target[1] + plan.margin, 2)
    else:
        assert plan.target is None or last < plan.target[1]
    # the upside: each capped indicator one whole level up, scored the official way
    final = dict(plan.start.values)
    for r in steps.itertuples():
        final[r.indicator] = max(float(final[r.indicator]), float(r.to_level))
    up = {i: min(math.floor(float(v) + 1e-9) + 1, 5) if i in plan.national_caps else v for i, v in final.items()}
    assert plan.national_upside == round(sa.score(up, "pemdi2026").index - sa.score(final, "pemdi2026").index, 2)
    # every same-cycle need names a step of that cycle reaching the level
    for r in plan.roadmap.itertuples():
        for need in filter(None, str(r.needs).split("; ")):
            i, lv = need.split(" -> ")
            same = plan.roadmap[(plan.roadmap["cycle"] == r.cycle) & (plan.roadmap["indicator"] == i)]
            assert (same["to_level"].astype(float) >= int(lv)).any(), (r.indicator, need)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([1.0, 1.13, 1.25, 1.5, 1.75, 2.0, 2.5]), min_size=20, max_size=20))
def test_every_plan_follows_the_rules(vals):
    check(A.plan_actions(_start(vals)))


def test_a_band_reached_inside_the_margin_is_at_the_edge_not_secured():
    plan = A.plan_actions(_start([1.26] * 20))
    check(plan)
    assert plan.kind in ("to the band", "at the edge")
    assert plan.national_caps and set(plan.national_caps) == set(FIRST.index)


def test_national_levels_planned_when_the_setting_says_so(monkeypatch):
    s = dict(SET, national_index_levels_planned=1.0)
    monkeypatch.setattr(A, "load_settings", lambda: s)
    plan = A.plan_actions(_start([1.0] * 20))
    assert plan.national_caps == {} and plan.national_upside == 0.0
    assert R.national_caps({"I5": 1.0}, s) == {}


def test_caps_never_lower_a_start():
    caps = R.national_caps({i: 3.4 for i in FW.ids})
    assert all(v == max(FIRST[i] - 1, 3) for i, v in caps.items())
    assert R.national_caps({"I11": 1.0})["I11"] == FIRST["I11"] - 1
