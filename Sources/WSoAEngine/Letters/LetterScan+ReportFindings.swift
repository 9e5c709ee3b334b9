extension LetterScan {
    /// A report's findings as read.
    struct ReportFindings: Hashable, Sendable {
        /// The areas for priority action, with their partners.
        var priorityActions: [AreaSENDReport.PriorityAction] = []
        /// The areas for improvement.
        var improvements: [String] = []
        /// Whether an "Areas for priority action" heading was found.
        var priorityHeading = false
        /// Whether an "Areas for improvement" heading was found.
        var improvementHeading = false
    }

    /// Reads the two findings tables after line `start` (the outcome section).
    ///
    /// "Areas for priority action" runs to "Areas for improvement", which runs to the back
    /// matter ("Local area partnership details"). Each table's repeated headers are removed
    /// (its own heading printed again as the column header, "Responsible body"), then the
    /// priority actions are taken apart from their responsible-body column
    /// (``PriorityActionTable``) and both tables are split into items
    /// (``AreaReportItemSplitter``), the column's cell count guiding the priority actions' split.
    mutating func reportFindings(_ lines: [AreaReportText.Line], after start: Int) -> ReportFindings {
        var findings = ReportFindings()
        let priority = AreaReportHeading.priorityActions.first(in: lines, from: start)
        let afterPriority = priority.map { $0.index + $0.lines } ?? start
        let improvement = AreaReportHeading.improvements.first(in: lines, from: afterPriority)
        let afterImprovement = improvement.map { $0.index + $0.lines } ?? afterPriority
        let backMatter = AreaReportHeading.backMatter.first(in: lines, from: afterImprovement)?.index ?? lines.count

        if priority != nil {
            findings.priorityHeading = true
            let end = max(afterPriority, improvement?.index ?? backMatter)
            let table = PriorityActionTable(Array(lines[afterPriority..<end]))
            let rows = table.cells.isEmpty ? nil : table.cells.count
            let split = AreaReportItemSplitter(lines: table.actionLines, noun: "priority action").split(rows: rows)
            for message in split.warnings { warn(.areasForPriorityAction, message) }
            let paired = table.partners(starts: split.starts)
            for message in paired.warnings { warn(.areasForPriorityAction, message) }
            findings.priorityActions = zip(split.items, paired.partners).map {
                AreaSENDReport.PriorityAction(statement: $0.0, partner: $0.1)
            }
        }
        if improvement != nil {
            findings.improvementHeading = true
            let region = Self.withoutRepeatedHeading(lines[afterImprovement..<max(afterImprovement, backMatter)], .improvements)
            let split = AreaReportItemSplitter(lines: region, noun: "area for improvement").split(rows: nil)
            for message in split.warnings { warn(.areasForImprovement, message) }
            findings.improvements = split.items
        }
        return findings
    }

    /// The lines as splitter lines, without any that repeat `heading` (a table's header row
    /// printed under the section's heading, or again after a page break); a removed line's
    /// gap passes to the line after it.
    static func withoutRepeatedHeading(_ lines: ArraySlice<AreaReportText.Line>, _ heading: AreaReportHeading) -> [AreaReportItemSplitter.Line] {
        var kept: [AreaReportItemSplitter.Line] = []
        var carried = AreaReportText.Gap.none
        let all = Array(lines)
        var index = 0
        while index < all.count {
            if let count = heading.lineCount(in: all, at: index) {
                if all[index].gap != .none, carried != .page { carried = all[index].gap }
                index += count
                continue
            }
            var gap = all[index].gap
            if carried == .page || (carried == .blank && gap == .none) { gap = carried }
            kept.append(AreaReportItemSplitter.Line(text: all[index].text, gap: gap, afterCell: false))
            carried = .none
            index += 1
        }
        return kept
    }

    /// Warns where the findings do not fit the outcome.
    mutating func checkFindings(_ findings: ReportFindings, outcome: InspectionOutcome) {
        switch (outcome.requiresPriorityActionPlan, findings.priorityActions.isEmpty) {
        case (true, true):
            warn(.areasForPriorityAction, findings.priorityHeading
                 ? "the outcome is widespread and/or systemic failings but no priority action could be read under 'Areas for priority action', so none is recorded."
                 : "the outcome is widespread and/or systemic failings but the report has no 'Areas for priority action' heading, so no priority action is recorded.")
        case (false, false):
            let count = findings.priorityActions.count
            warn(.areasForPriorityAction, "the report lists \(count) \(count == 1 ? "area" : "areas") for priority action although its outcome, \(outcome.displayName), brings none; check the outcome.")
        case (true, false), (false, true):
            break
        }
        if findings.improvements.isEmpty {
            warn(.areasForImprovement, findings.improvementHeading
                 ? "no area for improvement could be read under 'Areas for improvement', so none is recorded."
                 : "the report has no 'Areas for improvement' heading, so no area for improvement is recorded.")
        }
    }
}
