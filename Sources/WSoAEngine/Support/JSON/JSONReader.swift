/// Parses a whole JSON document into a `JSONValue` tree.
///
/// Strict in exactly the ways `JSONScanner` is (it reads every token), and also refuses
/// duplicate keys, which a dictionary would otherwise silently collapse. Journal lines are read
/// member by member with `JSONObjectReader` instead; this is for whole documents such as `--json` output.
public enum JSONReader {
    /// How deep arrays and objects may nest.
    public static var maxDepth: Int { JSONScanner.maximumDepth }

    /// Parses `bytes` as exactly one JSON value (with optional surrounding whitespace).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        guard !scanner.atEnd else { throw scanner.fail("empty input", at: 0) }
        let value = try self.value(&scanner, depth: 0)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.fail("trailing characters after the value", at: scanner.pos) }
        return value
    }

    /// Parses a byte array.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    /// Parses a slice of bytes (offsets in errors count from the slice's start).
    public static func parse(_ bytes: ArraySlice<UInt8>) throws -> JSONValue {
        try bytes.withUnsafeBytes { try parse($0) }
    }

    /// Parses text.
    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The value the scanner stands at, whose containers nest `depth` deep so far.
    private static func value(_ scanner: inout JSONScanner, depth: Int) throws -> JSONValue {
        switch try scanner.peekValue() {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try scanner.object(depth: depth) { scanner, key, offset in
                let name = scanner.text(key)
                let member = try value(&scanner, depth: depth + 1)
                if members.updateValue(member, forKey: name) != nil {
                    throw scanner.fail("duplicate key \"\(name)\"", at: offset)
                }
            }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try scanner.array(depth: depth) { scanner in elements.append(try value(&scanner, depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(scanner.text(try scanner.string()))
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try scanner.bool())
        case UInt8(ascii: "n"):
            try scanner.null()
            return .null
        default:
            switch try scanner.number() {
            case let .int(number): return .int(number)
            case let .double(number): return .double(number)
            }
        }
    }
}
