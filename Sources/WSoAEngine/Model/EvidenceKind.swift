/// What a piece of evidence shows (DESIGN.md §6); inspectors weigh impact and voice most.
public enum EvidenceKind: String, Sendable, CaseIterable {
    /// Something was done.
    case activity
    /// A change for children and families.
    case impact
    /// What children, young people, parents and carers say.
    case voice
    /// Figures.
    case data
    /// Audits and other quality assurance.
    case qualityAssurance = "quality-assurance"
    /// Peer review, adviser feedback and other outside views.
    case external
}
