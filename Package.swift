// swift-tools-version:6.0
import PackageDescription

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
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "extract",
            dependencies: [
                "NewsExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "extract-bench",
            dependencies: ["NewsExtraction"]
        ),
        // libFuzzer target (scripts/fuzz.sh builds it with -sanitize=fuzzer); a replay tool otherwise.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "extract-fuzz",
            dependencies: ["NewsExtraction", "CFuzzerDriver"]
        ),
        .testTarget(
            name: "NewsExtractionTests",
            dependencies: ["NewsExtraction", "extract"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
