import XCTest
@testable import NewsExtraction

/// Runs every built-in rule's examples and counterexamples (Duckling style).
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleExampleAndCounterexample() throws {
        let extractor = try NewsExtractor()
        let report = RuleExampleRunner(extractor: extractor).run()
        XCTAssertGreaterThan(report.examples, 0)
        for failure in report.failures { XCTFail(failure.description) }
    }

    func testEveryRuleHasExamples() throws {
        let rules = try RuleSet.load()
        for rule in rules.rules where rule.examples.isEmpty {
            XCTFail("rule \(rule.id) has no examples")
        }
    }

    func testEveryRuleHasCounterexamples() throws {
        let rules = try RuleSet.load()
        for rule in rules.rules where rule.counterexamples.isEmpty {
            XCTFail("rule \(rule.id) has no counterexamples")
        }
    }
}
