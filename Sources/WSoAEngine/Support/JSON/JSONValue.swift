/// A parsed JSON document, as plain data.
///
/// Our own tree rather than `Any` from `JSONSerialization`, so it is `Sendable`, `Hashable`
/// and keeps integers apart from doubles: journal `seq` numbers must round-trip exactly, and
/// `1` and `1.0` are different journal bytes.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case int(Int64)
    /// Any other finite number.
    case double(Double)
    /// A string, already unescaped.
    case string(String)
    /// An array, in document order.
    case array([JSONValue])
    /// An object; keys are unique (the reader refuses duplicates), order is not kept.
    case object([String: JSONValue])
}

extension JSONValue {
    /// The member named `key` if this is an object that has one, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }

    /// The text if this is a string.
    public var stringValue: String? {
        guard case let .string(text) = self else { return nil }
        return text
    }

    /// The integer if this is an `.int`.
    ///
    /// Doubles are not converted, even whole ones, because a journal field that should be an
    /// integer but was written as `3.0` is a sign of a foreign writer.
    public var intValue: Int64? {
        guard case let .int(number) = self else { return nil }
        return number
    }

    /// The number as a `Double` if this is an `.int` or a `.double`.
    public var doubleValue: Double? {
        switch self {
        case let .int(number): return Double(number)
        case let .double(number): return number
        case .null, .bool, .string, .array, .object: return nil
        }
    }

    /// The flag if this is a boolean.
    public var boolValue: Bool? {
        guard case let .bool(flag) = self else { return nil }
        return flag
    }

    /// The elements if this is an array.
    public var arrayValue: [JSONValue]? {
        guard case let .array(elements) = self else { return nil }
        return elements
    }

    /// The members if this is an object.
    public var objectValue: [String: JSONValue]? {
        guard case let .object(members) = self else { return nil }
        return members
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        guard case .null = self else { return false }
        return true
    }
}
