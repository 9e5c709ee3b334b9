/// A measure's value on a day.
public struct Reading: Hashable, Sendable, Codable {
    /// The day the value describes.
    public var on: Day
    /// The value.
    public var value: Double

    /// Makes a reading.
    public init(on: Day, value: Double) {
        self.on = on
        self.value = value
    }
}
