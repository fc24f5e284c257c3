import ArgumentParser
import Foundation
import NewsExtraction

/// `extract eval --gold FILE`: scores the pipeline on gold documents.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Score the extractors on a gold JSON Lines file.")

    @Option(help: "Gold JSON Lines file (format of ../shared/corpora/README.md).")
    var gold: String

    @Option(help: "Print up to N errors (misses, boundary errors, false positives, wrong values).")
    var errors: Int = 0

    @Option(help: "DCT for gold documents that have none.")
    var dct: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: gold) else {
            print("extract eval: \(gold) not found; nothing to score")
            return
        }
        let extractor = try ruleOptions.makeExtractor()
        let docs = try Evaluator.readGold(path: gold)
        let typeNames = try ruleOptions.parsedTypes().map { Set($0.map(\.rawValue)) }
        let report = Evaluator(extractor: extractor, defaultDCT: try parseDCT(dct)).evaluate(docs, types: typeNames)
        print(Evaluator.table(report))
        if errors > 0 {
            print("")
            for e in report.errors.prefix(errors) {
                print("\(e.kind)\t\(e.type)\t\(e.document)\t\"\(e.text)\"\t\(e.detail)\t\(e.context)")
            }
        }
    }
}
