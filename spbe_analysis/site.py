"""``reports/index.html``: first the headline (the six regencies' SPBE position, PEMDI start and
first-cycle priorities, each linking to its brief), then every report and regency brief in both
languages, then every figure grouped by its page (a thumbnail captioned with the figure's own title,
its finding, in Indonesian and English, with its PNG and SVG files as links), a short "how to read"
and the data caveats, Indonesian first. Plain HTML and CSS, no script, nothing loaded from the
network; the thumbnails are the figure files themselves, linked relatively
(``../figures/<lang>/<name>.png``)."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

from .checks import LANGS
from .labels import t

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1180px; margin: 0 auto; padding: 1rem 1.5rem 3rem;
       color: #222; line-height: 1.5; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #2c7fb8; }
.en { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #ddd; }
th { background: #e8eef4; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 14px; }
.fig { border: 1px solid #ddd; padding: 6px; font-size: 0.85rem; } .fig img { width: 100%; height: auto; }
.fig p { margin: 0.3em 0; } .fig .files { color: #555; }
h3.page { margin: 1.4rem 0 0.5rem; font-size: 1.05rem; }
table.headline td { vertical-align: top; } table.headline ol { margin: 0; padding-left: 1.2em; }
table.headline small { color: #555; }
.note { border-left: 5px solid #b2182b; background: #fdf0f0; padding: 0.4em 1em; }
.switch { font-size: 1.05rem; } hr { margin: 3rem 0 1rem; border: 0; border-top: 3px solid #2c7fb8; }
"""


def _title(path: Path) -> str:
    m = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(m.group(1).strip()) if m else path.stem


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


_SVG_TITLE = re.compile(r"<dc:title>(.*?)</dc:title>", re.S)


def figure_title(svg: Path) -> str | None:
    """The title of a saved figure, its finding, as the page's ``<img alt>`` gives it
    (:func:`spbe_analysis.pages.figure_alt`): :func:`spbe_analysis.figures.style.save_figure`
    writes that text into the SVG's metadata (``<dc:title>``). None when the file is missing or the
    figure has no title.

    Parameters
    ----------
    svg : Path
        ``figures/<lang>/<name>.svg``.

    Returns
    -------
    str or None

    Examples
    --------
    >>> figure_title(Path("no/such/figure.svg")) is None
    True
    """
    import html as html_mod

    try:
        text = Path(svg).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = _SVG_TITLE.search(text)
    return " ".join(html_mod.unescape(m.group(1)).split()) or None if m else None


def figure_page(name: str, stems: list[str]) -> str | None:
    """The page a figure belongs to: the brief ``brief_<code>`` for ``brief_<code>_...``, else the
    report with the same number (``02_...``); None for a figure of no page in ``stems``.

    Examples
    --------
    >>> figure_page("02_ranked_2024", ["02_disparities_2024", "brief_7501"])
    '02_disparities_2024'
    >>> figure_page("brief_7501_gap", ["02_disparities_2024", "brief_7501"]), figure_page("09_x", ["brief_7501"])
    ('brief_7501', None)
    """
    for stem in stems:
        if stem.startswith("brief_") and name.startswith(stem + "_"):
            return stem
        if not stem.startswith("brief_") and not name.startswith("brief_") and name.split("_")[0] == stem.split("_")[0]:
            return stem
    return None


def gallery(reports: Path, figures: Path, lang: str = "id") -> str:
    """The figures of the start page in one language (HTML): grouped by their page (its title),
    each a thumbnail (the PNG of ``lang``) captioned with the figure's title (:func:`figure_title`);
    the file name is only the target of the PNG and SVG links."""
    names = sorted(p.stem for p in (figures / "id").glob("*.png")) if (figures / "id").exists() else []
    stems = pages(reports)
    groups: dict[str | None, list[str]] = {}
    for name in names:
        groups.setdefault(figure_page(name, stems), []).append(name)
    out = []
    for stem in [s for s in stems if s in groups] + ([None] if None in groups else []):
        head = t("site_figures_other", lang) if stem is None else _title(reports / lang / f"{stem}.html")
        out.append(f'<h3 class="page">{html.escape(head)}</h3>')
        cards = []
        for name in groups[stem]:
            title = figure_title(figures / lang / f"{name}.svg") or t("site_fig_untitled", lang)
            links = " · ".join(f'<a href="{_rel(figures / lang / f"{name}.{ext}", reports)}">{ext.upper()}</a>'
                               for ext in ("png", "svg") if (figures / lang / f"{name}.{ext}").exists())
            shown = lang if (figures / lang / f"{name}.png").exists() else "id"
            thumb = _rel(figures / shown / f"{name}.png", reports)
            cards.append(f'<div class="fig"><a href="{thumb}"><img src="{thumb}" alt="{html.escape(title)}" '
                         f'loading="eager"></a><div><p>{html.escape(title)}</p><p class="files">{links}</p></div></div>')
        out.append('<div class="grid">\n' + "\n".join(cards) + "\n</div>")
    return "\n".join(out)


def pages(reports: Path) -> list[str]:
    """Stems of the HTML pages present in every language folder: notebooks first, then briefs."""
    stems = None
    for lang in LANGS:
        here = {p.stem for p in (reports / lang).glob("*.html")} if (reports / lang).exists() else set()
        stems = here if stems is None else stems & here
    return sorted(stems or [], key=lambda s: (s.startswith("brief_"), s))


#: Notebook 05's parameters and the keyword of :func:`spbe_analysis.cache.pemdi_plans` each one sets.
PLAN_PARAMS = {"YEAR": "year", "SHEET": "sheet", "WORKSHEET": "worksheet", "SEED": "seed", "N_PROFILES": "n_profiles",
               "PEMDI_SHEET": "pemdi_sheet", "PEMDI_WORKSHEET": "pemdi_worksheet", "FIRST_CYCLE": "first_cycle",
               "N_CYCLES": "n_cycles", "EFFORT": "effort"}
#: First steps named per regency in the headline.
N_PRIORITIES = 3


def plan_defaults() -> dict:
    """The keywords of :func:`spbe_analysis.cache.pemdi_plans` that notebook 05 uses by default (its
    declared parameters, read with :func:`spbe_analysis.report.declared`)."""
    from .report import defaults, select

    values = defaults(select(["05"])[0])
    return {kw: values[name] for name, kw in PLAN_PARAMS.items() if name in values}


def robust_defaults(kw: dict):
    """The moves that hold in every scenario as notebook 05 shows them (its robust-move parameters),
    or None when they are not computed yet (the index does not start a long computation)."""
    from . import cache
    from .report import defaults, select

    values = defaults(select(["05"])[0])
    args = {k: kw[k] for k in ("year", "sheet", "worksheet", "seed", "n_profiles", "pemdi_sheet", "pemdi_worksheet")
            if k in kw}
    return cache.robust_moves(**args, n_draws=values.get("ROBUST_DRAWS"), threshold=values.get("ROBUST_SHARE"),
                              max_draws=values.get("ROBUST_MAX"), only_cached=True)


def headline_rows() -> list[dict]:
    """One row per regency for the start page's headline: its published SPBE index and band of the
    planning year, its PEMDI start (value, band, basis) and the indicators of its first-cycle steps
    (the cached plans of notebook 05, with its defaults)."""
    from . import cache
    from .actionplan import FRAMEWORK
    from .data import entity_codes, framework_of_year, load_published
    from .frameworks import as_framework
    from .figures.steptext import thin_margin
    from .scoring import predicate

    kw = plan_defaults()
    year = int(kw.get("year") or 2024)
    res = cache.pemdi_plans(**kw)
    rob = robust_defaults(kw)
    pub = load_published()
    fw = framework_of_year(pub, year)
    pfw = as_framework(FRAMEWORK)
    names = pfw.indicators
    rows = []
    for code in entity_codes(pub)[0]:
        r = pub[(pub["entity_id"] == code) & (pub["year"] == year) & (pub["status"] == "exact")]
        value = float(r["value"].iloc[0]) if len(r) else None
        plan = res.plans[code]
        steps = plan.steps[plan.steps["kind"] != "shared"] if len(plan.steps) else plan.steps
        firsts = []
        for s in steps.itertuples():
            if s.indicator not in [f[0] for f in firsts]:
                firsts.append((s.indicator, int(s.to_level)))
            if len(firsts) == N_PRIORITIES:
                break
        rows.append({"code": code, "year": year, "value": value,
                     "band": predicate(value, fw) if value is not None else "",
                     "start": float(plan.start.index), "start_band": predicate(float(plan.start.index), pfw),
                     "basis": plan.start.basis, "start_cycle": int(plan.start.cycle),
                     "cycle": int(plan.cycles[0]) if plan.cycles else int(plan.start.cycle) + 1,
                     "target": plan.target[0] if plan.target else "", "reached": plan.reached,
                     "thin": thin_margin(plan),
                     "steps": [(i, str(names.loc[i, "name_id"]), str(names.loc[i, "name_en"]), lv) for i, lv in firsts],
                     "safe": [] if rob is None else [
                         (m.indicator, str(names.loc[m.indicator, "name_id"]), str(names.loc[m.indicator, "name_en"]),
                          int(m.level), str(m.status)) for m in rob.moves[(rob.moves["code"] == code)
                                                                         & (rob.moves["robust"] | rob.moves["borderline"])].itertuples()],
                     "illustrative": bool(res.illustrative)})
    return rows


def headline_sentence(rows: list[dict], lang: str) -> str:
    """The start page's headline in one sentence, from :func:`headline_rows`: where the regencies
    start on PEMDI, the move that holds in every scenario for most of them in the first cycle, and
    by when how many reach their target band (and how many only just at its edge)."""
    from collections import Counter

    from .figures.pagetext import move_name
    from .labels import num

    n, starts = len(rows), [r["start"] for r in rows]
    bands = ", ".join(dict.fromkeys(r["start_band"] for r in rows))
    rng = num(starts[0], lang) if min(starts) == max(starts) else f"{num(min(starts), lang)}-{num(max(starts), lang)}"
    safe = Counter((m[0], m[3]) for r in rows for m in r.get("safe", []) if m[4] == "robust")
    top = (t("site_hl_safe", lang, move=move_name(safe.most_common(1)[0][0][0], safe.most_common(1)[0][0][1], lang),
             k=safe.most_common(1)[0][1], n=n) if safe else t("site_hl_safe_none", lang))
    reached = [r for r in rows if r["reached"]]
    end = (t("site_hl_reach", lang, k=len(reached), n=n, target=reached[0]["target"], y=max(r["reached"] for r in reached))
           + (t("site_hl_thin", lang, k=sum(1 for r in reached if r.get("thin"))) if any(r.get("thin") for r in reached)
              else "") if reached else t("site_hl_reach_none", lang, n=n))
    return t("site_hl", lang, n=n, y=rows[0]["start_cycle"], v=rng, band=bands, cycle=rows[0]["cycle"], safe=top,
             reach=end) + "."


def headline(reports: Path, lang: str = "id") -> str:
    """The start page's headline in one language (HTML): the six regencies' position and
    next-cycle priorities, each regency linking to its brief in that language. Empty when the plans
    cannot be computed."""
    from .errors import DataError
    from .labels import entity_names, num

    try:
        rows = headline_rows()
    except (DataError, FileNotFoundError, KeyError, IndexError) as exc:   # a page list without a headline
        return f"<!-- headline not available: {html.escape(type(exc).__name__)} -->"
    if not rows:
        return ""
    r0 = rows[0]
    one = lambda key, **f: html.escape(t(key, lang, **f))  # noqa: E731
    body = []
    has_safe = any("safe" in r and r["safe"] is not None for r in rows) and any(r.get("safe") for r in rows)
    names = entity_names(lang)
    for r in rows:
        page = reports / lang / f"brief_{r['code']}.html"
        name = html.escape(names[r["code"]])
        links = f'<a href="{lang}/brief_{r["code"]}.html" hreflang="{lang}">{name}</a>' if page.exists() else name
        spbe = f"{num(r['value'], lang)} ({html.escape(r['band'])})" if r["value"] is not None else "-"
        when = f", {r['reached']}" if r["reached"] else ""
        if r.get("thin"):
            when += f" ({one('site_thin_margin')})"
        start = f"{num(r['start'], lang)}, {html.escape(r['start_band'])}<br><small>{one('act_basis_' + r['basis'])}</small>"
        target = f"<br><small>→ {html.escape(r['target'])}{when}</small>" if r["target"] else ""
        steps = "".join(f"<li>{html.escape(i)} {html.escape(n_id if lang == 'id' else n_en)} → {lv}</li>"
                        for i, n_id, n_en, lv in r["steps"])
        safe = "".join(f"<li>{html.escape(i)} {html.escape(n_id if lang == 'id' else n_en)} → {lv} "
                       f"<small>({one('site_safe_' + st)})</small></li>" for i, n_id, n_en, lv, st in r.get("safe", []))
        safe_cell = f"<td><ul>{safe}</ul></td>" if safe else f"<td>{one('site_safe_none')}</td>"
        body.append(f"<tr><td>{links}</td><td>{spbe}</td><td>{start}{target}</td>{safe_cell if has_safe else ''}"
                    f"<td><ol>{steps}</ol></td></tr>")
    note = (f'<p class="note">{one("site_headline_note")}</p>') if any(r["basis"] == "projected" for r in rows) else ""
    return f"""<h2>{one("site_headline")}</h2>
<p class="lead"><strong>{html.escape(headline_sentence(rows, lang))}</strong></p>
<p>{one("site_headline_text", year=r0["year"], start=r0["start_cycle"], cycle=r0["cycle"])}</p>
<table class="headline"><thead><tr><th>{one("col_entity")}</th><th>{one("col_spbe_year", year=r0["year"])}</th>
<th>{one("col_pemdi_start", year=r0["start_cycle"])}</th>{f'<th>{one("col_safe_steps", cycle=r0["cycle"])}</th>' if has_safe else ""}<th>{one("col_first_steps", cycle=r0["cycle"])}</th></tr></thead><tbody>
{chr(10).join(body)}
</tbody></table>
{note}"""


def section(reports: Path, figures: Path, lang: str) -> str:
    """One language's block of the start page: the headline, the pages, the figures, how to read
    and the data caveats, all in ``lang``."""
    one = lambda key: html.escape(t(key, lang))  # noqa: E731
    rows = "\n".join(f'<li><a href="{_rel(reports / lang / f"{stem}.html", reports)}">'
                     f'{html.escape(_title(reports / lang / f"{stem}.html"))}</a></li>' for stem in pages(reports))
    caveats = "".join(f"<li>{one(k)}</li>" for k in ("cav_illustrative", "cav_unofficial", "cav_published", "cav_censored",
                                                    "cav_break", "cav_assumptions", "cav_boundaries"))
    return f"""<section id="{lang}" lang="{lang}">
{headline(reports, lang)}
<h2>{one("site_reports")}</h2>
<ul class="pages">
{rows}
</ul>
<h2>{one("site_figures")}</h2>
<p>{one("site_figures_text")}</p>
{gallery(reports, figures, lang)}
<h2>{one("site_how")}</h2>
<p>{one("site_how_text")}</p>
<h2>{one("site_caveats")}</h2>
<ul class="note">{caveats}</ul>
</section>"""


def write_index(reports: Path, figures: Path) -> Path:
    """Write ``reports/index.html`` and return its path (deterministic bytes): the title, a switch
    to the English block, the Indonesian block (headline first), then the English block."""
    reports.mkdir(parents=True, exist_ok=True)
    body = f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(t("site_title", "id"))} / {html.escape(t("site_title", "en"))}</title>
<style>{CSS}</style></head>
<body>
<h1>{html.escape(t("site_title", "id"))}</h1>
<p class="switch">Bahasa Indonesia · <a href="#english" hreflang="en" lang="en">English version below</a></p>
{section(reports, figures, "id")}
<hr>
<h1 id="english" lang="en">{html.escape(t("site_title", "en"))}</h1>
{section(reports, figures, "en")}
</body>
</html>
"""
    out = reports / "index.html"
    out.write_text(body, encoding="utf-8")
    return out
