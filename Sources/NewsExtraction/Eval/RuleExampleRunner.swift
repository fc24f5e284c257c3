/// Runs every rule's examples and counterexamples through the whole pipeline and
/// reports failures with the rule id. Used by the test suite and `extract rules test`.
public struct RuleExampleRunner {
    /// The DCT for examples that give none: fixed, never the clock.
    public static let defaultDCT = DocumentDate(year: 2023, month: 8, day: 25)

    /// One failed example or counterexample.
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var source: String
        public var message: String
        public var description: String { "\(rule) (\(source)): \(message)" }
    }

    public struct Report: Sendable {
        public var examples = 0
        public var counterexamples = 0
        public var failures: [Failure] = []
    }

    let extractor: NewsExtractor

    public init(extractor: NewsExtractor) { self.extractor = extractor }

    public func run(rules: [Rule]? = nil) -> Report {
        var report = Report()
        for rule in rules ?? extractor.ruleSet.rules {
            // A rule that is off by default runs its examples with itself switched on.
            var extractor = self.extractor
            if !rule.enabled {
                var set = self.extractor.ruleSet
                guard (try? set.setEnabled(rule.id, true)) != nil, let e = try? NewsExtractor(ruleSet: set) else {
                    report.failures.append(Failure(rule: rule.id, source: rule.source, message: "cannot switch the rule on"))
                    continue
                }
                extractor = e
            }
            let examples: [RuleExample], counterexamples: [RuleCounterexample]
            do {
                (examples, counterexamples) = try rule.parsedExamples()
            } catch {
                report.failures.append(Failure(rule: rule.id, source: rule.source, message: "examples cannot be read: \(error)"))
                continue
            }
            for ex in examples {
                report.examples += 1
                let dct = ex.dct.flatMap(DocumentDate.init) ?? Self.defaultDCT
                let entities = extractor.extract(text: ex.text, dct: dct)
                let found = entities.filter { $0.text == ex.match }
                guard let hit = found.first(where: { $0.rule == rule.id }) else {
                    let got = entities.map { "\($0.type) \"\($0.text)\" by \($0.rule)" }.joined(separator: "; ")
                    report.failures.append(Failure(rule: rule.id, source: rule.source,
                        message: "example \"\(ex.text)\": no entity \"\(ex.match)\" by this rule (got: \(got.isEmpty ? "nothing" : got))"))
                    continue
                }
                if let v = ex.value, hit.value != v {
                    report.failures.append(Failure(rule: rule.id, source: rule.source,
                        message: "example \"\(ex.text)\": value \(hit.value.map(\.description) ?? "null"), expected \(v)"))
                }
                for (k, v) in ex.fields where hit.fields[k] != v && !(k == "type" && hit.type.rawValue == v.stringValue) {
                    report.failures.append(Failure(rule: rule.id, source: rule.source,
                        message: "example \"\(ex.text)\": field \(k) is \(hit.fields[k].map(\.description) ?? "absent"), expected \(v)"))
                }
            }
            for cx in counterexamples {
                report.counterexamples += 1
                let dct = cx.dct.flatMap(DocumentDate.init) ?? Self.defaultDCT
                let entities = extractor.extract(text: cx.text, dct: dct)
                let bad = entities.filter { $0.rule == rule.id && (cx.match == nil || $0.text == cx.match) }
                if let b = bad.first {
                    report.failures.append(Failure(rule: rule.id, source: rule.source,
                        message: "counterexample \"\(cx.text)\": matched \"\(b.text)\""))
                }
            }
        }
        return report
    }
}
