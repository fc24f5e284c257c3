import ArgumentParser
import Foundation
import NewsExtraction

/// `extract rules list|test`.
struct Rules: ParsableCommand {
    // Names given explicitly: deriving them from the type names costs start-up time.
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or run their examples and counterexamples.",
        subcommands: [List.self, Test.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Print every rule: id, type, source file, number of examples.")
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            let extractor = try ruleOptions.makeExtractor()
            for rule in extractor.ruleSet.rules {
                let source = rule.source.components(separatedBy: "/Resources/").last ?? rule.source
                let state = rule.enabled ? "" : "\tdisabled"
                print("\(rule.id)\t\(rule.type)\t\(source)\t\(rule.examples.count) examples\t\(rule.counterexamples.count) counterexamples\(state)")
            }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run every loaded rule's examples and counterexamples; exit 1 on any failure.")
        @Argument(help: "User rule files or folders to load on top of the built-in ones.")
        var paths: [String] = []
        @OptionGroup var ruleOptions: RuleOptions

        func run() throws {
            var options = ruleOptions
            options.rules += paths
            let extractor = try options.makeExtractor()
            let report = RuleExampleRunner(extractor: extractor).run()
            for f in report.failures { print("FAIL \(f)") }
            print("\(report.examples) examples, \(report.counterexamples) counterexamples, \(report.failures.count) failures")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
