/// Reads the members of one JSON object in the order they are written, each once: the way
/// journal lines and their events are read.
///
/// A reader asks for the next key, decides what the key is, and reads its value with the typed
/// method that fits — or refuses a key it does not know (`unknownField`), so nothing is carried
/// along unread. Every byte is checked as `JSONScanner` checks it, and a key repeated in one
/// object is refused. There is no tree and no table of members: one pass over the bytes, which
/// matters on a journal of a hundred thousand lines.
///
/// Failures are `WSoAError.invalidEvent` naming the object and the field (or `malformedJSON`
/// for bytes that are not JSON), so a damaged line is reported precisely rather than half-read.
/// The reader points into the bytes it reads: use it only inside the `withUnsafeBytes` scope
/// that made its scanner.
struct JSONObjectReader {
    /// The scanner, standing just after the last thing read.
    private var scanner: JSONScanner
    /// What the object is, for messages: "the line", "data", "data 'visit'".
    let context: String
    /// How deep the object is, for nested objects and the nesting limit.
    private let depth: Int
    /// Whether the closing brace has been read.
    private var ended = false
    /// Whether a member has been read (so the next needs a comma first).
    private var started = false
    /// Where the object starts, the last key read, and whether every key so far came in
    /// ascending byte order. In a canonical line they do, and so cannot repeat; only once a key
    /// comes out of order are the keys kept (`keys`) and each new one compared with them.
    private let start: Int
    private var lastKey: Range<Int>?
    private var ascending = true
    private var keys: [String] = []

    /// A flag member read aside rather than handed to the reader (`setAside`), and its value.
    private var setAsideKey: StaticString?
    private(set) var setAside: Bool?

    /// How deep a journal line's objects may nest; a real line needs three levels.
    static let nestingLimit = 8

    /// A reader of the object at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, context: String) throws {
        var scanner = JSONScanner(bytes)
        try self.init(&scanner, context: context, depth: 0)
    }

    /// A reader of the object `scanner` stands at (which it reads from its own copy).
    private init(_ scanner: inout JSONScanner, context: String, depth: Int) throws {
        guard try scanner.peekValue() == UInt8(ascii: "{") else { throw WSoAError.invalidEvent(reason: "\(context) is not a JSON object") }
        guard depth < JSONObjectReader.nestingLimit else { throw scanner.fail("nesting deeper than any journal line", at: scanner.pos) }
        start = scanner.pos
        scanner.pos &+= 1
        self.scanner = scanner
        self.context = context
        self.depth = depth
    }

    // MARK: Keys

    /// The next member's key, or nil after the last member (when nothing but whitespace may
    /// follow, for the outermost object); the value must be read before the next key is asked for.
    mutating func nextKey() throws -> JSONKey? {
        guard let key = try nextKeyUnchecked() else { return nil }
        try refuseRepeat(key, at: keyOffset)
        if let name = setAsideKey, name ~= key {
            setAside = try readNull() ? nil : bool(key)
            return try nextKey()
        }
        return key
    }

    /// Where the last key read starts (its opening quote), for messages.
    private var keyOffset = 0

    /// The next key, as `nextKey`, without checking it against the keys before it.
    private mutating func nextKeyUnchecked() throws -> JSONKey? {
        guard !ended else { return nil }
        scanner.skipWhitespace()
        guard !scanner.atEnd else { throw scanner.endOfInput() }
        if scanner.base[scanner.pos] == UInt8(ascii: "}") {
            scanner.pos &+= 1
            ended = true
            if depth == 0 {
                scanner.skipWhitespace()
                guard scanner.atEnd else { throw scanner.fail("trailing characters after the value", at: scanner.pos) }
            }
            return nil
        }
        if started { try scanner.expect(UInt8(ascii: ",")) }
        started = true
        scanner.skipWhitespace()
        guard !scanner.atEnd else { throw scanner.endOfInput() }
        guard scanner.base[scanner.pos] == UInt8(ascii: "\"") else { throw scanner.unexpected(at: scanner.pos) }
        keyOffset = scanner.pos
        let key = JSONKey(try scanner.string(), base: scanner.base)
        try scanner.expect(UInt8(ascii: ":"))
        scanner.skipWhitespace()
        guard !scanner.atEnd else { throw scanner.endOfInput() }
        return key
    }

    /// Throws if `key` was already read in this object.
    private mutating func refuseRepeat(_ key: JSONKey, at offset: Int) throws {
        if ascending {
            if let range = key.plainRange,
               lastKey.map({ JSONKey.order(scanner.base + $0.lowerBound, $0.count, scanner.base + range.lowerBound, range.count) < 0 }) ?? true {
                lastKey = range
                return
            }
            // Out of order (or written with escapes): from now on keep every key, starting with
            // those read so far, read again from the object's start.
            ascending = false
            keys = try JSONObjectReader.keys(of: scanner, from: start, before: offset)
        }
        let text = key.text
        if keys.contains(text) { throw scanner.fail("duplicate key \"\(text)\"", at: offset) }
        keys.append(text)
    }

    /// The keys of the object at `start` whose members come before `end` (rare: only for a
    /// line whose keys are out of order).
    private static func keys(of scanner: JSONScanner, from start: Int, before end: Int) throws -> [String] {
        var keys: [String] = []
        var scanner = scanner
        scanner.pos = start
        var object = try JSONObjectReader(&scanner, context: "", depth: 0)
        while let key = try object.nextKeyUnchecked(), object.keyOffset < end {
            keys.append(key.text)
            try object.scanner.skipValue(depth: 1)
        }
        return keys
    }

    /// The failure for a member this version of wsoa does not know.
    func unknownField(_ key: JSONKey) -> WSoAError {
        .invalidEvent(reason: "\(context) has the field '\(key.text)', which this version of wsoa does not know")
    }

    /// The failure for a member that is missing.
    func missing(_ name: StaticString) -> WSoAError {
        .invalidEvent(reason: "\(context) has no '\(name)'")
    }

    /// `value` when it was read, else the failure saying member `name` is missing.
    func required<T>(_ value: T?, _ name: StaticString) throws -> T {
        guard let value else { throw missing(name) }
        return value
    }

    // MARK: Values

    private func wrongType(_ key: JSONKey, _ expected: String) -> WSoAError {
        .invalidEvent(reason: "\(context) '\(key.text)' is not \(expected)")
    }

    /// The first byte of the value.
    private var next: UInt8 { scanner.base[scanner.pos] }

    /// Whether the value is `null` (which is read if so).
    mutating func readNull() throws -> Bool {
        guard next == UInt8(ascii: "n") else { return false }
        try scanner.null()
        return true
    }

    /// The value of `key`, a string.
    mutating func string(_ key: JSONKey) throws -> String {
        guard next == UInt8(ascii: "\"") else { throw wrongType(key, "a string") }
        return scanner.text(try scanner.string())
    }

    /// The value of `key`, a string or `null`.
    mutating func optionalString(_ key: JSONKey) throws -> String? {
        try readNull() ? nil : string(key)
    }

    /// The value of `key`, a string, checked but not kept.
    mutating func skipString(_ key: JSONKey) throws {
        guard next == UInt8(ascii: "\"") else { throw wrongType(key, "a string") }
        _ = try scanner.string()
    }

    /// The value of `key`, 64 lower-case hex digits, as a digest; nil for a string of anything else.
    mutating func digest(_ key: JSONKey) throws -> SHA256.Digest? {
        guard next == UInt8(ascii: "\"") else { throw wrongType(key, "a string") }
        guard case let .plain(range) = try scanner.string() else { return nil }
        return SHA256.Digest(hex: UnsafeBufferPointer(start: scanner.base + range.lowerBound, count: range.count))
    }

    /// The value of `key`, 64 lower-case hex digits, as a digest; a string of anything else is
    /// a failure that says so.
    mutating func hexDigest(_ key: JSONKey) throws -> SHA256.Digest {
        guard let digest = try digest(key) else { throw wrongType(key, "64 lower-case hex digits") }
        return digest
    }

    /// The value of `key`, a string naming a case of `E`; `unknown` words the failure for a
    /// name that is none of them.
    mutating func enumeration<E: RawRepresentable>(_ key: JSONKey, _ type: E.Type,
                                                   unknown: ((String) -> String)? = nil) throws -> E where E.RawValue == String {
        let text = try string(key)
        guard let value = E(rawValue: text) else {
            throw WSoAError.invalidEvent(reason: unknown?(text) ?? "\(context) '\(key.text)' has the unknown value '\(text)'")
        }
        return value
    }

    /// The value of `key`, naming a case of `E`, or `null`.
    mutating func optionalEnumeration<E: RawRepresentable>(_ key: JSONKey, _ type: E.Type) throws -> E? where E.RawValue == String {
        try readNull() ? nil : enumeration(key, type)
    }

    /// The value of `key`, a strict `YYYY-MM-DD` date within the supported years.
    mutating func day(_ key: JSONKey) throws -> Day {
        guard next == UInt8(ascii: "\"") else { throw wrongType(key, "a string") }
        let token = try scanner.string()
        // Nearly every date is ten plain digits and dashes: read those straight from the bytes.
        if case let .plain(range) = token, range.count == 10, let day = Day(digits: scanner.base + range.lowerBound) {
            return day
        }
        let text = scanner.text(token)
        do { return try Day(parsing: text) } catch {
            throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' is not a valid date ('\(text)')")
        }
    }

    /// The value of `key`, a date or `null`.
    mutating func optionalDay(_ key: JSONKey) throws -> Day? {
        try readNull() ? nil : day(key)
    }

    /// The value of `key`, an integer written without fraction or exponent.
    mutating func int(_ key: JSONKey) throws -> Int64 {
        guard next == UInt8(ascii: "-") || (next &- UInt8(ascii: "0")) < 10 else { throw wrongType(key, "an integer") }
        guard case let .int(value) = try scanner.number() else { throw wrongType(key, "an integer") }
        return value
    }

    /// The value of `key`, a finite number.
    mutating func double(_ key: JSONKey) throws -> Double {
        guard next == UInt8(ascii: "-") || (next &- UInt8(ascii: "0")) < 10 else { throw wrongType(key, "a number") }
        return try scanner.number().double
    }

    /// The value of `key`, a finite number or `null`.
    mutating func optionalDouble(_ key: JSONKey) throws -> Double? {
        try readNull() ? nil : double(key)
    }

    /// The value of `key`, `true` or `false`.
    mutating func bool(_ key: JSONKey) throws -> Bool {
        guard next == UInt8(ascii: "t") || next == UInt8(ascii: "f") else { throw wrongType(key, "true or false") }
        return try scanner.bool()
    }

    /// The value of `key`, a list of strings.
    mutating func strings(_ key: JSONKey) throws -> [String] {
        let failure = wrongType(key, "a list of strings")
        guard next == UInt8(ascii: "[") else { throw failure }
        var items: [String] = []
        try scanner.array(depth: depth + 1) { scanner in
            guard scanner.base[scanner.pos] == UInt8(ascii: "\"") else { throw failure }
            items.append(scanner.text(try scanner.string()))
        }
        return items
    }

    /// The value of `key`, a list of strings, or `null` (empty then).
    mutating func optionalStrings(_ key: JSONKey) throws -> [String] {
        try readNull() ? [] : strings(key)
    }

    /// The value of `key`, an object, handed to `read` to read member by member (to its end:
    /// `read` must ask for keys until there are none); `context` names it in messages.
    mutating func object<T>(_ key: JSONKey, context name: String? = nil, _ read: (inout JSONObjectReader) throws -> T) throws -> T {
        guard next == UInt8(ascii: "{") else { throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' is not a JSON object") }
        var nested = try JSONObjectReader(&scanner, context: name ?? "\(context) '\(key.text)'", depth: depth + 1)
        let value = try read(&nested)
        // Whatever `read` left unread is refused, as any field it does not know would be.
        if let extra = try nested.nextKey() { throw nested.unknownField(extra) }
        scanner.pos = nested.scanner.pos
        return value
    }

    /// The value of `key`, an object or `null`, as `object`.
    mutating func optionalObject<T>(_ key: JSONKey, _ read: (inout JSONObjectReader) throws -> T) throws -> T? {
        try readNull() ? nil : object(key, read)
    }

    /// Where the value of `key` (an object) starts and ends; it is passed over, to be read (and
    /// checked) later with `object(at:end:…)`: for a line whose `data` comes before its `type`.
    ///
    /// Passing over only matches brackets outside strings, which is all that finding the end
    /// needs; the full check comes when the object is read, and that must end at the same place.
    mutating func passObject(_ key: JSONKey) throws -> Range<Int> {
        guard next == UInt8(ascii: "{") else { throw WSoAError.invalidEvent(reason: "\(context) '\(key.text)' is not a JSON object") }
        let start = scanner.pos
        try scanner.passContainer()
        return start..<scanner.pos
    }

    /// The object value at `range` (found with `passObject`), read by `read` as with `object`,
    /// and the value of its flag member `setAside` (read aside, not handed to `read`); this
    /// reader's own place is unchanged.
    func object<T>(at range: Range<Int>, context name: String, setAside: StaticString,
                   _ read: (inout JSONObjectReader) throws -> T) throws -> (value: T, setAside: Bool?) {
        var scanner = self.scanner
        scanner.pos = range.lowerBound
        var nested = try JSONObjectReader(&scanner, context: name, depth: depth + 1)
        nested.setAsideKey = setAside
        let value = try read(&nested)
        if let extra = try nested.nextKey() { throw nested.unknownField(extra) }
        guard nested.scanner.pos == range.upperBound else { throw nested.scanner.fail("the object does not end where it seemed to", at: nested.scanner.pos) }
        return (value, nested.setAside)
    }

    /// Every member of the object value of `key`, as a key and a string value, in the order
    /// written (for objects whose keys are data, such as ratings by weakness id).
    mutating func stringEntries(_ key: JSONKey) throws -> [(key: String, value: String)] {
        try object(key) { object in
            var entries: [(key: String, value: String)] = []
            while let member = try object.nextKey() { entries.append((member.text, try object.string(member))) }
            return entries
        }
    }
}

/// A key of a JSON object, as read: compared with the names a reader knows without making a
/// `String` of it.
struct JSONKey: Equatable {
    /// The key's text as scanned.
    private let token: JSONString
    /// The input, which a plain token's range is in.
    private let base: UnsafePointer<UInt8>

    init(_ token: JSONString, base: UnsafePointer<UInt8>) {
        self.token = token
        self.base = base
    }

    /// Where the key's text lies in the input, when it has no escapes.
    var plainRange: Range<Int>? {
        guard case let .plain(range) = token else { return nil }
        return range
    }

    /// The key as text, for messages.
    var text: String {
        switch token {
        case let .plain(range): return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
        case let .decoded(bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether the key is `name`: how a reader's `switch` on a key matches a case.
    @inline(__always)
    static func ~= (name: StaticString, key: JSONKey) -> Bool {
        switch key.token {
        case let .plain(range):
            // Told apart by length and first letter before comparing the rest.
            let count = name.utf8CodeUnitCount
            guard range.count == count, count > 0, key.base[range.lowerBound] == name.utf8Start[0] else { return count == 0 && range.isEmpty }
            return order(key.base + range.lowerBound, count, name.utf8Start, count) == 0
        case let .decoded(bytes):
            return bytes.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    /// Whether two keys have the same text.
    static func == (a: JSONKey, b: JSONKey) -> Bool { a.text == b.text }

    /// The byte order of `a` (`aCount` bytes) against `b` (`bCount` bytes): negative, zero or
    /// positive. Byte by byte: keys are a few letters, shorter than a call to `memcmp` is worth.
    @inline(__always)
    static func order(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        var index = 0
        let shared = min(aCount, bCount)
        while index < shared {
            if a[index] != b[index] { return Int(a[index]) - Int(b[index]) }
            index &+= 1
        }
        return aCount - bCount
    }
}
