"""Probabilities that mean what they say: no built page states 100 % or 0 % for an uncertain
quantity (where every draw agrees it says "in all N draws"), and notebook 05 and every brief show
the same PEMDI plan for the same regency."""
import html
import re
from pathlib import Path

import pytest

from spbe_analysis import cache, report
from spbe_analysis.labels import entity_names

#: Words that make a sentence or a table column a statement about draws, plans or chances.
PROBABILITY_WORDS = re.compile(r"simulasi|undian|peluang|mungkin|most likely|rencana optimal|draws?\b|chance|probab|"
                               r"likel|of plans|dari rencana", re.I)
CERTAIN = re.compile(r"(?<![\d,.])(100|0)\s?%")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def certain_claims(page: str) -> list[str]:
    """Sentences and probability-table cells of a page that state 100 % or 0 %."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    bad = []
    tables = re.findall(r"<table\b.*?</table>", body, flags=re.S)
    for tab in tables:
        heads = [_text(h) for h in re.findall(r"<th\b.*?</th>", tab, flags=re.S)]
        cols = [k for k, h in enumerate(heads) if PROBABILITY_WORDS.search(h)]
        for row in re.findall(r"<tr\b.*?</tr>", tab, flags=re.S):
            cells = [_text(c) for c in re.findall(r"<td\b.*?</td>", row, flags=re.S)]
            off = len(heads) - len(cells) if len(heads) > len(cells) else 0
            for k in cols:
                if 0 <= k - off < len(cells) and CERTAIN.fullmatch(cells[k - off].strip()):
                    bad.append(f"table column {heads[k]!r}: {cells[k - off]}")
    prose = re.sub(r"<table\b.*?</table>", " ", body, flags=re.S)
    for sentence in re.split(r"(?<=[.;:])\s+", _text(prose)):
        if CERTAIN.search(sentence) and PROBABILITY_WORDS.search(sentence):
            bad.append(sentence[:200])
    return bad


def test_the_scan_catches_a_certain_claim():
    assert certain_claims("<p>Boalemo tidak mencapai Baik pada 2025 di 100% simulasi.</p>")
    assert certain_claims("<table><tr><th>Peluang</th></tr><tr><td>100%</td></tr></table>")
    assert not certain_claims("<p>Bobot aspek 7: 25%; porsi 100% dari bobot.</p>")
    assert not certain_claims("<p>Boalemo tidak mencapai Baik di semua 1.000 simulasi.</p>")


@pytest.mark.notebooks
def test_no_built_page_states_certainty_about_draws(built):
    reports, _ = built
    bad = {}
    for page in sorted(Path(reports).glob("*/*.html")):
        found = certain_claims(page.read_text(encoding="utf-8"))
        if found:
            bad[f"{page.parent.name}/{page.name}"] = found[:3]
    assert not bad, bad


@pytest.mark.notebooks
def test_notebook_05_and_every_brief_show_the_same_plan(built):
    """Each regency's 2027 step codes and 2026 start appear alike in notebook 05 and in its brief."""
    reports, _ = built
    d = {k: v.get("default") for k, v in report.declared(report.notebooks_dir() / "05_paths_to_closing.ipynb").items()}
    lit = __import__("ast").literal_eval
    res = cache.pemdi_plans(lit(d["YEAR"]), "", "", lit(d["SEED"]), lit(d["N_PROFILES"]), "", "",
                            lit(d["FIRST_CYCLE"]), lit(d["N_CYCLES"]), "")
    page05 = _text((Path(reports) / "id" / "05_paths_to_closing.html").read_text(encoding="utf-8"))
    names = entity_names("id")
    for code, plan in res.plans.items():
        brief = _text((Path(reports) / "id" / f"brief_{code}.html").read_text(encoding="utf-8"))
        start = f"{plan.start.index:.2f}".replace(".", ",")
        assert start in page05 and start in brief, (code, start)
        for r in plan.steps.itertuples():
            if r.kind == "shared":
                continue
            assert re.search(rf"\b{r.indicator}\b", brief), (code, r.indicator)
            assert names[code] in page05
