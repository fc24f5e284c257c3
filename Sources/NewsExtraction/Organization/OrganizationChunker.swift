/// Finds organization names by their structure, in one left-to-right pass each:
/// - a head noun ("Ministry", "University", "Agency"…) with the capitalized modifiers before
///   it and "of/for/on" complements after it ("Tehran University of Medical Sciences",
///   "Council for Development of Stem Cell Sciences and Technologies");
/// - a legal-form suffix after a capitalized name ("Toyota Motor Corp.", "Goldman, Sachs & Co.").
/// Names built on an event noun, or after an ordinal or a year, are events and are skipped.
struct OrganizationChunker {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// A name found by structure: its tokens and the index of its head noun (or suffix).
    struct Chunk {
        var range: Range<Int>
        var head: Int
    }

    // MARK: Head-noun names

    /// The most tokens a name may have before its head noun.
    static let maxModifiers = 12

    func headNounNames() -> [Chunk] {
        let c = context
        var chunks: [Chunk] = []
        var i = 0
        // The capitalized head nouns (in `anchors`), from `i` on.
        for k in c.anchors {
            guard Int(k) >= i else { continue }
            i = Int(k)
            guard c.isHead(i) else { i += 1; continue }
            // The last head of a run of heads is the head ("Research Institute Group" → "Group").
            var h = i
            while h + 1 < c.count && c.isHead(h + 1) && !c.glued(h + 1) { h += 1 }
            var start = leftEdge(of: i)
            if c.isGovernmentHead(h) { start = dropLeadingNationality(start, before: i) }
            let end = rightEdge(after: h)
            if let chunk = validate(start..<end, head: h) { chunks.append(chunk) }
            i = max(end, i + 1)
        }
        return chunks
    }

    /// Extends a name to the left from token `i` over capitalized name words, joined by
    /// "&", "and", glued hyphens, initials' periods and plural apostrophes.
    func leftEdge(of i: Int) -> Int {
        let c = context
        var s = i
        // At most `maxModifiers` tokens before the head: no real name has more, and the
        // bound keeps a text of a million capitalized words linear.
        while s > 0 && i - s < Self.maxModifiers {
            let p = s - 1
            if c.isNameWord(p) && !c.startsSentence(s) { s = p; continue }
            guard p > 0, c.isNameWord(p - 1), !c.startsSentence(s) else { break }
            let f = c.packed[p]
            // A complete name on the left ends the name: "House and Senate", "FTC and Justice
            // Department", "World Bank and International Monetary Fund".
            let leftIsName = c.isHead(p - 1) || c.isStandaloneWord(p - 1) || c.flags[p - 1].contains(.upper)
            if f == Word.hyphen && c.glued(p) && c.glued(s) && !leftIsName { s = p - 1; continue }
            if f == Word.ampersand { s = p - 1; continue }
            if f == Word.period && c.glued(p) && c.isInitial(p - 1) { s = p - 1; continue }
            if f == Word.apostrophe && c.glued(p) && c.folded(p - 1).hasSuffix("s") { s = p - 1; continue }
            if c.isNamePossessive(p) { s = p - 1; continue }
            // "Securities and Exchange Commission": one word on each side of "and", else two
            // names side by side ("Eastman Kodak and General Motors").
            if c.isLowerWord(p, Word.and) && !leftIsName && !c.isPlaceOrNationality((p - 1)..<p) && i - s <= 1
                && !(c.isCompanyHead(i) && p >= 2 && c.isNameWord(p - 2) && !c.startsSentence(p - 1)) { s = p - 1; continue }
            break
        }
        // A word capitalized only because it starts the sentence is not part of the name.
        if s < i && c.isCommonWordAtSentenceStart(s) { s += 1 }
        return s
    }

    /// Drops a nationality or country at the start of a government body's name: "the
    /// Iranian Vice Presidency" names "Vice Presidency" of Iran.
    func dropLeadingNationality(_ start: Int, before head: Int) -> Int {
        var s = start
        while s < head {
            if let e = context.dottedPlaceEnd(s), e <= head { s = e }
            else if s + 1 < head, context.isPlaceOrNationality(s..<(s + 2)) { s += 2 }
            else if context.isPlaceOrNationality(s..<(s + 1)) { s += 1 }
            else { break }
            if s < head && context.isWord(s, Word.possessive) { s += 1 }
        }
        return s
    }

    /// Extends a name to the right of its head: further heads and legal suffixes, and
    /// "of/for/on (the) X" complements made of capitalized words joined by "and", "of",
    /// "for", "&" and glued hyphens.
    func rightEdge(after head: Int) -> Int {
        let c = context
        var e = head + 1
        while e < c.count {
            if c.isCap(e) && !c.startsSentence(e) && (c.isHead(e) || c.isLegalSuffix(e)) {
                e += 1
                // After a legal suffix the name is complete ("Dresser Industries Inc. of …").
                if c.isLegalSuffix(e - 1) { return suffixPeriodEnd(e) }
                continue
            }
            guard c.has(e, .lower), (c.isWord(e, Word.of) || c.isWord(e, Word.forWord) || c.isWord(e, Word.on)) else { break }
            var k = e + 1
            if k < c.count && c.isLowerWord(k, Word.the) { k += 1 }
            guard k < c.count, complementWord(k), !c.inList(.stop, k) else { break }
            let complementEnd = complementEnd(from: k)
            // A company's seat is not part of its name ("… Industries of Warrenton").
            if c.isCompanyHead(e - 1) && (c.isPlaceOrNationality(k..<complementEnd) || !c.isHead(complementEnd - 1) && runIsPlaceLike(k..<complementEnd)) { break }
            e = complementEnd
        }
        return e
    }

    /// A complement of one or two capitalized words that the negative lists may miss (a
    /// small town): no head noun, no lower-case word.
    func runIsPlaceLike(_ range: Range<Int>) -> Bool {
        let c = context
        guard range.count <= 2 else { return false }
        for k in range where !c.isCap(k) || c.isHead(k) { return false }
        return true
    }

    /// A word that may open or continue a complement: capitalized, not a title, not the
    /// start of a new sentence.
    func complementWord(_ k: Int) -> Bool {
        let c = context
        return c.isCap(k) && !c.startsSentence(k) && !c.inList(.title, k)
            && !c.isEventNoun(k)
    }

    /// The end of a complement run starting at capitalized word `k`.
    func complementEnd(from k: Int) -> Int {
        let c = context
        var e = k + 1
        while e < c.count {
            if complementWord(e) { e += 1; continue }
            let f = c.packed[e]
            if (f == Word.hyphen && c.glued(e) || f == Word.ampersand) && e + 1 < c.count && complementWord(e + 1) && (f == Word.ampersand || c.glued(e + 1)) {
                e += 2; continue
            }
            if f == Word.period && c.glued(e) && c.shapeHasPeriod(e - 1) { e += 1; continue }
            if c.isLowerWord(e, Word.and) || c.isLowerWord(e, Word.of) || c.isLowerWord(e, Word.forWord) {
                var k2 = e + 1
                if k2 < c.count && c.isLowerWord(k2, Word.the) && f == Word.of { k2 += 1 }
                guard k2 < c.count, complementWord(k2) else { break }
                // "and" before another organization name ends this one.
                if f == Word.and && runIsName(from: k2) { break }
                e = k2 + 1
                continue
            }
            break
        }
        return e
    }

    /// Whether the capitalized run starting at `k` is a name of its own: two words or more
    /// ending on a head noun or a legal suffix ("… and Royan Research Institute").
    func runIsName(from k: Int) -> Bool {
        let c = context
        var j = k
        while j < c.count && (c.isCap(j) || c.isWord(j, Word.hyphen) || c.isWord(j, Word.ampersand)) {
            if (c.isHead(j) || c.isLegalSuffix(j)) && j > k { return true }
            j += 1
        }
        return false
    }

    /// Checks a head-noun chunk: a name needs a modifier or a complement, and no event noun.
    func validate(_ range: Range<Int>, head: Int) -> Chunk? {
        let c = context
        guard !range.isEmpty else { return nil }
        // A head alone is a short mention, not a name (the resolver links it).
        if range.count == 1 { return nil }
        if range.lowerBound == head && range.upperBound == head + 1 { return nil }
        // Only a glued hyphen or "and" before the head: not a name.
        if !c.isCap(range.lowerBound) { return nil }
        if isEvent(range) { return nil }
        // An investment fund named after a country ("the Mexico Fund", "the Spain Fund") is a
        // traded product, not an organization.
        if range.upperBound == head + 1, head > range.lowerBound, c.isWord(head, Word.fund),
           c.isPlaceOrNationality(range.lowerBound..<head) { return nil }
        // A head noun in capitals ("TEMPORARY WORKERS") is a shouted heading, not a name.
        if c.flags[head].contains(.upper) && c.tokens[head].end - c.tokens[head].start >= 4 { return nil }
        return Chunk(range: range, head: head)
    }

    /// An event named like an organization: an event noun in the name or right after it, or
    /// an ordinal or a year right before it.
    func isEvent(_ range: Range<Int>) -> Bool {
        let c = context
        // An event noun among the modifiers ("Fair Trade Commission", "Asian Games Federation")
        // does not make an event; as the head or after it, it does.
        let headStart = range.upperBound - 1 > range.lowerBound ? lastHead(in: range) : range.lowerBound
        for k in headStart..<range.upperBound where c.isEventNoun(k) {
            // A word in both lists ("Congress") is an institution unless used as an event.
            if c.isHead(k) && !isEventUse(range) && !(k + 1 < c.count && c.isLowerWord(k + 1, Word.on)) { continue }
            return true
        }
        // A name that is a place ("Soviet Union") is not an organization.
        if c.isPlaceOrNationality(range) { return true }
        if range.upperBound < c.count && c.isEventNoun(range.upperBound) { return true }
        if range.lowerBound > 0 && c.isOrdinalOrYear(range.lowerBound - 1) { return true }
        return false
    }

    /// The first head noun or legal suffix of a range from which the name ends (its head).
    func lastHead(in range: Range<Int>) -> Int {
        let c = context
        var h = range.lowerBound
        for k in range where c.isHead(k) || c.isLegalSuffix(k) {
            h = k
            break
        }
        return h
    }

    /// An institution's one-word name used for an event: after an ordinal or a year, or
    /// before "on" ("the 19th Congress on Cell Biology").
    func isEventUse(_ range: Range<Int>) -> Bool {
        let c = context
        if range.lowerBound > 0 && c.isOrdinalOrYear(range.lowerBound - 1) { return true }
        let next = range.upperBound
        return next < c.count && c.isLowerWord(next, Word.on)
    }

    // MARK: Legal-suffix names

    func legalSuffixNames() -> [Chunk] {
        let c = context
        var chunks: [Chunk] = []
        var i = 1
        // The capitalized suffix words (in `anchors`), from `i` on.
        for k in c.anchors {
            guard Int(k) >= i else { continue }
            i = Int(k)
            guard c.isLegalSuffix(i), !c.startsSentence(i) else { i += 1; continue }
            var start = i
            var p = i - 1
            // "Foo, Inc." and "& Co."
            var ampersand = false
            if c.isWord(p, Word.comma) && p > 0 && c.isNameWord(p - 1) { p -= 1 }
            if c.isWord(p, Word.ampersand) && p > 0 && c.isNameWord(p - 1) { p -= 1; ampersand = true }
            // "Baring Securities (Hong Kong) Ltd": a parenthesized place before the suffix.
            if let open = parenthesisOpening(closedAt: p) { p = open - 1 }
            // A listed name ending in a possessive before the suffix: "McDonald's Corp.".
            let possessiveName = c.isNamePossessive(p) && c.isNameWord(p - 1)
            guard c.isNameWord(p) || possessiveName || (c.isWord(p, Word.period) && c.glued(p) && p > 0 && c.isNameWord(p - 1)) else { i += 1; continue }
            start = companyLeftEdge(from: possessiveName ? p - 1 : p, afterAmpersand: ampersand)
            var end = suffixPeriodEnd(i + 1)
            // A second suffix: "Co. Ltd.", "Holdings Ltd", "Co., Ltd."
            if end + 1 < c.count && c.isWord(end, Word.comma) && c.isLegalSuffix(end + 1) { end += 1 }
            if end < c.count && c.isLegalSuffix(end) && (!c.startsSentence(end) || c.isWord(end - 1, Word.period)) {
                end = suffixPeriodEnd(end + 1)
            }
            if start < i, !isEvent(start..<end) { chunks.append(Chunk(range: start..<end, head: i)) }
            i = end
        }
        return chunks
    }

    /// The end of a legal suffix at `e` (just after it), with its abbreviation period, unless
    /// that period also ends the sentence ("… Inc. The company said": the period is the
    /// sentence's).
    func suffixPeriodEnd(_ e: Int) -> Int {
        let c = context
        guard e < c.count, c.isWord(e, Word.period), c.glued(e) else { return e }
        if e + 1 >= c.count { return e }
        if c.startsSentence(e + 1) && !continuesAfterSuffix(e + 1) { return e }
        return e + 1
    }

    /// A token after "Inc." that the sentence splitter took for a new sentence but that
    /// continues the phrase: "(", a number ("Corp. 9% notes"), or a title before a person's
    /// name ("… Corp. Chairman Frank Smith").
    func continuesAfterSuffix(_ k: Int) -> Bool {
        let c = context
        let f = c.packed[k]
        if f == Word.openParen || c.flags[k].contains(.digit) { return true }
        // A second suffix: "C. Itoh Energy Co. Ltd.".
        if c.isLegalSuffix(k) && c.flags[k].contains(.spaceBefore) { return true }
        return c.isCap(k) && c.inList(.title, k) && k + 1 < c.count && c.isNameWord(k + 1)
    }

    /// The "(" of a short parenthesized part of a company name closed at token `close`
    /// ("(Hong Kong)", "(Sumatra)", at most three tokens inside) when a name word stands
    /// before it; nil otherwise.
    func parenthesisOpening(closedAt close: Int) -> Int? {
        let c = context
        guard close >= 3, c.isWord(close, Word.closeParen) else { return nil }
        var o = close - 1
        while o > close - 5 && o > 0 && !c.isWord(o, Word.openParen) { o -= 1 }
        guard c.isWord(o, Word.openParen), o < close - 1, o > 0, c.isNameWord(o - 1) else { return nil }
        return o
    }

    /// The left edge of a company name ending at token `p`: capitalized words joined by "&",
    /// glued hyphens and periods, a slash ("Bridgestone/Firestone"), a parenthesized part
    /// ("Hispanoil (Sumatra) Production"), a possessive inside the name ("McDonald's") and
    /// the comma of "Goldman, Sachs & Co.".
    func companyLeftEdge(from p: Int, afterAmpersand: Bool = false) -> Int {
        let c = context
        var s = p
        var sawAmpersand = afterAmpersand
        while s > 0 {
            let q = s - 1
            if c.startsSentence(s) { break }
            if c.isNameWord(q) { s = q; continue }
            guard q > 0 else { break }
            let f = c.packed[q]
            if f == Word.ampersand && c.isNameWord(q - 1) { sawAmpersand = true; s = q - 1; continue }
            if f == Word.hyphen && c.glued(q) && c.glued(s) && c.isNameWord(q - 1) { s = q - 1; continue }
            // A capital inside a hyphen chain: "Rent-A-Car".
            if f == Word.hyphen && c.glued(q) && c.glued(s) && q >= 3 && c.isCap(q - 1) && c.glued(q - 1)
                && c.isWord(q - 2, Word.hyphen) && c.glued(q - 2) && c.isNameWord(q - 3) { s = q - 3; continue }
            if f == Word.period && c.glued(q) && c.isInitial(q - 1) { s = q - 1; continue }
            if c.isNamePossessive(q) && c.isNameWord(q - 1) { s = q - 1; continue }
            // Merged companies joined by a slash: "Bridgestone/Firestone Inc.", "Capital Cities/ABC Inc.".
            if f == Word.slash && c.isNameWord(q - 1) && !c.isPlaceOrNationality((q - 1)..<q) { s = q - 1; continue }
            // A parenthesized name part: "Hispanoil (Sumatra) Production Ltd.".
            if let open = parenthesisOpening(closedAt: q), !c.startsSentence(open) { s = open - 1; continue }
            if f == Word.comma && sawAmpersand && c.isNameWord(q - 1) && !c.isPlaceOrNationality((q - 1)..<q) { s = q - 1; sawAmpersand = false; continue }
            break
        }
        if s < p && c.isCommonWordAtSentenceStart(s) { s += 1 }
        return s
    }
}
