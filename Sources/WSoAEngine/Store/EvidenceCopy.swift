/// A copy of an evidence file that recording a command kept in the plan's folder.
public struct EvidenceCopy: Hashable, Sendable {
    /// The file, as the journal records it.
    public let reference: FileReference
    /// Where the copy is, relative to the plans directory: `<plan>/evidence/<sha256>`.
    public let path: String
    /// Whether the plan's folder already held these bytes (recorded before), so nothing new
    /// was stored.
    public let alreadyKept: Bool
}
