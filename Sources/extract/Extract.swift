import ArgumentParser
import Foundation
import NewsExtraction

/// The `extract` command: parses flags, reads documents, calls the library, writes JSON
/// Lines, and maps errors to exit codes. All logic lives in NewsExtraction.
@main
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find organizations, percentages, rankings and dates in news text, as JSON Lines.",
        discussion: """
        Exit status: 0 all documents processed; 1 some documents had an error (each has an \
        "error" object in its output line; all others are complete); 2 usage or rule-file \
        error; 3 the output could not be written.
        """,
        subcommands: [Run.self, Eval.self, Rules.self, Tokens.self, Diff.self],
        defaultSubcommand: Run.self
    )

    /// Runs the command; usage errors exit with 2 (the documented status), not 64.
    static func main() {
        // Start-up (#8): the built-in rules are read and compiled on another thread while
        // the arguments are parsed, then the gazetteer index is built on a third (two busy
        // threads at a time on a two-core machine); the first use waits for each.
        NewsExtractor.prefetchDefault()
        do {
            // No option and no subcommand (`extract < file`, `extract a.txt b.txt`, as shell
            // loops run it): the default command with its defaults, without the argument
            // parser, whose reflection costs milliseconds of every start-up.
            if let files = Self.plainFileArguments() {
                NewsExtractor.prepareGazetteersInBackground()
                var settings = RunSettings.defaults
                settings.files = files
                try settings.execute()
                return
            }
            var command = try parseAsRoot()
            NewsExtractor.prepareGazetteersInBackground()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

extension Extract {
    /// The arguments when they are only file paths for the default command: none starts
    /// with "-" and the first names no subcommand (what the argument parser would read as
    /// `run FILE…`); nil otherwise.
    static func plainFileArguments() -> [String]? {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.contains(where: { $0.hasPrefix("-") }) { return nil }
        if let first = arguments.first {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
            if names.contains(first) { return nil }
        }
        return arguments
    }
}

/// Options shared by the commands that load rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "A user rule or vocabulary file or folder, loaded on top of the built-in rules (repeatable).")
    var rules: [String] = []

    @Option(help: "Entity types to extract, comma-separated (ORG,PERCENT,RANK,DATE,TIME,DURATION,SET).")
    var types: String?

    @Flag(help: "Read numeric dates day first (31/05/2023), as British and European text writes them.")
    var dayFirst = false

    func parsedTypes() throws -> Set<EntityType>? {
        guard let types else { return nil }
        var set = Set<EntityType>()
        for name in types.split(separator: ",") {
            let t = EntityType(rawValue: name.trimmingCharacters(in: .whitespaces).uppercased())
            guard EntityType.all.contains(t) else { throw ValidationError("unknown type \(name)") }
            set.insert(t)
        }
        return set
    }

    func makeExtractor() throws -> NewsExtractor {
        do {
            let types = try parsedTypes()
            if rules.isEmpty && !dayFirst && types == nil {
                return try NewsExtractor.makeDefault()
            }
            var set = try RuleSet.load(userPaths: rules)
            if dayFirst {
                try set.setEnabled("date.numeric-mdy", false)
                try set.setEnabled("date.numeric-dmy", true)
            }
            return try NewsExtractor(ruleSet: set, types: types)
        } catch let e as ExtractionError {
            FileHandle.standardError.write(Data("extract: \(e.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}

func parseDCT(_ s: String?) throws -> DocumentDate? {
    guard let s else { return nil }
    guard let d = DocumentDate(s) else { throw ValidationError("--dct must be YYYY, YYYY-MM or YYYY-MM-DD") }
    return d
}
