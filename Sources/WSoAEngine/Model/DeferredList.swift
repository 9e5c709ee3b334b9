import Foundation
import Synchronization

/// A list of a plan's records that may still be held as the bytes it was read from, and is
/// decoded the first time an element is looked at.
///
/// A long plan's snapshot holds tens of thousands of evidence items and status reports that
/// most commands never read (status needs only counts, `list` and `deadlines` only the
/// actions' dates), and rebuilding them as Swift values cost most of such a command's time.
/// So the snapshot hands them over encoded; `count` and `append` work without decoding, and
/// anything that reads elements decodes them once, for every copy sharing the storage.
///
/// It behaves as an array: a value with copy-on-write storage, equal when the elements are
/// equal, encoded by `Codable` exactly as an array, and `Sendable` (the one-time decoding is
/// guarded by a lock, so copies may be read on several threads).
public struct DeferredList<Element: Hashable & Sendable>: Sendable {
    /// Leading elements still encoded: `bytes[range]` holds `count` of them, which `decode`
    /// reads (nil only if the bytes are not what the encoder wrote).
    struct Encoded: Sendable {
        /// The bytes the list was read from (usually a whole snapshot, shared by every list in it).
        let bytes: [UInt8]
        /// Where the elements are in `bytes`.
        let range: Range<Int>
        /// How many elements `range` holds.
        let count: Int
        /// Reads the elements from exactly `bytes[range]`.
        let decode: @Sendable (UnsafeRawBufferPointer, Int) -> [Element]?
        /// What the encoder recorded about the encoded elements (e.g. `EvidenceTally`), so a
        /// summary need not decode them.
        let summary: (any Sendable)?
    }

    /// Shared between copies until one of them changes.
    final class Storage: @unchecked Sendable {
        /// The encoded leading elements, until they are decoded; guarded by `lock`.
        var encoded: Encoded?
        /// Every element once `ready`; before that only those appended after the encoded ones.
        var elements: [Element]
        /// Set (releasing) once `elements` holds every element and `encoded` is nil; from then
        /// on the storage is read without the lock.
        let ready: Atomic<Bool>
        /// Guards the one-time decoding and everything read before it.
        let lock = Mutex(())

        init(encoded: Encoded?, elements: [Element]) {
            self.encoded = encoded
            self.elements = elements
            ready = Atomic(encoded == nil)
        }

        /// Every element, decoding the encoded ones the first time.
        var all: [Element] {
            if ready.load(ordering: .acquiring) { return elements }
            return lock.withLock { _ in
                if let encoded {
                    guard let decoded = encoded.bytes.withUnsafeBytes({ raw in
                        encoded.decode(UnsafeRawBufferPointer(rebasing: raw[encoded.range]), encoded.count)
                    }), decoded.count == encoded.count else {
                        // The snapshot's checksum vouched for these bytes, so only a bug or a forged
                        // snapshot gets here. There is no way to throw from an element read, so stop
                        // as any refused command does — one sentence, exit 1, no trap and no stack
                        // trace — before anything is written.
                        FileHandle.standardError.write(Data("Error: a plan's snapshot.json passed its checksum but a list in it could not be read; delete snapshot.json in the plan's folder and run the command again (the journal is untouched).\n".utf8))
                        exit(1)
                    }
                    elements = decoded + elements
                    self.encoded = nil
                    ready.store(true, ordering: .releasing)
                }
                return elements
            }
        }

        /// The encoded part and the elements appended after it, or nil once decoded.
        var undecoded: (encoded: Encoded, appended: [Element])? {
            if ready.load(ordering: .acquiring) { return nil }
            return lock.withLock { _ in encoded.map { ($0, elements) } }
        }

        var count: Int {
            if ready.load(ordering: .acquiring) { return elements.count }
            return lock.withLock { _ in (encoded?.count ?? 0) + elements.count }
        }
    }

    var storage: Storage

    /// A list of `elements`, already decoded.
    public init(_ elements: [Element]) {
        storage = Storage(encoded: nil, elements: elements)
    }

    /// An empty list.
    public init() { self.init([]) }

    /// A list whose elements are still encoded (the snapshot's reader makes these).
    init(encoded: Encoded) {
        storage = Storage(encoded: encoded.count > 0 ? encoded : nil, elements: [])
    }

    /// The elements as an array (decoding them if they are still encoded).
    public var array: [Element] { storage.all }

    /// The encoded part and what was appended after it, or nil once decoded: the snapshot's
    /// writer copies the encoded bytes as they are, and summaries add up without decoding.
    var undecoded: (encoded: Encoded, appended: [Element])? { storage.undecoded }

    /// Whether the elements are all decoded (for tests: a command's fast path must not decode).
    var isDecoded: Bool { storage.ready.load(ordering: .acquiring) }

    /// Makes the storage this value's own, decoding it when `decode` is set (to change an
    /// element in place) and otherwise keeping the encoded part as it is (to append).
    private mutating func makeUnique(decoding decode: Bool) {
        if decode, !storage.ready.load(ordering: .acquiring) {
            storage = Storage(encoded: nil, elements: storage.all)
        } else if !isKnownUniquelyReferenced(&storage) {
            let undecoded = storage.undecoded
            storage = undecoded.map { Storage(encoded: $0.encoded, elements: $0.appended) }
                ?? Storage(encoded: nil, elements: storage.all)
        }
    }

    /// Adds `element` at the end without decoding the encoded elements, so folding a journal's
    /// tail onto a snapshot's plan costs only the tail.
    public mutating func append(_ element: Element) {
        makeUnique(decoding: false)
        // Unique: no other copy, so no other thread, can see the storage now.
        storage.elements.append(element)
    }

    /// Adds `elements` at the end without decoding the encoded elements.
    public mutating func append(contentsOf elements: some Sequence<Element>) {
        makeUnique(decoding: false)
        storage.elements.append(contentsOf: elements)
    }

    /// Removes every element.
    public mutating func removeAll() {
        storage = Storage(encoded: nil, elements: [])
    }
}

extension DeferredList: RandomAccessCollection, MutableCollection {
    /// Iterates over the decoded array, so a loop decodes (and checks) once.
    public typealias Iterator = IndexingIterator<[Element]>

    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of elements, without decoding them.
    public var endIndex: Int { storage.count }
    /// The number of elements, without decoding them.
    public var count: Int { storage.count }
    /// Whether the list is empty, without decoding it.
    public var isEmpty: Bool { storage.count == 0 }

    /// The element at `position`, decoding the list the first time.
    public subscript(position: Int) -> Element {
        get { storage.all[position] }
        set {
            makeUnique(decoding: true)
            storage.elements[position] = newValue
        }
    }

    /// An iterator over the elements, decoding the list the first time.
    public func makeIterator() -> IndexingIterator<[Element]> { storage.all.makeIterator() }

    /// The decoded array's storage, so the standard algorithms run on it directly.
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try storage.all.withContiguousStorageIfAvailable(body)
    }
}

extension DeferredList: ExpressibleByArrayLiteral {
    /// A list of the literal's elements.
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension DeferredList: Hashable {
    /// Equal when the elements are, as arrays are.
    public static func == (lhs: DeferredList, rhs: DeferredList) -> Bool {
        lhs.storage === rhs.storage || (lhs.count == rhs.count && lhs.array == rhs.array)
    }

    /// Hashes the elements as an array does.
    public func hash(into hasher: inout Hasher) { hasher.combine(array) }
}

extension DeferredList: Encodable where Element: Encodable {
    /// Encodes the elements exactly as an array.
    public func encode(to encoder: any Encoder) throws { try array.encode(to: encoder) }
}

extension DeferredList: Decodable where Element: Decodable {
    /// Decodes an array.
    public init(from decoder: any Decoder) throws { self.init(try [Element](from: decoder)) }
}

extension DeferredList: CustomStringConvertible {
    /// Prints as the array would.
    public var description: String { array.description }
}
