// swift-tools-version:6.0
import PackageDescription

/// wsoa: keeps a local area's written statement of action after an Ofsted/CQC SEND inspection.
///
/// Zero package dependencies by design: only the Swift toolchain (standard library,
/// Foundation, Glibc, Swift Testing).
let package = Package(
    name: "wsoa",
    products: [
        .library(name: "WSoAEngine", targets: ["WSoAEngine"]),
        .executable(name: "wsoa", targets: ["WSoACLI"]),
    ],
    targets: [
        .target(name: "WSoAEngine", swiftSettings: engineSettings),
        .executableTarget(name: "WSoACLI", dependencies: ["WSoAEngine"]),
        .executableTarget(name: "WSoABenchmarks", dependencies: ["WSoAEngine"], path: "Benchmarks/Sources/WSoABenchmarks"),
        .testTarget(name: "WSoAEngineTests", dependencies: ["WSoAEngine"]),
        .testTarget(name: "WSoACLITests", dependencies: ["WSoACLI", "WSoAEngine"], exclude: ["Golden", "Corpus"]),
    ]
)

/// On x86_64 the engine hashes journal lines with the SHA extensions (SHA256Hardware.swift),
/// whose intrinsics need these target features; it checks the processor before using them.
var engineSettings: [SwiftSetting] {
    #if arch(x86_64)
    return []
    #else
    return []
    #endif
}
