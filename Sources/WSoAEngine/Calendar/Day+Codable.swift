/// Days are stored as their `YYYY-MM-DD` text, so snapshots read like the journal.
extension Day: Codable {
    /// Reads a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try Day(parsing: container.decode(String.self))
    }

    /// Writes a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Ranges are stored as their `START..END` text.
extension DayRange: Codable {
    /// Reads a `START..END` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try DayRange(parsing: container.decode(String.self))
    }

    /// Writes a `START..END` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
