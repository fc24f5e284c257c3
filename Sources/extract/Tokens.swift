import ArgumentParser
import Foundation
import NewsExtraction

/// `extract tokens`: prints the tokens of standard input with their attributes, for
/// rule authors.
struct Tokens: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokens", abstract: "Print the tokens of standard input with their attributes.")
    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let extractor = try ruleOptions.makeExtractor()
        let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let doc = extractor.tokens(text: text)
        for (i, t) in doc.tokens.enumerated() {
            let flags = TokenFlags.byName.keys.sorted().filter { t.flags.contains(TokenFlags.byName[$0]!) }
            var line = "\(i)\t\(t.start)-\(t.end)\t\(doc.text(of: i))\t\(t.folded)\t\(t.shape)\t\(flags.joined(separator: ","))"
            if let n = t.number { line += "\tnumber=\(n)" }
            if let o = t.ordinal { line += "\tordinal=\(o)" }
            print(line)
        }
    }
}
