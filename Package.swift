// swift-tools-version:6.0
import PackageDescription

/// wsoa: keeps a local area's written statement of action after an Ofsted/CQC SEND inspection.
///
/// Zero package dependencies and no unsafe flags, by design: only the Swift toolchain
/// (standard library, Foundation, Dispatch, Glibc, Swift Testing), so any package can depend on it.
let package = Package(
    name: "wsoa",
    products: [
        .library(name: "WSoAEngine", targets: ["WSoAEngine"]),
        .executable(name: "wsoa", targets: ["WSoACLI"]),
    ],
    targets: [
        .target(name: "WSoAEngine"),
        .executableTarget(name: "WSoACLI", dependencies: ["WSoAEngine"]),
        .executableTarget(name: "WSoABenchmarks", dependencies: ["WSoAEngine"], path: "Benchmarks/Sources/WSoABenchmarks"),
        .testTarget(name: "WSoAEngineTests", dependencies: ["WSoAEngine"]),
        .testTarget(name: "WSoACLITests", dependencies: ["WSoACLI", "WSoAEngine"], exclude: ["Golden", "Corpus"]),
    ]
)
