/// A cache of a plan folded up to a journal line, so a long journal need not be replayed from
/// the start on every command; it proves itself before it is used, and is never trusted
/// further than it can prove.
///
/// It holds the plan (its state, not its delivery record) and names the line it folded: its
/// number, its SHA-256 and where it starts in the journal. A checksum covers all of it. A
/// snapshot is used only if the checksum holds and the journal still has that line, with that
/// hash and number, at that place; then only the journal after the line is read. Anything
/// else — missing, damaged, edited, of another version, for a journal that was cut or
/// rewritten — and the journal is replayed in full instead (with a notice for anything but a
/// missing or old snapshot), and the snapshot written anew. Deleting it changes nothing but
/// speed. `wsoa verify` compares every snapshot with a fresh fold of its journal.
///
/// The checksum finds any accidental change and any edit that does not also recompute it; an
/// edit that does is found by `verify`, which compares every snapshot with a fresh fold.
struct Snapshot {
    /// The plan as folded through line `seq`.
    let plan: Plan
    /// The last line folded.
    let seq: Int
    /// SHA-256 of that line.
    let lineHash: SHA256.Digest
    /// Where that line starts in the journal, in bytes.
    let lineStart: Int
    /// The latest `on` among the folded events, so an `--as-of` view knows whether it may start here.
    let lastOn: Day

    /// The file name in a plan's folder.
    static let fileName = "snapshot.bin"
    /// The file name of the JSON cache earlier versions wrote, removed when a snapshot is written.
    static let formerFileName = "snapshot.json"

    /// The encoding this build writes; a snapshot of another is ignored and rebuilt.
    static let version: UInt64 = 10

    /// What a snapshot file starts with, so it is recognised (and not taken for anything else).
    private static let magic = Array("wsoa snapshot\n".utf8)

    /// The most bytes a genuine snapshot of a journal of `journalBytes` bytes can take.
    ///
    /// Each line adds to the plan at most its own texts and a few numbers, fewer bytes than the
    /// line itself (its `prev` alone is 64), so twice the journal and a margin is never
    /// reached; a larger file, damaged or planted to slow every command down, is not read.
    static func maximumBytes(forJournalOf journalBytes: Int) -> Int { 2 * journalBytes + 65_536 }

    /// The bytes of the snapshot file in `folder` (opened without following a link), when it
    /// is no larger than a snapshot of `journal` can be; `Problem.damaged` when it is.
    static func bytes(in folder: OpenFile, journal: OpenFile) throws -> [UInt8] {
        let file = try FileSystem.openRegularFile(fileName, in: folder)
        let size = Int(try file.status().st_size), journalSize = Int(try journal.status().st_size)
        guard size <= maximumBytes(forJournalOf: journalSize) else {
            throw Problem.damaged("is \(size) bytes, more than a snapshot of its journal of \(journalSize) bytes can be")
        }
        return try FileSystem.read(file)
    }

    /// The checksum's length at the end of the file.
    private static let checksumBytes = 8

    /// The snapshot's bytes: the magic, the body, and the checksum of both.
    var bytes: [UInt8] {
        var out = SnapshotWriter()
        out.append(Snapshot.magic)
        out.write(Snapshot.version)
        out.write(plan.id)
        out.write(UInt64(seq))
        out.append(lineHash.bytes)
        out.write(UInt64(lineStart))
        out.write(lastOn)
        plan.write(to: &out)
        let body = out.bytes
        return body + Snapshot.checksumBytes(of: body[...])
    }

    /// Why a snapshot file could not be used.
    enum Problem: Error, Equatable {
        /// It was written by another version of wsoa (not worth a notice: it is simply rebuilt).
        case otherVersion
        /// It does not check out; the reason completes "the snapshot …".
        case damaged(String)
    }

    /// Reads a snapshot of plan `planID` from `bytes`, checking its checksum and shape.
    init(bytes: [UInt8], planID: String) throws(Problem) {
        let magic = Snapshot.magic
        guard bytes.count >= magic.count + Snapshot.checksumBytes, bytes.starts(with: magic) else { throw .damaged("is not a wsoa snapshot") }
        let body = 0..<(bytes.count - Snapshot.checksumBytes)
        guard Snapshot.checksumBytes(of: bytes[body]).elementsEqual(bytes[body.upperBound...]) else {
            throw .damaged("does not match its checksum, so it was changed after it was written")
        }
        do {
            (seq, lineHash, lineStart, lastOn, plan) = try bytes.withUnsafeBytes { raw in
                var input = SnapshotReader(raw, magic.count..<body.upperBound)
                return try Snapshot.fields(from: &input, planID: planID)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .damaged("could not be read to the end")
        }
    }

    /// What follows the magic: the version, the plan id, the line folded and the plan.
    private static func fields(from input: inout SnapshotReader, planID: String) throws
        -> (seq: Int, lineHash: SHA256.Digest, lineStart: Int, lastOn: Day, plan: Plan) {
        guard try input.uint() == Snapshot.version else { throw Problem.otherVersion }
        guard try input.string() == planID else { throw Problem.damaged("is of another plan") }
        // Numbers no journal can have (the reader refuses a seq past Int32.max) are damage,
        // not a trap or an overflow further on.
        let seq = try input.uint()
        let lineHash = try SHA256.Digest(bytes: input.raw(32))
        let lineStart = try input.uint()
        guard (1...UInt64(Int32.max)).contains(seq), lineStart < UInt64(Int32.max) * UInt64(JournalLine.maximumBytes) else {
            throw Problem.damaged("names a line no journal can have")
        }
        let lastOn = try input.day()
        let plan = try Plan(from: &input)
        guard input.atEnd, plan.id == planID else { throw Problem.damaged("holds more or less than a plan") }
        return (Int(seq), lineHash, Int(lineStart), lastOn, plan)
    }

    /// A snapshot of `plan`, folded through line `seq` (hash `lineHash`, starting at `lineStart`).
    init(plan: Plan, seq: Int, lineHash: SHA256.Digest, lineStart: Int, lastOn: Day) {
        self.plan = plan
        self.seq = seq
        self.lineHash = lineHash
        self.lineStart = lineStart
        self.lastOn = lastOn
    }

    /// The checksum of `body` as the bytes that follow it in the file (little-endian).
    static func checksumBytes(of body: ArraySlice<UInt8>) -> [UInt8] {
        withUnsafeBytes(of: checksum(body).littleEndian, Array.init)
    }

    /// A 64-bit checksum of `bytes`, read eight bytes at a time in four lanes.
    ///
    /// Every command that starts from a snapshot checks it, so it must cost far less than the
    /// fold it saves (SHA-256 of a 1 MB snapshot took a third of such a command). Each lane
    /// steps `rotl(lane + word × p2, 31) × p1`, which is one-to-one in the lane for any word, and
    /// the lanes, the rest and the length are combined and mixed by one-to-one steps too: so a
    /// change within any eight bytes always changes the checksum, and any other change goes
    /// unseen about once in 2⁶⁴. Like any unkeyed checksum (the SHA-256 before it included) it
    /// does not stop someone who rewrites it after an edit; `verify` finds that.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        func rotl(_ value: UInt64, _ count: UInt64) -> UInt64 { value << count | value >> (64 - count) }
        func step(_ lane: UInt64, _ word: UInt64) -> UInt64 { rotl(lane &+ word &* p2, 31) &* p1 }
        return bytes.withUnsafeBytes { raw in
            func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            var lanes = (p1 &+ p2, p2, UInt64(0), 0 &- p1)
            var offset = 0
            while offset + 32 <= raw.count {
                lanes = (step(lanes.0, word(offset)), step(lanes.1, word(offset + 8)),
                         step(lanes.2, word(offset + 16)), step(lanes.3, word(offset + 24)))
                offset += 32
            }
            var sum = rotl(lanes.0, 1) &+ rotl(lanes.1, 7) &+ rotl(lanes.2, 12) &+ rotl(lanes.3, 18)
            while offset + 8 <= raw.count {
                sum = step(sum, word(offset))
                offset += 8
            }
            if offset < raw.count {
                var last: UInt64 = 0
                for index in offset..<raw.count { last |= UInt64(raw[index]) << (UInt64(index - offset) * 8) }
                sum = step(sum, last)
            }
            sum = step(sum, UInt64(raw.count))
            // Spread every bit over the whole result.
            sum ^= sum >> 33
            sum &*= p2
            sum ^= sum >> 29
            sum &*= p1
            return sum ^ sum >> 32
        }
    }
}
