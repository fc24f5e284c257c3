// swift-tools-version:6.0
import PackageDescription

// Release executables carry the Swift runtime and Foundation inside them: loading and
// binding a dozen shared libraries cost ~7 ms of every `extract` run (#8, start-up).
// Debug builds (tests, sanitizers) stay dynamic.
let staticInRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticLinkInRelease: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "news-extract",
    products: [
        .library(name: "NewsExtraction", targets: ["NewsExtraction"]),
        .executable(name: "extract", targets: ["extract"]),
        .executable(name: "extract-bench", targets: ["extract-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Plain-C binding of the system ICU (Debian's libicu-dev). Its header exposes only
        // plain C types so that no ICU header reaches Swift.
        .target(
            name: "CICU",
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "NewsExtraction",
            dependencies: ["CICU"],
            resources: [.copy("Resources")],
            swiftSettings: [.unsafeFlags(["-Ounchecked", "-static-stdlib"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "extract",
            dependencies: [
                "NewsExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticInRelease,
            linkerSettings: staticLinkInRelease
        ),
        .executableTarget(
            name: "extract-bench",
            dependencies: ["NewsExtraction"],
            swiftSettings: staticInRelease,
            linkerSettings: staticLinkInRelease
        ),
        // libFuzzer target (scripts/fuzz.sh builds it with -sanitize=fuzzer); a replay tool otherwise.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "extract-fuzz",
            dependencies: ["NewsExtraction", "CFuzzerDriver"],
            swiftSettings: staticInRelease,
            linkerSettings: staticLinkInRelease
        ),
        .testTarget(
            name: "NewsExtractionTests",
            dependencies: ["NewsExtraction", "extract"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
