/// A measure's value on a day.
public struct Reading: Hashable, Sendable {
    /// The day the value describes.
    public let on: Day
    /// The value.
    public let value: Double

    /// Makes a reading.
    public init(on: Day, value: Double) {
        self.on = on
        self.value = value
    }
}
