/// A column a tracker can have, whatever its header says: `Due date`, `due`, `DUE_DATE` and
/// `Deadline` are all ``due``.
///
/// Headers are matched loosely (``key(_:)``: case, spaces and punctuation ignored) against
/// each column's names, the first of which is the header `wsoa export` writes.
public enum ImportColumn: String, Hashable, Sendable, CaseIterable {
    /// The item's id (`A3`); in a tracker of readings, the measure's.
    case id
    /// The workstream's id.
    case workstream
    /// What the item is.
    case title
    /// Who leads an action.
    case lead
    /// The day an action was added.
    case added
    /// An action's due date now.
    case due
    /// The due date an action was first given (wsoa keeps it).
    case firstDue
    /// An action's status, in words or as `wsoa action update` takes it.
    case status
    /// The day an action was reported complete.
    case completed
    /// The day of an action's latest status report.
    case lastReported
    /// How often an action's due date moved (wsoa keeps it).
    case timesRetargeted
    /// The day an item was withdrawn as recorded in error.
    case withdrawn
    /// A note for a status report.
    case note
    /// Why a due date moved, an item was withdrawn or corrected.
    case reason
    /// Who agreed a moved due date.
    case agreedWith
    /// A measure's unit.
    case unit
    /// Which way a measure is better: higher or lower.
    case direction
    /// A measure's baseline value.
    case baseline
    /// The day of a measure's baseline.
    case baselineDate
    /// A measure's target value.
    case target
    /// The day a measure's target is due.
    case targetDate
    /// The national figure for a measure (wsoa keeps it as first recorded).
    case national
    /// A measure's latest reading.
    case latestValue
    /// The day of a measure's latest reading.
    case latestDate
    /// A measure's title, beside its id in a tracker of readings.
    case measure
    /// The day a reading or a piece of evidence is dated.
    case date
    /// A reading's value.
    case value
    /// The weaknesses or areas a piece of evidence speaks to (`W1; W2`).
    case areas
    /// The kind of evidence.
    case kind
    /// Where a piece of evidence came from.
    case source
    /// A web address for a piece of evidence.
    case link
    /// A piece of evidence's file, found beside the tracker.
    case file
    /// The SHA-256 of a piece of evidence's file.
    case sha256
    /// The version of a piece of evidence's file (wsoa keeps it).
    case version

    /// The headers this column is known by in a tracker of `kind`, the exported one first.
    public func headers(for kind: ImportKind) -> [String] {
        switch self {
        case .id:
            switch kind {
            case .readings: return ["Measure ID", "Measure ref", "ID"]
            case .actions: return ["ID", "Action ID", "Ref", "Reference"]
            case .measures: return ["ID", "Measure ID", "Ref", "Reference"]
            case .evidence: return ["ID", "Evidence ID", "Ref", "Reference"]
            }
        case .workstream: return ["Workstream", "Workstream ID", "WS"]
        case .title:
            switch kind {
            case .actions: return ["Title", "Action", "Description"]
            case .measures: return ["Title", "Measure", "Description", "Indicator", "KPI"]
            case .readings: return ["Title"]
            case .evidence: return ["Title", "Evidence", "Description"]
            }
        case .lead: return ["Lead", "Owner", "Responsible", "Action lead", "Lead officer"]
        case .added: return ["Added on", "Added", "Date added"]
        case .due: return ["Due date", "Due", "Deadline", "Due by", "By when"]
        case .firstDue: return ["First due date", "Original due date", "Original due"]
        case .status: return ["Status", "Progress"]
        case .completed: return ["Completed on", "Completed", "Date completed", "Completion date"]
        case .lastReported: return ["Last reported on", "Reported on", "Last updated", "Updated on", "Status date"]
        case .timesRetargeted: return ["Times retargeted"]
        case .withdrawn: return ["Withdrawn on", "Withdrawn"]
        case .note: return ["Note", "Notes", "Comment", "Comments", "Update", "Progress note", "Status note"]
        case .reason: return ["Reason", "Reason for change", "Why", "Retarget reason"]
        case .agreedWith: return ["Agreed with", "Agreed by"]
        case .unit: return ["Unit", "Units"]
        case .direction: return ["Better when", "Direction", "Polarity"]
        case .baseline: return ["Baseline", "Baseline value"]
        case .baselineDate: return ["Baseline date", "Baseline on"]
        case .target: return ["Target", "Target value"]
        case .targetDate: return ["Target date", "Target by"]
        case .national: return ["National", "National figure", "National average", "England"]
        case .latestValue: return ["Latest value", "Latest"]
        case .latestDate: return ["Latest date"]
        case .measure: return ["Measure", "Measure title", "Measure name"]
        case .date: return kind == .readings ? ["Date", "Reading date", "On"] : ["Date", "On", "Dated"]
        case .value: return ["Value", "Reading", "Figure"]
        case .areas: return ["Areas", "Weaknesses", "Findings", "Areas addressed"]
        case .kind: return ["Kind", "Type", "Evidence type", "Evidence kind"]
        case .source: return ["Source"]
        case .link: return ["Link", "URL", "Web address", "Web link"]
        case .file: return ["File", "File name", "Document"]
        case .sha256: return ["SHA-256", "SHA256", "Hash"]
        case .version: return ["Version"]
        }
    }

    /// A header as it is matched: lower case, letters and digits only ("Due date" → "duedate").
    public static func key(_ header: String) -> String {
        String(String.UnicodeScalarView(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// Whether wsoa counts this column itself from the record (times retargeted, a file's
    /// version): it is exported for people to read, and an import reads nothing from it, since
    /// the row's other cells (a due date, a file) already say what changed, and the count
    /// follows.
    public var isCounted: Bool {
        switch self {
        case .timesRetargeted, .version: return true
        case .id, .workstream, .title, .lead, .added, .due, .firstDue, .status, .completed, .lastReported, .withdrawn, .note, .reason,
             .agreedWith, .unit, .direction, .baseline, .baselineDate, .target, .targetDate, .national, .latestValue, .latestDate,
             .measure, .date, .value, .areas, .kind, .source, .link, .file, .sha256:
            return false
        }
    }

    /// The column of `kind` that `header` names, if any.
    public static func named(_ header: String, in kind: ImportKind) -> ImportColumn? {
        let key = key(header)
        guard !key.isEmpty else { return nil }
        return kind.columns.first { column in column.headers(for: kind).contains { Self.key($0) == key } }
    }
}
