#!/usr/bin/env python3
"""Runs axe-core 4 (its WCAG 2.0 and 2.1 A and AA rules) on a report in headless Chromium and lists every violation.

Dev-only: needs Debian's `chromium` and `chromium-driver`, PyPI's `selenium`, and axe-core's
`axe.min.js` (axe-core 4; for instance from the `axe-playwright-python` wheel, which bundles 4.12). Nothing here
is a dependency of wsoa.

Usage: scripts/check-report-accessibility.py REPORT.html AXE_MIN_JS
Exit 0 with no violations, 1 with any (each printed with its rule, impact and first targets).
"""
import json
import pathlib
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    report, axe = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
    options = Options()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1240,1754"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(report.as_uri())
        driver.execute_script(axe)
        # Started, then polled: a long report takes minutes on a small machine, longer than one
        # WebDriver call may wait.
        driver.execute_script(
            "window.wsoaAxe = null;"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            ".then(r => { window.wsoaAxe = JSON.stringify({violations: r.violations, passes: r.passes.length}); })"
            ".catch(e => { window.wsoaAxe = JSON.stringify({error: String(e)}); });")
        result = None
        for _ in range(360):
            result = driver.execute_script("return window.wsoaAxe;")
            if result:
                break
            time.sleep(5)
        if not result:
            sys.exit("axe-core did not finish within 30 minutes")
    finally:
        driver.quit()
    found = json.loads(result)
    if "error" in found:
        sys.exit(f"axe-core failed: {found['error']}")
    for v in found["violations"]:
        targets = [n["target"] for n in v["nodes"][:3]]
        print(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} nodes, e.g. {targets}")
    print(f"axe-core: {len(found['violations'])} violations, {found['passes']} rules passed")
    sys.exit(1 if found["violations"] else 0)


if __name__ == "__main__":
    main()
