"""Every HTML page opens offline in a real browser (headless Chromium from the Debian packages):
no request leaves the machine, the title is set, every image renders with alt text that states
its finding (not nbconvert's placeholder), the header bar's links (start page, the other
language) and the regency links lead to pages that exist, and a screenshot of each page is saved
to build/screenshots/ as a build artefact. Not skipped: without Chromium the test
fails and says how to install it."""
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from spbe_analysis.config import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "build" / "screenshots"
NO_ALT = "No description has been provided for this image"   # nbconvert's placeholder
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed for the browser test: on Debian/Ubuntu `sudo apt-get install chromium` "
                    "(.ci/run installs it)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.mark.notebooks
@pytest.mark.browser
def test_every_page_opens_offline_with_its_images(built, browser):
    reports, _ = built
    pages = sorted(reports.glob("*/*.html")) + [reports / "index.html"]
    from spbe_analysis.context import entity_codes
    briefs = {f"brief_{code}.html" for code in entity_codes()[0]}
    assert all({p.name for p in (reports / lang).glob("brief_*.html")} == briefs for lang in ("id", "en")), briefs
    assert (reports / "id").is_dir() and (reports / "en").is_dir()
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for page_path in pages:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        outside = []

        def route(r, outside=outside):
            url = r.request.url
            if url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                outside.append(url)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.new_page()
        page.goto(page_path.as_uri(), wait_until="load")
        title = page.title()
        images = page.evaluate("() => Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.alt])")
        name = page_path.relative_to(reports).as_posix().replace("/", "_").removesuffix(".html")
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
        if outside:
            problems.append(f"{name}: requests left the machine: {outside[:3]}")
        if not title.strip():
            problems.append(f"{name}: no title")
        bad = [alt for ok, w, alt in images if not ok or w <= 0]
        if not images or bad:
            problems.append(f"{name}: {len(images)} images, not rendered: {bad[:3]}")
        if page_path.name != "index.html":
            mute = [alt for _, _, alt in images if not alt.strip() or alt == NO_ALT]
            if mute:
                problems.append(f"{name}: {len(mute)} images without alt text stating their finding")
            hrefs = page.evaluate("() => Array.from(document.querySelectorAll('nav.spbe-nav a, a.spbe-regency'))"
                                  ".map(a => a.href)")
            if len([h for h in hrefs if h.endswith(("index.html", f"/{page_path.name}"))]) < 2:
                problems.append(f"{name}: no header bar to the start page and the other language")
            dead = sorted({h for h in hrefs if not Path(unquote(urlparse(h).path)).exists()})
            if dead:
                problems.append(f"{name}: links to missing pages: {dead[:3]}")
        ctx.close()
    assert not problems, problems
    assert len(list(SHOTS.glob("*.png"))) >= len(pages)
