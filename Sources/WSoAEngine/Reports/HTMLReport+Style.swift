extension HTMLReport {
    /// The inline style sheet: screen and A4 print, no external resources.
    ///
    /// Colours: body text #1a1a1a on white (17:1); each tone pairs a dark text colour with a
    /// pale background at 7:1 or better, and `print-color-adjust: exact` keeps the backgrounds
    /// on paper. The page footer carries the plan id and as-at date (characters outside
    /// `[A-Za-z0-9 -]` are dropped, so nothing can leave the CSS string or the style element).
    static func styleSheet(planID: String, asOf: Day) -> String {
        let footer = String("\(planID) - as at \(asOf.description)".filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") })
        return """
        :root { --ink: #1a1a1a; --muted: #4a4a4a; --rule: #b8b8b8; --pale: #f3f4f6;
          --good-ink: #14532d; --good-bg: #dcefe1; --warn-ink: #5c4100; --warn-bg: #fff0c2;
          --bad-ink: #8b1a10; --bad-bg: #fbe1de; --accent: #1f4e8c; }
        * { box-sizing: border-box; }
        html { color: var(--ink); background: #fff; }
        body { margin: 0; font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
          font-size: 10pt; line-height: 1.35; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 16pt; margin: 0 0 1mm; line-height: 1.2; }
        h2 { font-size: 13.5pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid var(--accent); color: var(--accent); }
        h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; }
        h4 { font-size: 10pt; margin: 3mm 0 1mm; text-transform: none; color: var(--ink); }
        p { margin: 1mm 0 2mm; }
        .subtitle { color: var(--muted); margin-bottom: 2mm; }
        .masthead { padding-bottom: 0; }
        .masthead .subtitle { margin-bottom: 0; }
        .summary h2 { margin-top: 2.5mm; margin-bottom: 1.5mm; }
        .overall { padding: 1.5mm 3mm; border-left: 5px solid currentColor; background: var(--pale); margin: 1.5mm 0; }
        .overall strong { font-size: 12pt; margin: 0 1.5mm; }
        .overall-label { text-transform: uppercase; font-size: 8pt; letter-spacing: .04em; font-weight: 600; }
        .overall-detail { margin-left: 1mm; }
        dl.facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 1mm 4mm; margin: 2mm 0; }
        .keep { break-inside: avoid; }
        .note { border-left: 3px solid var(--rule); padding-left: 3mm; }
        dl.facts div { break-inside: avoid; }
        dt { font-size: 8pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
        dd { margin: 0; }
        table.readiness thead th { white-space: normal; }
        .summary table { line-height: 1.25; }
        table.clocks { table-layout: fixed; }
        table.clocks th:nth-child(1) { width: 38%; }
        table.clocks th:nth-child(2) { width: 25%; }
        .summary table { font-size: 8.5pt; }
        .summary h3 { margin: 3mm 0 1mm; }
        .summary h4 { margin: 2mm 0 .5mm; }
        .summary td, .summary th { padding: .45mm 1.2mm; }
        .summary thead th { white-space: nowrap; }
        td, th { overflow-wrap: break-word; }
        table.evidence-items td:last-child { overflow-wrap: anywhere; }
        table.clocks tbody td:nth-child(2) { white-space: nowrap; }
        .fact-line { margin: 1.5mm 0 2mm; }
        .fact { display: inline-block; margin-right: 4mm; }
        .fact-label { font-weight: 600; color: var(--muted); }
        ul.items { list-style: none; padding: 0; margin: .5mm 0 2mm; font-size: 8.5pt; }
        ul.items li { padding: .6mm 1.5mm; margin-bottom: .6mm; }
        .decisions { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; }
        .decision.wide { grid-column: 1 / -1; }
        table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; font-size: 9pt; }
        table.compact { font-size: 8.5pt; }
        th, td { text-align: left; vertical-align: top; padding: .8mm 1.5mm; border-bottom: 1px solid var(--rule); }
        thead th { border-bottom: 1.5px solid var(--ink); font-size: 8pt; text-transform: uppercase; letter-spacing: .03em; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        tr { break-inside: avoid; }
        thead { display: table-header-group; }
        .tone-good { color: var(--good-ink); background: var(--good-bg); }
        .tone-warning { color: var(--warn-ink); background: var(--warn-bg); }
        .tone-bad { color: var(--bad-ink); background: var(--bad-bg); }
        .badge { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-weight: 700; font-size: 8.5pt; border: 1px solid currentColor; }
        .empty { color: var(--muted); font-style: italic; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .rules { background: var(--pale); padding: 2mm 3mm; margin: 2mm 0 4mm; font-size: 9pt; }
        .rules p { margin: 1mm 0; }
        .rule-list { margin: 1mm 0; padding-left: 5mm; }
        .weakness h3 { font-size: 13pt; margin-top: 2mm; }
        .weakness-id { display: inline-block; background: var(--accent); color: #fff; padding: 0 2mm; border-radius: 1mm; margin-right: 1.5mm; }
        blockquote.statement { margin: 1mm 0 2mm; padding: 1.5mm 3mm; border-left: 3px solid var(--rule); font-style: italic; }
        blockquote.statement p { margin: 0; }
        .rung { padding: 1.5mm 3mm; border-left: 5px solid currentColor; }
        ol.ladder { list-style: none; padding: 0; margin: 1mm 0 2mm; }
        ol.ladder > li { margin: 0 0 1.5mm; break-inside: avoid; }
        .check-head { margin: 0 0 .5mm; }
        ol.ladder ul { margin: 0; padding-left: 6mm; }
        ol.ladder ul li { margin: .3mm 0; }
        .mark { font-weight: 700; }
        li.gap .mark { color: var(--bad-ink); }
        li.found .mark { color: var(--good-ink); }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 5mm; margin: 2mm 0; }
        figure.chart-figure { margin: 0; break-inside: avoid; border: 1px solid var(--rule); padding: 1.5mm; }
        figure.chart-figure figcaption { font-size: 8pt; color: var(--muted); margin-top: 1mm; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg.chart .grid { stroke: #d4d4d4; stroke-width: .6; }
        svg.chart .tick { font-size: 11px; fill: #3d3d3d; font-family: inherit; }
        svg.chart .label { font-size: 11px; font-family: inherit; font-weight: 600; }
        svg.chart text { paint-order: stroke; stroke: #fff; stroke-width: 3.5px; stroke-linejoin: round; }
        svg.chart .target { stroke: #1d6b3a; stroke-width: 1.4; stroke-dasharray: 6 3; }
        svg.chart .target-label { fill: #14532d; }
        svg.chart .national { stroke: #595959; stroke-width: 1; stroke-dasharray: 8 3 2 3; }
        svg.chart .national-label { fill: #404040; }
        svg.chart .expected { stroke: #6b6b6b; stroke-width: 1; stroke-dasharray: 1.5 2.5; }
        svg.chart .readings { fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linejoin: round; }
        svg.chart .baseline-point { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
        svg.chart .latest-point { fill: var(--accent); }
        svg.chart .latest-label { fill: var(--accent); }
        .legend { font-size: 8pt; color: var(--muted); }
        ul.reasons { list-style: none; padding: 0; margin: .5mm 0 2mm; font-size: 9pt; }
        ul.reasons li { padding: .6mm 1.5mm; margin-bottom: .6mm; }
        ol.steps { margin: .5mm 0 2mm; padding-left: 6mm; }
        .workstream h3 { font-size: 12pt; }
        .workstream + .workstream { border-top: 1px solid var(--rule); margin-top: 4mm; }
        dl.record-facts { grid-template-columns: 1fr 1fr 1fr; }
        dl.record-facts div:nth-child(4) { grid-column: 1 / -1; }
        dl.record-facts div:nth-child(4) dd { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
        @page { size: A4; margin: 12mm 12mm 15mm;
          @bottom-left { content: "\(footer)"; font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #4a4a4a; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 8pt; color: #4a4a4a; } }
        @media print {
          main { max-width: none; padding: 0; }
          .weaknesses, .since { break-before: page; }
          .weakness + .weakness, .workstreams { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        @media screen and (max-width: 720px) {
          main { padding: 4mm; }
          dl.facts, .decisions, .charts { grid-template-columns: 1fr; }
        }
        """
    }
}
