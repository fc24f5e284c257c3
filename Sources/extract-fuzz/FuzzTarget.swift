import Foundation
import NewsExtraction
#if FUZZING
import CFuzzerDriver
#endif

/// The fuzz target: one input is fed to the JSON Lines reader and, as a plain-text
/// document, through the whole pipeline (decode, segment, extract, resolve, anchor,
/// write). Built with libFuzzer by `scripts/fuzz.sh`; without it, a replay tool that
/// runs the same function over files (`extract-fuzz FILE…`).
enum FuzzTarget {
    static let processor: DocumentProcessor = {
        let extractor = try! NewsExtractor()
        return DocumentProcessor(extractor: extractor, options: ProcessingOptions(dct: DocumentDate("2023-08-25")))
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        _ = processor.processJSONLine(bytes, lineNumber: 1)
        let result = processor.processText(bytes, id: "fuzz")
        // Every output must be one valid JSON line.
        precondition(result.line.last == 0x0A && !result.line.dropLast().contains(0x0A), "output is not one line")
        let parsed = try? JSONSerialization.jsonObject(with: Data(result.line.dropLast()))
        precondition(parsed != nil, "output is not valid JSON")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// Under libFuzzer (`-DFUZZING`), hands control to its driver; otherwise replays files.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            [UInt8](data).withUnsafeBufferPointer { FuzzTarget.run($0) }
        }
        print("replayed \(CommandLine.arguments.count - 1) inputs")
        #endif
    }
}
