import Dispatch
import Foundation

/// Runs documents through `DocumentProcessor`s on several threads, in batches, and
/// hands the output lines back in input order. Memory is bounded by the batch size.
public final class BatchRunner: @unchecked Sendable {
    private(set) var processors: [DocumentProcessor]
    /// Makes the workers beyond the first when a batch needs them (start-up stays that of
    /// one worker for one short document).
    private var make: (() throws -> DocumentProcessor)?
    private let jobs: Int
    /// Documents per batch; a batch is also cut at `maxBatchBytes`.
    public var batchSize = 512
    public var maxBatchBytes = 8 << 20

    public init(processor: DocumentProcessor, jobs: Int) {
        var list = [processor]
        for _ in 1..<max(1, jobs) { list.append(processor.copy()) }
        processors = list
        self.jobs = list.count
    }

    /// Workers made by `make`, one call each. Workers that load their own rules share no
    /// reference-counted objects, so they do not slow each other down by contending for
    /// the same cache lines on every retain and release.
    public init(jobs: Int, make: @escaping () throws -> DocumentProcessor) throws {
        processors = [try make()]
        self.jobs = max(1, jobs)
        self.make = make
    }

    /// One unit of input: a JSON line (with its 1-based number) or a whole text document.
    public enum Input: Sendable {
        case jsonLine([UInt8], lineNumber: Int)
        case text([UInt8], id: String)
    }

    /// Processes a batch; results in input order.
    public func process(_ batch: [Input]) -> [ProcessedDocument] {
        if let make, processors.count < min(jobs, batch.count) {
            while processors.count < min(jobs, batch.count), let p = try? make() { processors.append(p) }
            if processors.count == jobs { self.make = nil }
        }
        let results = UnsafeMutableBufferPointer<ProcessedDocument>.allocate(capacity: batch.count)
        defer { results.deallocate() }
        let lock = NSLock()
        var next = 0
        let workers = min(processors.count, batch.count)
        let run: (Int) -> Void = { w in
            let p = self.processors[w]
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= batch.count { return }
                let r: ProcessedDocument
                switch batch[i] {
                case .jsonLine(let bytes, let n): r = bytes.withUnsafeBufferPointer { p.processJSONLine($0, lineNumber: n) }
                case .text(let bytes, let id): r = bytes.withUnsafeBufferPointer { p.processText($0, id: id) }
                }
                (results.baseAddress! + i).initialize(to: r)
            }
        }
        if workers <= 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: run) }
        let out = Array(results[0..<batch.count])
        _ = results.baseAddress!.deinitialize(count: batch.count)
        return out
    }
}
