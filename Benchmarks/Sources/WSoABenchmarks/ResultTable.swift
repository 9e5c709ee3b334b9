import Foundation

/// The printed table: one row per figure, with its budget and whether it was met.
struct ResultTable {
    private var rows: [[String]] = []
    private var failures: [String] = []
    private var rssFailures: [String] = []

    /// The peak RSS budget for every measurement, in MB.
    static let rssBudgetMB = 100.0

    mutating func add(_ name: String, value: String, detail: String, rss: Double?, budget: String, met: Bool) {
        rows.append([name, value, detail, rss.map { String(format: "%.1f MB", $0) } ?? "—", budget, met ? "met" : "NOT MET"])
        if !met { failures.append(name) }
        if let rss, rss > Self.rssBudgetMB { rssFailures.append(name) }
    }

    /// A row for timed runs of a command, judged against another figure: `faster` means the
    /// command must take at most `against / factor` (it is `factor` times faster); otherwise at
    /// most `against * factor` (within `factor` times of it).
    mutating func add(relative name: String, _ runs: [ChildProcess.Run], rss: Double?, against: Double, label: String,
                      factor: Double, faster: Bool) {
        let median = Suite.median(runs.map(\.seconds))
        let failed = runs.contains { $0.status != 0 }
        let limit = faster ? against / factor : against * factor
        let ratio = faster ? against / median : median / against
        let comparison = faster ? "\(label)/this" : "this/\(label)"
        let detail = failed ? "EXIT STATUS ≠ 0"
            : String(format: "min %.1f ms; CPU %.1f ms; ", (runs.map(\.seconds).min() ?? 0) * 1000,
                     Suite.median(runs.map(\.cpuSeconds)) * 1000) + comparison + String(format: " %.2f×", ratio)
        let budget = (faster ? String(format: "≥ %.0f× faster than ", factor) : String(format: "≤ %.1f× ", factor))
            + label + String(format: " (≤ %.1f ms)", limit * 1000)
        add(name, value: String(format: "%.1f ms", median * 1000), detail: detail, rss: rss, budget: budget,
            met: median <= limit && !failed)
    }

    /// An informational row with no budget: the median of timed runs.
    mutating func add(info name: String, _ runs: [ChildProcess.Run], rss: Double?) {
        let median = Suite.median(runs.map(\.seconds))
        let detail = runs.count == 1 ? String(format: "one run; CPU %.1f ms", runs[0].cpuSeconds * 1000)
            : String(format: "min %.1f ms; CPU %.1f ms", (runs.map(\.seconds).min() ?? 0) * 1000, Suite.median(runs.map(\.cpuSeconds)) * 1000)
        rows.append([name, String(format: "%.1f ms", median * 1000), detail, rss.map { String(format: "%.1f MB", $0) } ?? "—", "—", "(info)"])
        if let rss, rss > Self.rssBudgetMB { rssFailures.append(name) }
    }

    /// The table as aligned text.
    func render() -> String {
        let all = [["MEASUREMENT", "MEDIAN", "DETAIL", "PEAK RSS", "BUDGET", "RESULT"]] + rows
        var widths = [Int](repeating: 0, count: all[0].count)
        for row in all { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// One line saying which budgets were met.
    var verdict: String {
        var parts: [String] = []
        parts.append(failures.isEmpty ? "every time/throughput budget met" : "NOT MET: \(failures.joined(separator: "; "))")
        parts.append(rssFailures.isEmpty ? String(format: "peak RSS ≤ %.0f MB everywhere", Self.rssBudgetMB)
                     : "peak RSS over budget: \(rssFailures.joined(separator: "; "))")
        return parts.joined(separator: "\n")
    }
}
