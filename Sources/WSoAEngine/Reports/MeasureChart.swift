/// An inline SVG chart of one measure: its readings from the baseline, the target as a dashed
/// line, the straight line from baseline to target, and the national figure when there is one.
///
/// Self-contained (no scripts, fonts or links), sized by its `viewBox` so it prints crisply,
/// and labelled for screen readers with a `<title>` and a `<desc>` that say in words what the
/// lines show. Coordinates are formatted by hand to one decimal place, so the bytes are stable.
struct MeasureChart {
    /// The measure's standing at the as-of day.
    let standing: MeasureStanding
    /// A prefix that makes the chart's element ids unique in the document (e.g. `w1-m3`).
    let idPrefix: String

    /// The drawing's width in user units. Drawn about 87 mm wide in print (two charts to an A4
    /// row), one unit is about 0.77 pt, so text of 11 units prints at about 8.5 pt.
    static let width = 320.0
    /// The drawing's height in user units.
    static let height = 156.0
    /// The plot area inside it (room on the left for values, on the right for line labels).
    private static let left = 50.0, right = 226.0, top = 22.0, bottom = 124.0
    /// The least distance between two labels at the right-hand edge, in user units.
    private static let labelGap = 13.0

    /// The sentence under the charts.
    static let legend = "In each chart better is up: where lower is better the value axis runs downwards, and says so. The solid blue line joins the readings from the baseline (open circle) to the latest (filled circle); the green dashed line is the target; the grey dotted line is the trajectory, the straight line from baseline to target; a grey dash-dot line is the national figure."

    /// The `<svg>` element.
    var svg: String {
        let measure = standing.measure
        let points = [measure.baseline] + measure.readings
        let firstDay = min(measure.baseline.on, measure.readings.first?.on ?? measure.baseline.on)
        var lastDay = max(measure.target.on, measure.readings.last?.on ?? measure.target.on)
        if lastDay <= firstDay { lastDay = firstDay.adding(days: 1) }
        var values = points.map(\.value) + [measure.target.value]
        if let national = measure.national { values.append(national) }
        let scale = MeasureChart.axis(low: values.min() ?? 0, high: values.max() ?? 1, percent: measure.unit == "%")
        let span = Double(firstDay.days(to: lastDay))
        func x(_ day: Day) -> String {
            ReportText.coordinate(MeasureChart.left + Double(firstDay.days(to: day)) / span * (MeasureChart.right - MeasureChart.left))
        }
        // Better is up: for a measure where lower is better the axis runs downwards.
        let downwards = measure.direction == .lowerIsBetter
        func yValue(_ value: Double) -> Double {
            let fraction = (value - scale.low) / (scale.high - scale.low)
            return downwards ? MeasureChart.top + fraction * (MeasureChart.bottom - MeasureChart.top)
                : MeasureChart.bottom - fraction * (MeasureChart.bottom - MeasureChart.top)
        }
        func y(_ value: Double) -> String { ReportText.coordinate(yValue(value)) }
        let unit = measure.unit
        let title = "\(measure.id): \(ReportText.oneLine(measure.title))"
        var lines: [String] = []
        lines.append("<svg class=\"chart\" viewBox=\"0 0 \(ReportText.coordinate(MeasureChart.width)) \(ReportText.coordinate(MeasureChart.height))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
        lines.append("<title id=\"\(idPrefix)-title\">\(("Chart of " + title).htmlEscaped)</title>")
        lines.append("<desc id=\"\(idPrefix)-desc\">\(description.htmlEscaped)</desc>")
        // Value gridlines with their labels.
        for tick in scale.ticks {
            lines.append("<line class=\"grid\" x1=\"\(ReportText.coordinate(MeasureChart.left))\" x2=\"\(ReportText.coordinate(MeasureChart.right))\" y1=\"\(y(tick))\" y2=\"\(y(tick))\"/>")
            lines.append("<text class=\"tick\" x=\"\(ReportText.coordinate(MeasureChart.left - 4))\" y=\"\(ReportText.coordinate(yValue(tick) + 4))\" text-anchor=\"end\">\(ReportText.value(tick, unit: unit == "%" ? "%" : "").htmlEscaped)</text>")
        }
        // Which way is better, above the value axis.
        let direction = downwards ? "↑ better (lower is better: the axis runs down)" : "↑ better (higher is better)"
        lines.append("<text class=\"tick direction\" x=\"4\" y=\"12\" text-anchor=\"start\">\(direction)</text>")
        // The time axis: first and last month.
        let axisY = ReportText.coordinate(MeasureChart.bottom + 16)
        lines.append("<text class=\"tick\" x=\"\(ReportText.coordinate(MeasureChart.left))\" y=\"\(axisY)\" text-anchor=\"start\">\(MeasureChart.monthYear(firstDay))</text>")
        lines.append("<text class=\"tick\" x=\"\(ReportText.coordinate(MeasureChart.right))\" y=\"\(axisY)\" text-anchor=\"end\">\(MeasureChart.monthYear(lastDay))</text>")
        // Reference lines: straight line, national, target (target drawn last so it is on top).
        lines.append("<line class=\"expected\" x1=\"\(x(measure.baseline.on))\" y1=\"\(y(measure.baseline.value))\" x2=\"\(x(measure.target.on))\" y2=\"\(y(measure.target.value))\"/>")
        let targetY = yValue(measure.target.value)
        var labelYs: [Double] = [targetY]
        if let national = measure.national {
            let nationalY = yValue(national)
            lines.append("<line class=\"national\" x1=\"\(ReportText.coordinate(MeasureChart.left))\" x2=\"\(ReportText.coordinate(MeasureChart.right))\" y1=\"\(y(national))\" y2=\"\(y(national))\"/>")
            // Keep the two labels at least a line apart.
            var labelY = nationalY
            if abs(labelY - targetY) < MeasureChart.labelGap {
                labelY = nationalY >= targetY ? targetY + MeasureChart.labelGap : targetY - MeasureChart.labelGap
            }
            labelYs.append(labelY)
            lines.append("<text class=\"label national-label\" x=\"\(ReportText.coordinate(MeasureChart.right + 8))\" y=\"\(ReportText.coordinate(labelY + 4))\">National \(ReportText.value(national, unit: unit == "%" ? "%" : "").htmlEscaped)</text>")
        }
        lines.append("<line class=\"target\" x1=\"\(ReportText.coordinate(MeasureChart.left))\" x2=\"\(ReportText.coordinate(MeasureChart.right))\" y1=\"\(y(measure.target.value))\" y2=\"\(y(measure.target.value))\"/>")
        lines.append("<text class=\"label target-label\" x=\"\(ReportText.coordinate(MeasureChart.right + 8))\" y=\"\(ReportText.coordinate(targetY + 4))\">Target \(ReportText.value(measure.target.value, unit: unit == "%" ? "%" : "").htmlEscaped)</text>")
        // The readings, from the baseline.
        let path = points.map { "\(x($0.on)),\(y($0.value))" }.joined(separator: " ")
        if points.count > 1 {
            lines.append("<polyline class=\"readings\" points=\"\(path)\"/>")
        }
        lines.append("<circle class=\"baseline-point\" cx=\"\(x(measure.baseline.on))\" cy=\"\(y(measure.baseline.value))\" r=\"3\"/>")
        if let latest = measure.readings.last {
            lines.append("<circle class=\"latest-point\" cx=\"\(x(latest.on))\" cy=\"\(y(latest.value))\" r=\"3.5\"/>")
            // The latest value beside its point, unless a line label already sits there.
            let latestY = yValue(latest.value)
            if labelYs.allSatisfy({ abs($0 - latestY) >= MeasureChart.labelGap }) || Double(firstDay.days(to: latest.on)) / span < 0.85 {
                let anchorX = MeasureChart.left + Double(firstDay.days(to: latest.on)) / span * (MeasureChart.right - MeasureChart.left)
                let above = latestY - 8 < MeasureChart.top ? latestY + 15 : latestY - 8
                lines.append("<text class=\"label latest-label\" x=\"\(ReportText.coordinate(anchorX))\" y=\"\(ReportText.coordinate(above))\" text-anchor=\"middle\">\(ReportText.value(latest.value, unit: unit == "%" ? "%" : "").htmlEscaped)</text>")
            }
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// What the chart shows, in words, for its `<desc>` and for anyone who cannot see it.
    var description: String {
        let measure = standing.measure
        let unit = measure.unit
        var parts = ["Baseline \(ReportText.value(measure.baseline.value, unit: unit)) on \(measure.baseline.on.longDescription)"]
        if let latest = standing.latest {
            parts.append("\(ReportText.count(measure.readings.count, "reading")), the latest \(ReportText.value(latest.value, unit: unit)) on \(latest.on.longDescription)")
        } else {
            parts.append("no readings yet")
        }
        parts.append("target \(ReportText.value(measure.target.value, unit: unit)) by \(measure.target.on.longDescription)")
        if let national = measure.national { parts.append("national figure \(ReportText.value(national, unit: unit))") }
        parts.append(measure.direction == .higherIsBetter ? "higher is better" : "lower is better, so the value axis runs downwards")
        return parts.joined(separator: "; ") + "."
    }

    /// "Dec 2023".
    static func monthYear(_ day: Day) -> String {
        "\(Day.monthName(day.month).prefix(3)) \(day.year)"
    }

    /// A value axis from `low` to `high` rounded out to a tidy step (1, 2, 2.5 or 5 times a
    /// power of ten) with three to six gridlines; kept within 0–100 for percentages.
    static func axis(low: Double, high: Double, percent: Bool) -> (low: Double, high: Double, ticks: [Double]) {
        // Clamped so forged extremes (±1e308) cannot make the span infinite and the loops below endless.
        let limit = 1e300
        var low = min(max(low.isFinite ? low : 0, -limit), limit)
        var high = min(max(high.isFinite ? high : 0, -limit), limit)
        if high - low < 1e-9 {
            low -= max(abs(low) * 0.1, 1)
            high += max(abs(high) * 0.1, 1)
        }
        let raw = (high - low) / 4
        var power = 1e-6
        while power * 10 <= raw { power *= 10 }
        var step = power
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where power * factor >= raw {
            step = power * factor
            break
        }
        var bottom = (low / step).rounded(.down) * step
        var top = (high / step).rounded(.up) * step
        if percent {
            bottom = max(bottom, 0)
            top = min(top, 100)
            if top <= bottom { top = bottom + step }
        }
        var ticks: [Double] = []
        var tick = bottom
        while tick <= top + step * 1e-6 && ticks.count < 12 {
            ticks.append((tick / step).rounded() * step)
            tick += step
        }
        return (bottom, top, ticks)
    }
}
