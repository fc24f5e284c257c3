import CICU

/// Stage 3 of the pipeline: ICU word and sentence break iterators turn decoded text into
/// tokens with attributes. Not thread-safe: give each thread its own (`copy()` clones the
/// ICU iterators with `ubrk_clone`).
public final class Segmenter: @unchecked Sendable {
    private let wordIterator: UnsafeMutableRawPointer
    private let sentenceIterator: UnsafeMutableRawPointer
    let numberWords: [String: Double]
    let ordinalWords: [String: Int]

    /// Opens English break iterators. `numberWords` and `ordinalWords` give the values of
    /// number and ordinal words (from the vocabulary files).
    public init(numberWords: [String: Double], ordinalWords: [String: Int]) throws {
        guard let w = cicu_break_open(0, "en"), let s = cicu_break_open(1, "en") else {
            throw ExtractionError.invalidRules(file: "ICU", line: nil, rule: nil, message: "cannot open break iterators")
        }
        wordIterator = w
        sentenceIterator = s
        self.numberWords = numberWords
        self.ordinalWords = ordinalWords
    }

    private init(word: UnsafeMutableRawPointer, sentence: UnsafeMutableRawPointer, numberWords: [String: Double], ordinalWords: [String: Int]) {
        wordIterator = word
        sentenceIterator = sentence
        self.numberWords = numberWords
        self.ordinalWords = ordinalWords
    }

    /// A segmenter for another thread.
    public func copy() -> Segmenter {
        Segmenter(word: cicu_break_clone(wordIterator)!, sentence: cicu_break_clone(sentenceIterator)!,
                  numberWords: numberWords, ordinalWords: ordinalWords)
    }

    deinit {
        cicu_break_close(wordIterator)
        cicu_break_close(sentenceIterator)
    }

    /// ICU word boundaries alone (used by the benchmark as the floor): returns the count.
    public func countWordBoundaries(_ text: DecodedText) -> Int {
        var count = 0
        text.utf16.withUnsafeBufferPointer { buf in
            _ = cicu_break_set_text(wordIterator, buf.baseAddress, Int32(buf.count))
            _ = cicu_break_first(wordIterator)
            while cicu_break_next(wordIterator) >= 0 { count += 1 }
        }
        return count
    }

    /// Tokens of the text, whitespace dropped.
    public func tokens(of text: DecodedText) -> [Token] {
        var tokens: [Token] = []
        let units = text.utf16
        if units.isEmpty { return tokens }
        tokens.reserveCapacity(units.count / 5)
        units.withUnsafeBufferPointer { buf in
            // Sentence starts.
            var sentenceStarts: [Int] = []
            _ = cicu_break_set_text(sentenceIterator, buf.baseAddress, Int32(buf.count))
            _ = cicu_break_first(sentenceIterator)
            sentenceStarts.append(0)
            while true {
                let b = Int(cicu_break_next(sentenceIterator))
                if b < 0 || b >= buf.count { break }
                sentenceStarts.append(b)
            }
            var nextSentence = 0

            _ = cicu_break_set_text(wordIterator, buf.baseAddress, Int32(buf.count))
            var start = Int(cicu_break_first(wordIterator))
            var space = true
            var newline = true
            var lineHasLower = false
            var lineFirstToken = 0
            var pendingSentenceStart = false
            while true {
                let end = Int(cicu_break_next(wordIterator))
                if end < 0 { break }
                defer { start = end }
                while nextSentence < sentenceStarts.count && sentenceStarts[nextSentence] <= start {
                    pendingSentenceStart = true
                    nextSentence += 1
                }
                // Whitespace segments only set the spacing flags of the next token.
                var allSpace = true
                var sawNewline = false
                for i in start..<end {
                    let u = buf[i]
                    if u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029 { sawNewline = true }
                    else if !(u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x0B || u == 0x0C || u == 0x3000 || (u >= 0x2000 && u <= 0x200B) || u == 0x202F || u == 0x205F || u == 0xFEFF) { allSpace = false; break }
                }
                if allSpace {
                    space = true
                    if sawNewline {
                        newline = true
                        Self.markCapsLine(&tokens, from: lineFirstToken, hasLower: lineHasLower)
                        lineFirstToken = tokens.count
                        lineHasLower = false
                    }
                    continue
                }
                // A possessive "'s" becomes its own token, as in spaCy ("Sony's" → "Sony", "'s").
                var split = end
                if end - start >= 3, buf[end - 1] == 0x73 || buf[end - 1] == 0x53, buf[end - 2] == 0x27 || buf[end - 2] == 0x2019 {
                    split = end - 2
                }
                var token = makeToken(buf, start, split)
                if space { token.flags.insert(.spaceBefore) }
                if newline { token.flags.insert(.lineStart) }
                if pendingSentenceStart { token.flags.insert(.sentenceStart); pendingSentenceStart = false }
                if token.flags.contains(.lower) || (token.flags.contains(.alpha) && !token.flags.contains(.upper)) { lineHasLower = true }
                space = false
                newline = false
                tokens.append(token)
                if split < end { tokens.append(makeToken(buf, split, end)) }
            }
            Self.markCapsLine(&tokens, from: lineFirstToken, hasLower: lineHasLower)
        }
        return tokens
    }

    private static func markCapsLine(_ tokens: inout [Token], from: Int, hasLower: Bool) {
        if hasLower || from >= tokens.count { return }
        for i in from..<tokens.count { tokens[i].flags.insert(.capsLine) }
    }

    private func makeToken(_ buf: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Token {
        let slice = UnsafeBufferPointer(rebasing: buf[start..<end])
        let folded = TextFolder.fold(slice)
        var flags: TokenFlags = []
        var letters = 0, uppers = 0, lowers = 0, digits = 0, others = 0
        var shape: [UInt8] = []
        shape.reserveCapacity(min(slice.count, 12))
        var last: UInt8 = 0
        var run = 0
        var firstIsUpper = false
        for (i, u) in slice.enumerated() {
            var c: UInt8
            if u >= 0x30 && u <= 0x39 { c = UInt8(ascii: "d"); digits += 1 }
            else if (u >= 0x41 && u <= 0x5A) { c = UInt8(ascii: "X"); uppers += 1; letters += 1; if i == 0 { firstIsUpper = true } }
            else if (u >= 0x61 && u <= 0x7A) { c = UInt8(ascii: "x"); lowers += 1; letters += 1 }
            else if u >= 0xC0, let scalar = Unicode.Scalar(UInt32(u)), scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { c = UInt8(ascii: "X"); uppers += 1; if i == 0 { firstIsUpper = true } }
                else if scalar.properties.isLowercase { c = UInt8(ascii: "x"); lowers += 1 }
                else { c = UInt8(ascii: "x") }
            } else if u & 0xFC00 == 0xD800 || u & 0xFC00 == 0xDC00 {
                c = UInt8(ascii: "x"); letters += 1
            } else {
                others += 1
                let f = TextFolder.foldPunctuation(u)
                c = f < 0x80 ? UInt8(truncatingIfNeeded: f) : UInt8(ascii: "?")
            }
            if c == last { run += 1 } else { run = 1; last = c }
            if run <= 4 { shape.append(c) }
        }
        if letters > 0 && digits == 0 && others == 0 { flags.insert(.alpha) }
        if letters > 0 && digits > 0 { flags.insert(.alnum) }
        if digits > 0 && letters == 0 { flags.insert(.digit) }
        if letters == 0 && digits == 0 { flags.insert(.punct) }
        if letters > 0 {
            if uppers == letters { flags.insert(.upper) }
            if lowers == letters { flags.insert(.lower) }
            if firstIsUpper { flags.insert(.title) }
        }
        var number: Double? = nil
        var ordinal: Int? = nil
        if digits > 0 && letters == 0 {
            number = Self.parseDigits(slice)
        } else if letters > 0 && digits == 0 {
            if let v = numberWords[folded] { number = v }
            if let o = ordinalWords[folded] { ordinal = o }
        } else if digits > 0 {
            ordinal = Self.parseDigitOrdinal(folded)
        }
        if number != nil { flags.insert(.number) }
        if ordinal != nil { flags.insert(.ordinal) }
        return Token(start: start, end: end, folded: folded,
                     shape: String(decoding: shape, as: UTF8.self), flags: flags,
                     number: number, ordinal: ordinal)
    }

    /// "2,000" → 2000, "9.5" → 9.5, "1.234.5" → nil. Grouping commas must come in threes.
    static func parseDigits(_ s: UnsafeBufferPointer<UInt16>) -> Double? {
        var intPart: Double = 0
        var frac: Double = 0
        var scale: Double = 1
        var seenDot = false
        var digitsSinceComma = -1
        var any = false
        for u in s {
            if u >= 0x30 && u <= 0x39 {
                any = true
                let d = Double(u - 0x30)
                if seenDot { scale /= 10; frac += d * scale }
                else {
                    intPart = intPart * 10 + d
                    if digitsSinceComma >= 0 { digitsSinceComma += 1 }
                }
            } else if u == 0x2C && !seenDot {
                if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                digitsSinceComma = 0
            } else if u == 0x2E && !seenDot {
                if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
                digitsSinceComma = -1
                seenDot = true
            } else { return nil }
        }
        if digitsSinceComma >= 0 && digitsSinceComma != 3 { return nil }
        // Figures beyond 10^15 are not quantities news states (and would overflow Int).
        return any && intPart < 1e15 ? intPart + frac : nil
    }

    /// "12th", "1st", "22nd", "3rd" → the number, when the suffix agrees with it.
    static func parseDigitOrdinal(_ folded: String) -> Int? {
        let u = Array(folded.utf8)
        guard u.count >= 3 else { return nil }
        let suffix = String(decoding: u[(u.count - 2)...], as: UTF8.self)
        var value = 0
        for c in u[..<(u.count - 2)] {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            if value > 1_000_000 { return nil }
            value = value * 10 + Int(c - 0x30)
        }
        let lastTwo = value % 100, last = value % 10
        let expected: String
        if lastTwo >= 11 && lastTwo <= 13 { expected = "th" }
        else if last == 1 { expected = "st" } else if last == 2 { expected = "nd" } else if last == 3 { expected = "rd" } else { expected = "th" }
        return suffix == expected ? value : nil
    }
}
