import Testing
@testable import WSoAEngine

/// `JSONObjectReader`, which reads journal lines member by member in one pass: keys in any
/// order and spacing, each key once however it is written, nesting only as deep as a line
/// needs, and nothing after the outermost object.
@Suite("JSON object reader")
struct JSONObjectReaderTests {
    /// Reads `text` as an object with `body`, inside the bytes' scope (the reader points into them).
    static func read<T>(_ text: String, _ body: (inout JSONObjectReader) throws -> T) throws -> T {
        try Array(text.utf8).withUnsafeBytes { bytes in
            var reader = try JSONObjectReader(bytes, context: "the line")
            return try body(&reader)
        }
    }

    /// Every member of an object whose values are all strings, in the order written.
    static func members(_ text: String) throws -> [(String, String)] {
        try read(text) { reader in
            var members: [(String, String)] = []
            while let key = try reader.nextKey() { members.append((key.text, try reader.string(key))) }
            return members
        }
    }

    @Test("members come in the order written, with any JSON whitespace, and escaped keys read as their text")
    func orderAndSpacing() throws {
        let members = try Self.members(" {\r\n \"b\" :\t\"2\" ,\"a\":\"1\" , \"\\u0063\\n\":\"3\"}\n\t ")
        #expect(members.map(\.0) == ["b", "a", "c\n"])
        #expect(members.map(\.1) == ["2", "1", "3"])
        #expect(try Self.members("{}").isEmpty)
    }

    @Test("a key written with escapes matches the name it spells")
    func escapedKeysMatch() throws {
        let matched = try Self.read(#"{"\u0073eq":"x","s\u0065q2":"y"}"#) { reader -> [Bool] in
            var matched: [Bool] = []
            while let key = try reader.nextKey() {
                matched.append("seq" ~= key)
                _ = try reader.string(key)
            }
            return matched
        }
        #expect(matched == [true, false])
    }

    @Test("a key given twice is refused at the repeat, however the keys are ordered or written", arguments: [
        (#"{"a":"1","a":"2"}"#, "a", 9),
        (#"{"b":"1","a":"2","b":"3"}"#, "b", 17),
        (#"{"a":"1","b":"2","c":"3","b":"4"}"#, "b", 25),
        (#"{"ab":"1","a":"2","ab":"3"}"#, "ab", 18),
        (#"{"a":"1","\u0061":"2"}"#, "a", 9),
        (#"{"\u0061":"1","a":"2"}"#, "a", 14),
        (#"{"":"1","":"2"}"#, "", 8),
        (#"{"x":"1","y":"2","z":"3","\u0078":"4"}"#, "x", 25),
    ])
    func duplicateKeys(text: String, key: String, offset: Int) {
        #expect(throws: WSoAError.malformedJSON(reason: "duplicate key \"\(key)\"", offset: offset)) { try Self.members(text) }
        // The general parser agrees.
        #expect(throws: WSoAError.malformedJSON(reason: "duplicate key \"\(key)\"", offset: offset)) { try JSONReader.parse(text) }
    }

    @Test("random objects: refused exactly when a key repeats, at the first repeat", arguments: 0..<8)
    func randomKeys(seed: UInt64) throws {
        var random = SeededGenerator(seed: 5_000 + seed)
        let names = ["a", "b", "ab", "ba", "by", "data", "on", "seq", "v", "é", ""]
        for _ in 0..<500 {
            var text = "{"
            var offsets: [Int] = []
            var keys: [String] = []
            for index in 0..<random.below(8) {
                if index > 0 { text += random.pick([",", " , ", ",\n"]) }
                let name = random.pick(names)
                offsets.append(text.utf8.count)
                // Now and then written with escapes, which must not hide a repeat.
                let written = random.chance(0.2) ? name.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
                                                 : name
                text += "\"\(written)\":\"\(index)\""
                keys.append(name)
            }
            text += "}"
            let repeated = keys.indices.first { keys[..<$0].contains(keys[$0]) }
            if let repeated {
                #expect(throws: WSoAError.malformedJSON(reason: "duplicate key \"\(keys[repeated])\"", offset: offsets[repeated]),
                        "\(text)") { try Self.members(text) }
            } else {
                #expect(try Self.members(text).map(\.0) == keys, "\(text)")
            }
        }
    }

    /// `{"a":{"a":…{}…}}`, `levels` objects deep.
    static func nested(_ levels: Int) -> String {
        String(repeating: "{\"a\":", count: levels - 1) + "{}" + String(repeating: "}", count: levels - 1)
    }

    /// Reads the nested objects of `nested` all the way down; returns how many were read.
    static func readNested(_ reader: inout JSONObjectReader) throws -> Int {
        guard let key = try reader.nextKey() else { return 1 }
        let below = try reader.object(key) { try readNested(&$0) }
        #expect(try reader.nextKey() == nil)
        return below + 1
    }

    @Test("objects nest as deep as the limit and no deeper")
    func nestingLimit() throws {
        let limit = JSONObjectReader.nestingLimit
        #expect(limit >= 3, "a journal line needs three levels (line, data, visit)")
        #expect(try Self.read(Self.nested(limit)) { try Self.readNested(&$0) } == limit)
        let deeper = Self.nested(limit + 1)
        // Refused at the opening brace of the object one level too deep.
        #expect(throws: WSoAError.malformedJSON(reason: "nesting deeper than any journal line", offset: 5 * limit)) {
            try Self.read(deeper) { try Self.readNested(&$0) }
        }
    }

    @Test("nothing but whitespace may follow the outermost object", arguments: [
        (#"{"a":"1"} x"#, 10), (#"{"a":"1"}}"#, 9), (#"{"a":"1"},"#, 9), (#"{"a":"1"}{}"#, 9), ("{}\u{0}", 2),
    ])
    func trailingGarbage(text: String, offset: Int) {
        #expect(throws: WSoAError.malformedJSON(reason: "trailing characters after the value", offset: offset)) { try Self.members(text) }
    }

    @Test("whitespace after the object is fine, and a nested object may be followed by more members")
    func trailingWhitespace() throws {
        #expect(try Self.members("{\"a\":\"1\"} \r\n\t").count == 1)
        let read = try Self.read(#"{"n":{"x":"1"},"m":"2"}"#) { reader -> [String] in
            var seen: [String] = []
            while let key = try reader.nextKey() {
                if "n" ~= key {
                    seen += try reader.object(key) { nested in
                        var inner: [String] = []
                        while let key = try nested.nextKey() { inner.append(try nested.string(key)) }
                        return inner
                    }
                } else {
                    seen.append(try reader.string(key))
                }
            }
            return seen
        }
        #expect(read == ["1", "2"])
    }

    @Test("what is not an object, or stops short, is refused", arguments: [
        ("[\"a\"]", WSoAError.invalidEvent(reason: "the line is not a JSON object")),
        ("\"a\"", .invalidEvent(reason: "the line is not a JSON object")),
        ("", .malformedJSON(reason: "unexpected end of input", offset: 0)),
        ("{\"a\":\"1\"", .malformedJSON(reason: "unexpected end of input", offset: 8)),
        ("{\"a\":\"1\",}", .malformedJSON(reason: "unexpected character '}'", offset: 9)),
        ("{\"a\" \"1\"}", .malformedJSON(reason: "unexpected character '\"'", offset: 5)),
        ("{a:\"1\"}", .malformedJSON(reason: "unexpected character 'a'", offset: 1)),
    ])
    func notAnObject(text: String, error: WSoAError) {
        #expect(throws: error) { try Self.members(text) }
    }

    @Test("a nested object read only in part is refused at the first member left unread")
    func partlyReadNestedObject() {
        #expect(throws: WSoAError.invalidEvent(reason: "the line 'n' has the field 'y', which this version of wsoa does not know")) {
            try Self.read(#"{"n":{"x":"1","y":"2"}}"#) { reader in
                while let key = try reader.nextKey() {
                    _ = try reader.object(key) { nested -> String in
                        let first = try #require(try nested.nextKey())
                        return try nested.string(first)
                    }
                }
            }
        }
    }

    @Test("each typed read refuses a value of another type, naming the object and key", arguments: [
        (#"{"k":1}"#, "string", "the line 'k' is not a string"),
        (#"{"k":"1"}"#, "int", "the line 'k' is not an integer"),
        (#"{"k":1.5}"#, "int", "the line 'k' is not an integer"),
        (#"{"k":1e2}"#, "int", "the line 'k' is not an integer"),
        (#"{"k":"x"}"#, "double", "the line 'k' is not a number"),
        (#"{"k":null}"#, "bool", "the line 'k' is not true or false"),
        (#"{"k":"2019-02-30"}"#, "day", "the line 'k' is not a valid date ('2019-02-30')"),
        (#"{"k":"2019-02-3\u0030"}"#, "day", "the line 'k' is not a valid date ('2019-02-30')"),
        (#"{"k":["a",1]}"#, "strings", "the line 'k' is not a list of strings"),
        (#"{"k":"a"}"#, "strings", "the line 'k' is not a list of strings"),
        (#"{"k":[]}"#, "object", "the line 'k' is not a JSON object"),
    ])
    func typedReads(text: String, kind: String, reason: String) {
        #expect(throws: WSoAError.invalidEvent(reason: reason)) {
            try Self.read(text) { reader in
                while let key = try reader.nextKey() {
                    switch kind {
                    case "string": _ = try reader.string(key)
                    case "int": _ = try reader.int(key)
                    case "double": _ = try reader.double(key)
                    case "bool": _ = try reader.bool(key)
                    case "day": _ = try reader.day(key)
                    case "strings": _ = try reader.strings(key)
                    default: _ = try reader.object(key) { _ in 0 }
                    }
                }
            }
        }
    }

    @Test("typed reads give the values written, escapes decoded")
    func typedValues() throws {
        let text = #"{"s":"a\"b\u00e9","i":-42,"d":2.5,"e":1e-3,"t":true,"f":false,"day":"2019-08-12","esc":"2019-08-1\u0032","l":["x","\ny"],"n":null}"#
        try Self.read(text) { reader in
            while let key = try reader.nextKey() {
                switch key.text {
                case "s": #expect(try reader.string(key) == "a\"b\u{e9}")
                case "i": #expect(try reader.int(key) == -42)
                case "d": #expect(try reader.double(key) == 2.5)
                case "e": #expect(try reader.double(key) == 0.001)
                case "t": #expect(try reader.bool(key))
                case "f": #expect(try !reader.bool(key))
                case "day", "esc": #expect(try reader.day(key) == Day(year: 2019, month: 8, day: 12))
                case "l": #expect(try reader.strings(key) == ["x", "\ny"])
                default: #expect(try reader.optionalString(key) == nil)
                }
            }
        }
    }
}
