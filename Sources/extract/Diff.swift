import ArgumentParser
import Foundation
import NewsExtraction

/// `extract diff OLD.jsonl NEW.jsonl`: entity-level differences between two outputs.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two outputs of extract entity by entity (added, removed, changed).",
        discussion: """
        Documents are paired by "id" (by line number when there is none). Same span with a \
        different type, value, rule or fields, or an overlapping span with other boundaries, \
        is a change. Exit status: 0 no differences; 1 differences; 2 an unreadable input.
        """
    )

    @Argument(help: "The output before the change (JSON Lines from extract).")
    var old: String

    @Argument(help: "The output after the change.")
    var new: String

    @Option(help: "Report format: text (default), jsonl (one line per difference, then a summary line) or html (one page).")
    var format: String = "text"

    func run() throws {
        guard ["text", "jsonl", "html"].contains(format) else { throw ValidationError("--format must be text, jsonl or html") }
        let result: EntityDiff.Result
        do {
            result = EntityDiff.compare(old: try EntityDiff.readDocuments(path: old), new: try EntityDiff.readDocuments(path: new))
        } catch let e as EntityDiff.DiffError {
            FileHandle.standardError.write(Data("extract diff: \(e.description)\n".utf8))
            throw ExitCode(2)
        }
        let report: String
        switch format {
        case "jsonl": report = EntityDiff.jsonLinesReport(result)
        case "html": report = HTMLWriter.diffPage(result, oldName: old, newName: new)
        default: report = EntityDiff.textReport(result)
        }
        FileHandle.standardOutput.write(Data(report.utf8))
        if result.hasDifferences { throw ExitCode(1) }
    }
}
