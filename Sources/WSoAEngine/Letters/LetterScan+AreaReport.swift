import Foundation

extension LetterScan {
    /// Reads an area SEND inspection report's fields from its lines, applying `overrides`.
    ///
    /// The report's opening block gives the area (the title), the inspection dates and the
    /// previous inspection as labelled fields; the "Inspection outcome" section gives the
    /// outcome and the next visits' horizons; the findings come from the two tables that
    /// follow (see `LetterScan+ReportFindings.swift`).
    mutating func areaReport(_ report: AreaReportText, _ overrides: LetterOverrides) throws -> LetterReading<AreaSENDReport> {
        let lines = report.lines
        let outcomeHeading = AreaReportHeading.outcome.first(in: lines, from: 0)
        let headerEnd = outcomeHeading?.index ?? min(lines.count, 25)
        let fields = Self.headerFields(Array(lines[..<headerEnd]))

        let area = try resolve(.area, read: reportArea(lines[..<headerEnd], footers: report.footers, fieldsStart: fields.firstLabel),
                               given: overrides.area, show: { $0 },
                               hint: "there is no 'Area SEND inspection of … Local Area Partnership' title at the top of the report")
        let visit = try resolve(.visit, read: reportVisit(fields.dates, footers: report.footers), given: overrides.visit, show: \.longDescription,
                                hint: "there is no 'Inspection dates:' field with a range such as '18 to 22 March 2024'")
        var previous: String?
        if let stated = fields.previous.map(LetterScan.flattened), !stated.isEmpty {
            previous = stated
        } else {
            warn(.previousInspection, "the report has no 'Dates of previous inspection' field, so no previous inspection is recorded.")
        }

        let section = outcomeSection(lines, heading: outcomeHeading)
        let outcome = try resolve(.outcome, read: reportOutcome(section), given: overrides.outcome, show: \.displayName,
                                  hint: "no sentence says the arrangements 'typically lead to positive experiences and outcomes', 'lead to inconsistent experiences and outcomes' or that there are 'widespread and/or systemic failings'; give it with --outcome positive, inconsistent or widespread-systemic")
        let horizons = reportHorizons(section, outcome: outcome)

        let findings = reportFindings(lines, after: outcomeHeading.map { $0.index + $0.lines } ?? 0)
        checkFindings(findings, outcome: outcome)
        let facts = AreaSENDReport(area: area, visit: visit, previousInspection: previous, outcome: outcome,
                                   areasForPriorityAction: findings.priorityActions,
                                   areasForImprovement: findings.improvements,
                                   nextInspectionYears: horizons.years, monitoringInspectionMonths: horizons.months)
        return LetterReading(facts: facts, warnings: warnings)
    }

    /// Text with every run of whitespace made one space.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: Header fields

    /// The labelled fields of a report's opening block.
    struct ReportHeaderFields: Hashable, Sendable {
        /// The "Inspection dates" value.
        var dates: String?
        /// The "Dates of previous inspection" value, its lines joined.
        var previous: String?
        /// The index of the first label line, where the title ends.
        var firstLabel: Int?
    }

    /// Which field a label line introduces.
    enum ReportHeaderLabel: Hashable, Sendable {
        /// "Inspection dates:".
        case dates
        /// "Dates of previous inspection:".
        case previous
    }

    /// The label a line starts with, and what follows it on the line.
    static func headerLabel(_ text: String) -> (label: ReportHeaderLabel, rest: String)? {
        let lower = text.lowercased()
        let labels: [(String, ReportHeaderLabel)] = [
            ("dates of previous inspection", .previous), ("date of previous inspection", .previous),
            ("dates of the previous inspection", .previous), ("date(s) of previous inspection", .previous),
            ("previous inspection dates", .previous), ("previous inspection", .previous),
            ("inspection dates", .dates), ("inspection date", .dates), ("dates of inspection", .dates),
            ("date of inspection", .dates),
        ]
        for (prefix, label) in labels where lower.hasPrefix(prefix) {
            var rest = Substring(text.unicodeScalars.dropFirst(prefix.unicodeScalars.count).map(Character.init))
            while let first = rest.first, first == " " { rest = rest.dropFirst() }
            if rest.first == ":" {
                rest = rest.dropFirst()
            } else if let first = rest.first, !first.isNumber {
                // "Previous inspection findings were …" is a sentence, not the label.
                continue
            }
            return (label, rest.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Reads the labelled fields. A label alone on its line takes the next line that is not
    /// a label as its value (pdftotext prints the two-column header table so, sometimes with
    /// both labels first); a value carries on over the next lines while it is unfinished.
    static func headerFields(_ lines: [AreaReportText.Line]) -> ReportHeaderFields {
        var fields = ReportHeaderFields()
        var values: [ReportHeaderLabel: [String]] = [:]
        var pending: [ReportHeaderLabel] = []
        var current: ReportHeaderLabel?
        for (index, line) in lines.enumerated() {
            if let (label, rest) = headerLabel(line.text) {
                fields.firstLabel = fields.firstLabel ?? index
                if rest.isEmpty {
                    pending.append(label)
                    current = nil
                } else if values[label] == nil {
                    values[label] = [rest]
                    current = label
                }
                continue
            }
            guard fields.firstLabel != nil else { continue }
            if !pending.isEmpty {
                let label = pending.removeFirst()
                if values[label] == nil { values[label] = [line.text] }
                current = label
                continue
            }
            guard let label = current, line.gap == .none, let sofar = values[label], sofar.count < 4 else {
                current = nil
                continue
            }
            let joined = sofar.joined(separator: " ")
            let unfinished: Bool
            switch label {
            case .dates:
                unfinished = LetterDates.firstRange(in: joined) == nil
            case .previous:
                let lower = joined.lowercased()
                let startsLower = line.text.first?.isLowercase ?? false
                let complete = AreaReportItemSplitter.endsSentence(joined) || LetterDates.firstDate(in: joined, window: 40) != nil
                    || lower.contains("not previously") || lower.contains("no previous")
                unfinished = startsLower || !complete
            }
            if unfinished {
                values[label]?.append(line.text)
            } else {
                current = nil
            }
        }
        fields.dates = values[.dates]?.joined(separator: " ")
        fields.previous = values[.previous]?.joined(separator: " ")
        return fields
    }

    // MARK: Area

    /// The area: the title's name between "Area SEND inspection of" and "Local Area
    /// Partnership", joined across the line break; else the footers' name, with a warning.
    mutating func reportArea(_ lines: ArraySlice<AreaReportText.Line>, footers: [String], fieldsStart: Int?) -> String? {
        let titleEnd = min(lines.endIndex, fieldsStart ?? lines.startIndex + 8)
        let title = lines[lines.startIndex..<titleEnd].map(\.text).joined(separator: " ")
        let fromTitle = Self.partnershipName(in: title, after: "send inspection of ")
        let fromFooter = footers.lazy.compactMap { Self.partnershipName(in: $0, after: "area send inspection report:") }.first
        switch (fromTitle, fromFooter) {
        case let (title?, footer?):
            if title.lowercased() != footer.lowercased() {
                warn(.area, "the title names '\(Self.quoted(title))' but the page footers name '\(Self.quoted(footer))', so the title's name is used.")
            }
            return title
        case let (title?, nil):
            return title
        case let (nil, footer?):
            warn(.area, "the report's title could not be read, so the area was taken from its page footers ('\(Self.quoted(footer))').")
            return footer
        case (nil, nil):
            return nil
        }
    }

    /// The name after `marker` in `text`, up to "Local Area Partnership" (or, failing that,
    /// to a comma or the end), when it looks like a place name.
    static func partnershipName(in text: String, after marker: String) -> String? {
        guard let found = text.range(of: marker, options: .caseInsensitive) else { return nil }
        var rest = String(text[found.upperBound...].prefix(200))
        if let end = rest.range(of: "local area partnership", options: .caseInsensitive) {
            rest = String(rest[..<end.lowerBound])
        } else {
            for stop in [",", "Inspection dates", " (", ". "] {
                if let cut = rest.range(of: stop, options: .caseInsensitive) { rest = String(rest[..<cut.lowerBound]) }
            }
        }
        rest = flattened(rest).trimmingCharacters(in: CharacterSet(charactersIn: " .:;,'\"‘’“”"))
        if rest.lowercased().hasPrefix("the ") { rest = String(rest.dropFirst(4)) }
        guard let first = rest.first, first.isUppercase, rest.count <= 80,
              rest.split(separator: " ").count <= 10 else { return nil }
        return rest
    }

    // MARK: Visit

    /// The inspection dates from the "Inspection dates" field.
    ///
    /// The field is the report's own statement of its dates, so it is taken; but when the page
    /// footers (which repeat the dates on every page) give other dates, the report disagrees
    /// with itself and an officer must check which are right (Oxfordshire's 2023 report says
    /// "13 to 21 July 2023" in the field and "17 to 21 July 2023" in every footer).
    mutating func reportVisit(_ value: String?, footers: [String] = []) -> DayRange? {
        guard let value else { return nil }
        if let match = LetterDates.firstRange(in: value) {
            if match.range.dayCount > 31 {
                warn(.visit, "the inspection runs for \(match.range.dayCount) days, longer than any inspection, so check the dates.")
            }
            checkFooterDates(footers, against: match.range)
            return match.range
        }
        if let day = LetterDates.firstDate(in: value, window: 20) {
            warn(.visit, "the 'Inspection dates' field gives one day ('\(Self.quoted(value))'), so the inspection is recorded as that day alone; check it.")
            return DayRange(day: day)
        }
        return nil
    }

    /// Warns when page footers give inspection dates other than `field`'s (each different
    /// range once, in the order the pages give them). A footer whose dates cannot be read is
    /// passed over: it says nothing against the field.
    mutating func checkFooterDates(_ footers: [String], against field: DayRange) {
        var others: [DayRange] = []
        for footer in footers {
            guard let range = LetterDates.firstRange(in: footer)?.range, range != field, !others.contains(range) else { continue }
            others.append(range)
        }
        guard !others.isEmpty else { return }
        let listed = others.map(\.longDescription).joined(separator: " and ")
        warn(.visit, "the 'Inspection dates' field gives \(field.longDescription) but the page footers give \(listed), so the field's dates are used; check which are right.")
    }
}
