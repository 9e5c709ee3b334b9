import Foundation
import Testing
import WSoAEngine

/// The strict JSON reader: what it accepts, what it refuses (and says), and hostile input.
@Suite("JSONReader")
struct JSONReaderTests {
    // MARK: Valid documents

    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .int(0)),
        ("-0", .int(0)),
        ("123", .int(123)),
        ("-42", .int(-42)),
        ("9223372036854775807", .int(Int64.max)),
        ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808.0)),
        ("-9223372036854775809", .double(-9_223_372_036_854_775_809.0)),
        ("123456789012345678901234567890", .double(1.2345678901234568e29)),
        ("1.5", .double(1.5)),
        ("-0.0", .double(-0.0)),
        ("12.0", .double(12.0)),
        ("1e2", .double(100)),
        ("1E+2", .double(100)),
        ("25e-2", .double(0.25)),
        ("1e-400", .double(0)),
        ("1.7976931348623157e308", .double(1.7976931348623157e308)),
        ("\"\"", .string("")),
        ("\"plain\"", .string("plain")),
        ("\"h\u{e9}llo \u{1F600} \u{2028} /\"", .string("h\u{e9}llo \u{1F600} \u{2028} /")),
        ("\"del\u{7F}\"", .string("del\u{7F}")),
        ("[]", .array([])),
        ("{}", .object([:])),
        (" \t\r\n[ 1 , \"two\" , [ ] , { } ]\r\n ", .array([.int(1), .string("two"), .array([]), .object([:])])),
        (
            "{\"by\":\"jo\",\"data\":{\"weaknesses\":[\"a\",\"b\"]},\"on\":\"2019-08-12\",\"seq\":7,\"v\":1}",
            .object([
                "by": .string("jo"),
                "data": .object(["weaknesses": .array([.string("a"), .string("b")])]),
                "on": .string("2019-08-12"),
                "seq": .int(7),
                "v": .int(1),
            ])
        ),
        ("{\"a\":{\"b\":{\"c\":[null,true,false,-1,0.5]}}}", .object(["a": .object(["b": .object(["c": .array([.null, .bool(true), .bool(false), .int(-1), .double(0.5)])])])])),
    ])
    func parsesValidDocument(text: String, expected: JSONValue) throws {
        #expect(try JSONReader.parse(text) == expected)
        #expect(try JSONReader.parse(Array(text.utf8)) == expected)
    }

    // MARK: Escapes

    @Test(arguments: [
        ("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\u{8}\u{C}\n\r\t"),
        ("\"\\u0041\\u00e9\\u00E9\"", "A\u{e9}\u{e9}"),
        ("\"\\u0000\"", "\u{0}"),
        ("\"\\u001f\\u007F\"", "\u{1F}\u{7F}"),
        ("\"\\u20AC\\uFFFF\"", "\u{20AC}\u{FFFF}"),
        ("\"\\uD83D\\uDE00\"", "\u{1F600}"),
        ("\"\\ud83d\\ude00\"", "\u{1F600}"),
        ("\"\\uDBFF\\uDFFF\"", "\u{10FFFF}"),
        ("\"a\u{e9}\\n\u{1F600}\\t\\\"z\"", "a\u{e9}\n\u{1F600}\t\"z"),
        ("\"longer text before an escape, past eight bytes\\nand after it too\"", "longer text before an escape, past eight bytes\nand after it too"),
    ])
    func decodesEscapes(text: String, expected: String) throws {
        #expect(try JSONReader.parse(text) == .string(expected))
    }

    @Test func escapedKeys() throws {
        let value = try JSONReader.parse("{\"\\u0061\":1,\"\\n\":2}")
        #expect(value == .object(["a": .int(1), "\n": .int(2)]))
    }

    // MARK: Errors

    /// Every refusal names a specific reason and the byte offset where reading stopped.
    @Test(arguments: [
        ("", "empty input", 0),
        ("  \n\t", "empty input", 0),
        ("x", "unexpected character 'x'", 0),
        ("[1,]", "unexpected character ']'", 3),
        ("[1 2]", "unexpected character '2'", 3),
        ("{\"a\" 1}", "unexpected character '1'", 5),
        ("{\"a\":1,}", "unexpected character '}'", 7),
        ("{1:2}", "unexpected character '1'", 1),
        ("{'a':1}", "unexpected character '''", 1),
        ("[1}", "unexpected character '}'", 2),
        ("NaN", "unexpected character 'N'", 0),
        ("Infinity", "unexpected character 'I'", 0),
        ("+1", "unexpected character '+'", 0),
        ("// no comments", "unexpected character '/'", 0),
        ("trux", "unexpected character 'x'", 3),
        ("[1", "unexpected end of input", 2),
        ("{\"a\":", "unexpected end of input", 5),
        ("{\"a\"", "unexpected end of input", 4),
        ("-", "unexpected end of input", 1),
        ("-a", "unexpected character 'a'", 1),
        ("1.", "unexpected end of input", 2),
        ("1.e5", "unexpected character 'e'", 2),
        ("1e", "unexpected end of input", 2),
        ("1e+", "unexpected end of input", 3),
        ("01", "leading zero in number", 0),
        ("-012", "leading zero in number", 0),
        ("\u{FEFF}1", "unexpected character U+FEFF", 0),
        ("\u{0B}1", "unexpected character U+000B", 0),
        ("\u{A0}1", "unexpected character U+00A0", 0),
        ("\"abc", "unterminated string", 0),
        ("[\"abc\\", "unterminated string", 1),
        ("\"0123456789abcdef", "unterminated string", 0),
        ("{\"seq\":1,\"seq\":2}", "duplicate key \"seq\"", 9),
        ("[{\"a\":{\"x\":1},\"b\":2,\"a\":3}]", "duplicate key \"a\"", 20),
        ("1e400", "number out of range", 0),
        ("[-1e400]", "number out of range", 1),
        ("1 2", "trailing characters after the value", 2),
        ("{}x", "trailing characters after the value", 2),
        ("\"a\"\"b\"", "trailing characters after the value", 3),
        ("\"a\u{01}b\"", "control character in string", 2),
        ("\"tab\there\"", "control character in string", 4),
        ("\"line\nbreak\"", "control character in string", 5),
        ("\"\\x\"", "invalid escape", 1),
        ("\"ab\\'\"", "invalid escape", 3),
        ("\"\\u12G4\"", "invalid escape", 1),
        ("\"\\u12\"", "invalid escape", 1),
        ("\"\\U0041\"", "invalid escape", 1),
        ("\"\\uD800\"", "lone surrogate \\uD800", 1),
        ("\"\\udbff\"", "lone surrogate \\uDBFF", 1),
        ("\"\\uDC00\"", "lone surrogate \\uDC00", 1),
        ("\"\\uD800\\u0041\"", "lone surrogate \\uD800", 1),
        ("\"\\uD800x\"", "lone surrogate \\uD800", 1),
        ("\"\\uD800\\uD800\"", "lone surrogate \\uD800", 1),
    ])
    func refusesWithReason(text: String, reason: String, offset: Int) {
        #expect(throws: WSoAError.malformedJSON(reason: reason, offset: offset)) {
            try JSONReader.parse(text)
        }
    }

    /// A literal cut short by the end of the input is refused as any value cut short is, at
    /// the offset where the input ends.
    @Test(arguments: [("nul", 3), ("tr", 2), ("fals", 4), ("[tru", 4), ("{\"a\":nu", 7)])
    func truncatedLiteral(text: String, offset: Int) {
        let error = #expect(throws: WSoAError.self) { try JSONReader.parse(text) }
        guard case let .malformedJSON(reason, actual)? = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(reason == "unexpected end of input")
        #expect(actual == offset)
    }

    /// Byte sequences no `String` can hold: every kind of ill-formed UTF-8.
    @Test(arguments: [
        ([0xFF], 0),
        ([0x22, 0x61, 0xFF, 0x62, 0x22], 2),
        ([0x22, 0xC0, 0xAF, 0x22], 1),                  // overlong "/"
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),            // overlong three-byte
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),            // encoded surrogate U+D800
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),      // beyond U+10FFFF
        ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),
        ([0x22, 0x80, 0x22], 1),                        // lone continuation byte
        ([0x22, 0xE2, 0x82, 0x22], 1),                  // truncated before the quote
        ([0x22, 0xE2, 0x82], 1),                        // truncated at end of input
        ([0x5B, 0x31, 0x2C, 0xC3], 3),                  // outside a string
        ([0x22, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0xC3, 0x28, 0x22], 9),
    ] as [([UInt8], Int)])
    func refusesInvalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(throws: WSoAError.malformedJSON(reason: "invalid UTF-8", offset: offset)) {
            try JSONReader.parse(bytes)
        }
    }

    @Test func sliceOffsetsAreRelativeToTheSlice() {
        let bytes = Array("{\"ok\":1}\n{\"ok\":2,}".utf8)
        let second = bytes[9...]
        #expect(throws: WSoAError.malformedJSON(reason: "unexpected character '}'", offset: 8)) {
            try JSONReader.parse(second)
        }
        #expect((try? JSONReader.parse(bytes[0..<8])) == .object(["ok": .int(1)]))
    }

    @Test func emptyPointerIsEmptyInput() {
        #expect(throws: WSoAError.malformedJSON(reason: "empty input", offset: 0)) {
            try JSONReader.parse(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    // MARK: Hostile input

    @Test func acceptsNestingAtTheLimit() throws {
        let depth = JSONReader.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONReader.parse(text)
        var levels = 0
        while case let .array(elements) = value {
            levels += 1
            value = elements.first ?? .null
        }
        #expect(levels == depth)
    }

    @Test(arguments: ["[", "{\"a\":", "[{\"k\":"])
    func refusesDeepNestingWithoutCrashing(opener: String) {
        let text = String(repeating: opener, count: 10_000) + "1"
        let reason = "nesting deeper than 512 levels"
        let error = #expect(throws: WSoAError.self) {
            try JSONReader.parse(text)
        }
        guard case let .malformedJSON(actual, offset)? = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(actual == reason)
        #expect(offset < text.utf8.count)
    }

    @Test func refusesOneLevelPastTheLimitAtItsOffset() {
        let text = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: WSoAError.malformedJSON(reason: "nesting deeper than 512 levels", offset: 512)) {
            try JSONReader.parse(text)
        }
        let empty = String(repeating: "[", count: 512) + "{}" + String(repeating: "]", count: 512)
        #expect(throws: WSoAError.malformedJSON(reason: "nesting deeper than 512 levels", offset: 512)) {
            try JSONReader.parse(empty)
        }
    }

    @Test func parsesFiveMegabyteString() throws {
        let unit = "Leaders do not yet understand \u{e9}\u{1F600} the local area\\n"
        let count = 5_000_000 / unit.utf8.count + 1
        let text = "\"" + String(repeating: unit, count: count) + "\""
        #expect(text.utf8.count > 5_000_000)
        let value = try JSONReader.parse(text)
        let expected = String(repeating: "Leaders do not yet understand \u{e9}\u{1F600} the local area\n", count: count)
        #expect(value.stringValue == expected)
    }

    @Test func parsesLongArrayAndDuplicateFreeWideObject() throws {
        let array = "[" + (0..<50_000).map(String.init).joined(separator: ",") + "]"
        #expect(try JSONReader.parse(array).arrayValue?.count == 50_000)
        let object = "{" + (0..<5_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        let parsed = try JSONReader.parse(object)
        #expect(parsed.objectValue?.count == 5_000)
        #expect(parsed["k4999"] == .int(4_999))
    }

    // MARK: Agreement with Foundation

    @Test(arguments: [
        "{\"by\":\"jo\",\"data\":{\"weaknesses\":[\"W1\",\"W2\"]},\"on\":\"2019-08-12\",\"prev\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",\"recorded\":\"2026-11-22T18:30:00Z\",\"seq\":7,\"type\":\"statementSubmitted\",\"v\":1}",
        "[1,-2,3.25,-0.5,1e10,2.5E-3,123456789012]",
        "{\"text\":\"caf\u{e9} \\u00e9 \\ud83d\\ude00 \\\"quoted\\\" back\\\\slash\\/\",\"empty\":\"\",\"list\":[]}",
        "[[[[[\"deep\"]]]],{\"a\":{\"b\":{\"c\":{}}}}]",
        "{\"t\":true,\"f\":false,\"n\":null,\"z\":0}",
        "  [ \"spaced\" ,\n\t{ \"k\" : \"v\" } ]  ",
    ])
    func agreesWithFoundation(text: String) throws {
        let ours = try JSONReader.parse(text)
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.matches(ours, theirs), "\(ours) vs \(theirs)")
    }

    /// Structural comparison with `JSONSerialization`'s `Any` tree, numbers compared by value.
    static func matches(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .null:
            return theirs is NSNull
        case let .bool(flag):
            return (theirs as? NSNumber)?.boolValue == flag
        case let .int(number):
            return (theirs as? NSNumber)?.int64Value == number
        case let .double(number):
            return (theirs as? NSNumber)?.doubleValue == number
        case let .string(text):
            return (theirs as? String) == text
        case let .array(elements):
            guard let other = theirs as? [Any], other.count == elements.count else { return false }
            return zip(elements, other).allSatisfy { matches($0, $1) }
        case let .object(members):
            guard let other = theirs as? [String: Any], other.count == members.count else { return false }
            return members.allSatisfy { key, value in other[key].map { matches(value, $0) } ?? false }
        }
    }

    // MARK: Accessors

    @Test func accessors() throws {
        let value = try JSONReader.parse("{\"s\":\"x\",\"i\":3,\"d\":2.5,\"b\":true,\"a\":[1],\"o\":{},\"n\":null}")
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["d"]?.intValue == nil)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [.int(1)])
        #expect(value["o"]?.objectValue == [:])
        #expect(value["n"]?.isNull == true)
        #expect(value["s"]?.isNull == false)
        #expect(value["missing"] == nil)
        #expect(value["a"]?["x"] == nil)
        #expect(value.stringValue == nil)
    }
}
