/// A word, number or punctuation mark found by ICU's word break iterator, with the
/// attributes that rules match on. Offsets are UTF-16 offsets into the decoded text;
/// the output converts them to Unicode scalar offsets.
public struct Token: Sendable {
    // Stored compactly (64 bytes, one cache line: the matchers read millions of tokens):
    // offsets as Int32 (a document's UTF-16 length is below 2^31: ICU takes Int32 offsets),
    // the number as a Double with NaN for none, the ordinal as an Int32 with Int32.min for none.
    private var start32: Int32
    private var end32: Int32
    /// The matching form: case-folded, NFKC, typographic punctuation folded.
    public var folded: String
    /// The shape, spaCy style: `Xxxx`, `dd`, `X.X.`, runs cut at four.
    public var shape: String
    /// Boolean attributes.
    public var flags: TokenFlags
    /// Interned id of `folded` in the rules' lexicon, or -1 (set by the extractor).
    public var lex: Int32 = -1
    /// Interned id of `shape`, or -1.
    public var shapeId: Int32 = -1
    private var ordinal32: Int32
    private var numberOrNaN: Double

    /// UTF-16 start offset (inclusive).
    public var start: Int {
        @inline(__always) get { Int(start32) }
        set { start32 = Int32(newValue) }
    }
    /// UTF-16 end offset (exclusive).
    public var end: Int {
        @inline(__always) get { Int(end32) }
        set { end32 = Int32(newValue) }
    }
    /// The numeric value of digits ("2,000", "9.5") or a number word ("five").
    public var number: Double? {
        @inline(__always) get { numberOrNaN.isNaN ? nil : numberOrNaN }
        set { numberOrNaN = newValue ?? .nan }
    }
    /// The position an ordinal names ("12th", "first" → 12, 1).
    public var ordinal: Int? {
        @inline(__always) get { ordinal32 == Int32.min ? nil : Int(ordinal32) }
        set { ordinal32 = newValue.map { Int32(clamping: $0) } ?? Int32.min }
    }

    public init(start: Int, end: Int, folded: String, shape: String, flags: TokenFlags, number: Double?, ordinal: Int?) {
        self.start32 = Int32(start)
        self.end32 = Int32(end)
        self.folded = folded
        self.shape = shape
        self.flags = flags
        self.numberOrNaN = number ?? .nan
        self.ordinal32 = ordinal.map { Int32(clamping: $0) } ?? Int32.min
    }

    public var isNumber: Bool { number != nil }
    public func has(_ f: TokenFlags) -> Bool { flags.contains(f) }
}

/// Boolean token attributes used by patterns (`is` / `not` in rule files).
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters only.
    public static let alpha = TokenFlags(rawValue: 1 << 0)
    /// Digits (with , . inside allowed).
    public static let digit = TokenFlags(rawValue: 1 << 1)
    /// Punctuation or symbol.
    public static let punct = TokenFlags(rawValue: 1 << 2)
    /// First letter upper case, and a letter token.
    public static let title = TokenFlags(rawValue: 1 << 3)
    /// All letters upper case (at least one letter).
    public static let upper = TokenFlags(rawValue: 1 << 4)
    /// All letters lower case (at least one letter).
    public static let lower = TokenFlags(rawValue: 1 << 5)
    /// Whitespace precedes the token (or it starts the text).
    public static let spaceBefore = TokenFlags(rawValue: 1 << 6)
    /// A line break precedes the token (or it starts the text).
    public static let lineStart = TokenFlags(rawValue: 1 << 7)
    /// First token of an ICU sentence.
    public static let sentenceStart = TokenFlags(rawValue: 1 << 8)
    /// Has a numeric value (digits or number word).
    public static let number = TokenFlags(rawValue: 1 << 9)
    /// Is an ordinal ("12th", "first").
    public static let ordinal = TokenFlags(rawValue: 1 << 10)
    /// Mixed letters and digits ("CEOs", "G7", "3M").
    public static let alnum = TokenFlags(rawValue: 1 << 11)
    /// The line the token is on has no lower-case letter (a headline or dateline in caps).
    public static let capsLine = TokenFlags(rawValue: 1 << 12)

    /// Names used in rule files.
    public static let byName: [String: TokenFlags] = [
        "alpha": .alpha, "digit": .digit, "punct": .punct, "title": .title, "upper": .upper,
        "lower": .lower, "spaceBefore": .spaceBefore, "lineStart": .lineStart,
        "sentenceStart": .sentenceStart, "number": .number, "ordinal": .ordinal,
        "alnum": .alnum, "capsLine": .capsLine,
    ]
}
