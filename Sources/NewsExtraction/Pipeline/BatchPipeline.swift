import Dispatch

/// Runs batches through a `BatchRunner` so that the calling thread's reading and writing
/// overlap the processing: with more than one job, a submitted batch is processed on a
/// background thread while the caller reads the next one and writes the results of the one
/// before. Results are handed to `write` in input order, one batch at a time, on the calling
/// thread. With one job everything runs on the calling thread, in turn (one core). At most
/// three batches are in memory: the one being read, the one processed, the one written.
public final class BatchPipeline {
    public let runner: BatchRunner
    private let overlaps: Bool
    private var pending: Pending?

    /// A batch being processed in the background, and its results once `done` is signalled.
    private final class Pending: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var results: [ProcessedDocument] = []
    }

    public init(runner: BatchRunner) {
        self.runner = runner
        overlaps = runner.jobs > 1
    }

    /// Starts `batch`, then writes the results of the batch submitted before it (with one
    /// job: processes `batch` and writes its results).
    public func submit(_ batch: [BatchRunner.Input], write: ([ProcessedDocument]) throws -> Void) throws {
        if batch.isEmpty { return }
        let previous = waitForPending()
        if overlaps {
            let started = Pending()
            let runner = self.runner
            // (A plain thread: for one short document, start-up does not pay for setting up
            // libdispatch's thread pool.)
            BackgroundThread.start {
                started.results = runner.process(batch)
                started.done.signal()
            }
            pending = started
            if let previous { try write(previous) }
        } else {
            if let previous { try write(previous) }
            try write(runner.process(batch))
        }
    }

    /// Waits for the batch in flight, if any, and writes its results. Call it at the end of
    /// the input, and before writing anything that must come after the batches submitted.
    public func finish(write: ([ProcessedDocument]) throws -> Void) throws {
        if let previous = waitForPending() { try write(previous) }
    }

    private func waitForPending() -> [ProcessedDocument]? {
        guard let p = pending else { return nil }
        pending = nil
        p.done.wait()
        return p.results
    }
}
