extension SHA256 {
    /// One 32-bit word for each lane: element j belongs to the message in lane j.
    ///
    /// Journal lines are independent messages, so several are hashed at once, one per lane
    /// (the "multi-buffer" technique). The standard library's SIMD types lower to SSE2 on any
    /// x86-64 and to NEON on arm64 with no compiler flags. Four lanes fill one SSE2 register;
    /// eight (two registers) measured no faster here and spill more, and waste more lanes when
    /// a batch has few messages.
    typealias LaneWords = SIMD4<UInt32>

    /// How many messages are hashed side by side.
    static var laneCount: Int { LaneWords.scalarCount }

    /// Messages longer than this many bytes are hashed on their own by the scalar path.
    ///
    /// When no messages are left to start, the lanes still busy run with the others idle;
    /// capping the length of a message in a lane bounds that waste to about 64 blocks per
    /// call. Journal lines are a few hundred bytes, so only the rare huge line goes scalar.
    static let laneLengthLimit = 4096

    /// The digests of `ranges.count` messages, message i being bytes `ranges[i]` of `bytes`, in order.
    ///
    /// Replay hashes every journal line to check the chain; hashing four lines per step with
    /// vector instructions is about twice as fast as one line at a time with scalar ones.
    /// Each lane starts the next message as soon as its own is done, so lines of different
    /// lengths keep every lane busy. A single message is hashed by the scalar path, which is
    /// cheaper than a step of four lanes with three of them idle.
    static func digests(of ranges: UnsafeBufferPointer<Range<Int>>, in bytes: UnsafeRawBufferPointer) -> [Digest] {
        for range in ranges {
            precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "message outside the bytes")
        }
        guard ranges.count > 1 else {
            return ranges.map { Digest(of: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
        }
        var digests = [Digest](repeating: .genesis, count: ranges.count)
        digests.withUnsafeMutableBufferPointer { out in
            // The lanes' tail blocks and the schedule live on the stack: no allocation per call.
            withUnsafeTemporaryAllocation(byteCount: 128 * laneCount, alignment: 16) { tails in
                withUnsafeTemporaryAllocation(of: LaneWords.self, capacity: 64) { schedule in
                    var hasher = LaneHasher(ranges: ranges, bytes: bytes, out: out,
                                            tails: tails.baseAddress!, schedule: schedule.baseAddress!)
                    hasher.run()
                }
            }
        }
        return digests
    }

    /// The digests of the messages `ranges` of `bytes`, in order (see the pointer version).
    ///
    /// The form a `Journal` holds its lines in: the file's bytes and each line's range.
    static func digests(of ranges: [Range<Int>], in bytes: [UInt8]) -> [Digest] {
        ranges.withUnsafeBufferPointer { ranges in
            bytes.withUnsafeBytes { digests(of: ranges, in: $0) }
        }
    }
}

/// The state of one `SHA256.digests(of:in:)` call: which message each lane hashes, where
/// each lane's next 64-byte block is, and the lanes' working state.
///
/// A lane reads its message's whole blocks straight from the input, then one or two blocks
/// from its own 128-byte tail buffer, which holds the message's last partial block followed by
/// the padding and the length; so no message is copied but its last few bytes.
private struct LaneHasher {
    /// Where one lane is in its message.
    struct Lane {
        /// The index of the message in the lane, or nil while the lane is idle.
        var message: Int?
        /// The lane's next block.
        var cursor: UnsafeRawPointer
        /// How many blocks are left at `cursor`, the next one included.
        var blocksAtCursor: Int
        /// How many blocks of the tail buffer come after those at `cursor` (0 once reading it).
        var tailBlocks: Int
    }

    /// The messages' byte ranges.
    let ranges: UnsafeBufferPointer<Range<Int>>
    /// The bytes the ranges index.
    let bytes: UnsafeRawBufferPointer
    /// Where digest i goes.
    let out: UnsafeMutableBufferPointer<SHA256.Digest>
    /// The lanes' tail buffers, 128 bytes each, lane j's at `tails + 128 * j`.
    let tails: UnsafeMutableRawPointer
    /// The 64 words of the message schedule, W0…W63 plus the round constants, for every lane.
    let schedule: UnsafeMutablePointer<SHA256.LaneWords>
    /// The next message not yet given to a lane.
    var nextMessage = 0
    /// The lanes.
    var lanes: [Lane]
    /// How many lanes hold a message.
    var busy = 0
    /// The working state H0…H7 of every lane, one vector per word.
    var state: (SHA256.LaneWords, SHA256.LaneWords, SHA256.LaneWords, SHA256.LaneWords,
                SHA256.LaneWords, SHA256.LaneWords, SHA256.LaneWords, SHA256.LaneWords)

    /// Prepares to write the digests of `ranges` of `bytes` to `out`, using the scratch memory
    /// `tails` (128 bytes a lane) and `schedule` (64 vectors).
    init(ranges: UnsafeBufferPointer<Range<Int>>, bytes: UnsafeRawBufferPointer,
         out: UnsafeMutableBufferPointer<SHA256.Digest>,
         tails: UnsafeMutableRawPointer, schedule: UnsafeMutablePointer<SHA256.LaneWords>) {
        self.ranges = ranges
        self.bytes = bytes
        self.out = out
        self.tails = tails
        self.schedule = schedule
        // Idle lanes hash their tail buffer and throw the result away, so it must be initialised.
        tails.initializeMemory(as: UInt8.self, repeating: 0, count: 128 * SHA256.laneCount)
        schedule.initialize(repeating: SHA256.LaneWords(), count: 64)
        lanes = (0..<SHA256.laneCount).map { lane in
            Lane(message: nil, cursor: UnsafeRawPointer(tails + 128 * lane), blocksAtCursor: 0, tailBlocks: 0)
        }
        let zero = SHA256.LaneWords()
        state = (zero, zero, zero, zero, zero, zero, zero, zero)
    }

    /// Hashes every message, writing each digest to `out` as its lane finishes it.
    mutating func run() {
        for lane in lanes.indices { start(lane: lane) }
        while busy > 0 {
            compress()
            for lane in lanes.indices { advance(lane: lane) }
        }
    }

    /// Moves lane `lane` past the block just compressed: to its tail buffer after the last
    /// whole block, or, after the last block of all, writes its digest and starts the next message.
    mutating func advance(lane: Int) {
        guard let message = lanes[lane].message else { return }
        lanes[lane].cursor += 64
        lanes[lane].blocksAtCursor -= 1
        guard lanes[lane].blocksAtCursor == 0 else { return }
        if lanes[lane].tailBlocks > 0 {
            lanes[lane].cursor = UnsafeRawPointer(tails + 128 * lane)
            lanes[lane].blocksAtCursor = lanes[lane].tailBlocks
            lanes[lane].tailBlocks = 0
            return
        }
        out[message] = SHA256.Digest(words: (state.0[lane], state.1[lane], state.2[lane], state.3[lane],
                                             state.4[lane], state.5[lane], state.6[lane], state.7[lane]))
        busy -= 1
        start(lane: lane)
    }

    /// Gives lane `lane` the next message short enough for a lane, hashing any longer ones on
    /// the way with the scalar path, or leaves the lane idle when no message is left.
    mutating func start(lane: Int) {
        while nextMessage < ranges.count, ranges[nextMessage].count > SHA256.laneLengthLimit {
            out[nextMessage] = SHA256.Digest(of: UnsafeRawBufferPointer(rebasing: bytes[ranges[nextMessage]]))
            nextMessage += 1
        }
        let tail = tails + 128 * lane
        guard nextMessage < ranges.count else {
            // Idle: the cursor stays on the tail buffer, which `compress` may read but nothing uses.
            lanes[lane] = Lane(message: nil, cursor: UnsafeRawPointer(tail), blocksAtCursor: 0, tailBlocks: 0)
            return
        }
        let range = ranges[nextMessage]
        // The last partial block, then 0x80, zeros, and the length in bits in the last 8 bytes:
        // one block if at least 9 bytes are free after the partial block, else two.
        let whole = range.count / 64
        let rest = range.count % 64
        let tailBlocks = rest < 56 ? 1 : 2
        tail.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
        if rest > 0 {
            tail.copyMemory(from: bytes.baseAddress! + (range.upperBound - rest), byteCount: rest)
        }
        tail.storeBytes(of: 0x80, toByteOffset: rest, as: UInt8.self)
        tail.storeBytes(of: (UInt64(range.count) &* 8).bigEndian, toByteOffset: tailBlocks * 64 - 8, as: UInt64.self)
        if whole > 0 {
            lanes[lane] = Lane(message: nextMessage, cursor: UnsafeRawPointer(bytes.baseAddress! + range.lowerBound),
                               blocksAtCursor: whole, tailBlocks: tailBlocks)
        } else {
            lanes[lane] = Lane(message: nextMessage, cursor: UnsafeRawPointer(tail),
                               blocksAtCursor: tailBlocks, tailBlocks: 0)
        }
        nextMessage += 1
        busy += 1
        state.0[lane] = 0x6a09_e667
        state.1[lane] = 0xbb67_ae85
        state.2[lane] = 0x3c6e_f372
        state.3[lane] = 0xa54f_f53a
        state.4[lane] = 0x510e_527f
        state.5[lane] = 0x9b05_688c
        state.6[lane] = 0x1f83_d9ab
        state.7[lane] = 0x5be0_cd19
    }

    /// Word `index` (0..<16) of every lane's next block, read big-endian.
    ///
    /// Plain loads put into the vector one lane at a time; loading four words per lane and
    /// transposing them with shuffles measured no faster.
    @inline(__always)
    func column(_ index: Int) -> SHA256.LaneWords {
        var words = SHA256.LaneWords()
        for lane in 0..<SHA256.laneCount {
            words[lane] = UInt32(bigEndian: lanes[lane].cursor.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
        }
        return words
    }

    /// Compresses every lane's next block into its state (FIPS 180-4 §6.2.2).
    ///
    /// The schedule goes to memory first rather than rolling through sixteen locals as in the
    /// scalar `compress`: with eight state vectors and sixteen word vectors SSE2's sixteen
    /// registers spill anyway, and written this way it is shorter and measured as fast.
    mutating func compress() {
        let w = schedule
        for t in 0..<16 { w[t] = column(t) }
        for t in 16..<64 {
            w[t] = SHA256.laneSigma1(w[t - 2]) &+ w[t - 7] &+ SHA256.laneSigma0(w[t - 15]) &+ w[t - 16]
        }
        SHA256.laneConstants.withUnsafeBufferPointer { k in
            for t in 0..<64 { w[t] &+= SHA256.LaneWords(repeating: k[t]) }
        }
        var (a, b, c, d, e, f, g, h) = state
        var bc = b ^ c
        // Eight rounds per pass, rotating the roles of the variables instead of moving them.
        for t in stride(from: 0, to: 64, by: 8) {
            SHA256.laneRound(a, b, c, &d, e, f, g, &h, w[t], &bc)
            SHA256.laneRound(h, a, b, &c, d, e, f, &g, w[t + 1], &bc)
            SHA256.laneRound(g, h, a, &b, c, d, e, &f, w[t + 2], &bc)
            SHA256.laneRound(f, g, h, &a, b, c, d, &e, w[t + 3], &bc)
            SHA256.laneRound(e, f, g, &h, a, b, c, &d, w[t + 4], &bc)
            SHA256.laneRound(d, e, f, &g, h, a, b, &c, w[t + 5], &bc)
            SHA256.laneRound(c, d, e, &f, g, h, a, &b, w[t + 6], &bc)
            SHA256.laneRound(b, c, d, &e, f, g, h, &a, w[t + 7], &bc)
        }
        state.0 &+= a; state.1 &+= b; state.2 &+= c; state.3 &+= d
        state.4 &+= e; state.5 &+= f; state.6 &+= g; state.7 &+= h
    }
}

extension SHA256 {
    /// The round constants K0…K63 (FIPS 180-4 §4.2.2), the same as the scalar `compress`'s literals.
    static let laneConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Rotate right of every lane by `n`, as two shifts and an add.
    ///
    /// SSE2 has no vector rotate. Written with `|`, LLVM recognised each lane's rotate and
    /// moved the lanes out to scalar `rol`s (slower than the scalar hash); `&+`, the same
    /// here because the two shifts share no bits, keeps it as `psrld`, `pslld` and `por`.
    @inline(__always)
    fileprivate static func laneRotr(_ x: LaneWords, _ n: UInt32) -> LaneWords {
        (x &>> n) &+ (x &<< (32 &- n))
    }

    /// σ0 of the message schedule (FIPS 180-4 §4.1.2, 4.6), for every lane.
    @inline(__always)
    fileprivate static func laneSigma0(_ x: LaneWords) -> LaneWords { laneRotr(x, 7) ^ laneRotr(x, 18) ^ (x &>> 3) }

    /// σ1 of the message schedule (FIPS 180-4 §4.1.2, 4.7), for every lane.
    @inline(__always)
    fileprivate static func laneSigma1(_ x: LaneWords) -> LaneWords { laneRotr(x, 17) ^ laneRotr(x, 19) ^ (x &>> 10) }

    /// One round for every lane, `kw` being the schedule word plus the round constant.
    ///
    /// Σ1 and Σ0 are nested as in the scalar round, which left LLVM fewer register copies.
    /// Maj(a, b, c) is computed as b ^ ((a ^ b) & (b ^ c)): this round's a ^ b is the next
    /// round's b ^ c, so `bc` carries it over and each round saves an instruction.
    @inline(__always)
    fileprivate static func laneRound(
        _ a: LaneWords, _ b: LaneWords, _ c: LaneWords, _ d: inout LaneWords,
        _ e: LaneWords, _ f: LaneWords, _ g: LaneWords, _ h: inout LaneWords,
        _ kw: LaneWords, _ bc: inout LaneWords
    ) {
        // Σ1(e) = rotr(e,6) ^ rotr(e,11) ^ rotr(e,25).
        let s1 = laneRotr(laneRotr(laneRotr(e, 14) ^ e, 5) ^ e, 6)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ s1 &+ choose &+ kw
        // Σ0(a) = rotr(a,2) ^ rotr(a,13) ^ rotr(a,22).
        let s0 = laneRotr(laneRotr(laneRotr(a, 9) ^ a, 11) ^ a, 2)
        let ab = a ^ b
        let majority = b ^ (ab & bc)
        bc = ab
        d &+= t1
        h = t1 &+ s0 &+ majority
    }
}
