/// A deadline a 2023 plan was given, which its clock counts to instead of the framework's default.
public struct GivenDeadline: Hashable, Sendable {
    /// Which clock.
    public let clock: ClockName
    /// The date given.
    public let due: Day
    /// The day it was given.
    public internal(set) var on: Day
    /// Who gave it, or where it is written.
    public let note: String?
    /// The journal line that recorded it.
    public let line: Int
}
