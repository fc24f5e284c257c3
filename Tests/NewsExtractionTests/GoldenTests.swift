import Foundation
import XCTest
@testable import NewsExtraction

/// Golden files: each case is a text (`seeds/*.txt`, `corpora/*.txt`) and the reviewed
/// output line of `extract --dct DCT < case.txt` beside it (`<case>.expected.jsonl`).
/// With `RECORD_GOLDEN=1` the expected files are rewritten and the test fails, so a
/// recording never passes silently; CI never records.
final class GoldenTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Case {
        var text: URL
        var dct: String
        var expected: URL { text.deletingPathExtension().appendingPathExtension("expected.jsonl") }
    }

    /// The seed article (DCT 2023, as in the README) and every corpus document (DCT from corpora/gold.jsonl).
    static func cases() throws -> [Case] {
        var cases = [Case(text: root.appendingPathComponent("seeds/000_bec19dea5f2280ad.txt"), dct: "2023")]
        let goldURL = root.appendingPathComponent("corpora/gold.jsonl")
        if let data = FileManager.default.contents(atPath: goldURL.path) {
            for line in data.split(separator: 0x0A) {
                let obj = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
                let id = obj["id"] as! String
                cases.append(Case(text: root.appendingPathComponent("corpora").appendingPathComponent(id), dct: obj["dct"] as? String ?? "2023"))
            }
        }
        return cases
    }

    func testGoldenFiles() throws {
        let extractor = try NewsExtractor()
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        var recorded: [String] = []
        for c in try Self.cases() {
            let bytes = try [UInt8](Data(contentsOf: c.text))
            let processor = DocumentProcessor(extractor: extractor, options: ProcessingOptions(dct: DocumentDate(c.dct)))
            let line = bytes.withUnsafeBufferPointer { processor.processText($0, id: "-").line }
            if record {
                try Data(line).write(to: c.expected)
                recorded.append(c.expected.lastPathComponent)
                continue
            }
            guard let expected = FileManager.default.contents(atPath: c.expected.path) else {
                XCTFail("\(c.expected.path) is missing: record it with RECORD_GOLDEN=1 and review it entity by entity")
                continue
            }
            if [UInt8](expected) == line { continue }
            XCTFail("\(c.text.lastPathComponent) differs from its golden file:\n" + Self.describeDifference(expected: [UInt8](expected), actual: line))
        }
        if record { XCTFail("recorded \(recorded.count) golden files (RECORD_GOLDEN=1): review them, then run again without it") }
    }

    /// An entity-level account of the difference, readable in a test log.
    static func describeDifference(expected: [UInt8], actual: [UInt8]) -> String {
        func entities(_ bytes: [UInt8]) -> [String] {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                  let list = obj["entities"] as? [[String: Any]] else { return ["(unreadable line)"] }
            return list.map { e in
                let keys = e.keys.sorted()
                return keys.map { "\($0)=\(e[$0]!)" }.joined(separator: " ")
            }
        }
        let old = entities(expected), new = entities(actual)
        var lines: [String] = []
        for e in old where !new.contains(e) { lines.append("  - \(e)") }
        for e in new where !old.contains(e) { lines.append("  + \(e)") }
        if lines.isEmpty { lines.append("  (entities equal; the rest of the line differs)") }
        return lines.joined(separator: "\n")
    }
}
