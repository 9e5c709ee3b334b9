import Foundation
import WSoAEngine

/// What every command needs, resolved once from the global options and the environment.
///
/// This is the only place that reads the clock and the environment: the engine gets today,
/// the calendar and the recording instant as values.
final class Context {
    /// The parsed command line.
    let arguments: ParsedArguments
    /// The plans directory.
    let store: PlanStore
    /// `--as-of`, when given.
    let asOf: Day?
    /// Today in Europe/London (or `WSOA_TODAY`).
    let today: Day
    /// Who records: `--by`, else `$WSOA_USER`, else `$USER`; nil when none names anyone.
    private let recorder: String?
    /// Whether to print machine output.
    let json: Bool
    /// The UTC instant to stamp on lines written now.
    let recorded: String
    /// The working-day calendar.
    let calendar = WorkingCalendar.englandAndWales
    /// Where words go.
    let output: Output
    /// The environment the command was run in, for the programs it runs (git).
    let environment: [String: String]
    /// The exit code when the command finishes without throwing (1 when it reported damage).
    var exitCode: Int32 = CLI.ExitCode.success

    init(arguments: ParsedArguments, environment: [String: String], output: Output, now: Date = Date()) throws {
        self.arguments = arguments
        self.output = output
        self.environment = environment
        let directory = try arguments.value("plans") ?? Context.environment("WSOA_PLANS", environment) { $0 } ?? "plans"
        let timeout = try Context.environment("WSOA_LOCK_TIMEOUT", environment) { text -> Double? in
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 3_600 else { return nil }
            return seconds
        } ?? 5
        // Notices (a snapshot that did not check out) go straight to stderr, one line each.
        let err = output.err
        let notices = NoticeSink { err("Notice: \($0.visible)\n") }
        store = PlanStore(directory: directory, lockTimeout: timeout, notice: { notices.send($0) })
        asOf = try arguments.value("as-of").map { try Day(parsing: $0) }
        today = try Context.environment("WSOA_TODAY", environment) { try? Day(parsing: $0) } ?? Context.londonDay(of: now)
        let name = arguments.value("by") ?? environment["WSOA_USER"] ?? environment["USER"]
        recorder = name.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        json = arguments.flag("json")
        recorded = Context.utcStamp(of: now)
    }

    /// The value of environment variable `name`, read by `parse`; nil when it is not set. A
    /// value that is set but empty or unreadable is an error, never silently ignored.
    static func environment<T>(_ name: String, _ environment: [String: String], _ parse: (String) -> T?) throws -> T? {
        guard let text = environment[name] else { return nil }
        guard !text.isEmpty, let value = parse(text) else {
            let expected: String
            switch name {
            case "WSOA_LOCK_TIMEOUT": expected = "give a number of seconds from 0 to 3600"
            case "WSOA_TODAY": expected = "give a date as YYYY-MM-DD between 1990 and 2100"
            default: expected = "it is empty; unset it or give a value"
            }
            throw WSoAError.invalidEnvironment(name: name, value: text, reason: expected)
        }
        return value
    }

    /// Who is recording, for a command that writes: every line names a person, so a write
    /// with no one named is refused rather than recorded "by unknown".
    func by() throws -> String {
        guard let recorder else {
            throw WSoAError.missingArgument(name: "--by NAME (or WSOA_USER set to the name of who is recording)",
                                            command: arguments.commandName)
        }
        return recorder
    }

    /// The day views are computed at: `--as-of`, else today.
    var viewDay: Day { asOf ?? today }

    /// The date in option `name`, e.g. `--on`.
    func day(_ name: String) throws -> Day {
        try Day(parsing: arguments.require(name))
    }

    /// The date in option `name` when it was given.
    func optionalDay(_ name: String) throws -> Day? {
        try arguments.value(name).map { try Day(parsing: $0) }
    }

    /// The plan id in the first positional argument, checked against the id rule.
    func planID() throws -> String {
        let id = try arguments.positional(0, name: "PLAN")
        try PlanID.validate(id)
        return id
    }

    /// Refuses `--as-of` on a command that writes: a record is made today, a view can look back.
    ///
    /// The parser already refuses it for every command that does not list it among its
    /// `CommandSpec.globals`; this keeps a write from ever running with one, whatever its spec says.
    func refuseAsOf() throws {
        if let asOf {
            throw WSoAError.invalidValue(option: "--as-of", value: asOf.description,
                                         reason: "it only applies to views; record the event's own date with --on")
        }
    }

    /// Refuses the first of `options` that was given, saying `reason`: an option a command
    /// accepts is always used, so one that this use of the command would ignore is an error.
    func refuseUnused(_ options: [String], reason: String) throws {
        guard let name = options.first(where: arguments.has) else { return }
        throw WSoAError.optionUnused(option: "--" + name, command: arguments.commandName, reason: reason)
    }

    /// Prints a JSON value, pretty and with sorted keys: exact, never escaped for a terminal
    /// (the writer already escapes every control character inside strings).
    func printJSON(_ value: JSONValue) {
        output.write(JSONWriter.pretty(value) + "\n")
    }

    /// Today's date in Europe/London, where English local areas keep their dates.
    static func londonDay(of instant: Date) -> Day {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 2000, month: 1, day: 1)!
    }

    /// `2026-11-22T18:30:00Z`, formatted by hand from the UTC clock.
    static func utcStamp(of instant: Date) -> String {
        var seconds = time_t(instant.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// Hands the store's notices to the command's error output.
///
/// The store is `Sendable` and so wants a `@Sendable` notice handler; it calls it only on the
/// thread running the command, which is the only thread writing output.
final class NoticeSink: @unchecked Sendable {
    /// Writes one notice.
    let send: (String) -> Void

    init(_ send: @escaping (String) -> Void) { self.send = send }
}
