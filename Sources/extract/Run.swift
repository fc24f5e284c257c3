import ArgumentParser
import Foundation
import NewsExtraction

/// `extract [FILE…]`: the main job.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Extract entities (the default command): standard input, or each FILE as one document."
    )

    @Argument(help: "Plain-text files, one document each (id = the path as given). Without files, standard input.")
    var files: [String] = []

    @Option(help: "Input format: text, jsonl, or auto (JSON Lines when the first non-blank byte is '{').")
    var input: String = "auto"

    @Option(help: "Document creation time for documents without their own \"dct\": YYYY, YYYY-MM or YYYY-MM-DD.")
    var dct: String?

    @Option(help: "Offset unit: scalar (Unicode code points, default), utf16 or utf8.")
    var offsets: String = "scalar"

    @Option(help: "Parallel workers (default: all cores). Output order is input order.")
    var jobs: Int?

    @Flag(help: "Add to each entity the rule chain that made it, and list discarded candidates.")
    var explain = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        guard ["text", "jsonl", "auto"].contains(input) else { throw ValidationError("--input must be text, jsonl or auto") }
        guard let unit = OffsetUnit(rawValue: offsets) else { throw ValidationError("--offsets must be scalar, utf16 or utf8") }
        let options = ProcessingOptions(dct: try parseDCT(dct), offsets: unit, explain: explain)
        let extractor = try ruleOptions.makeExtractor()
        let jobCount = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let runner = BatchRunner(processor: DocumentProcessor(extractor: extractor, options: options), jobs: jobCount)
        let output = OutputStream()
        var failures = 0

        func flush(_ batch: inout [BatchRunner.Input]) throws {
            if batch.isEmpty { return }
            for result in runner.process(batch) {
                if let error = result.error {
                    failures += 1
                    FileHandle.standardError.write(Data("extract: \(error)\n".utf8))
                }
                try output.write(result.line)
            }
            batch.removeAll(keepingCapacity: true)
        }

        var batch: [BatchRunner.Input] = []
        if files.isEmpty {
            let reader = LineReader(fd: 0)
            let jsonl = input == "jsonl" || (input == "auto" && reader.peekFirstNonBlank() == UInt8(ascii: "{"))
            if jsonl {
                var lineNumber = 0
                var bytes = 0
                while let line = reader.next() {
                    lineNumber += 1
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                    bytes += line.count
                    batch.append(.jsonLine(line, lineNumber: lineNumber))
                    if batch.count >= runner.batchSize || bytes >= runner.maxBatchBytes {
                        try flush(&batch)
                        bytes = 0
                    }
                }
            } else {
                batch.append(.text(reader.readAll(), id: "-"))
            }
            try flush(&batch)
        } else {
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else {
                    failures += 1
                    FileHandle.standardError.write(Data("extract: \(path): cannot read the file\n".utf8))
                    var w = JSONWriter()
                    w.write(.object([("id", .string(path)), ("error", .object([("kind", .string("unreadable_file")), ("message", .string("cannot read the file"))])), ("entities", .array([]))]))
                    try flush(&batch)
                    try output.write(w.bytes + [0x0A])
                    continue
                }
                let bytes = [UInt8](data)
                let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
                if input == "jsonl" || (input == "auto" && first == UInt8(ascii: "{")) {
                    var lineNumber = 0
                    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                        lineNumber += 1
                        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        batch.append(.jsonLine(Array(line), lineNumber: lineNumber))
                        if batch.count >= runner.batchSize { try flush(&batch) }
                    }
                } else {
                    batch.append(.text(bytes, id: path))
                }
                if batch.count >= runner.batchSize { try flush(&batch) }
            }
            try flush(&batch)
        }
        try output.close()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Buffered standard output; a write error (closed pipe, full disk) is reported once.
final class OutputStream {
    private var buffer: [UInt8] = []

    init() {
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try drain() }
    }

    func close() throws { try drain() }

    private func drain() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw ExitCode(0) }  // the reader went away (e.g. `| head`): stop quietly
                FileHandle.standardError.write(Data("extract: cannot write the output: \(String(cString: strerror(errno)))\n".utf8))
                throw ExitCode(3)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
