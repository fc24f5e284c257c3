/// One extraction rule, loaded from a rule file: a stable id, the entity type it makes,
/// either a token pattern or a named matcher written in Swift, the normalizer that
/// computes its value, and the examples and counterexamples that the test suite runs.
public struct Rule: Sendable {
    public var id: String
    public var type: EntityType
    public var priority: Int
    public var pattern: TokenPattern?
    /// A named Swift matcher (see `MatcherRegistry`), for rules a token pattern cannot say.
    public var matcher: String?
    /// A named Swift normalizer (see `NormalizerRegistry`).
    public var normalizer: String?
    /// Fixed fields added to every entity the rule makes.
    public var fields: [String: JSONValue]
    /// Free-form settings read by the matcher or normalizer (e.g. which vocabulary to use).
    public var options: [String: JSONValue]
    /// Examples read with the rule (user rule files).
    var storedExamples: [RuleExample]
    var storedCounterexamples: [RuleCounterexample]
    /// Examples kept as unread JSON (built-in rule files), read when they are run.
    var deferredExamples: DeferredExamples?
    /// The file the rule came from.
    public var source: String
    /// One line of description.
    public var comment: String?
    public var enabled: Bool

    public func option(_ key: String) -> String? { options[key]?.stringValue }

    /// The JSON text of a rule's "examples" and "counterexamples", checked to be JSON when
    /// the file was loaded and read into examples on demand.
    struct DeferredExamples: Sendable {
        var examples: [UInt8]?
        var counterexamples: [UInt8]?
    }

    /// Phrases the rule must match (empty if they cannot be read: `parsedExamples()` says why).
    public var examples: [RuleExample] { (try? parsedExamples().examples) ?? [] }
    /// Phrases the rule must not match.
    public var counterexamples: [RuleCounterexample] { (try? parsedExamples().counterexamples) ?? [] }

    /// The examples and counterexamples, reading deferred ones; an error names the file
    /// and the rule (unknown key, a match not in its text…).
    public func parsedExamples() throws -> (examples: [RuleExample], counterexamples: [RuleCounterexample]) {
        guard let deferred = deferredExamples else { return (storedExamples, storedCounterexamples) }
        let fail = { (m: String) in ExtractionError.invalidRules(file: source, line: nil, rule: id, message: m) }
        func read(_ bytes: [UInt8]?) throws -> JSONValue? {
            guard let bytes else { return nil }
            do { return try RuleJSONParser.parse(bytes) } catch let e as RuleJSONParser.Failure { throw fail("not valid JSON: \(e.message)") }
        }
        let examples = deferred.examples == nil ? storedExamples : try RuleFileParser.examples(try read(deferred.examples), fail: fail)
        let counterexamples = deferred.counterexamples == nil ? storedCounterexamples
            : try RuleFileParser.counterexamples(try read(deferred.counterexamples), fail: fail)
        return (examples, counterexamples)
    }
}

/// A phrase a rule must match: in `text`, the rule must produce an entity covering
/// exactly `match`, with `value` (and `fields`) when given.
public struct RuleExample: Sendable {
    public var text: String
    public var match: String
    public var value: JSONValue?
    public var fields: [String: JSONValue]
    public var dct: String?
}

/// A phrase a rule must not match: in `text`, the rule produces no entity (or none
/// covering exactly `match`, when given).
public struct RuleCounterexample: Sendable {
    public var text: String
    public var match: String?
    public var dct: String?
}

/// The entity types.
public struct EntityType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let org = EntityType(rawValue: "ORG")
    public static let percent = EntityType(rawValue: "PERCENT")
    public static let rank = EntityType(rawValue: "RANK")
    public static let date = EntityType(rawValue: "DATE")
    /// TIMEX3 types other than DATE, made by the date rules; users filter on them.
    public static let time = EntityType(rawValue: "TIME")
    public static let duration = EntityType(rawValue: "DURATION")
    public static let set = EntityType(rawValue: "SET")
    public static let all: [EntityType] = [.org, .percent, .rank, .date, .time, .duration, .set]
    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}
