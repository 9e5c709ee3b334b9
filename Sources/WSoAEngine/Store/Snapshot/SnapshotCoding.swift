/// Writes the snapshot's compact binary encoding: numbers as LEB128 varints or fixed-width
/// bits, strings and lists led by their length.
///
/// A snapshot is read on nearly every command of a long plan, so it is decoded field by field
/// from bytes in one pass, with no parsing of text; it is a private cache, never a format
/// anyone else reads, and its version changes whenever the encoding does.
struct SnapshotWriter {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    /// An unsigned integer, seven bits a byte.
    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed integer (zig-zag, so small negative numbers stay short).
    mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63))
    }

    /// A flag.
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// A number, as its exact bits.
    mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A day, as its count of days since 1970.
    mutating func write(_ day: Day) { write(day.daysSince1970) }

    /// Text, as its length and UTF-8 bytes.
    mutating func write(_ text: String) {
        write(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    /// A case of a string-backed enum, by its raw value (so reordering cases cannot misread).
    mutating func write<E: RawRepresentable>(_ value: E) where E.RawValue == String { write(value.rawValue) }

    /// A value that may be absent: a flag, then the value.
    mutating func write<T>(_ value: T?, _ body: (inout SnapshotWriter, T) -> Void) {
        write(value != nil)
        if let value { body(&self, value) }
    }

    /// A list: its length, then each element.
    mutating func write<T>(_ values: [T], _ body: (inout SnapshotWriter, T) -> Void) {
        write(UInt64(values.count))
        for value in values { body(&self, value) }
    }

    /// Raw bytes, as they are.
    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
}

/// Reads what `SnapshotWriter` wrote, checking every length against the bytes left; anything
/// that does not fit throws, and the snapshot is then not used.
///
/// It reads through a pointer, valid only inside the `withUnsafeBytes` that made it: a snapshot
/// is read on nearly every command of a long plan, and an array's bounds checks and reference
/// counting cost a third of reading one.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private let end: Int

    /// A reader of `bytes[range]`.
    init(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// Whether every byte has been read.
    var atEnd: Bool { position == end }

    /// The failure for bytes that are not what the writer wrote.
    struct Damaged: Error {}

    mutating func uint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let raw = try uint()
        return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    mutating func bool() throws -> Bool {
        guard position < end, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func double() throws -> Double {
        guard end - position >= 8 else { throw Damaged() }
        let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func day() throws -> Day { Day(daysSince1970: try int()) }

    mutating func string() throws -> String {
        let count = try length()
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]).bindMemory(to: UInt8.self),
                      as: UTF8.self)
    }

    /// A case of a string-backed enum.
    mutating func value<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try string()) else { throw Damaged() }
        return value
    }

    mutating func optional<T>(_ body: (inout SnapshotReader) throws -> T) throws -> T? {
        try bool() ? try body(&self) : nil
    }

    mutating func list<T>(_ body: (inout SnapshotReader) throws -> T) throws -> [T] {
        // Each element takes at least one byte, which bounds the count before allocating.
        let count = try length()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try body(&self)) }
        return values
    }

    /// A length that fits in the bytes left.
    private mutating func length() throws -> Int {
        let count = try uint()
        guard count <= UInt64(end - position) else { throw Damaged() }
        return Int(count)
    }

    /// The next `count` bytes, as they are.
    mutating func raw(_ count: Int) throws -> [UInt8] {
        guard count <= end - position else { throw Damaged() }
        defer { position += count }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]))
    }
}
