import Foundation

/// What every ORG matcher reads about a document: its tokens, the word lists of the rule
/// set (head nouns, legal suffixes, event nouns, stop words, titles…) and the gazetteers,
/// with the token tests the matchers share (is this a capitalized name word, a place…).
/// Built once per document (see `shared`) and read by all ORG matchers of that document.
final class OrganizationContext {
    let document: SegmentedDocument
    let tokens: [Token]
    /// The rule set's word lists (read from the document when a test needs one: stored here,
    /// its dictionaries would be retained and released for every document).
    var vocabulary: Vocabulary { document.vocabulary }
    let gazetteers: GazetteerIndex
    /// The rule set's word lists as bits and phrase tables.
    let tables: OrganizationTables

    /// Vocabulary list names.
    enum List {
        static let head = "org_head_noun"
        static let event = "event_noun"
        static let legal = "legal_suffix"
        static let stop = "org_stop_word"
        static let title = "title_noun"
        static let standalone = "org_standalone"
        static let agency = "news_agency"
        static let nonAcronym = "org_non_acronym"
        static let indexNoun = "org_index_noun"
        static let possessive = "org_possessive_modifier"
        static let placeAbbreviation = "org_place_abbreviation"
        static let formerCountry = "org_former_country"
        static let contextBefore = "org_context_before"
        static let contextPossessed = "org_context_possessed"
        static let companyNoun = "org_company_noun"
        static let firstWordHead = "org_first_word_head"
        static let regionWord = "org_region_word"
    }

    /// The per-token columns of the document, in one allocation (held: the buffers below
    /// live as long as it).
    let columns: TokenColumns
    /// The columns' buffers, read-only and `count` tokens long, kept here so that a test reads
    /// one field, not two (see `TokenColumns`): per token its list bits (`ListBits`: one
    /// lookup instead of a hash per test), its folded form packed by `Word.pack`, its flags
    /// and lexicon id, and the FNV-1a hash of its folded bytes (a phrase hash's first state).
    let masks: UnsafeBufferPointer<ListBits>, packed: UnsafeBufferPointer<UInt64>, flags: UnsafeBufferPointer<TokenFlags>,
        lexIds: UnsafeBufferPointer<Int32>, wordHashes: UnsafeBufferPointer<UInt64>
    /// The columns' token lists, in order (`TokenColumns.List`): the name starts, where the
    /// scans begin, and the anchors of head nouns, legal suffixes and acronyms. The loops
    /// step through these, not every token.
    let nameStarts: UnsafeBufferPointer<Int32>, anchors: UnsafeBufferPointer<Int32>

    /// The context of a document, shared by the ORG matchers of one document on one thread
    /// (built once, not once per matcher). The columns of the thread's previous context are
    /// filled again when nothing else holds that context.
    static func shared(_ document: SegmentedDocument) -> OrganizationContext {
        let cache = OrganizationThreadCache.current
        if let context = cache.context, context.document.text === document.text,
           context.tokens.count == document.tokens.count {
            return context
        }
        var spare: TokenColumns? = nil
        if var previous = cache.context {
            cache.context = nil
            if isKnownUniquelyReferenced(&previous) && previous.columns.capacity >= document.tokens.count {
                spare = previous.columns
            }
        }
        let context = OrganizationContext(document, tables: cache.tables(for: document), reusing: spare)
        cache.context = context
        return context
    }

    convenience init(_ document: SegmentedDocument, gazetteers: GazetteerIndex = .shared) {
        self.init(document, tables: OrganizationThreadCache.current.tables(for: document), gazetteers: gazetteers)
    }

    /// The context of a document; `reusing`: columns to fill again (large enough, held by no
    /// other context), else new ones.
    init(_ document: SegmentedDocument, tables: OrganizationTables, gazetteers: GazetteerIndex = .shared,
         reusing spare: TokenColumns? = nil) {
        self.document = document
        tokens = document.tokens
        self.gazetteers = gazetteers
        self.tables = tables
        let columns = spare ?? TokenColumns(capacity: document.tokens.count)
        columns.fill(document.tokens, tables: tables)
        self.columns = columns
        let n = columns.count
        masks = UnsafeBufferPointer(rebasing: columns.masks[0..<n])
        packed = UnsafeBufferPointer(rebasing: columns.packed[0..<n])
        flags = UnsafeBufferPointer(rebasing: columns.flags[0..<n])
        lexIds = UnsafeBufferPointer(rebasing: columns.lexIds[0..<n])
        wordHashes = UnsafeBufferPointer(rebasing: columns.wordHashes[0..<n])
        nameStarts = columns.tokens(.nameStarts)
        anchors = columns.tokens(.anchors)
    }

    /// The document's lower-case words (built on first use, see `LowerCaseWords`).
    private var lowerCaseWords: LowerCaseWords? = nil

    /// The lower-case words of the document, built on first use.
    @inline(__always) private func lowerWords() -> LowerCaseWords {
        if let words = lowerCaseWords { return words }
        let words = LowerCaseWords(tokens: tokens, flags: flags, lexIds: lexIds, wordHashes: wordHashes, maxLexId: columns.maxLexId)
        lowerCaseWords = words
        return words
    }

    /// Whether the document also writes the folded form of token `q` as a lower-case token.
    func isWrittenInLowerCase(_ q: Int) -> Bool { isWrittenInLowerCase(q, short: false) }

    /// Whether the document also writes the folded form of token `q` as a lower-case token
    /// of 2 to 6 UTF-16 units (a capitals-only acronym's word written as a common word).
    func isWrittenInLowerCaseShort(_ q: Int) -> Bool { isWrittenInLowerCase(q, short: true) }

    private func isWrittenInLowerCase(_ q: Int, short: Bool) -> Bool {
        let words = lowerWords()
        let lex = Int(lexIds[q])
        if lex >= 0 { return LowerCaseWords.test(short ? words.shortLexicon : words.lexicon, lex) }
        // A hash found is checked on the strings; only two different words with one
        // 64-bit hash send it to the scan of the whole document (a scan per query made a
        // long document quadratic).
        if let i = words.first(wordHashes[q], hashes: wordHashes) {
            guard i >= 0 else { return false }
            if tokens[i].folded == tokens[q].folded && (!short || Self.isShort(tokens[i])) { return true }
        }
        // A word the table cannot tell (not capitalized), another word with the same hash
        // first, or (short) this word first in another length: the scan of the document decides.
        if short { return !writtenInLowerCase([q], include: { self.isShortToken($0) }).isEmpty }
        return !writtenInLowerCase([q]).isEmpty
    }

    @inline(__always) static func isShort(_ t: Token) -> Bool {
        let n = t.end - t.start
        return n >= 2 && n <= 6
    }
    @inline(__always) func isShortToken(_ k: Int) -> Bool { Self.isShort(tokens[k]) }

    /// The capitalized sentence starts (sentence start, title case, not capitals only): their
    /// lexicon ids as bits, and the others as (word hash, token) sorted by hash. Built on
    /// first use.
    private var capitalizedStarts: (lex: [UInt64], others: [(hash: UInt64, token: Int32)])? = nil

    /// Whether some capitalized sentence start of the document has the folded form of token `i`.
    func isCapitalizedStartWord(_ i: Int) -> Bool {
        if capitalizedStarts == nil {
            var bits = [UInt64](repeating: 0, count: Int(max(columns.maxLexId, 0)) / 64 + 1)
            var others: [(hash: UInt64, token: Int32)] = []
            for k in 0..<flags.count {
                let f = flags[k]
                guard f.contains(.sentenceStart) && f.contains(.title) && !f.contains(.upper) else { continue }
                let lex = lexIds[k]
                if lex >= 0 { bits[Int(lex) >> 6] |= 1 << UInt64(lex & 63) }
                else { others.append((wordHashes[k], Int32(k))) }
            }
            others.sort { $0.hash < $1.hash }
            capitalizedStarts = (bits, others)
        }
        let starts = capitalizedStarts!
        let lex = Int(lexIds[i])
        if lex >= 0 { return LowerCaseWords.test(starts.lex, lex) }
        // The first start with the hash, by binary search; then the strings of those with it.
        let h = wordHashes[i]
        var low = 0, high = starts.others.count
        while low < high {
            let mid = (low + high) / 2
            if starts.others[mid].hash < h { low = mid + 1 } else { high = mid }
        }
        while low < starts.others.count && starts.others[low].hash == h {
            if tokens[Int(starts.others[low].token)].folded == tokens[i].folded { return true }
            low += 1
        }
        return false
    }

    /// Of the folded forms of tokens `queries`, those that the document also writes as a
    /// lower-case token passing `include`. One pass over the tokens: a token with a lexicon
    /// id can only equal a query with the same id (ids intern folded forms), the others are
    /// filtered on length and first and last bytes before a string test.
    func writtenInLowerCase(_ queries: [Int], include: (Int) -> Bool = { _ in true }) -> Set<String> {
        Self.writtenInLowerCase(queries, tokens: tokens, flags: flags, lexIds: lexIds, wordHashes: wordHashes, include: include)
    }

    static func writtenInLowerCase(_ queries: [Int], tokens: [Token], flags: UnsafeBufferPointer<TokenFlags>, lexIds: UnsafeBufferPointer<Int32>,
                                   wordHashes: UnsafeBufferPointer<UInt64>,
                                   include: (Int) -> Bool = { _ in true }) -> Set<String> {
        guard !queries.isEmpty else { return [] }
        // The words not found yet, with the number of them per filter slot (a found word
        // leaves the filter, so a frequent word is not tested again). Kept in a dictionary
        // and a set, not arrays searched linearly: a long document asks about thousands of
        // words, and a linear search per token made it quadratic.
        var pendingLex: [Int32: String] = [:]
        var pendingStrings: Set<String> = []
        var lexSlots = [UInt16](repeating: 0, count: 1024)
        var stringSlots = [UInt16](repeating: 0, count: 1024)
        for q in queries {
            let lex = lexIds[q]
            if lex >= 0 {
                if pendingLex[lex] != nil { continue }
                pendingLex[lex] = tokens[q].folded
                lexSlots[Int(lex) & 1023] += 1
            } else {
                if !pendingStrings.insert(tokens[q].folded).inserted { continue }
                stringSlots[Int(truncatingIfNeeded: wordHashes[q] >> 54)] += 1
            }
        }
        var found: Set<String> = []
        var pending = pendingLex.count + pendingStrings.count
        for i in 0..<flags.count where flags[i].contains(.lower) {
            let lex = lexIds[i]
            if lex >= 0 {
                let slot = Int(lex) & 1023
                guard lexSlots[slot] != 0, let word = pendingLex[lex], include(i) else { continue }
                found.insert(word)
                pendingLex[lex] = nil
                lexSlots[slot] -= 1
            } else {
                guard !pendingStrings.isEmpty else { continue }
                let slot = Int(truncatingIfNeeded: wordHashes[i] >> 54)
                guard stringSlots[slot] != 0 else { continue }
                let word = tokens[i].folded
                guard pendingStrings.contains(word), include(i) else { continue }
                found.insert(word)
                pendingStrings.remove(word)
                stringSlots[slot] -= 1
            }
            pending -= 1
            if pending == 0 { break }
        }
        return found
    }


    /// A capitalized word at the start of a sentence that the document also writes in lower case.
    /// There the capital letter comes from the sentence, not a name.
    func isCommonWordAtSentenceStart(_ i: Int) -> Bool {
        guard startsSentence(i) else { return false }
        let f = flags[i]
        // A capitalized sentence start itself: the word is one when written in lower case.
        if f.contains(.title) && !f.contains(.upper) { return isWrittenInLowerCase(i) }
        // Another token: the word of a capitalized sentence start, written in lower case too.
        return isCapitalizedStartWord(i) && isWrittenInLowerCase(i)
    }

    /// The token at `i` continues a name across a slash or a glued hyphen ("Macmillan /
    /// McGraw", "Time-Warner", "non-Manpower" from the left).
    func joinsAcross(after end: Int) -> Bool {
        guard end + 1 < count else { return false }
        let f = packed[end]
        if f == Word.slash && isCap(end + 1) { return true }
        if f == Word.hyphen && !flags[end].contains(.spaceBefore) && !flags[end + 1].contains(.spaceBefore) && isCap(end + 1) { return true }
        return false
    }

    /// A hyphen or slash joins the token before `start` to it ("non-Manpower", "Carnegie-Mellon").
    func joinedFromLeft(_ start: Int) -> Bool {
        guard start >= 2 else { return false }
        let f = packed[start - 1]
        if f == Word.slash && isCap(start - 2) { return true }
        if f == Word.hyphen && !flags[start - 1].contains(.spaceBefore) && !flags[start].contains(.spaceBefore) && isCap(start - 2) { return true }
        return false
    }

    /// A possessive that may stand inside a name ("People's Bank", "Workers' Party").
    func isNamePossessive(_ i: Int) -> Bool {
        guard i > 0 && packed[i] == Word.possessive && !flags[i].contains(.spaceBefore) else { return false }
        if inList(.possessive, i - 1) { return true }
        // A listed name that ends in a possessive ("Moody's Investors Service").
        if let entry = gazetteers.positiveEntry(hash((i - 1)..<(i + 1))), !entry.allCaps { return true }
        return false
    }

    /// An initial with its period ("W.R." "E."): a capitals token with a period inside or one letter.
    func isInitial(_ i: Int) -> Bool {
        guard flags[i].contains(.upper) else { return false }
        return shapeHasPeriod(i) || tokens[i].end - tokens[i].start == 1
    }

    var count: Int { tokens.count }

    @inline(__always) func folded(_ i: Int) -> String { tokens[i].folded }

    /// Whether token `i + 1` is glued to token `i` with an ASCII letter or digit on both
    /// sides of the junction (folded forms): a token boundary phrase tables keep no state for.
    func gluedAlphanumericJunction(after i: Int) -> Bool {
        guard i + 1 < count, !flags[i + 1].contains(.spaceBefore),
              let last = lastByte(i), let first = firstByte(i + 1) else { return false }
        return GazetteerIndex.isAlphanumeric(last) && GazetteerIndex.isAlphanumeric(first)
    }

    /// The first byte of token `i`'s folded form (from its pack when it has one), nil when empty.
    @inline(__always) func firstByte(_ i: Int) -> UInt8? {
        let p = packed[i]
        if p != .max { return p >> 56 == 0 ? nil : UInt8(truncatingIfNeeded: p) }
        return tokens[i].folded.utf8.first
    }

    /// The last byte of token `i`'s folded form (from its pack when it has one), nil when empty.
    @inline(__always) func lastByte(_ i: Int) -> UInt8? {
        let p = packed[i]
        if p != .max {
            let length = p >> 56
            return length == 0 ? nil : UInt8(truncatingIfNeeded: p >> (8 &* (length - 1)))
        }
        return tokens[i].folded.utf8.last
    }
    /// The folded form of token `i` is the word `word` (a `Word` constant).
    @inline(__always) func isWord(_ i: Int, _ word: UInt64) -> Bool { packed[i] == word }
    @inline(__always) func has(_ i: Int, _ f: TokenFlags) -> Bool { flags[i].contains(f) }
    @inline(__always) func inList(_ list: ListBits, _ i: Int) -> Bool { !masks[i].isDisjoint(with: list) }

    /// A capitalized word outside an all-capitals line (a headline or dateline).
    @inline(__always) func isCap(_ i: Int) -> Bool {
        let f = flags[i]
        return f.contains(.title) && !f.contains(.capsLine)
    }

    /// A capitalized word that may belong to a name: not a stop word nor a title.
    func isNameWord(_ i: Int) -> Bool {
        isCap(i) && !inList(.stop, i) && !inList(.title, i)
    }

    /// An organization head noun, capitalized.
    /// (The list first: a rare bit, a predictable branch in a loop over all tokens.)
    func isHead(_ i: Int) -> Bool { inList(.head, i) && isCap(i) }

    /// A head noun of a government body (a nationality before it names the country).
    func isGovernmentHead(_ i: Int) -> Bool { masks[i].contains(.governmentHead) }

    /// A head noun of a company's name ("Industries", "Securities", "Associates"): a place
    /// after it is the company's seat, not part of its name.
    func isCompanyHead(_ i: Int) -> Bool { masks[i].contains(.companyHead) }

    /// A place written with periods ("U.S.", "U.K."): the end of the abbreviation (after its
    /// last period), when its letters name a place in capitals.
    func dottedPlaceEnd(_ i: Int) -> Int? {
        guard flags[i].contains(.upper), shapeHasPeriod(i) else { return nil }
        var letters = ""
        for ch in tokens[i].folded where ch != "." { letters.append(ch) }
        var bytes = Array(letters.utf8)
        let hash = bytes.withUnsafeMutableBufferPointer { GazetteerIndex.phraseHash(UnsafeBufferPointer($0)).0 }
        guard gazetteers.negativeEntry(hash) == true || vocabulary.contains(List.placeAbbreviation, letters) else { return nil }
        if i + 1 < count && packed[i + 1] == Word.period && !flags[i + 1].contains(.spaceBefore) { return i + 2 }
        return i + 1
    }

    /// A legal-form suffix, capitalized ("Corp", "Inc", "Ltd", "AG").
    /// Also the two halves of a suffix written with a space inside ("S.p. A.", "G.m.b. H.").
    func isLegalSuffix(_ i: Int) -> Bool {
        // The rare words first, capitals after (a predictable branch in a loop over all tokens).
        if inList(.legal, i) { return isCap(i) }
        let f = packed[i]
        if f == Word.sp || f == Word.gmb {
            return isCap(i) && i + 2 < count && packed[i + 1] == Word.period && glued(i + 1) && packed[i + 2] == (f == Word.sp ? Word.a : Word.h)
        }
        if (f == Word.a || f == Word.h) && i >= 2 && packed[i - 1] == Word.period && glued(i - 1) {
            return isCap(i) && packed[i - 2] == (f == Word.a ? Word.sp : Word.gmb)
        }
        return false
    }

    /// A capitalized event noun ("Congress", "Conference", "Cup").
    func isEventNoun(_ i: Int) -> Bool { inList(.event, i) && isCap(i) }

    /// The token starts a sentence: ICU's sentence start, except after an initial or an
    /// abbreviation with a period ("W.R. Grace", "U.S. Postal Service", "Mr. Smith").
    func startsSentence(_ i: Int) -> Bool {
        guard flags[i].contains(.sentenceStart) else { return false }
        guard i >= 2, packed[i - 1] == Word.period, !flags[i - 1].contains(.spaceBefore) else { return true }
        let p = i - 2
        if shapeHasPeriod(p) { return false }
        let pf = flags[p], length = tokens[p].end - tokens[p].start
        if pf.contains(.upper) && length == 1 { return false }
        if pf.contains(.title) && inList(.stop, p) && length <= 3 { return false }
        return true
    }

    /// Words of a legislature or institution named by one word ("House", "Senate"): they
    /// end a name at its left ("House and Senate" are two names).
    func isStandaloneWord(_ i: Int) -> Bool { inList(.standalone, i) && isCap(i) }

    /// The token is glued to the previous one (no white space between).
    @inline(__always) func glued(_ i: Int) -> Bool { !flags[i].contains(.spaceBefore) }

    @inline(__always) func isLowerWord(_ i: Int, _ word: UInt64) -> Bool {
        packed[i] == word && flags[i].contains(.lower)
    }

    /// The token is an ordinal or a four-digit year (what makes a name an event:
    /// "the 24th International Congress", "the 2022 World Cup").
    func isOrdinalOrYear(_ i: Int) -> Bool {
        let f = flags[i]
        if tokens[i].ordinal != nil && f.contains(.ordinal) { return true }
        if let n = tokens[i].number, f.contains(.digit), n >= 1800, n <= 2100, tokens[i].end - tokens[i].start == 4 { return true }
        return false
    }

    /// The token range names a place, a country or a nationality.
    func isPlaceOrNationality(_ range: Range<Int>) -> Bool {
        let h = hash(range)
        if gazetteers.negativeEntry(h) != nil { return true }
        if range.count == 1 && masks[range.lowerBound].contains(.regionWord) { return true }
        // Former states (vocabulary org_former_country), for names of two or three words.
        guard range.count >= 2 && range.count <= 3 else { return false }
        // The hash is of the phrase's bytes: a phrase not in the filter is not in the list.
        guard tables.formerCountries.lookup(h) != 0 else { return false }
        var phrase = ""
        for k in range {
            if k > range.lowerBound && flags[k].contains(.spaceBefore) { phrase.append(" ") }
            phrase.append(tokens[k].folded)
        }
        return vocabulary.contains(List.formerCountry, phrase)
    }

    /// The acronym is a place or country written in capitals ("USA", "UAE").
    func isPlaceAcronym(_ i: Int) -> Bool {
        inList(.placeAbbreviation, i) || gazetteers.negativeEntry(hash(i..<(i + 1))) == true
    }

    /// The hash of a token range, as `GazetteerIndex.hash` computes it (without copying tokens).
    @inline(__always)
    func hash(_ range: Range<Int>) -> UInt64 {
        guard !range.isEmpty else { return GazetteerIndex.offsetBasis }
        var h = wordHashes[range.lowerBound]
        for k in (range.lowerBound + 1)..<range.upperBound { extend(&h, with: k, first: false) }
        return h
    }

    /// Extends a running hash by token `k`, as `GazetteerIndex.extend` does.
    @inline(__always)
    func extend(_ h: inout UInt64, with k: Int, first: Bool) {
        if !first && flags[k].contains(.spaceBefore) { GazetteerIndex.mix(&h, 0x20) }
        for b in tokens[k].folded.utf8 { GazetteerIndex.mix(&h, b) }
    }

    /// The token's shape has a period ("X.X", "X.").
    @inline(__always)
    func shapeHasPeriod(_ i: Int) -> Bool { tokens[i].shape.utf8.contains(0x2E) }

    /// The original text of a token range with runs of white space made one space.
    func text(_ range: Range<Int>) -> String {
        let raw = document.text(tokens: range)
        if Self.isSingleSpacedASCII(raw) { return raw }
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var space = false
        for ch in raw {
            if ch.isWhitespace { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        return out
    }

    /// Whether `text(range)` is `s`. Compared in place when the range's text is single-spaced
    /// ASCII (what `text` returns unchanged) and `s` is ASCII, without building the text.
    func isText(_ range: Range<Int>, _ s: String) -> Bool {
        let start = tokens[range.lowerBound].start, end = tokens[range.upperBound - 1].end
        let inPlace: Bool? = document.text.utf16.withUnsafeBufferPointer { units -> Bool? in
            let raw = UnsafeBufferPointer(rebasing: units[start..<end])
            guard Self.isSingleSpacedASCII(raw) else { return nil }
            return s.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                for b in bytes where b >= 0x80 { return nil }
                guard bytes.count == raw.count else { return false }
                for k in 0..<bytes.count where UInt16(bytes[k]) != raw[k] { return false }
                return true
            } ?? nil
        }
        return inPlace ?? (text(range) == s)
    }

    /// Printable ASCII with no leading, trailing or doubled space: what `text` returns
    /// unchanged (checked on bytes, without breaking the text into Characters).
    static func isSingleSpacedASCII(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { isSingleSpacedASCII($0) }
    }

    /// `isSingleSpacedASCII` of code units (UTF-8 or UTF-16).
    static func isSingleSpacedASCII<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>) -> Bool {
        guard let first = units.first, first != 0x20, units.last! != 0x20 else { return false }
        var previous: Unit = 0
        for u in units {
            if u < 0x20 || u >= 0x7F || (u == 0x20 && previous == 0x20) { return false }
            previous = u
        }
        return true
    }

    /// A candidate for a token range, with its canonical value.
    func candidate(_ range: Range<Int>, rule: Rule, value: String? = nil) -> Candidate {
        Candidate(type: .org, start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end,
                  rule: rule.id, priority: rule.priority, value: .string(value ?? text(range)), tokenRange: range)
    }
}
