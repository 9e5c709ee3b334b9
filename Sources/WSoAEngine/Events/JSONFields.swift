/// Typed, checked access to a JSON object's fields, for reading journal lines and snapshots.
///
/// Every failure is a `WSoAError.invalidEvent` naming the field, so a damaged line is reported
/// precisely rather than crashing or being half-read.
struct JSONFields {
    let object: [String: JSONValue]
    let context: String

    init(_ value: JSONValue, context: String) throws {
        guard case let .object(object) = value else {
            throw WSoAError.invalidEvent(reason: "\(context) is not a JSON object")
        }
        self.object = object
        self.context = context
    }

    func value(_ key: String) throws -> JSONValue {
        guard let value = object[key] else { throw WSoAError.invalidEvent(reason: "\(context) has no '\(key)'") }
        return value
    }

    func string(_ key: String) throws -> String {
        guard case let .string(text) = try value(key) else { throw wrongType(key, "a string") }
        return text
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], !value.isNull else { return nil }
        guard case let .string(text) = value else { throw wrongType(key, "a string") }
        return text
    }

    func int(_ key: String) throws -> Int64 {
        guard case let .int(number) = try value(key) else { throw wrongType(key, "an integer") }
        return number
    }

    func bool(_ key: String) throws -> Bool {
        guard case let .bool(flag) = try value(key) else { throw wrongType(key, "true or false") }
        return flag
    }

    func strings(_ key: String) throws -> [String] {
        guard case let .array(items) = try value(key) else { throw wrongType(key, "a list of strings") }
        return try items.map { item in
            guard case let .string(text) = item else { throw wrongType(key, "a list of strings") }
            return text
        }
    }

    func double(_ key: String) throws -> Double {
        guard let number = try value(key).doubleValue, number.isFinite else { throw wrongType(key, "a number") }
        return number
    }

    func optionalDouble(_ key: String) throws -> Double? {
        guard let value = object[key], !value.isNull else { return nil }
        return try double(key)
    }

    func optionalStrings(_ key: String) throws -> [String] {
        guard let value = object[key], !value.isNull else { return [] }
        return try strings(key)
    }

    /// A string naming a case of `E`, e.g. an action status.
    func enumeration<E: RawRepresentable>(_ key: String, _ type: E.Type) throws -> E where E.RawValue == String {
        let name = try string(key)
        guard let value = E(rawValue: name) else {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' has the unknown value '\(name)'")
        }
        return value
    }

    func fields(_ key: String) throws -> JSONFields {
        try JSONFields(value(key), context: "\(context) '\(key)'")
    }

    func day(_ key: String) throws -> Day {
        let text = try string(key)
        do { return try Day(parsing: text) } catch {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key)' is not a valid date ('\(text)')")
        }
    }

    func optionalDay(_ key: String) throws -> Day? {
        guard object[key] != nil, !(object[key]?.isNull ?? true) else { return nil }
        return try day(key)
    }

    func range(_ key: String) throws -> DayRange {
        let fields = try JSONFields(value(key), context: "\(context) '\(key)'")
        let start = try fields.day("start"), end = try fields.day("end")
        guard start <= end else { throw WSoAError.invalidEvent(reason: "\(context) '\(key)' ends before it starts") }
        return try DayRange(start: start, end: end)
    }

    private func wrongType(_ key: String, _ expected: String) -> WSoAError {
        .invalidEvent(reason: "\(context) '\(key)' is not \(expected)")
    }
}

extension DayRange {
    /// `{"end":…,"start":…}` as journal lines hold ranges.
    var json: JSONValue { .object(["start": .string(start.description), "end": .string(end.description)]) }
}
