/// One recorded thing a correction names: an item by its id, a measure's reading by its day,
/// or a lifecycle event by its journal line.
public enum RecordTarget: Hashable, Sendable {
    /// A workstream, by its id.
    case workstream(String)
    /// An action, `A<n>`.
    case action(String)
    /// A measure's definition, `M<n>`.
    case measure(String)
    /// A measure's reading on a day.
    case reading(measure: String, on: Day)
    /// A piece of evidence, `E<n>`.
    case evidence(String)
    /// A monitoring visit, `V<n>`.
    case visit(String)
    /// A lifecycle event (the letter, a submission, a judgement, the revisit, the cessation),
    /// by the journal line that recorded it.
    case lifecycle(line: Int)

    /// The kind of thing named, as the journal writes it.
    public var item: String {
        switch self {
        case .workstream: return "workstream"
        case .action: return "action"
        case .measure: return "measure"
        case .reading: return "reading"
        case .evidence: return "evidence"
        case .visit: return "visit"
        case .lifecycle: return "lifecycle"
        }
    }

    /// The thing named, for people: `A3`, `workstream 'send-data'`, `M2's reading of 2025-01-31`, `line 7`.
    public var description: String {
        switch self {
        case let .workstream(id): return "workstream '\(id)'"
        case let .action(id), let .measure(id), let .evidence(id), let .visit(id): return id
        case let .reading(measure, on): return "\(measure)'s reading of \(on)"
        case let .lifecycle(line): return "line \(line)"
        }
    }

    /// The id of the item the target belongs to (a reading belongs to its measure), or nil
    /// for a lifecycle line: what views look up to flag an item as corrected.
    public var recordID: String? {
        switch self {
        case let .workstream(id), let .action(id), let .measure(id), let .evidence(id), let .visit(id): return id
        case let .reading(measure, _): return measure
        case .lifecycle: return nil
        }
    }
}
