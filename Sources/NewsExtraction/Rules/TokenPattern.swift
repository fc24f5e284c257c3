/// One element of a token pattern, spaCy style: tests on one token's attributes, or a
/// group of elements, with a quantifier and an optional capture name.
public indirect enum PatternElement: Sendable {
    case token(TokenTest, Quantifier, name: String?)
    case group([PatternElement], Quantifier, name: String?)
    case oneOf([[PatternElement]], Quantifier, name: String?)

    var quantifier: Quantifier {
        switch self {
        case .token(_, let q, _), .group(_, let q, _), .oneOf(_, let q, _): return q
        }
    }
    var name: String? {
        switch self {
        case .token(_, _, let n), .group(_, _, let n), .oneOf(_, _, let n): return n
        }
    }
}

/// How many times an element repeats: `?` (0–1), `*` (0–max), `+` (1–max), or once.
public struct Quantifier: Sendable, Equatable {
    public var min: Int
    public var max: Int
    public static let once = Quantifier(min: 1, max: 1)
}

/// The tests one token must pass. Every field that is set must hold.
public struct TokenTest: Sendable {
    /// The folded form is one of these.
    public var lower: Set<String>? = nil
    /// The exact original text is one of these.
    public var text: Set<String>? = nil
    /// The folded form is in one of these vocabularies.
    public var vocab: [String]? = nil
    /// The folded form is in none of these vocabularies.
    public var notVocab: [String]? = nil
    /// The shape is one of these.
    public var shape: Set<String>? = nil
    /// All these flags hold.
    public var flags: TokenFlags = []
    /// None of these flags hold.
    public var notFlags: TokenFlags = []
    /// The numeric value (number or ordinal) lies in this closed range.
    public var range: ClosedRange<Double>? = nil
    /// The folded form is none of these.
    public var notLower: Set<String>? = nil
    /// No whitespace between this token and the previous one.
    public var glued: Bool? = nil
    /// The folded form is at least this many characters long.
    public var minLength: Int? = nil

    public init() {}
}

/// A compiled rule pattern with its context tests.
public struct TokenPattern: Sendable {
    public var elements: [PatternElement]
    /// Tokens that must come right before the match (nearest last), not part of it.
    public var before: [TokenTest] = []
    /// Tokens that must come right after the match, not part of it.
    public var after: [TokenTest] = []
    /// When set, the match is rejected if these tokens come right before it.
    public var notBefore: [[TokenTest]] = []
    /// When set, the match is rejected if these tokens come right after it.
    public var notAfter: [[TokenTest]] = []
}
