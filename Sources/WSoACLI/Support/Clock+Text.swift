import WSoAEngine

extension Clock {
    /// "met on 12 August 2019, on the due day" — how the clock stands, in words.
    var stateText: String {
        switch state {
        case .met:
            return (met.map { "met on \($0.longDescription)" } ?? "met") + ", " + ReportText.timeliness(self)
        case .overdue:
            return "OVERDUE by \(ReportText.workingDays(-(workingDaysLeft ?? 0)))"
        case .dueSoon:
            let left = workingDaysLeft ?? 0
            return left == 0 ? "DUE SOON: due today" : "DUE SOON: \(ReportText.workingDays(left)) left"
        case .pending:
            return "pending: \(ReportText.workingDays(workingDaysLeft ?? 0)) left"
        }
    }

    /// "due 12 August 2019", with a word when it counts from an estimated or missing date.
    var dueText: String {
        "due \(due.longDescription)"
            + (basis.map { estimated ? " (estimated — \($0))" : " (\($0))" }
                ?? (estimated ? " (estimated: it counts from a date that is not known exactly)" : ""))
            + pauses.map { " (\($0.description))" }.joined()
    }

    /// The clock as the `clocks` entry of `status --json`.
    var json: JSONValue {
        .object([
            "name": .string(name.rawValue),
            "due": .string(due.description),
            "state": .string(state.rawValue),
            "estimated": .bool(estimated),
            "met": met.map { .string($0.description) } ?? .null,
            "workingDaysLate": workingDaysLate.map { .int(Int64($0)) } ?? .null,
            "workingDaysLeft": workingDaysLeft.map { .int(Int64($0)) } ?? .null,
            "pauses": pausesJSON,
        ].merging(basis.map { ["basis": .string($0)] } ?? [:]) { $1 })
    }
}
