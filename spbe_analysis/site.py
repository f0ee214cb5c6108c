"""``reports/index.html``: every report and regency brief in both languages, every figure (a
thumbnail with its PNG and SVG links), a short "how to read" and the data caveats, Indonesian
first. Plain HTML and CSS, no script, nothing loaded from the network; the thumbnails are the
figure files themselves, linked relatively (``../figures/<lang>/<name>.png``)."""
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
.note { border-left: 5px solid #b2182b; background: #fdf0f0; padding: 0.4em 1em; }
"""


def _title(path: Path) -> str:
    m = re.search(r"<title>(.*?)</title>", path.read_text(encoding="utf-8"), flags=re.S)
    return html.unescape(m.group(1).strip()) if m else path.stem


def _rel(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def pages(reports: Path) -> list[str]:
    """Stems of the HTML pages present in every language folder: notebooks first, then briefs."""
    stems = None
    for lang in LANGS:
        here = {p.stem for p in (reports / lang).glob("*.html")} if (reports / lang).exists() else set()
        stems = here if stems is None else stems & here
    return sorted(stems or [], key=lambda s: (s.startswith("brief_"), s))


def write_index(reports: Path, figures: Path) -> Path:
    """Write ``reports/index.html`` and return its path (deterministic bytes)."""
    reports.mkdir(parents=True, exist_ok=True)
    both = lambda key: (f"{html.escape(t(key, 'id'))}<br><span class=\"en\">{html.escape(t(key, 'en'))}</span>")  # noqa: E731
    rows = []
    for stem in pages(reports):
        cells = []
        for lang in LANGS:
            f = reports / lang / f"{stem}.html"
            cells.append(f'<td><a href="{_rel(f, reports)}">{html.escape(_title(f))}</a></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    figs = []
    names = sorted(p.stem for p in (figures / "id").glob("*.png")) if (figures / "id").exists() else []
    for name in names:
        links = " · ".join(f'<a href="{_rel(figures / lang / f"{name}.{ext}", reports)}">{lang.upper()} {ext.upper()}</a>'
                           for lang in LANGS for ext in ("png", "svg") if (figures / lang / f"{name}.{ext}").exists())
        thumb = _rel(figures / "id" / f"{name}.png", reports)
        figs.append(f'<div class="fig"><a href="{thumb}"><img src="{thumb}" alt="{html.escape(name)}" loading="eager">'
                    f'</a><div><code>{html.escape(name)}</code><br>{links}</div></div>')
    caveats = "".join(f"<li>{both(k)}</li>" for k in ("cav_illustrative", "cav_unofficial", "cav_published",
                                                     "cav_censored", "cav_break", "cav_assumptions", "cav_boundaries"))
    body = f"""<!DOCTYPE html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(t("site_title", "id"))} / {html.escape(t("site_title", "en"))}</title>
<style>{CSS}</style></head>
<body>
<h1>{html.escape(t("site_title", "id"))}</h1>
<p class="en">{html.escape(t("site_title", "en"))}</p>
<h2>{both("site_how")}</h2>
<p>{html.escape(t("site_how_text", "id"))}</p>
<p class="en">{html.escape(t("site_how_text", "en"))}</p>
<h2>{both("site_reports")}</h2>
<table><thead><tr><th>Bahasa Indonesia</th><th>English</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<h2>{both("site_figures")}</h2>
<p>{html.escape(t("site_figures_text", "id"))}</p>
<p class="en">{html.escape(t("site_figures_text", "en"))}</p>
<div class="grid">
{chr(10).join(figs)}
</div>
<h2>{both("site_caveats")}</h2>
<ul class="note">{caveats}</ul>
</body>
</html>
"""
    out = reports / "index.html"
    out.write_text(body, encoding="utf-8")
    return out
