import CICU

/// Stage 3 of the pipeline: ICU word and sentence break iterators turn decoded text into
/// tokens with attributes. Not thread-safe: give each thread its own (`copy()` clones the
/// ICU iterators with `ubrk_clone`).
public final class Segmenter: @unchecked Sendable {
    private let wordIterator: UnsafeMutableRawPointer
    private let sentenceIterator: UnsafeMutableRawPointer
    let numberWords: [String: Double]
    let ordinalWords: [String: Int]
    /// One-probe tables of the lexicon last given to `tokens(of:lexicon:)` (built on first
    /// use, per segmenter, so threads share nothing mutable).
    private var lookup: (lexicon: Lexicon, words: WordLookupTable, shapes: WordLookupTable,
                         wordCache: ShortKeyCache, shapeCache: ShortKeyCache)?

    /// The word and shape tables' views while a document is segmented.
    struct Tables {
        var words: WordLookupTable.View
        var shapes: WordLookupTable.View
        let wordCache: ShortKeyCache.View
        let shapeCache: ShortKeyCache.View
        let asciiClasses: UnsafePointer<UInt64>
    }

    /// Per ASCII unit: its shape byte (bits 0–7), its folded byte (8–15), and 1 in the
    /// count of digits (bit 16), upper-case letters (32) or lower-case letters (48), as
    /// `makeToken` classifies them (other ASCII units are their own shape byte).
    static let asciiClasses: UnsafePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 128)
        for u in 0..<128 {
            let b = UInt64(u)
            if u >= 0x30 && u <= 0x39 { p[u] = UInt64(UInt8(ascii: "d")) | b << 8 | 1 << 16 }
            else if u >= 0x41 && u <= 0x5A { p[u] = UInt64(UInt8(ascii: "X")) | (b | 0x20) << 8 | 1 << 32 }
            else if u >= 0x61 && u <= 0x7A { p[u] = UInt64(UInt8(ascii: "x")) | b << 8 | 1 << 48 }
            else { p[u] = b | b << 8 }
        }
        return UnsafePointer(p)
    }()

    /// Sizes (log2) of the caches of short words and shapes in front of the tables.
    static let wordCacheBits = 14
    static let shapeCacheBits = 8

    /// How many words and shapes that the rules do not name the tables keep (with their
    /// strings, for reuse by later tokens). None for words: a word table grown with the
    /// bench corpus's words (131k) was slower, its probes missing the CPU cache.
    static let extraWordLimit = 0
    static let extraShapeLimit = 1 << 12

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

    /// ICU word and sentence boundaries (the two ICU passes of this stage; used by the
    /// benchmark): returns the count of both.
    public func countWordAndSentenceBoundaries(_ text: DecodedText) -> Int {
        var count = countWordBoundaries(text)
        text.utf16.withUnsafeBufferPointer { buf in
            _ = cicu_break_set_text(sentenceIterator, buf.baseAddress, Int32(buf.count))
            _ = cicu_break_first(sentenceIterator)
            while cicu_break_next(sentenceIterator) >= 0 { count += 1 }
        }
        return count
    }

    /// Tokens of the text, whitespace dropped.
    public func tokens(of text: DecodedText) -> [Token] {
        tokens(of: text, tables: nil)
    }

    /// Tokens of the text with their lexicon word and shape ids set (what
    /// `Lexicon.intern` would set), found in the same lookup as number and ordinal words.
    func tokens(of text: DecodedText, lexicon: Lexicon) -> [Token] {
        if lookup == nil || lookup!.lexicon !== lexicon {
            lookup = (lexicon, wordTable(lexicon),
                      WordLookupTable(lexicon.shapeIds.map { ($0.key, WordAttributes(lex: $0.value)) }, limit: Self.extraShapeLimit),
                      ShortKeyCache(bits: Self.wordCacheBits), ShortKeyCache(bits: Self.shapeCacheBits))
        }
        var tables = Tables(words: lookup!.words.view, shapes: lookup!.shapes.view,
                            wordCache: lookup!.wordCache.view, shapeCache: lookup!.shapeCache.view,
                            asciiClasses: Self.asciiClasses)
        defer {
            lookup!.words.view = tables.words
            lookup!.shapes.view = tables.shapes
        }
        return withUnsafeMutablePointer(to: &tables) { tokens(of: text, tables: $0) }
    }

    /// The lexicon's words and the number and ordinal words, with all three attributes.
    /// (The number and ordinal words come first, with their lexicon ids: the table keeps the
    /// first entry of a key, so the lexicon's thousands of other words are added as they
    /// are, without a dictionary lookup each, on the first document's path.)
    private func wordTable(_ lexicon: Lexicon) -> WordLookupTable {
        var pairs: [(key: String, attributes: WordAttributes)] = []
        pairs.reserveCapacity(lexicon.wordIds.count + numberWords.count + ordinalWords.count)
        var repeated = 0
        for (key, number) in numberWords {
            let lex = lexicon.wordIds[key]
            if lex != nil { repeated += 1 }
            pairs.append((key, WordAttributes(lex: lex ?? -1, number: number, ordinal: ordinalWords[key])))
        }
        for (key, ordinal) in ordinalWords where numberWords[key] == nil {
            let lex = lexicon.wordIds[key]
            if lex != nil { repeated += 1 }
            pairs.append((key, WordAttributes(lex: lex ?? -1, ordinal: ordinal)))
        }
        for (key, lex) in lexicon.wordIds { pairs.append((key, WordAttributes(lex: lex))) }
        return WordLookupTable(pairs, limit: pairs.count - repeated + Self.extraWordLimit)
    }

    private func tokens(of text: DecodedText, tables: UnsafeMutablePointer<Tables>?) -> [Token] {
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
                // (A segment starting with a visible ASCII character is a word: no scan.)
                let first = buf[start]
                if first > 0x20 && first < 0x80 {
                    allSpace = false
                } else {
                    for i in start..<end {
                        let u = buf[i]
                        if u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029 { sawNewline = true }
                        else if !(u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x0B || u == 0x0C || u == 0x3000 || (u >= 0x2000 && u <= 0x200B) || u == 0x202F || u == 0x205F || u == 0xFEFF) { allSpace = false; break }
                    }
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
                // Appended, then given its spacing flags in place (no copy of its strings).
                tokens.append(makeToken(buf, start, split, tables))
                var flags = tokens[tokens.count - 1].flags
                if space { flags.insert(.spaceBefore) }
                if newline { flags.insert(.lineStart) }
                if pendingSentenceStart { flags.insert(.sentenceStart); pendingSentenceStart = false }
                if flags.contains(.lower) || (flags.contains(.alpha) && !flags.contains(.upper)) { lineHasLower = true }
                tokens[tokens.count - 1].flags = flags
                space = false
                newline = false
                if split < end { tokens.append(makeToken(buf, split, end, tables)) }
            }
            Self.markCapsLine(&tokens, from: lineFirstToken, hasLower: lineHasLower)
        }
        return tokens
    }

    private static func markCapsLine(_ tokens: inout [Token], from: Int, hasLower: Bool) {
        if hasLower || from >= tokens.count { return }
        for i in from..<tokens.count { tokens[i].flags.insert(.capsLine) }
    }

    /// A token of `buf[start..<end]`: folded form, shape and flags; number and ordinal
    /// values; and, with `tables`, its lexicon word and shape ids.
    private func makeToken(_ buf: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
                           _ tables: UnsafeMutablePointer<Tables>?) -> Token {
        if let tables, end - start <= Self.fastTokenLength, let token = makeASCIIToken(buf, start, end, tables) { return token }
        return makeGeneralToken(buf, start, end, tables)
    }

    /// `makeToken` for any token (the ASCII path's prologue does not pay for its Unicode
    /// property lookups: not inlined).
    @inline(never)
    private func makeGeneralToken(_ buf: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
                                  _ tables: UnsafeMutablePointer<Tables>?) -> Token {
        let slice = UnsafeBufferPointer(rebasing: buf[start..<end])
        let folded = TextFolder.fold(slice)
        var flags: TokenFlags = []
        var letters = 0, uppers = 0, lowers = 0, digits = 0, others = 0
        var firstIsUpper = false
        // The shape is built in a scratch buffer (on the stack for ordinary tokens): a token
        // has at most one shape byte per UTF-16 unit.
        var shapeId: Int32 = -1
        let shape: String = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, slice.count)) { out in
            var n = 0
            var last: UInt8 = 0
            var run = 0
            for i in 0..<slice.count {
                let u = slice[i]
                var c: UInt8
                if u >= 0x30 && u <= 0x39 { c = UInt8(ascii: "d"); digits += 1 }
                else if (u >= 0x41 && u <= 0x5A) { c = UInt8(ascii: "X"); uppers += 1; letters += 1; if i == 0 { firstIsUpper = true } }
                else if (u >= 0x61 && u <= 0x7A) { c = UInt8(ascii: "x"); lowers += 1; letters += 1 }
                // (The General Punctuation block, U+2000–U+206F, has no letters: typographic
                // quotes and dashes skip the Unicode property lookup.)
                else if u >= 0xC0, !(u >= 0x2000 && u <= 0x206F), let scalar = Unicode.Scalar(UInt32(u)), scalar.properties.isAlphabetic {
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
                if run <= 4 { out[n] = c; n += 1 }
            }
            let bytes = UnsafeBufferPointer(rebasing: out[0..<n])
            if let tables { shapeId = tables.pointee.shapes.find(bytes)?.lex ?? -1 }
            return String(decoding: bytes, as: UTF8.self)
        }
        flags.formUnion(Self.kindFlags(letters: letters, digits: digits, others: others, uppers: uppers, lowers: lowers,
                                       firstIsUpper: firstIsUpper))
        var number: Double? = nil
        var ordinal: Int? = nil
        var lex: Int32 = -1
        var word: WordAttributes? = nil
        if let tables {
            var key = folded
            word = key.withUTF8 { tables.pointee.words.find($0) }
            lex = word?.lex ?? -1
        }
        if digits > 0 && letters == 0 {
            number = Self.parseDigits(slice)
        } else if letters > 0 && digits == 0 {
            if tables != nil {
                number = word?.number
                ordinal = word?.ordinal
            } else {
                if let v = numberWords[folded] { number = v }
                if let o = ordinalWords[folded] { ordinal = o }
            }
        } else if digits > 0 {
            ordinal = Self.parseDigitOrdinal(folded)
        }
        return Self.token(start, end, folded, shape, flags, number, ordinal, lex, shapeId)
    }

    /// The flags a token's character counts give (alpha, alnum, digit, punct, upper, lower, title).
    @inline(__always)
    private static func kindFlags(letters: Int, digits: Int, others: Int, uppers: Int, lowers: Int, firstIsUpper: Bool) -> TokenFlags {
        var flags: TokenFlags = []
        if letters > 0 && digits == 0 && others == 0 { flags.insert(.alpha) }
        if letters > 0 && digits > 0 { flags.insert(.alnum) }
        if digits > 0 && letters == 0 { flags.insert(.digit) }
        if letters == 0 && digits == 0 { flags.insert(.punct) }
        if letters > 0 {
            if uppers == letters { flags.insert(.upper) }
            if lowers == letters { flags.insert(.lower) }
            if firstIsUpper { flags.insert(.title) }
        }
        return flags
    }

    /// A token from its parts; the number and ordinal flags follow the values.
    @inline(__always)
    private static func token(_ start: Int, _ end: Int, _ folded: String, _ shape: String, _ flags: TokenFlags,
                              _ number: Double?, _ ordinal: Int?, _ lex: Int32, _ shapeId: Int32) -> Token {
        var flags = flags
        if number != nil { flags.insert(.number) }
        if ordinal != nil { flags.insert(.ordinal) }
        var token = Token(start: start, end: end, folded: folded, shape: shape, flags: flags,
                          number: number, ordinal: ordinal)
        token.lex = lex
        token.shapeId = shapeId
        return token
    }

    /// Longest token `makeASCIIToken` takes (its scratch buffer is on the stack).
    static let fastTokenLength = 64

    /// `makeToken` for an ASCII token with tables, in one pass over its UTF-16 units that
    /// gives the folded bytes, the shape bytes and the letter counts. Short words and shapes
    /// are looked up in the caches first (no hash, no string built on a hit), then in the
    /// tables, whose strings are reused for a found key. Nil when a unit is not ASCII
    /// (then `makeToken` does the general work). Gives exactly what the general path gives.
    @inline(__always)
    private func makeASCIIToken(_ buf: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int,
                                _ tables: UnsafeMutablePointer<Tables>) -> Token? {
        let count = end - start
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Self.fastTokenLength) { scratch -> Token? in
            let foldedBytes = scratch.baseAddress!
            let shapeBytes = foldedBytes + Self.fastTokenLength
            // Short keys are read back as two words, zero past their end.
            let raw = UnsafeMutableRawPointer(foldedBytes)
            raw.storeBytes(of: 0, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
            // Branch-free per unit: the class table gives the shape byte, the folded byte and
            // the count increments; a shape byte is always stored and kept when its run is at
            // most four long.
            let classes = tables.pointee.asciiClasses
            var counts: UInt64 = 0
            var n = 0
            var last: UInt8 = 0
            var run = 0
            let units = buf.baseAddress! + start
            for i in 0..<count {
                let u = units[i]
                if u >= 0x80 { return nil }
                let t = classes[Int(u)]
                let c = UInt8(truncatingIfNeeded: t)
                foldedBytes[i] = UInt8(truncatingIfNeeded: t >> 8)
                counts &+= t >> 16
                run = c == last ? run + 1 : 1
                last = c
                shapeBytes[n] = c
                n += run <= 4 ? 1 : 0
            }
            let digits = Int(counts & 0xFFFF)
            let uppers = Int((counts >> 16) & 0xFFFF)
            let lowers = Int(counts >> 32)
            let letters = uppers + lowers
            let others = count - digits - letters
            let firstIsUpper = count > 0 && units[0] &- 0x41 < 26
            let flags = Self.kindFlags(letters: letters, digits: digits, others: others, uppers: uppers, lowers: lowers,
                                       firstIsUpper: firstIsUpper)
            let shapeKey = UnsafeBufferPointer(start: shapeBytes, count: n)
            let shape: String
            var shapeId: Int32 = -1
            if n <= 16 {
                // (Bytes past the shape's end may hold a dropped shape byte: masked off.)
                var k0 = raw.loadUnaligned(fromByteOffset: Self.fastTokenLength, as: UInt64.self)
                var k1 = raw.loadUnaligned(fromByteOffset: Self.fastTokenLength + 8, as: UInt64.self)
                if n < 8 { k0 &= (1 &<< UInt64(8 * n)) &- 1; k1 = 0 }
                else if n < 16 { k1 &= (1 &<< UInt64(8 * (n - 8))) &- 1 }
                let cache = tables.pointee.shapeCache
                let r = cache.record(k0, k1, n)
                if cache.holds(r, k0, k1, n) {
                    shape = r.pointee.string
                    shapeId = r.pointee.lex
                } else {
                    (shape, shapeId, _) = Self.findShape(shapeKey, tables)
                    cache.store(ShortKeyCache.Record(k0: k0, k1: k1, count: Int32(n), lex: shapeId, string: shape), at: r)
                }
            } else {
                (shape, shapeId, _) = Self.findShape(shapeKey, tables)
            }
            let wordKey = UnsafeBufferPointer(start: foldedBytes, count: count)
            let folded: String
            var lex: Int32 = -1
            var number: Double? = nil
            var ordinal: Int? = nil
            var valueEntry = -1
            if count <= 16 {
                let k0 = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                let k1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let cache = tables.pointee.wordCache
                let r = cache.record(k0, k1, count)
                if cache.holds(r, k0, k1, count) {
                    folded = r.pointee.string
                    lex = r.pointee.lex
                    valueEntry = r.pointee.valueEntry
                } else {
                    (folded, lex, valueEntry) = Self.findWord(wordKey, tables)
                    cache.store(ShortKeyCache.Record(k0: k0, k1: k1, count: Int32(count), lex: lex, valueEntry: valueEntry, string: folded), at: r)
                }
            } else {
                (folded, lex, valueEntry) = Self.findWord(wordKey, tables)
            }
            if valueEntry >= 0 {
                let e = tables.pointee.words.entry(valueEntry)
                if letters > 0 && digits == 0 {
                    number = e.pointee.attributes.number
                    ordinal = e.pointee.attributes.ordinal
                }
            }
            if digits > 0 && letters == 0 {
                number = Self.parseDigits(UnsafeBufferPointer(start: units, count: count))
            } else if digits > 0 && letters > 0 {
                ordinal = Self.parseDigitOrdinal(folded)
            }
            return Self.token(start, end, folded, shape, flags, number, ordinal, lex, shapeId)
        }
    }

    /// A shape's string, id and entry index (-1 when absent) from the shape table; a shape
    /// the table lacks is added to it (with no id) while it is below its bound.
    private static func findShape(_ key: UnsafeBufferPointer<UInt8>, _ tables: UnsafeMutablePointer<Tables>) -> (String, Int32, Int) {
        let h = WordLookupTable.hash(key)
        if let e = tables.pointee.shapes.find(key, hash: h) {
            return (e.pointee.string, e.pointee.attributes.lex, tables.pointee.shapes.index(of: e))
        }
        let shape = String(decoding: key, as: UTF8.self)
        tables.pointee.shapes.insert(key, hash: h, string: shape)
        return (shape, -1, -1)
    }

    /// A folded word's string, lexicon id, and entry index when it has a number or ordinal
    /// value (else -1), from the word table.
    private static func findWord(_ key: UnsafeBufferPointer<UInt8>, _ tables: UnsafeMutablePointer<Tables>) -> (String, Int32, Int) {
        let h = WordLookupTable.hash(key)
        if let e = tables.pointee.words.find(key, hash: h) {
            let a = e.pointee.attributes
            return (e.pointee.string, a.lex, a.number != nil || a.ordinal != nil ? tables.pointee.words.index(of: e) : -1)
        }
        let folded = String(decoding: key, as: UTF8.self)
        tables.pointee.words.insert(key, hash: h, string: folded)
        return (folded, -1, -1)
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
        var folded = folded
        return folded.withUTF8 { u -> Int? in
            guard u.count >= 3 else { return nil }
            var value = 0
            for c in u[..<(u.count - 2)] {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                if value > 1_000_000 { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            let lastTwo = value % 100, last = value % 10
            let expected: (UInt8, UInt8)
            if lastTwo >= 11 && lastTwo <= 13 { expected = (0x74, 0x68) }  // th
            else if last == 1 { expected = (0x73, 0x74) }  // st
            else if last == 2 { expected = (0x6E, 0x64) }  // nd
            else if last == 3 { expected = (0x72, 0x64) }  // rd
            else { expected = (0x74, 0x68) }
            return u[u.count - 2] == expected.0 && u[u.count - 1] == expected.1 ? value : nil
        }
    }
}
