/// The inspection framework a plan was made under.
///
/// Every plan records its framework so that a second lifecycle (the 2023 area SEND framework,
/// with priority action plans) can be added beside the first without migrating journals.
public enum Framework: String, Sendable, CaseIterable {
    /// The 2016 local area SEND inspection framework: written statement of action, revisit.
    case send2016 = "2016"
}
