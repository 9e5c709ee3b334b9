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
/// edit that does is found by `verify`, and in any case can only change what the plan's own
/// journal line already vouches for, since the line's hash is checked against the journal.
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
    static let version: UInt64 = 4

    /// What a snapshot file starts with, so it is recognised (and not taken for anything else).
    private static let magic = Array("wsoa snapshot\n".utf8)

    /// How the checksum cuts the file: the SHA-256 of the SHA-256 of each piece this long, so
    /// the pieces can be hashed side by side.
    private static let checksumPiece = 4_096

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
        return body + Snapshot.checksum(body[...]).bytes
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
        guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { throw .damaged("is not a wsoa snapshot") }
        let body = 0..<(bytes.count - 32)
        guard Snapshot.checksum(bytes[body]).bytes.elementsEqual(bytes[body.upperBound...]) else {
            throw .damaged("does not match its checksum, so it was changed after it was written")
        }
        var input = SnapshotReader(bytes, magic.count..<body.upperBound)
        do {
            guard try input.uint() == Snapshot.version else { throw Problem.otherVersion }
            guard try input.string() == planID else { throw Problem.damaged("is of another plan") }
            // Numbers no journal can have (the reader refuses a seq past Int32.max) are damage,
            // not a trap or an overflow further on.
            let seq = try input.uint()
            lineHash = try SHA256.Digest(bytes: input.raw(32))
            let lineStart = try input.uint()
            guard (1...UInt64(Int32.max)).contains(seq), lineStart < UInt64(Int32.max) * UInt64(JournalLine.maximumBytes) else {
                throw Problem.damaged("names a line no journal can have")
            }
            (self.seq, self.lineStart) = (Int(seq), Int(lineStart))
            lastOn = try input.day()
            plan = try Plan(from: &input)
            guard input.atEnd, plan.id == planID, seq >= 1 else { throw Problem.damaged("holds more or less than a plan") }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .damaged("could not be read to the end")
        }
    }

    /// A snapshot of `plan`, folded through line `seq` (hash `lineHash`, starting at `lineStart`).
    init(plan: Plan, seq: Int, lineHash: SHA256.Digest, lineStart: Int, lastOn: Day) {
        self.plan = plan
        self.seq = seq
        self.lineHash = lineHash
        self.lineStart = lineStart
        self.lastOn = lastOn
    }

    /// The SHA-256 of the SHA-256 of each `checksumPiece` bytes of `bytes`.
    private static func checksum(_ bytes: ArraySlice<UInt8>) -> SHA256.Digest {
        let pieces = stride(from: bytes.startIndex, to: bytes.endIndex, by: checksumPiece).map { start in
            (start - bytes.startIndex)..<min(start - bytes.startIndex + checksumPiece, bytes.count)
        }
        let digests = bytes.withUnsafeBytes { raw in pieces.withUnsafeBufferPointer { SHA256.digests(of: $0, in: raw) } }
        return SHA256.Digest(of: digests.flatMap(\.bytes)[...])
    }
}
