import Dispatch
import Foundation

/// Runs documents through `DocumentProcessor`s on several threads, in batches, and
/// hands the output lines back in input order. Memory is bounded by the batch size.
public final class BatchRunner: @unchecked Sendable {
    private(set) var processors: [DocumentProcessor]
    /// Makes the workers beyond the first when a batch needs them (start-up stays that of
    /// one worker for one short document).
    private var make: (() throws -> DocumentProcessor)?
    /// The number of workers asked for.
    public let jobs: Int
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

    /// Processes a batch; results in input order. A worker that does not exist yet is made
    /// on its own thread while the others already process documents (so making it, a
    /// read and compile of the rules, is not a serial step before the first batch).
    public func process(_ batch: [Input]) -> [ProcessedDocument] {
        let workers = min(make == nil ? processors.count : jobs, batch.count)
        let results = UnsafeMutableBufferPointer<ProcessedDocument>.allocate(capacity: batch.count)
        defer { results.deallocate() }
        // One slot per worker, written only by its worker.
        let slots = UnsafeMutableBufferPointer<DocumentProcessor?>.allocate(capacity: max(1, workers))
        slots.initialize(repeating: nil)
        defer { slots.deinitialize(); slots.deallocate() }
        for w in 0..<min(workers, processors.count) { slots[w] = processors[w] }
        let make = self.make
        let lock = NSLock()
        var next = 0
        let run: (Int) -> Void = { w in
            if slots[w] == nil { slots[w] = try? make?() }
            guard let p = slots[w] else { return }
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
        for w in processors.count..<max(processors.count, workers) {
            if let p = slots[w] { processors.append(p) }
        }
        if processors.count == jobs { self.make = nil }
        let out = Array(results[0..<batch.count])
        _ = results.baseAddress!.deinitialize(count: batch.count)
        return out
    }
}
