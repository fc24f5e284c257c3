import XCTest
@testable import NewsExtraction

/// Rule files are validated strictly, and the examples of built-in files are kept as
/// checked-but-unread JSON until they are run.
final class RuleFileParserTests: XCTestCase {
    let ruleFile = """
    {"rules": [{"id": "test.percent-sign", "type": "PERCENT",
                "pattern": [{"is": "number"}, {"lower": "%", "glued": true}],
                "examples": [{"text": "up 5% today", "match": "5%"}, {"text": "a \\u00e9 7%", "match": "7%"}],
                "counterexamples": ["5 percent", {"text": "five %", "match": "five %"}]}]}
    """

    func parse(_ text: String, deferExamples: Bool) throws -> Rule {
        let content = try RuleFileParser(source: "test.json", contents: text, deferExamples: deferExamples).parse()
        return try XCTUnwrap(content.rules.first)
    }

    func testDeferredExamplesReadTheSameAsEagerOnes() throws {
        let eager = try parse(ruleFile, deferExamples: false)
        let lazy = try parse(ruleFile, deferExamples: true)
        XCTAssertNil(eager.deferredExamples)
        XCTAssertNotNil(lazy.deferredExamples)
        XCTAssertEqual(lazy.examples.map(\.text), ["up 5% today", "a é 7%"])
        XCTAssertEqual(lazy.examples.map(\.text), eager.examples.map(\.text))
        XCTAssertEqual(lazy.examples.map(\.match), eager.examples.map(\.match))
        XCTAssertEqual(lazy.counterexamples.map(\.text), ["5 percent", "five %"])
        XCTAssertEqual(lazy.counterexamples.map(\.match), [nil, "five %"])
    }

    func testUnknownExampleKeyIsAnErrorAtLoadOrWhenRun() throws {
        let bad = ruleFile.replacingOccurrences(of: "\"match\": \"5%\"", with: "\"macth\": \"5%\"")
        XCTAssertThrowsError(try parse(bad, deferExamples: false)) { error in
            XCTAssertTrue("\(error)".contains("unknown key \"macth\" in an example"), "\(error)")
            XCTAssertTrue("\(error)".contains("test.percent-sign"), "\(error)")
        }
        // Built-in files: the load succeeds, reading the examples fails with the same message.
        let rule = try parse(bad, deferExamples: true)
        XCTAssertThrowsError(try rule.parsedExamples()) { error in
            XCTAssertTrue("\(error)".contains("unknown key \"macth\" in an example"), "\(error)")
        }
        XCTAssertTrue(rule.examples.isEmpty)
    }

    func testExampleMatchMustBeInItsText() throws {
        let bad = ruleFile.replacingOccurrences(of: "\"match\": \"5%\"", with: "\"match\": \"6%\"")
        XCTAssertThrowsError(try parse(bad, deferExamples: false)) { error in
            XCTAssertTrue("\(error)".contains("example match \"6%\" is not in its text"), "\(error)")
        }
        XCTAssertNoThrow(try parse(ruleFile, deferExamples: false))
    }

    func testDeferredExamplesMustStillBeJSON() throws {
        for broken in [
            ruleFile.replacingOccurrences(of: "\"5 percent\",", with: "\"5 percent\""),   // missing comma
            ruleFile.replacingOccurrences(of: "\"up 5% today\"", with: "\"up 5% \\q today\""),  // bad escape
            ruleFile.replacingOccurrences(of: "\"five %\"}]}]}", with: "\"five %\"}]}]"),  // unclosed
        ] {
            XCTAssertThrowsError(try parse(broken, deferExamples: true)) { error in
                XCTAssertTrue("\(error)".contains("not valid JSON"), "\(error)")
            }
        }
    }

    func testUnknownRuleKeysAndDuplicateKeysAreErrors() throws {
        let unknown = ruleFile.replacingOccurrences(of: "\"type\": \"PERCENT\"", with: "\"type\": \"PERCENT\", \"prority\": 2")
        XCTAssertThrowsError(try parse(unknown, deferExamples: true)) { error in
            XCTAssertTrue("\(error)".contains("unknown key \"prority\""), "\(error)")
        }
        let duplicate = ruleFile.replacingOccurrences(of: "\"type\": \"PERCENT\"", with: "\"type\": \"PERCENT\", \"type\": \"DATE\"")
        XCTAssertThrowsError(try parse(duplicate, deferExamples: true)) { error in
            XCTAssertTrue("\(error)".contains("duplicate key \"type\""), "\(error)")
        }
        // A long "priorities" map (a set detects its repeated key).
        var entries = (0..<40).map { "\"r\($0)\": \($0)" }
        entries.append("\"r7\": 1")
        let priorities = "{\"priorities\": {\(entries.joined(separator: ", "))}}"
        XCTAssertThrowsError(try RuleFileParser(source: "p.json", contents: priorities).parse()) { error in
            XCTAssertTrue("\(error)".contains("duplicate key \"r7\""), "\(error)")
        }
    }

    func testExampleRunnerReportsUnreadableExamples() throws {
        var set = try RuleSet.load()
        let bad = ruleFile.replacingOccurrences(of: "\"match\": \"5%\"", with: "\"macth\": \"5%\"")
        try set.add(contents: bad, source: "test.json", deferExamples: true)
        let extractor = try NewsExtractor(ruleSet: set)
        let rule = try XCTUnwrap(set.rule("test.percent-sign"))
        let report = RuleExampleRunner(extractor: extractor).run(rules: [rule])
        XCTAssertEqual(report.failures.count, 1)
        XCTAssertTrue(report.failures.first?.message.contains("examples cannot be read") == true)
    }
}
