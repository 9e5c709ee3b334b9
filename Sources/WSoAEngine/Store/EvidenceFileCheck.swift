/// What `verify` found for one version of one evidence file: its copy in the plan's folder,
/// or, for a file recorded without a copy, the file where it was recorded.
public struct EvidenceFileCheck: Hashable, Sendable {
    /// What was found.
    public enum Outcome: String, Hashable, Sendable {
        /// There, and its bytes are the ones recorded.
        case intact
        /// The copy is not there (damage).
        case missing
        /// Its bytes are not the ones recorded (damage).
        case changed
        /// It is there but cannot be read as a regular file, or only through a symbolic link
        /// wsoa does not follow (damage).
        case unreadable
        /// Recorded without a copy, and not where it was recorded (a document store not
        /// mounted here, say): nothing to check it against, so not damage, but not vouched for.
        case notFound
        /// The copy of withdrawn evidence is gone: removed on purpose, say because it should
        /// never have been kept, so not damage.
        case removed
        /// The copy is not here, and the plans are shared through git with evidence copies kept
        /// on each machine (`wsoa git setup`): it is on the machine that recorded it, so not
        /// damage here, but not vouched for either.
        case elsewhere

        /// Whether this is damage `verify` fails for.
        public var isProblem: Bool {
            switch self {
            case .missing, .changed, .unreadable: return true
            case .intact, .notFound, .removed, .elsewhere: return false
            }
        }
    }

    /// The evidence, `E<n>`.
    public let evidence: String
    /// Which version of its file: 1 as first recorded, one more for each revision.
    public let version: Int
    /// The file as the journal records it.
    public let file: FileReference
    /// What was checked, relative to the plans directory when inside it: the copy
    /// (`demo/evidence/<sha256>`) or, recorded without a copy, the original path.
    public let path: String
    /// What was found.
    public let outcome: Outcome
    /// Why it could not be read, for `unreadable`.
    public let reason: String?

    /// Makes a check's result.
    public init(evidence: String, version: Int, file: FileReference, path: String, outcome: Outcome, reason: String? = nil) {
        self.evidence = evidence
        self.version = version
        self.file = file
        self.path = path
        self.outcome = outcome
        self.reason = reason
    }

    /// The result for people: `E3 version 2 (audit.pdf): its copy demo/evidence/9f…e1 has gone`.
    public var description: String {
        let what = file.copied ? "its copy \(path)" : "the file \(path)"
        let found: String
        switch outcome {
        case .intact: found = "\(what) matches the record"
        case .missing: found = "\(what) has gone"
        case .changed: found = "\(what) has changed since it was recorded (SHA-256 differs)"
        case .unreadable: found = "\(what) can no longer be read as a regular file (\(reason ?? "it is not one"))"
        case .notFound: found = "it was recorded without a copy and is not at \(path), so it was not checked"
        case .removed: found = "\(what) has gone, and the evidence was withdrawn, so that is not damage"
        case .elsewhere: found = "\(what) is not on this machine: evidence copies stay on the machine that recorded them (wsoa git setup), so it was not checked here"
        }
        return "\(evidence) version \(version) (\(file.name)): \(found)"
    }
}
