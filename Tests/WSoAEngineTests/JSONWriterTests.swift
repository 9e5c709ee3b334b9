import Testing
import WSoAEngine

/// The canonical writer: exact bytes for journals, the pretty form, and round trips.
@Suite("JSONWriter")
struct JSONWriterTests {
    // MARK: Scalars

    @Test(arguments: [
        (JSONValue.null, "null"),
        (.bool(true), "true"),
        (.bool(false), "false"),
        (.int(0), "0"),
        (.int(-5), "-5"),
        (.int(1_234_567_890), "1234567890"),
        (.int(Int64.max), "9223372036854775807"),
        (.int(Int64.min), "-9223372036854775808"),
        (.double(12.0), "12.0"),
        (.double(0.1), "0.1"),
        (.double(-2.5), "-2.5"),
        (.double(1e-7), "1e-07"),
        (.double(1e16), "1e+16"),
        (.double(-0.0), "-0.0"),
        (.double(.nan), "null"),
        (.double(.infinity), "null"),
        (.double(-.infinity), "null"),
        (.string(""), "\"\""),
        (.array([]), "[]"),
        (.object([:]), "{}"),
    ])
    func writesScalar(value: JSONValue, expected: String) {
        #expect(JSONWriter.string(value) == expected)
    }

    // MARK: Strings

    @Test(arguments: [
        ("plain", "\"plain\""),
        ("quote \" and backslash \\", "\"quote \\\" and backslash \\\\\""),
        ("\n\r\t\u{8}\u{C}", "\"\\n\\r\\t\\b\\f\""),
        ("\u{0}\u{1}\u{1F}\u{7F}", "\"\\u0000\\u0001\\u001f\\u007f\""),
        ("a/b", "\"a/b\""),
        ("caf\u{e9} \u{20AC} \u{1F600} \u{2028}", "\"caf\u{e9} \u{20AC} \u{1F600} \u{2028}\""),
        ("\u{1B}[31m", "\"\\u001b[31m\""),
    ])
    func escapesMinimally(text: String, expected: String) {
        #expect(JSONWriter.string(.string(text)) == expected)
    }

    // MARK: Objects

    @Test func sortsKeysByUTF8Bytes() {
        let value = JSONValue.object([
            "b": .int(2), "a": .int(1), "B": .int(0), "aa": .int(3), "": .int(-1), "\u{e9}": .int(4), "_": .int(5),
        ])
        #expect(JSONWriter.string(value) == "{\"\":-1,\"B\":0,\"_\":5,\"a\":1,\"aa\":3,\"b\":2,\"\u{e9}\":4}")
    }

    /// `String.<` normalises (U+212B ANGSTROM SIGN sorts as U+00C5); byte order must not.
    @Test func byteOrderNotUnicodeOrder() {
        let value = JSONValue.object(["\u{212B}": .int(1), "\u{D0}": .int(2)])
        #expect(JSONWriter.string(value) == "{\"\u{D0}\":2,\"\u{212B}\":1}")
    }

    @Test func journalLineIsCanonical() {
        let event = JSONValue.object([
            "v": .int(1),
            "type": .string("statementSubmitted"),
            "seq": .int(7),
            "recorded": .string("2026-11-22T18:30:00Z"),
            "prev": .string(String(repeating: "ab", count: 32)),
            "on": .string("2019-08-12"),
            "data": .object(["weaknesses": .array([.string("Leaders \u{2014} \"plans\"")])]),
            "by": .string("jo"),
        ])
        let expected = "{\"by\":\"jo\",\"data\":{\"weaknesses\":[\"Leaders \u{2014} \\\"plans\\\"\"]},\"on\":\"2019-08-12\",\"prev\":\""
            + String(repeating: "ab", count: 32)
            + "\",\"recorded\":\"2026-11-22T18:30:00Z\",\"seq\":7,\"type\":\"statementSubmitted\",\"v\":1}"
        #expect(JSONWriter.string(event) == expected)
    }

    @Test func writeAppendsToTheBuffer() {
        var buffer = Array("prefix:".utf8)
        JSONWriter.write(.array([.int(1), .null]), into: &buffer)
        buffer.append(0x0A)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix:[1,null]\n")
    }

    // MARK: Pretty

    @Test func prettyPrints() throws {
        let value = JSONValue.object([
            "name": .string("x"),
            "list": .array([.int(1), .object(["b": .null, "a": .bool(true)]), .array([])]),
            "empty": .object([:]),
        ])
        let expected = """
            {
              "empty": {},
              "list": [
                1,
                {
                  "a": true,
                  "b": null
                },
                []
              ],
              "name": "x"
            }
            """
        #expect(JSONWriter.pretty(value) == expected)
        #expect(JSONWriter.pretty(.int(3)) == "3")
        #expect(try JSONReader.parse(JSONWriter.pretty(value)) == value)
    }

    // MARK: Round trip

    /// parse(write(x)) == x, and writing again gives the same bytes, for seeded random values.
    @Test(arguments: 0..<8)
    func roundTripsRandomValues(seed: Int) throws {
        var random = SeededGenerator(seed: UInt64(seed) &* 0x1234_5678_9ABC_DEF1 &+ 42)
        for _ in 0..<250 {
            let value = Self.randomValue(&random, depth: 0)
            let text = JSONWriter.string(value)
            let parsed = try JSONReader.parse(text)
            #expect(parsed == value, "\(text)")
            #expect(JSONWriter.string(parsed) == text)
        }
    }

    private static func randomValue(_ random: inout SeededGenerator, depth: Int) -> JSONValue {
        let choice = random.below(depth >= 4 ? 5 : 7)
        switch choice {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .int(randomInt(&random))
        case 3: return .double(randomDouble(&random))
        case 4: return .string(randomString(&random))
        case 5:
            return .array((0..<random.below(6)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<random.below(6) {
                members[randomString(&random)] = randomValue(&random, depth: depth + 1)
            }
            return .object(members)
        }
    }

    private static func randomInt(_ random: inout SeededGenerator) -> Int64 {
        switch random.below(4) {
        case 0: return Int64(bitPattern: random.next())
        case 1: return Int64(random.below(2_000)) - 1_000
        case 2: return [Int64.min, Int64.max, 0, -1][random.below(4)]
        default: return Int64(bitPattern: random.next() >> random.below(64))
        }
    }

    private static func randomDouble(_ random: inout SeededGenerator) -> Double {
        switch random.below(5) {
        case 0:
            var number = Double(bitPattern: random.next())
            while !number.isFinite { number = Double(bitPattern: random.next()) }
            return number
        case 1: return Double(Int(random.below(2_000_000)) - 1_000_000) / 1_000
        case 2: return Double(Int(random.below(1_000)))
        case 3:
            return [0.1, -0.0, 1e-7, 1e16, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.leastNormalMagnitude][random.below(7)]
        default: return Double(random.next() >> 11) * 0x1p-53
        }
    }

    /// Strings drawn to exercise every escaping rule and every UTF-8 length.
    private static func randomString(_ random: inout SeededGenerator) -> String {
        let specials: [Unicode.Scalar] = [
            "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}",
            "\u{e9}", "\u{20AC}", "\u{1F600}", "\u{2028}", "\u{FFFF}", "\u{10FFFF}", " ",
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<random.below(20) {
            switch random.below(4) {
            case 0: scalars.append(specials[random.below(specials.count)])
            case 1:
                if let scalar = Unicode.Scalar(UInt32(random.below(0x11_0000))) { scalars.append(scalar) }
            default: scalars.append(Unicode.Scalar(UInt8(0x20 + random.below(0x5F))))
            }
        }
        return String(scalars)
    }
}
