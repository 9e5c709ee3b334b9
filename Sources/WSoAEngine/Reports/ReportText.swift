/// Words and numbers for reports, built by hand so output never depends on the locale, the
/// time zone or a Foundation formatter: the same journal and as-of day give the same bytes.
///
/// Everything here returns plain text; each renderer escapes it for its own format.
public enum ReportText {
    // MARK: Numbers

    /// `42` for 42.0, `42.5` for 42.5, `0.33` for 1/3, `1,240` for 1240: at most two decimals,
    /// thousands grouped with commas as British reports write them.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        // Hundredths as an integer, so rounding and digits come from integer arithmetic alone;
        // beyond what that holds, Swift's own shortest form ("1e+20"), the same on every machine.
        guard abs(value) < 1e15 else { return "\(value)" }
        let hundredths = Int64((value * 100).rounded())
        let negative = hundredths < 0
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = grouped(whole)
        if fraction != 0 {
            text += "." + (fraction < 10 ? "0\(fraction)" : (fraction % 10 == 0 ? "\(fraction / 10)" : "\(fraction)"))
        }
        return (negative ? "-" : "") + text
    }

    /// `value` with one decimal place at most, for chart coordinates ("12.5", "80", "-3.2").
    static func coordinate(_ value: Double) -> String {
        // Beyond ±1e15 the tenths no longer fit an Int64; a forged reading must not crash a report.
        guard value.isFinite else { return "0" }
        guard abs(value) < 1e15 else { return value < 0 ? "-1000000000000000" : "1000000000000000" }
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `1240` → `1,240`.
    private static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// `42%`, `12 days`, or a bare `1,240` for a count ("number", "count" or no unit).
    public static func value(_ value: Double, unit: String) -> String {
        let number = number(value)
        switch unit.lowercased() {
        case "%": return number + "%"
        case "", "number", "count", "n": return number
        default: return number + " " + unit
        }
    }

    /// `30%` for 3 of 10 (rounded to a whole percent).
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return "\(Int((Double(part) * 100 / Double(total)).rounded()))%"
    }

    // MARK: Words

    /// `1 action`, `3 actions`.
    static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : (plural ?? singular + "s"))
    }

    /// `once`, `twice`, `3 times`.
    static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }

    /// `A1`, `A1 and A2`, `A1, A2 and A3`.
    package static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// A title in curly quotes, with whitespace collapsed so it stays on one line.
    static func quoted(_ title: String) -> String {
        "“" + oneLine(title) + "”"
    }

    /// Text with every run of whitespace (line breaks included) made one space.
    ///
    /// ASCII text (nearly all of it) is collapsed byte by byte, and returned as it is when
    /// there is nothing to collapse: splitting into `Character`s, which needs the Unicode
    /// tables for every one, was a sixth of a long plan's report. Anything else goes the
    /// `Character` way, which is the definition.
    static func oneLine(_ text: String) -> String {
        var text = text
        if let collapsed = text.withUTF8({ oneLineASCII($0) }) { return collapsed ?? text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``oneLine(_:)`` for ASCII `bytes`: `.some(nil)` when they are already one line with
    /// single spaces, `.some(text)` collapsed, nil when not ASCII.
    ///
    /// In ASCII the whitespace `Character`s are tab, line feed, vertical tab, form feed,
    /// carriage return (alone or with a line feed) and space.
    static func oneLineASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var clean = true
        var previousSpace = true
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let space = isSpace(byte)
            if space && (byte != 0x20 || previousSpace) { clean = false }
            previousSpace = space
        }
        if clean && !previousSpace || bytes.isEmpty { return .some(nil) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pending = false
        for byte in bytes {
            if isSpace(byte) {
                pending = !result.isEmpty
            } else {
                if pending { result.append(0x20) }
                pending = false
                result.append(byte)
            }
        }
        return .some(String(decoding: result, as: UTF8.self))
    }

    /// `Capitalised` first letter, the rest as it is.
    package static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: Domain words

    /// `Red`, `Amber`, `Green`: a rating always has its word, never colour alone.
    static func rating(_ rating: Rating) -> String {
        switch rating {
        case .red: return "Red"
        case .amber: return "Amber"
        case .green: return "Green"
        }
    }

    /// `not started`, `on track`, `at risk`, `off track`, `complete`.
    package static func status(_ status: ActionStatus) -> String {
        switch status {
        case .notStarted: return "not started"
        case .onTrack: return "on track"
        case .atRisk: return "at risk"
        case .offTrack: return "off track"
        case .complete: return "complete"
        }
    }

    /// `impact`, `voice`, `quality assurance`, ….
    static func kind(_ kind: EvidenceKind) -> String {
        switch kind {
        case .activity: return "activity"
        case .impact: return "impact"
        case .voice: return "voice"
        case .data: return "data"
        case .qualityAssurance: return "quality assurance"
        case .external: return "external"
        }
    }

    /// `Met`, `Overdue`, `Due soon`, `Pending`: a clock's state as a word.
    package static func clockState(_ state: ClockState) -> String {
        switch state {
        case .pending: return "Pending"
        case .dueSoon: return "Due soon"
        case .overdue: return "Overdue"
        case .met: return "Met"
        }
    }

    /// How a clock stands, e.g. "met 12 Aug 2019, on the due day" or "overdue by 3 working days".
    static func clockDetail(_ clock: Clock) -> String {
        switch clock.state {
        case .met:
            return (clock.met.map { "met \($0.shortDescription)" } ?? "met") + ", " + timeliness(clock)
        case .overdue:
            return "overdue by \(workingDays(-(clock.workingDaysLeft ?? 0)))"
        case .dueSoon:
            let left = clock.workingDaysLeft ?? 0
            return left == 0 ? "due today" : "\(workingDays(left)) left"
        case .pending:
            return "\(workingDays(clock.workingDaysLeft ?? 0)) left"
        }
    }

    /// How a met clock was met against its due day: "on the due day", "on the next working day,
    /// in time" (its due day was a weekend or bank holiday), "2 working days early", "3 working
    /// days late".
    public static func timeliness(_ clock: Clock) -> String {
        let late = clock.workingDaysLate ?? 0
        if late != 0 { return "\(workingDays(abs(late))) \(late < 0 ? "early" : "late")" }
        return clock.met == nil || clock.met == clock.due ? "on the due day" : "on the next working day, in time"
    }

    /// A clock's state in a few words, starting with the state: "Overdue by 3 working days",
    /// "Met 12 Aug 2019, on the due day", "Due soon: 4 working days left", "Pending: 21 working days left".
    static func clockStateDetail(_ clock: Clock) -> String {
        switch clock.state {
        case .met, .overdue: return capitalised(clockDetail(clock))
        case .dueSoon, .pending: return clockState(clock.state) + ": " + clockDetail(clock)
        }
    }

    /// `Next monitoring visit`.
    static func clockName(_ name: ClockName) -> String {
        capitalised(name.displayName)
    }

    /// `1 working day`, `3 working days`: the one unit lateness is given in.
    public static func workingDays(_ count: Int) -> String {
        count == 1 ? "1 working day" : "\(number(Double(count))) working days"
    }

    /// `Local authority` / `Health partner`.
    static func partnerRole(_ role: PartnerRole) -> String {
        switch role {
        case .la: return "Local authority"
        case .health: return "Health partner"
        }
    }

    /// `not yet judged`, `sufficient progress`, `not sufficient progress`.
    package static func outcome(_ outcome: WeaknessOutcome) -> String {
        switch outcome {
        case .open: return "not yet judged"
        case .sufficient: return "sufficient progress"
        case .insufficient: return "not sufficient progress"
        }
    }

    /// `Rung 2 of 3: Impact evidenced`.
    static func rungLabel(_ rung: Rung) -> String {
        "\(rung.displayName) (rung \(rung.level) of \(Rung.impactSustained.level))"
    }

    /// `improving`, `flat`, `worsening`, or `no readings`.
    static func trend(_ trend: MeasureTrend?) -> String {
        switch trend {
        case .improving?: return "improving"
        case .flat?: return "flat"
        case .worsening?: return "worsening"
        case nil: return "no readings"
        }
    }

    /// Where a measure stands against its straight line and target, in a few words.
    static func measureStatus(_ standing: MeasureStanding) -> String {
        if standing.targetMet { return standing.sustained ? "Target met and sustained" : "Target met" }
        switch standing.onTrack {
        case true?: return "On track"
        case false?: return "Off track"
        case nil: return "No readings"
        }
    }
}
