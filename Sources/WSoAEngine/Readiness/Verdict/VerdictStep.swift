/// A thing that would move a weakness's verdict up: what to do, who owns it and by when, as
/// far as the record says.
public struct VerdictStep: Hashable, Sendable {
    /// What to do, one plain-text sentence.
    public let text: String
    /// Who owns it (an action's lead, a workstream's lead, a follow-up's owner), when recorded.
    public let owner: String?
    /// By when: an action's or follow-up's due date in force, else the next monitoring visit's due date.
    public let due: Day?

    /// Makes a step.
    public init(_ text: String, owner: String?, due: Day?) {
        self.text = text
        self.owner = owner
        self.due = due
    }
}
