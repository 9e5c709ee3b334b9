#if arch(x86_64) && canImport(_Builtin_intrinsics.intel)
import _Builtin_intrinsics.intel
import _Builtin_intrinsics.intel.cpuid

/// SHA-256 compression with the x86 SHA extensions (SHA-NI), several times faster than the
/// portable rounds in `SHA256`, which uses it whenever the processor has them.
///
/// Every journal read hashes every line to check the chain, so hashing is a large share of a
/// replay. The intrinsics need the module built with `-msha -mssse3 -msse4.1` (Package.swift
/// adds them on x86_64); `isAvailable` asks the processor (CPUID leaf 7, EBX bit 29, and
/// SSSE3/SSE4.1 in leaf 1) before any of them runs, so older processors keep the portable path.
enum SHA256Hardware {
    /// Whether this processor has the SHA extensions (and the SSSE3/SSE4.1 they are used with).
    static let isAvailable: Bool = {
        var eax: UInt32 = 0, ebx: UInt32 = 0, ecx: UInt32 = 0, edx: UInt32 = 0
        guard __get_cpuid_count(1, 0, &eax, &ebx, &ecx, &edx) != 0 else { return false }
        let ssse3 = ecx & (1 << 9) != 0, sse41 = ecx & (1 << 19) != 0
        guard __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0 else { return false }
        return ssse3 && sse41 && ebx & (1 << 29) != 0
    }()

    /// Compresses `count` 64-byte blocks at `blocks` into `state` (H0…H7).
    ///
    /// Call only when `isAvailable`.
    static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                         blocks: UnsafeRawPointer, count: Int) {
        // The instructions keep the working variables as ABEF and CDGH (high lane first).
        var abef = _mm_set_epi32(Int32(bitPattern: state.0), Int32(bitPattern: state.1),
                                 Int32(bitPattern: state.4), Int32(bitPattern: state.5))
        var cdgh = _mm_set_epi32(Int32(bitPattern: state.2), Int32(bitPattern: state.3),
                                 Int32(bitPattern: state.6), Int32(bitPattern: state.7))
        // Big-endian words: reverse the bytes of each 32-bit lane.
        let byteSwap = _mm_set_epi64x(0x0C0D_0E0F_0809_0A0B, 0x0405_0607_0001_0203)
        var p = blocks
        var m0 = abef, m1 = abef, m2 = abef, m3 = abef
        var message = abef
        for _ in 0..<count {
            let savedABEF = abef, savedCDGH = cdgh
            m0 = _mm_shuffle_epi8(p.loadUnaligned(fromByteOffset: 0, as: __m128i.self), byteSwap)
            message = _mm_add_epi32(m0, _mm_set_epi64x(Int64(bitPattern: 0xE9B5DBA5B5C0FBCF), Int64(bitPattern: 0x71374491428A2F98)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m1 = _mm_shuffle_epi8(p.loadUnaligned(fromByteOffset: 16, as: __m128i.self), byteSwap)
            message = _mm_add_epi32(m1, _mm_set_epi64x(Int64(bitPattern: 0xAB1C5ED5923F82A4), Int64(bitPattern: 0x59F111F13956C25B)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m0 = _mm_sha256msg1_epu32(m0, m1)
            m2 = _mm_shuffle_epi8(p.loadUnaligned(fromByteOffset: 32, as: __m128i.self), byteSwap)
            message = _mm_add_epi32(m2, _mm_set_epi64x(Int64(bitPattern: 0x550C7DC3243185BE), Int64(bitPattern: 0x12835B01D807AA98)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m1 = _mm_sha256msg1_epu32(m1, m2)
            m3 = _mm_shuffle_epi8(p.loadUnaligned(fromByteOffset: 48, as: __m128i.self), byteSwap)
            message = _mm_add_epi32(m3, _mm_set_epi64x(Int64(bitPattern: 0xC19BF1749BDC06A7), Int64(bitPattern: 0x80DEB1FE72BE5D74)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, alignRight4(m3, m2)), m3)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m2 = _mm_sha256msg1_epu32(m2, m3)
            message = _mm_add_epi32(m0, _mm_set_epi64x(Int64(bitPattern: 0x240CA1CC0FC19DC6), Int64(bitPattern: 0xEFBE4786E49B69C1)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, alignRight4(m0, m3)), m0)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m3 = _mm_sha256msg1_epu32(m3, m0)
            message = _mm_add_epi32(m1, _mm_set_epi64x(Int64(bitPattern: 0x76F988DA5CB0A9DC), Int64(bitPattern: 0x4A7484AA2DE92C6F)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, alignRight4(m1, m0)), m1)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m0 = _mm_sha256msg1_epu32(m0, m1)
            message = _mm_add_epi32(m2, _mm_set_epi64x(Int64(bitPattern: 0xBF597FC7B00327C8), Int64(bitPattern: 0xA831C66D983E5152)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, alignRight4(m2, m1)), m2)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m1 = _mm_sha256msg1_epu32(m1, m2)
            message = _mm_add_epi32(m3, _mm_set_epi64x(Int64(bitPattern: 0x1429296706CA6351), Int64(bitPattern: 0xD5A79147C6E00BF3)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, alignRight4(m3, m2)), m3)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m2 = _mm_sha256msg1_epu32(m2, m3)
            message = _mm_add_epi32(m0, _mm_set_epi64x(Int64(bitPattern: 0x53380D134D2C6DFC), Int64(bitPattern: 0x2E1B213827B70A85)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, alignRight4(m0, m3)), m0)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m3 = _mm_sha256msg1_epu32(m3, m0)
            message = _mm_add_epi32(m1, _mm_set_epi64x(Int64(bitPattern: 0x92722C8581C2C92E), Int64(bitPattern: 0x766A0ABB650A7354)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, alignRight4(m1, m0)), m1)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m0 = _mm_sha256msg1_epu32(m0, m1)
            message = _mm_add_epi32(m2, _mm_set_epi64x(Int64(bitPattern: 0xC76C51A3C24B8B70), Int64(bitPattern: 0xA81A664BA2BFE8A1)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, alignRight4(m2, m1)), m2)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m1 = _mm_sha256msg1_epu32(m1, m2)
            message = _mm_add_epi32(m3, _mm_set_epi64x(Int64(bitPattern: 0x106AA070F40E3585), Int64(bitPattern: 0xD6990624D192E819)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, alignRight4(m3, m2)), m3)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m2 = _mm_sha256msg1_epu32(m2, m3)
            message = _mm_add_epi32(m0, _mm_set_epi64x(Int64(bitPattern: 0x34B0BCB52748774C), Int64(bitPattern: 0x1E376C0819A4C116)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, alignRight4(m0, m3)), m0)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            m3 = _mm_sha256msg1_epu32(m3, m0)
            message = _mm_add_epi32(m1, _mm_set_epi64x(Int64(bitPattern: 0x682E6FF35B9CCA4F), Int64(bitPattern: 0x4ED8AA4A391C0CB3)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, alignRight4(m1, m0)), m1)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            message = _mm_add_epi32(m2, _mm_set_epi64x(Int64(bitPattern: 0x8CC7020884C87814), Int64(bitPattern: 0x78A5636F748F82EE)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, alignRight4(m2, m1)), m2)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            message = _mm_add_epi32(m3, _mm_set_epi64x(Int64(bitPattern: 0xC67178F2BEF9A3F7), Int64(bitPattern: 0xA4506CEB90BEFFFA)))
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, message)
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_unpackhi_epi64(message, message))
            abef = _mm_add_epi32(abef, savedABEF)
            cdgh = _mm_add_epi32(cdgh, savedCDGH)
            p += 64
        }
        withUnsafeBytes(of: abef) { raw in
            state.5 = raw.load(fromByteOffset: 0, as: UInt32.self)
            state.4 = raw.load(fromByteOffset: 4, as: UInt32.self)
            state.1 = raw.load(fromByteOffset: 8, as: UInt32.self)
            state.0 = raw.load(fromByteOffset: 12, as: UInt32.self)
        }
        withUnsafeBytes(of: cdgh) { raw in
            state.7 = raw.load(fromByteOffset: 0, as: UInt32.self)
            state.6 = raw.load(fromByteOffset: 4, as: UInt32.self)
            state.3 = raw.load(fromByteOffset: 8, as: UInt32.self)
            state.2 = raw.load(fromByteOffset: 12, as: UInt32.self)
        }
    }

    /// The 32-bit lanes `[low.1, low.2, low.3, high.0]`: `palignr high, low, 4`, which Swift
    /// cannot import (its immediate makes it a macro), as two byte shuffles.
    @inline(__always)
    private static func alignRight4(_ high: __m128i, _ low: __m128i) -> __m128i {
        let fromLow = _mm_set_epi64x(Int64(bitPattern: 0x8080_8080_0F0E_0D0C), 0x0B0A_0908_0706_0504)
        let fromHigh = _mm_set_epi64x(0x0302_0100_8080_8080 as Int64, Int64(bitPattern: 0x8080_8080_8080_8080))
        return _mm_or_si128(_mm_shuffle_epi8(low, fromLow), _mm_shuffle_epi8(high, fromHigh))
    }
}
#endif
