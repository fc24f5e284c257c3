import Foundation
import XCTest
@testable import NewsExtraction

/// Replays every input of the fuzzing corpus (`fuzz/corpus`, crashes found by
/// `scripts/fuzz.sh` included) through the JSON Lines reader and the whole pipeline:
/// each must give exactly one valid JSON output line.
final class FuzzCorpusTests: XCTestCase {
    func testEveryFuzzInputGivesOneValidLine() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("fuzz/corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertFalse(files.isEmpty)
        let processor = DocumentProcessor(extractor: try NewsExtractor(), options: ProcessingOptions(dct: DocumentDate("2023-08-25")))
        for name in files {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            for result in bytes.withUnsafeBufferPointer({ [processor.processJSONLine($0, lineNumber: 1), processor.processText($0, id: name)] }) {
                XCTAssertEqual(result.line.last, 0x0A, name)
                XCTAssertFalse(result.line.dropLast().contains(0x0A), name)
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(result.line.dropLast())), name)
            }
        }
    }
}
