/// A document after segmentation: its decoded text and tokens, what every extractor reads.
/// Immutable, and a class so that each match and matcher that holds it costs one retain,
/// not one per array and table inside.
public final class SegmentedDocument: Sendable {
    public let text: DecodedText
    public let tokens: [Token]
    public let vocabulary: Vocabulary
    /// The lexicon the tokens were interned with (their `lex` ids, built from `vocabulary`),
    /// or nil when the tokens carry no ids.
    let lexicon: Lexicon?

    init(text: DecodedText, tokens: [Token], vocabulary: Vocabulary, lexicon: Lexicon? = nil) {
        self.text = text
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.lexicon = lexicon
    }

    /// The original text of a token range.
    public func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text.text(utf16: tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }

    /// The original text of one token.
    public func text(of index: Int) -> String { text.text(utf16: tokens[index].start..<tokens[index].end) }
}

/// What a named normalizer receives: a pattern match with its named captures.
public struct RuleMatch: Sendable {
    public let document: SegmentedDocument
    let ruleHandle: RuleHandle
    /// The rule that matched (read in place from the extractor's copy).
    public var rule: Rule { _read { yield ruleHandle.rule } }
    /// The matched token range.
    public let range: Range<Int>
    public let captures: [PatternMatcher.Capture]

    init(document: SegmentedDocument, rule: RuleHandle, range: Range<Int>, captures: [PatternMatcher.Capture]) {
        self.document = document
        ruleHandle = rule
        self.range = range
        self.captures = captures
    }

    /// The token range of the last capture of that name.
    public func capture(_ name: String) -> Range<Int>? {
        captures.last(where: { $0.name == name })?.range
    }
    /// All captures of that name, in order.
    public func captures(_ name: String) -> [Range<Int>] {
        captures.filter { $0.name == name }.map(\.range)
    }
    /// The tokens of a capture (empty when absent).
    public func tokens(_ name: String) -> ArraySlice<Token> {
        guard let r = capture(name) else { return [] }
        return document.tokens[r]
    }
    /// The folded forms of a capture's tokens, joined by spaces.
    public func folded(_ name: String) -> String? {
        guard let r = capture(name), !r.isEmpty else { return nil }
        return document.tokens[r].map(\.folded).joined(separator: " ")
    }
    /// The original text of a capture.
    public func text(_ name: String) -> String? {
        guard let r = capture(name), !r.isEmpty else { return nil }
        return document.text(tokens: r)
    }
    /// The original text of the whole match.
    public var matchedText: String { document.text(tokens: range) }
    public var vocabulary: Vocabulary { document.vocabulary }
}

/// What a normalizer returns: the value and fields of the entity, or a deferred value,
/// and optionally a changed type or a narrower token range.
public struct Normalization: Sendable {
    public var value: JSONValue?
    public var fields: [String: JSONValue]
    public var deferred: (any DeferredValue)?
    public var type: EntityType?
    public var range: Range<Int>?

    public init(value: JSONValue? = nil, fields: [String: JSONValue] = [:], deferred: (any DeferredValue)? = nil,
                type: EntityType? = nil, range: Range<Int>? = nil) {
        self.value = value
        self.fields = fields
        self.deferred = deferred
        self.type = type
        self.range = range
    }
}

/// A named normalizer: computes a match's value, or rejects the match (nil).
public typealias Normalizer = @Sendable (RuleMatch) -> Normalization?

/// What a named matcher receives.
public struct MatcherInput: Sendable {
    public let document: SegmentedDocument
    let ruleHandle: RuleHandle
    /// The matcher's rule (read in place from the extractor's copy).
    public var rule: Rule { _read { yield ruleHandle.rule } }
    /// Candidates made so far (by pattern rules and earlier matchers).
    public let candidates: [Candidate]

    init(document: SegmentedDocument, rule: RuleHandle, candidates: [Candidate]) {
        self.document = document
        ruleHandle = rule
        self.candidates = candidates
    }
}

/// A rule held by reference: a match or matcher input that carries it retains one object,
/// not each string, table and list inside the rule.
final class RuleHandle: Sendable {
    let rule: Rule
    init(_ rule: Rule) { self.rule = rule }
}

/// A named matcher: Swift code for a rule that a token pattern cannot express.
public typealias Matcher = @Sendable (MatcherInput) -> [Candidate]
