// swift-tools-version:6.0
import PackageDescription

// Targets as docs/ARCHITECTURE.md describes them: arrows only point down
// (lessons -> LessonsServe -> LessonsKit -> Presentation/Codegen/Browser -> Site/Figures/Training
//  -> LessonModel/Autodiff -> CMark/CCairo/CZlib);
// LessonsServe holds the HTTP server (its own, on POSIX sockets) so LessonsKit stays free of networking.

/// Test code is glue around the optimised modules it tests: compiled unoptimised, the test build
/// of `make test` (`-c release`) compiles its test modules in less than half the time, and the
/// tests run as fast (1,236 tests: 553 s either way on an idle 2-core machine).
let testSettings: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

/// The engine and the training loop: no run-time exclusivity checks. Every training step reads
/// the plan's buffers and step lists through class properties, and Swift checked each access at
/// run time (a thread-local access set: 9% of W1). Their code never overlaps accesses; the
/// compiler still checks everything it can prove statically.
let hotLoops: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "lessons",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lessons", targets: ["lessons"]),
        .library(name: "LessonsKit", targets: ["LessonsKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CMark", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // Figures' own PNG encoder deflates with zlib directly (Foundation does not expose it to Swift).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TeXMath"),
        // The op registry: every operation's names, arity and family, which every layer switches over.
        .target(name: "Operations"),
        .target(name: "LessonModel", dependencies: ["CMark", "TeXMath", "Operations", .product(name: "Yams", package: "Yams")]),
        // A vector square root Swift cannot express (its own calls the C library once per lane).
        .target(name: "CVectorMath"),
        // libm: a fused multiply-add (DoubleDouble, with FUSED_MULTIPLY_ADD) built without FMA instructions is its `fma`.
        .target(name: "Autodiff", dependencies: ["Operations", "CVectorMath"], swiftSettings: hotLoops, linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Training", dependencies: ["Autodiff", "LessonModel"], swiftSettings: hotLoops),
        .target(name: "Site", dependencies: ["LessonModel", "TeXMath", "CZlib"]),
        .target(name: "Figures", dependencies: ["CCairo", "CZlib"]),
        // Programs in other languages (NumPy, PyTorch) that compute what a block computes.
        .target(name: "Codegen", dependencies: ["LessonModel", "Training", "Autodiff"]),
        // Traces and trained models turned into diagrams, charts, equations, tables and code tabs.
        .target(name: "Presentation", dependencies: ["LessonModel", "Site", "Figures", "Training", "Codegen", "CZlib"]),
        // The headless Chromium client (DevTools protocol over a pipe) used by `--pdf` and the browser tests.
        .target(name: "Browser"),
        // The build pipeline: discover, parse, check, run blocks (cached), present, render, write.
        .target(name: "LessonsKit", dependencies: ["LessonModel", "Site", "Training", "Autodiff",
                                                   "Presentation", "Codegen", "Browser"]),
        .target(name: "LessonsServe", dependencies: ["LessonsKit"]),
        .executableTarget(name: "lessons", dependencies: [
            "LessonsKit", "LessonsServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "LessonsFuzz", dependencies: ["LessonsKit", "LessonModel", "TeXMath", "Training"]),
        .executableTarget(name: "LessonsBench", dependencies: ["LessonModel", "TeXMath", "Training", "Autodiff"]),
        // Generators and fixtures several test targets share (a plain target: test targets cannot depend on each other).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LessonModelTests", dependencies: ["LessonModel", "TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "SiteTests", dependencies: ["Site", "LessonModel", "TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "CCairo", "CZlib", "TestSupport"], swiftSettings: testSettings),
        .testTarget(name: "AutodiffTests", dependencies: ["Autodiff", "Operations", "TestSupport"], exclude: ["Fixtures"], swiftSettings: testSettings),
        .testTarget(name: "TeXMathTests", dependencies: ["TeXMath", "TestSupport"], exclude: ["Fixtures"], swiftSettings: testSettings),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "LessonModel", "Autodiff"], exclude: ["Fixtures"], swiftSettings: testSettings),
        .testTarget(name: "LessonsKitTests", dependencies: ["LessonsKit", "Presentation", "Codegen", "Browser", "Training", "Autodiff", "Operations", "lessons", "TestSupport"], exclude: ["Fixtures"], swiftSettings: testSettings),
        .testTarget(name: "LessonsServeTests", dependencies: ["LessonsServe", "LessonsKit", "lessons"], swiftSettings: testSettings),
    ]
)
