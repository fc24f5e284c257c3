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
    var input: String = RunSettings.defaults.input

    @Option(help: "Document creation time for documents without their own \"dct\": YYYY, YYYY-MM or YYYY-MM-DD.")
    var dct: String?

    @Option(help: "Offset unit: scalar (Unicode code points, default), utf16 or utf8.")
    var offsets: String = RunSettings.defaults.offsets

    @Option(help: "Parallel workers (default: all cores). Output order is input order.")
    var jobs: Int?

    @Flag(help: "Add to each entity the rule chain that made it, and list discarded candidates.")
    var explain = false

    @Option(help: "The longest document processed, in characters; a longer one gets a document_too_large error line (default \(ProcessingOptions.defaultMaxCharacters); 0: no limit).")
    var maxChars: Int = RunSettings.defaults.maxChars

    @Option(help: "Output format: jsonl (default), html (one self-contained page), timeml (TIMEX3 for DATE/TIME/DURATION/SET) or spans (spaCy/Prodigy spans JSONL).")
    var format: String = RunSettings.defaults.format

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        try RunSettings(files: files, input: input, dct: dct, offsets: offsets, jobs: jobs, explain: explain,
                        maxChars: maxChars, format: format, rules: ruleOptions).execute()
    }
}

/// What `extract run` was asked to do, as plain values: filled by `Run` from the command
/// line, or `defaults` (plus the file paths) when `extract` gets no option and no
/// subcommand: `extract < file` and `extract a.txt` in a shell loop skip the argument
/// parser's reflection, a few milliseconds of start-up.
struct RunSettings {
    var files: [String] = []
    var input = "auto"
    var dct: String? = nil
    var offsets = "scalar"
    var jobs: Int? = nil
    var explain = false
    var maxChars = ProcessingOptions.defaultMaxCharacters
    var format = "jsonl"
    /// The rule options (nil: the built-in rules, all types, month first).
    var rules: RuleOptions? = nil

    static let defaults = RunSettings()

    func makeExtractor() throws -> NewsExtractor {
        if let rules { return try rules.makeExtractor() }
        return try NewsExtractor.makeDefault()
    }

    func execute() throws {
        guard ["text", "jsonl", "auto"].contains(input) else { throw ValidationError("--input must be text, jsonl or auto") }
        guard let unit = OffsetUnit(rawValue: offsets) else { throw ValidationError("--offsets must be scalar, utf16 or utf8") }
        guard let outputFormat = OutputFormat(rawValue: format) else { throw ValidationError("--format must be jsonl, html, timeml or spans") }
        if outputFormat != .jsonl && unit != .scalar { throw ValidationError("--offsets applies to --format jsonl only (html, timeml and spans count Unicode scalars)") }
        guard maxChars >= 0 else { throw ValidationError("--max-chars must be 0 (no limit) or more") }
        let options = ProcessingOptions(dct: try parseDCT(dct), offsets: unit, explain: explain,
                                        maxCharacters: maxChars == 0 ? nil : maxChars)
        let jobCount = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // Each worker loads its own rules (see BatchRunner.init(jobs:make:)).
        let runner = try BatchRunner(jobs: jobCount) {
            DocumentProcessor(extractor: try makeExtractor(), options: options)
        }
        let output = FormattedOutput(format: outputFormat, stream: OutputStream(), defaultDCT: options.dct)
        var failures = 0

        // With more than one job, the next batch is read and the one before written while
        // a batch is processed.
        let pipeline = BatchPipeline(runner: runner)
        func write(_ results: [ProcessedDocument]) throws {
            for result in results {
                if let error = result.error {
                    failures += 1
                    FileHandle.standardError.write(Data("extract: \(error)\n".utf8))
                }
                try output.write(result.line)
            }
        }
        func flush(_ batch: inout [BatchRunner.Input]) throws {
            try pipeline.submit(batch, write: write)
            batch = []
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
                    try pipeline.finish(write: write)
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
        try pipeline.finish(write: write)
        try output.close()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The output formats of `extract`.
enum OutputFormat: String {
    case jsonl, html, timeml, spans
}

/// Writes the output lines of the pipeline in the chosen format. JSON Lines go straight
/// through; the other formats read each line back (not the hot path) and render it.
final class FormattedOutput {
    let format: OutputFormat
    let stream: OutputStream
    let defaultDCT: DocumentDate?
    private var page = HTMLWriter(title: "extract")
    /// TimeML: the first document waits until a second one shows whether a collection is needed.
    private var firstTimeML: String?
    private var timeMLCount = 0

    init(format: OutputFormat, stream: OutputStream, defaultDCT: DocumentDate?) {
        self.format = format
        self.stream = stream
        self.defaultDCT = defaultDCT
    }

    func write(_ line: [UInt8]) throws {
        if format == .jsonl { return try stream.write(line) }
        let doc: EntityDiff.Document
        do {
            doc = try EntityDiff.Document.parse(Data(line), line: 0)
        } catch {
            FileHandle.standardError.write(Data("extract: cannot render an output line: \(error)\n".utf8))
            return
        }
        let id = doc.id ?? "-"
        switch format {
        case .jsonl: break
        case .html:
            page.add(id: id, text: doc.text, entities: doc.entities, dct: doc.dct ?? defaultDCT?.description, error: doc.error)
        case .spans:
            guard doc.error == nil, let text = doc.text else { return }  // reported on standard error
            try stream.write(SpansWriter.line(id: doc.id, text: text, entities: doc.entities, dct: doc.dct ?? defaultDCT?.description))
        case .timeml:
            let element: String
            if let error = doc.error {
                element = "<!-- \(TimeMLWriter.escape(id).replacingOccurrences(of: "--", with: "- -")): \(TimeMLWriter.escape(error).replacingOccurrences(of: "--", with: "- -")) -->\n"
            } else {
                let dct = doc.dct.flatMap { DocumentDate($0) } ?? defaultDCT
                element = TimeMLWriter.document(id: doc.id, text: doc.text ?? "", entities: doc.entities, dct: dct)
            }
            timeMLCount += 1
            if timeMLCount == 1 { firstTimeML = element; return }
            if let first = firstTimeML {
                try stream.write(Array((TimeMLWriter.collectionHeader + first).utf8))
                firstTimeML = nil
            }
            try stream.write(Array(element.utf8))
        }
    }

    func close() throws {
        switch format {
        case .jsonl, .spans: break
        case .html: try stream.write(Array(page.page().utf8))
        case .timeml:
            if let first = firstTimeML {
                try stream.write(Array((TimeMLWriter.declaration + first).utf8))
            } else if timeMLCount > 1 {
                try stream.write(Array(TimeMLWriter.collectionFooter.utf8))
            }
        }
        try stream.close()
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
