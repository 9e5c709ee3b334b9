#!/usr/bin/env bash
# Renders the demo plan's revisit-readiness report as HTML and opens it in a real browser
# (headless Chromium), to PNG and to an A4 PDF, then checks what came out.
#
# Fails (exit 1) when:
#   - the HTML is not self-contained (a <script>, <link>, <iframe>, <img>, @import or url()),
#   - Chromium exits non-zero, or reports a page error (console error, failed load, net::ERR),
#   - the PNG or PDF is missing or empty, or the PDF has no pages (pdfinfo).
#
# Installs Debian's `chromium` and `poppler-utils` (pdfinfo, pdftoppm) when they are missing.
#
# Usage: scripts/check-report-in-browser.sh [OUTPUT_DIR]
#   OUTPUT_DIR   where the HTML, PNG, PDF and page images go (default: a new temporary folder)
# Environment:
#   WSOA_BINARY  the wsoa executable (default: `swift build` from the package root, then its bin path)
#   WSOA_TODAY   today, for the command line (default: 2026-12-03)
#   PLAN         the plan to render (default: demo-borough-2022)
#   AXE_JS       axe-core 4's axe.min.js: also run its WCAG 2.1 A/AA rules on the report
#                (scripts/check-report-accessibility.py; needs chromium-driver and PyPI's selenium)
#   AS_OF        render the plan as it stood on this day (default: 2023-11-27, the demo plan's last day, as the README does)
# The shipped plans/ folder is only read: the plan is copied to a temporary plans folder first.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
plan="${PLAN:-demo-borough-2022}"
today="${WSOA_TODAY:-2026-12-03}"
out="${1:-$(mktemp -d "${TMPDIR:-/tmp}/wsoa-browser-check.XXXXXX")}"
mkdir -p "$out"
fail() { echo "check-report-in-browser: FAIL: $*" >&2; exit 1; }
note() { echo "check-report-in-browser: $*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else fail "need root (or sudo) to run: $*"; fi
}

# --- Tools ------------------------------------------------------------------------------------
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium_bin" ] || ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
    packages=()
    [ -z "$chromium_bin" ] && packages+=(chromium)
    { command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; } || packages+=(poppler-utils)
    note "installing ${packages[*]} (Debian packages)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
    chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
fi
[ -n "$chromium_bin" ] || fail "chromium is not installed and could not be installed"
note "using $("$chromium_bin" --version 2>/dev/null || echo "$chromium_bin")"

# --- The report -------------------------------------------------------------------------------
wsoa="${WSOA_BINARY:-}"
if [ -z "$wsoa" ]; then
    (cd "$root" && swift build --product wsoa >/dev/null)
    wsoa="$(cd "$root" && swift build --show-bin-path)/wsoa"
fi
[ -x "$wsoa" ] || fail "$wsoa is not an executable wsoa binary"
[ -f "$root/plans/$plan/events.jsonl" ] || fail "plans/$plan does not exist (scripts/build-demo-plan.py records it)"

plans="$(mktemp -d "${TMPDIR:-/tmp}/wsoa-browser-plans.XXXXXX")"
trap 'rm -rf "$plans"' EXIT
mkdir -p "$plans/$plan"
cp "$root/plans/$plan/events.jsonl" "$plans/$plan/"
WSOA_TODAY="$today" "$wsoa" init --plans "$plans" >/dev/null    # mark the copy as a plans directory

html="$out/$plan.html"
as_of=()
as_of=(--as-of "${AS_OF:-2023-11-27}")
WSOA_TODAY="$today" "$wsoa" report "$plan" --plans "$plans" --format html --output "$html" ${as_of[@]+"${as_of[@]}"}
[ -s "$html" ] || fail "the HTML report is empty"

# Self-contained: nothing fetched, nothing run.
if grep -n -i -E '<script|<link|<iframe|<img|<object|<embed|@import|url\(|src=' "$html" >&2; then
    fail "the HTML report is not self-contained (lines above)"
fi

# --- The browser ------------------------------------------------------------------------------
png="$out/$plan.png"
pdf="$out/$plan.pdf"
profile="$(mktemp -d "${TMPDIR:-/tmp}/wsoa-chromium.XXXXXX")"
common=(--headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check --disable-extensions
        --user-data-dir="$profile" --enable-logging=stderr --v=0 --hide-scrollbars)
run_chromium() {
    local log="$1"; shift
    if ! "$chromium_bin" "${common[@]}" "$@" >"$log" 2>&1; then
        cat "$log" >&2
        fail "chromium exited with an error ($*)"
    fi
    # Page errors (a page with no scripts logs nothing to its console), not the sandbox, GPU and
    # D-Bus chatter a headless container always produces.
    if grep -E 'CONSOLE|Failed to load resource|net::ERR_|Uncaught|Refused to' "$log" >&2; then
        fail "chromium reported errors in the page (lines above; full log $log)"
    fi
}
run_chromium "$out/chromium-screenshot.log" --screenshot="$png" --window-size=1240,1754 "file://$html"
run_chromium "$out/chromium-pdf.log" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html"
rm -rf "$profile"

[ -s "$png" ] || fail "chromium wrote no screenshot"
[ -s "$pdf" ] || fail "chromium wrote no PDF"
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
size="$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ { print $2 }')"
[ -n "$pages" ] && [ "$pages" -gt 0 ] || fail "the PDF has no pages"

# Page images for a person to look at.
rm -f "$out"/page-*.png
pdftoppm -png -r 70 "$pdf" "$out/page"

if [ -n "${AXE_JS:-}" ]; then
    python3 "$root/scripts/check-report-accessibility.py" "$html" "$AXE_JS" || fail "axe-core found WCAG violations (above)"
fi

note "HTML        $html"
note "screenshot  $png"
note "PDF         $pdf ($pages pages, $size)"
note "page images $out/page-*.png"
note "ok"
