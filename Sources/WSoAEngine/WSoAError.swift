import Foundation

/// Everything that can go wrong in wsoa, as one enum.
///
/// Each case carries the ids, paths and line numbers needed to say, in one sentence, which
/// rule refused what and what is missing. The CLI prefixes `Error: `; messages never do.
public enum WSoAError: Error, Equatable, Sendable {
    /// A date that is not a real `YYYY-MM-DD` calendar date.
    case invalidDate(text: String, reason: String)
    /// A date outside the range the working-day calendar covers.
    case dateOutOfRange(text: String)
    /// A `START..END` range that is malformed or runs backwards.
    case invalidRange(text: String, reason: String)
    /// Text that is not valid JSON, with the byte offset where reading stopped.
    case malformedJSON(reason: String, offset: Int)

    // MARK: Refusals and failures (exit 1)

    /// A rule refused an event; the refusal says which rule, for which plan, and what is missing.
    case refused(Refusal)
    /// A plan with this id already exists.
    case planExists(id: String)
    /// No plan with this id exists in the plans directory.
    case planNotFound(id: String, directory: String)
    /// An as-of day before the plan's inspection visit began.
    case notYetInspected(id: String, asOf: Day, visitStart: Day)
    /// The plans directory does not exist.
    case plansDirectoryMissing(path: String)
    /// A directory that `wsoa init` did not make a plans directory, which wsoa never writes into.
    case notAPlansDirectory(path: String, reason: String)
    /// A folder in the plans directory that is not a plan wsoa made.
    case notAPlan(path: String, reason: String)
    /// `verify --head`: the journal no longer holds, or no longer chains from, the line a
    /// printed report named.
    case headNotFound(plan: String, head: String, reason: String)
    /// The journal is damaged at a line; `reason` says how.
    case damagedJournal(path: String, line: Int, reason: String)
    /// A plan's snapshot does not check out, or differs from a fresh fold of its journal.
    case damagedSnapshot(path: String, reason: String)
    /// A journal line's content is not a valid event; the store adds where it is.
    case invalidEvent(reason: String)
    /// Files recorded as evidence (their copies, or originals recorded without one) that have
    /// changed or gone since they were recorded: every one `verify` found, not only the first.
    case evidenceFilesChanged(plan: String, files: [EvidenceFileCheck])
    /// A file could not be read or written.
    case fileSystem(path: String, reason: String)
    /// `wsoa repair` found every line complete and the chain intact.
    case nothingToRepair(path: String, lines: Int)
    /// `wsoa repair` found damage other than a torn last line, which it never touches.
    case repairRefused(path: String, line: Int, reason: String)
    /// `wsoa repair` found git's conflict markers in the journal, from a merge made without
    /// wsoa's driver: the merge is to be made again (`PlanStore.repairConflictMarkers`), not the
    /// journal restored; or the markers do not hold two whole copies to merge. `reason` says how.
    case unmergedJournal(path: String, line: Int, reason: String)
    /// A merge of two copies of a plan found a line the rules refuse once the other copy's
    /// lines are in; nothing was written.
    case mergeRefused(MergeConflict)
    /// A file given as a copy of a plan's journal is not one.
    case notACopy(plan: String, path: String, reason: String)
    /// A copy given to git's merge driver lacks lines of the last version both sides shared,
    /// as reverting the commit that recorded them leaves it; nothing was written.
    case linesRemoved(RemovedLines)
    /// A copy of a plan's journal holds git's conflict markers, from a merge made without wsoa's
    /// merge driver, that cannot be merged again here; `reason` says why, and what to do.
    case conflictMarkers(plan: String, path: String, line: Int, reason: String)
    /// Pasted text that is not an Ofsted/CQC inspection or revisit letter or a 2023 report; `reason` says why.
    case notALetter(reason: String)
    /// Pasted text too large to be a letter, refused before it is read.
    case letterTooLarge(bytes: Int, limit: Int)
    /// A tracker (CSV) that cannot be read at all: not text, or a quote left open.
    case trackerUnreadable(file: String, row: Int?, reason: String)
    /// Rows of a tracker that cannot be imported; nothing was written.
    case trackerRefused(file: String, problems: [ImportProblem])
    /// A letter of one kind given where the other kind was expected.
    case letterKindMismatch(expected: LetterKind, found: LetterKind)
    /// A field a letter must give that the reader could not find (and will not guess).
    case letterFieldMissing(field: String, hint: String)
    /// A weakness quoted in a revisit letter that matches none of the plan's, with the closest.
    case letterWeaknessUnmatched(quote: String, closest: [WeaknessMatcher.Candidate])

    // MARK: Busy (exit 75)

    /// Another writer holds the plan's lock.
    case lockTimeout(plan: String, seconds: Int, holder: String?)

    // MARK: Usage (exit 64)

    /// A plan id that breaks the `[a-z0-9][a-z0-9-]{0,63}` rule.
    case invalidPlanID(id: String)

    /// A command name that does not exist, with the closest valid one if any.
    case unknownCommand(name: String, suggestion: String?)
    /// An option the command does not take, with the closest valid one if any.
    case unknownOption(option: String, command: String, suggestion: String?)
    /// An option given without the value it needs.
    case missingValue(option: String, command: String)
    /// An option this use of the command would ignore, with why.
    case optionUnused(option: String, command: String, reason: String)
    /// An option that takes one value, given more than once (`first`, then `second`).
    case optionRepeated(option: String, command: String, first: String, second: String)
    /// A required positional argument or option that was not given.
    case missingArgument(name: String, command: String)
    /// A positional argument the command does not take.
    case unexpectedArgument(argument: String, command: String)
    /// An option value that cannot be used, with why.
    case invalidValue(option: String, value: String, reason: String)
    /// An environment variable whose value cannot be used, with why.
    case invalidEnvironment(name: String, value: String, reason: String)
}

/// A rule's refusal of an event: which rule, which plan, which event, and what is missing.
public struct Refusal: Hashable, Sendable {
    /// The rule that refused.
    public let rule: Rule
    /// The plan id (or a phrase, when there is no plan).
    public let plan: String
    /// The kind of event refused.
    public let event: EventType
    /// What is missing, completing "Rule R refuses E for P: …".
    public let reason: String
    /// The text field the refusal is about, when it is one.
    public let field: TextField?

    /// Makes a refusal.
    public init(rule: Rule, plan: String, event: EventType, reason: String, field: TextField? = nil) {
        self.rule = rule
        self.plan = plan
        self.event = event
        self.reason = reason
        self.field = field
    }
}

extension WSoAError: CustomStringConvertible {
    /// The one-sentence explanation shown to people.
    public var description: String {
        switch self {
        case let .invalidDate(text, reason):
            return "'\(text)' is not a valid date (YYYY-MM-DD): \(reason)."
        case let .dateOutOfRange(text):
            return "The date \(text) is outside the supported range 1990-01-01 to 2100-12-31."
        case let .invalidRange(text, reason):
            return "'\(text)' is not a valid date range (START..END): \(reason)."
        case let .malformedJSON(reason, offset):
            return "Invalid JSON at byte \(offset): \(reason)."
        case let .refused(refusal):
            return "Rule \(refusal.rule.rawValue) refuses '\(refusal.event.words)' for \(refusal.plan): \(refusal.reason)."
        case let .planExists(id):
            return "A plan called '\(id)' already exists; choose another id or look at it with 'wsoa status \(id)'."
        case let .planNotFound(id, directory):
            return "There is no plan '\(id)' in \(directory); 'wsoa list' shows the plans there."
        case let .notYetInspected(id, asOf, visitStart):
            return "Plan '\(id)' had not begun on \(asOf): its inspection visit began on \(visitStart)."
        case let .plansDirectoryMissing(path):
            return "There is no plans directory at \(path); create it with 'wsoa init' or point --plans at it."
        case let .notAPlansDirectory(path, reason):
            return "\(path) is not a wsoa plans directory, so wsoa will not read or write plans there: \(reason)."
        case let .notAPlan(path, reason):
            return "The folder \(path) is not a plan wsoa made: \(reason)."
        case let .headNotFound(plan, head, reason):
            return "The journal of plan '\(plan)' does not vouch for the record printed with head \(head): \(reason)."
        case let .damagedJournal(path, line, reason):
            return "The journal \(path) is damaged at line \(line): \(reason)."
        case let .damagedSnapshot(path, reason):
            return "The snapshot \(path) cannot be trusted: \(reason)."
        case let .invalidEvent(reason):
            return "The event is not valid: \(reason)."
        case let .evidenceFilesChanged(plan, files):
            let count = files.count == 1 ? "1 evidence file" : "\(files.count) evidence files"
            return "Plan '\(plan)' has \(count) that no longer match\(files.count == 1 ? "es" : "") the record: \(files.map(\.description).joined(separator: "; "))."
        case let .fileSystem(path, reason):
            return "Could not use \(path): \(reason)."
        case let .nothingToRepair(path, lines):
            return "There is nothing to repair in \(path): every line up to the last, line \(lines), is complete and the hash chain is intact."
        case let .repairRefused(path, line, reason):
            return "Nothing was repaired: the journal \(path) is damaged at line \(line) (\(reason)), and 'wsoa repair' only sets aside a torn last line, so the journal is left as it is to be restored from a backup."
        case let .unmergedJournal(path, line, reason):
            return "Nothing was repaired: the journal \(path) holds git's conflict markers from line \(line): \(reason)."
        case let .mergeRefused(conflict):
            let alone = conflict.against == nil ? " on its own, which no journal wsoa wrote does" : ""
            return "Plan '\(conflict.plan)' was not merged and nothing was written: \(conflict.refusal)\(alone): \(conflict.reason)."
        case let .notACopy(plan, path, reason):
            return "\(path) is not a copy of plan '\(plan)': \(reason)."
        case let .linesRemoved(removed):
            return "\(removed)."
        case let .conflictMarkers(plan, path, line, reason):
            return "\(path) holds git's conflict markers from line \(line), left by a merge of plan '\(plan)' made without wsoa's merge driver (in a clone where 'wsoa git setup' was not run): \(reason)."
        case let .notALetter(reason):
            return "This is not an Ofsted/CQC inspection letter, revisit letter or area SEND report: \(reason)."
        case let .letterTooLarge(bytes, limit):
            return "The text is \(bytes) bytes long, too large to be an Ofsted/CQC letter (the limit is \(limit) bytes)."
        case let .trackerUnreadable(file, row, reason):
            return "\(file) cannot be read as a tracker\(row.map { " (row \($0))" } ?? ""): \(reason)."
        case .trackerRefused:
            return messageLines.joined(separator: "\n  ")
        case let .letterKindMismatch(expected, found):
            return "This is \(found), not \(expected)."
        case let .letterFieldMissing(field, hint):
            return "The \(field) could not be read from the text, and it is not guessed: \(hint)."
        case let .letterWeaknessUnmatched(quote, closest):
            let list = closest.map { "\($0.id) (\(Int(($0.similarity * 100).rounded()))% similar)" }
            let nearest = list.isEmpty ? "the plan has no weaknesses to match" : "the closest are " + list.joined(separator: ", ")
            return "The revisit letter's weakness '\(LetterScan.quoted(quote, limit: 80))' matches none of the plan's weaknesses closely enough; \(nearest)."
        case let .lockTimeout(plan, seconds, holder):
            let who = holder.map { " (held by \($0))" } ?? ""
            return "Another writer has held the lock on plan '\(plan)' for more than \(seconds) seconds\(who); try again shortly."
        case let .invalidPlanID(id):
            return "'\(id)' is not a valid plan id: use 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. stockton-on-tees-2019)."
        case let .unknownCommand(name, suggestion):
            return "Unknown command '\(name)'" + Self.didYouMean(suggestion)
        case let .unknownOption(option, command, suggestion):
            return "Unknown option '\(option)' for '\(command)'" + Self.didYouMean(suggestion)
        case let .missingValue(option, command):
            return "The option '\(option)' of '\(command)' needs a value."
        case let .optionUnused(option, command, reason):
            return "The option '\(option)' of '\(command)' cannot be used here: \(reason)."
        case let .optionRepeated(option, command, first, second):
            return "The option '\(option)' of '\(command)' takes one value but was given twice ('\(LetterScan.quoted(first, limit: 40))', then '\(LetterScan.quoted(second, limit: 40))'); give it once."
        case let .missingArgument(name, command):
            return "'\(command)' needs \(name)."
        case let .unexpectedArgument(argument, command):
            return "'\(command)' does not take the argument '\(argument)'."
        case let .invalidValue(option, value, reason):
            return "The value '\(value)' of '\(option)' cannot be used: \(reason)."
        case let .invalidEnvironment(name, value, reason):
            return "The environment variable \(name)='\(value)' cannot be used: \(reason)."
        }
    }
}

extension WSoAError {
    /// Whether this is a mistake in how the command was typed (exit 64) rather than a refusal.
    public var isUsageError: Bool {
        switch self {
        case .unknownCommand, .unknownOption, .missingValue, .optionRepeated, .optionUnused, .missingArgument, .unexpectedArgument,
             .invalidValue, .invalidEnvironment, .invalidDate, .invalidRange, .dateOutOfRange, .invalidPlanID:
            return true
        case .malformedJSON, .invalidEvent, .refused, .evidenceFilesChanged, .planExists, .planNotFound, .notYetInspected,
             .plansDirectoryMissing, .notAPlansDirectory, .notAPlan, .headNotFound, .damagedJournal, .damagedSnapshot,
             .fileSystem, .lockTimeout, .nothingToRepair, .repairRefused, .unmergedJournal, .mergeRefused, .notACopy, .linesRemoved, .conflictMarkers,
             .notALetter, .letterTooLarge, .letterKindMismatch, .letterFieldMissing, .letterWeaknessUnmatched,
             .trackerUnreadable, .trackerRefused:
            return false
        }
    }

    /// The message as lines: the sentence, then, for a refused tracker, one line per problem,
    /// so that a terminal shows each on its own and no cell's text can run into another line.
    public var messageLines: [String] {
        guard case let .trackerRefused(file, problems) = self else { return [description] }
        let shown = problems.prefix(WSoAError.problemsShown)
        let rows = Set(problems.map(\.row)).count
        var lines = ["Nothing was imported from \(file): \(rows == 1 ? "a row" : "\(rows) rows") cannot be imported as \(rows == 1 ? "it stands" : "they stand")."]
        lines += shown.map { $0.description + "." }
        if problems.count > shown.count { lines.append("… and \(problems.count - shown.count) more.") }
        return lines
    }

    /// How many of a tracker's problems a refusal lists: enough to fix a batch at once, not a
    /// screenful of the same mistake.
    static let problemsShown = 20

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? "."
    }
}

extension WSoAError: LocalizedError {
    /// Foundation on Linux reads `errorDescription`, not `description`.
    public var errorDescription: String? { description }
}
