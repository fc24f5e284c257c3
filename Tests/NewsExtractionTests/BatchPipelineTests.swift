import XCTest
@testable import NewsExtraction

/// `BatchRunner` and `BatchPipeline`: results in input order, the same for any number of
/// jobs, every document written once, and workers made on demand.
final class BatchPipelineTests: XCTestCase {
    private static let extractor = Result { try NewsExtractor() }

    private func inputs(_ count: Int) -> [BatchRunner.Input] {
        (0..<count).map { i in
            // Documents of different lengths, so that workers finish out of order; one bad line.
            let text = String(repeating: "Sales rose \(i % 17) percent in March. ", count: 1 + (i * 7) % 23)
            let line = i == 11 ? "{\"id\":\"d11\",\"text\":" : "{\"id\":\"d\(i)\",\"text\":\"\(text)\"}"
            return .jsonLine(Array(line.utf8), lineNumber: i + 1)
        }
    }

    private func runAll(jobs: Int, batchSize: Int, documents: [BatchRunner.Input], made: Counter) throws -> [ProcessedDocument] {
        let extractor = try Self.extractor.get()
        let runner = try BatchRunner(jobs: jobs) {
            made.add()
            return DocumentProcessor(extractor: extractor.copy(), options: ProcessingOptions(dct: DocumentDate("2023-08-25")))
        }
        let pipeline = BatchPipeline(runner: runner)
        var written: [ProcessedDocument] = []
        var writes = 0
        let write: ([ProcessedDocument]) throws -> Void = { results in
            written += results
            writes += 1
        }
        for start in stride(from: 0, to: documents.count, by: batchSize) {
            try pipeline.submit(Array(documents[start..<min(documents.count, start + batchSize)]), write: write)
        }
        try pipeline.finish(write: write)
        XCTAssertEqual(writes, (documents.count + batchSize - 1) / batchSize, "one write per batch")
        return written
    }

    func testResultsAreInInputOrderAndIndependentOfJobs() throws {
        let documents = inputs(101)
        let oneMade = Counter(), twoMade = Counter(), threeMade = Counter()
        let one = try runAll(jobs: 1, batchSize: 101, documents: documents, made: oneMade)
        let two = try runAll(jobs: 2, batchSize: 7, documents: documents, made: twoMade)
        let three = try runAll(jobs: 3, batchSize: 4, documents: documents, made: threeMade)
        XCTAssertEqual(one.count, 101)
        for (i, r) in one.enumerated() {
            let line = String(decoding: r.line, as: UTF8.self)
            XCTAssertEqual(r.error != nil, i == 11, line)
            if i == 11 {
                // (A line that is not JSON has no id: its line number names it.)
                XCTAssertTrue(line.contains("\"kind\":\"malformed_json\"") && line.contains("\"line\":12"), line)
            } else {
                XCTAssertTrue(line.hasPrefix("{\"id\":\"d\(i)\""), line)
                XCTAssertTrue(line.contains("\"type\":\"PERCENT\""), line)
            }
        }
        XCTAssertEqual(two.map(\.line), one.map(\.line))
        XCTAssertEqual(three.map(\.line), one.map(\.line))
        XCTAssertEqual(two.map(\.error), one.map(\.error))
        XCTAssertEqual(oneMade.value, 1)
        XCTAssertEqual(twoMade.value, 2)
        XCTAssertEqual(threeMade.value, 3)
    }

    func testAWorkerIsMadeOnlyWhenABatchNeedsIt() throws {
        let made = Counter()
        let written = try runAll(jobs: 4, batchSize: 2, documents: inputs(3), made: made)
        XCTAssertEqual(written.count, 3)
        XCTAssertEqual(made.value, 2, "batches of two documents need two workers, not four")
    }

    func testNothingSubmittedWritesNothing() throws {
        let runner = try BatchRunner(jobs: 2) {
            DocumentProcessor(extractor: try Self.extractor.get(), options: ProcessingOptions())
        }
        let pipeline = BatchPipeline(runner: runner)
        var writes = 0
        try pipeline.submit([]) { _ in writes += 1 }
        try pipeline.finish { _ in writes += 1 }
        XCTAssertEqual(writes, 0)
    }
}

/// A count that worker threads can add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
