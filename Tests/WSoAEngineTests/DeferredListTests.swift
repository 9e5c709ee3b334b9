import Foundation
import Testing
@testable import WSoAEngine

/// `DeferredList` must behave exactly as the array it stands for, whether its elements are
/// still encoded or not: counts and appends without decoding, equality, hashing, copies.
@Suite("Deferred lists")
struct DeferredListTests {
    /// A list of `numbers` kept encoded as `"n,n,…"` between two bytes of padding.
    private func encoded(_ numbers: [Int], summary: (any Sendable)? = nil) -> DeferredList<Int> {
        let text = Array(("<" + numbers.map(String.init).joined(separator: ",") + ">").utf8)
        return DeferredList(encoded: DeferredList.Encoded(
            bytes: text, range: 1..<(text.count - 1), count: numbers.count,
            decode: { raw, count in
                let items = String(decoding: raw, as: UTF8.self).split(separator: ",").compactMap { Int($0) }
                return items.count == count ? items : nil
            }, summary: summary))
    }

    @Test("an encoded list counts and appends without decoding, and reads as the array")
    func encodedBehavesAsArray() {
        var list = encoded([3, 1, 4, 1, 5])
        #expect(!list.isDecoded)
        #expect(list.count == 5 && !list.isEmpty && list.endIndex == 5)
        list.append(9)
        list.append(contentsOf: [2, 6])
        #expect(!list.isDecoded && list.count == 8)
        #expect(list.undecoded?.appended == [9, 2, 6])
        #expect(Array(list) == [3, 1, 4, 1, 5, 9, 2, 6])
        #expect(list.isDecoded)
        #expect(list.array == [3, 1, 4, 1, 5, 9, 2, 6])
        #expect(list[0] == 3 && list[7] == 6 && list.last == 6)
        list[1] = 7
        #expect(list.array == [3, 7, 4, 1, 5, 9, 2, 6])
    }

    @Test("equality and hashing are the elements', however they are held")
    func equalityAndHashing() {
        let plain: DeferredList<Int> = [3, 1, 4]
        let lazy = encoded([3, 1, 4])
        #expect(plain == lazy)
        #expect(plain.hashValue == lazy.hashValue)
        var appended = encoded([3, 1])
        appended.append(4)
        #expect(appended == plain)
        #expect(encoded([3, 1, 5]) != plain)
        #expect(encoded([]) == DeferredList<Int>())
        #expect(encoded([]).isDecoded, "an empty list has nothing to decode")
        #expect(plain.description == [3, 1, 4].description)
    }

    @Test("copies are independent: an append to one leaves the other as it was")
    func copyOnWrite() {
        let original = encoded([1, 2])
        var copy = original
        copy.append(3)
        #expect(original.count == 2 && copy.count == 3)
        #expect(!original.isDecoded && !copy.isDecoded)
        var changed = original
        changed[0] = 10
        #expect(original.array == [1, 2] && changed.array == [10, 2] && copy.array == [1, 2, 3])
        var emptied = copy
        emptied.removeAll()
        #expect(emptied.isEmpty && copy.count == 3)
    }

    @Test("copies read on several threads decode once, to the same elements")
    func concurrentReads() async {
        let numbers = Array(0..<5_000)
        let list = encoded(numbers)
        let sums = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { list.reduce(0, +) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sums == Array(repeating: numbers.reduce(0, +), count: 8))
    }

    @Test("Codable writes and reads it exactly as an array")
    func codable() throws {
        let list = encoded([5, 6, 7])
        let data = try JSONEncoder().encode(list)
        #expect(data == (try JSONEncoder().encode([5, 6, 7])))
        #expect(try JSONDecoder().decode(DeferredList<Int>.self, from: data) == list)
    }
}
