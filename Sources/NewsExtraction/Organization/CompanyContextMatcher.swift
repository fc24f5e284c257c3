/// Finds names of companies and organizations that no list knows, by the words around
/// them, as a news reader does:
/// - before: "shares of X", "a unit of X", "a spokesman for X", "a stake in X", "the
///   journal X";
/// - after: "X's chairman", "X's profit", "X shares rose";
/// - an apposition: "X, a Tokyo maker of chips, …", "X, the publishing company, …";
/// - a part of a company: "its X subsidiary", "Y's X division", "the X unit of Y";
/// - a seat: "X, based in Ohio, …".
/// X is a run of capitalized name words that is not a place, a nationality or a word
/// capitalized only by the sentence.
struct CompanyContextMatcher {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// The name runs with a company context.
    func names() -> [Range<Int>] {
        let c = context
        var found: [Range<Int>] = []
        var i = 0
        // The capitalized words that are not stop words (`nameStarts`), from `i` on.
        for s in c.nameStarts {
            guard Int(s) >= i else { continue }
            i = Int(s)
            guard !c.inList(.title, i), !(i > 0 && (c.isNameWord(i - 1) || c.isWord(i - 1, Word.ampersand)) && !c.startsSentence(i)) else { i += 1; continue }
            var start = i
            let end = runEnd(from: i)
            // The words around first: few runs have a company context, and the tests below
            // (a common word at a sentence start: the document's lower-case words; a place: a
            // lookup in the gazetteers) only reject. With or without the first word, which
            // is dropped only at a sentence start.
            let contextWithFirst = hasContext(i, end)
            guard contextWithFirst || (c.startsSentence(i) && hasContext(i + 1, end)) else { i = end; continue }
            if c.isCommonWordAtSentenceStart(start) { start += 1 }
            guard start < end, end - start <= 5 else { i = max(end, i + 1); continue }
            guard start == i ? contextWithFirst : hasContext(start, end) else { i = end; continue }
            if c.isPlaceOrNationality(start..<end) || c.isInitial(end - 1) { i = end; continue }
            // A person's title before the run ("Mr. Smith's chairman") is not a company.
            if start > 0 && c.isWord(start - 1, Word.period) && start > 1 && c.inList(.stop, start - 2) { i = end; continue }
            // "Sir James's offer", "a spokesman for Rep. Smith": an honorific or a title.
            if start > 0 && c.isCap(start - 1) && (c.isWord(start - 1, Word.mr) || c.isWord(start - 1, Word.mrs) || c.isWord(start - 1, Word.ms) || c.isWord(start - 1, Word.dr) || c.isWord(start - 1, Word.sir)) { i = end; continue }
            if end - start == 1 && c.inList(.title, start) { i = end; continue }
            found.append(start..<end)
            i = end
        }
        return found
    }

    /// Whether the run `start..<end` has a company context before, after or around it.
    func hasContext(_ start: Int, _ end: Int) -> Bool {
        hasContextBefore(start) || hasContextAfter(end) || isDivisionOrSeated(start, end)
    }

    /// The end of a run of capitalized name words from `i`, joined by glued hyphens and "&".
    func runEnd(from i: Int) -> Int {
        let c = context
        var e = i + 1
        while e < c.count {
            if c.isNameWord(e) && !c.startsSentence(e) { e += 1; continue }
            let f = c.packed[e]
            if (f == Word.ampersand || (f == Word.hyphen && c.glued(e) && e + 1 < c.count && c.glued(e + 1))) && e + 1 < c.count && c.isNameWord(e + 1) { e += 2; continue }
            break
        }
        return e
    }

    /// Nouns of publications right before their name ("the journal Nature", "the weekly
    /// newspaper Nedelya").
    static let publicationNouns: Set<String> = ["newspaper", "newspapers", "magazine", "journal", "tabloid", "broadsheet"]
    /// Their word hashes (`GazetteerIndex.plainHash`): a test before the set's.
    static let publicationHashes: [UInt64] = publicationNouns.map { GazetteerIndex.plainHash($0) }

    /// "shares of X", "a spokesman for X", "a stake in X", "analysts at X"; "the journal X".
    func hasContextBefore(_ start: Int) -> Bool {
        let c = context
        guard start >= 2 else { return false }
        // Right before the name: after a comma a person is as likely ("… magazine, Ann Lowe, …").
        if c.has(start - 1, .lower) && Self.publicationHashes.contains(c.wordHashes[start - 1])
            && Self.publicationNouns.contains(c.folded(start - 1)) { return true }
        var p = start - 1
        if c.isLowerWord(p, Word.the) { p -= 1 }
        guard p >= 1, c.has(p, .lower), (c.isWord(p, Word.of) || c.isWord(p, Word.forWord) || c.isWord(p, Word.inWord) || c.isWord(p, Word.at) || c.isWord(p, Word.with)) else { return false }
        return (c.has(p - 1, .lower) || c.startsSentence(p - 1)) && c.inList(.contextBefore, p - 1)
    }

    /// Nouns naming a part of a company ("its X subsidiary", "Y's X division").
    static let partNouns: Set<String> = ["division", "divisions", "unit", "units", "subsidiary", "subsidiaries", "affiliate"]
    /// Their word hashes (`GazetteerIndex.plainHash`): a test before the set's.
    static let partHashes: [UInt64] = partNouns.map { GazetteerIndex.plainHash($0) }

    /// "its X subsidiary", "Y's X division", "the X unit of Y"; "X, based in Ohio".
    func isDivisionOrSeated(_ start: Int, _ end: Int) -> Bool {
        let c = context
        guard end < c.count else { return false }
        if c.has(end, .lower) && Self.partHashes.contains(c.wordHashes[end]) && Self.partNouns.contains(c.folded(end)), start > 0 {
            let p = c.packed[start - 1]
            if (p == Word.possessive && !c.isNamePossessive(start - 1)) || c.isLowerWord(start - 1, Word.its) || c.isLowerWord(start - 1, Word.their) { return true }
            if c.isLowerWord(start - 1, Word.the) && end + 1 < c.count && c.isLowerWord(end + 1, Word.of) { return true }
        }
        var k = end
        if c.isWord(k, Word.comma) { k += 1 }
        return k + 1 < c.count && c.isLowerWord(k, Word.based) && c.isLowerWord(k + 1, Word.inWord)
    }

    /// "X's chairman", "X shares", "X, a maker of …".
    func hasContextAfter(_ end: Int) -> Bool {
        let c = context
        guard end < c.count else { return false }
        var k = end
        if c.isWord(k, Word.possessive) { k += 1 }
        if k < c.count && c.has(k, .lower) && c.inList(.contextPossessed, k) {
            // "X's chief executive", "X shares": a possessive, or a plural company word right after.
            if k > end || ["shares", "stock", "executives", "shareholders", "stockholders", "spokesman", "spokeswoman", "directors"].contains(c.folded(k)) {
                return true
            }
        }
        // Apposition: ", a/an/the … company-noun" ending the phrase.
        guard c.isWord(end, Word.comma), end + 1 < c.count else { return false }
        var j = end + 1
        guard c.isLowerWord(j, Word.a) || c.isLowerWord(j, Word.an) || c.isLowerWord(j, Word.the) else { return false }
        j += 1
        let limit = min(c.count, j + 7)
        while j < limit {
            if c.isWord(j, Word.comma) || c.isWord(j, Word.period) || c.isWord(j, Word.semicolon) { return false }
            // A person's apposition: "X, the founder of the company", "X, a partner in the firm".
            let lower = c.has(j, .lower)
            if lower && c.inList(.title, j) { return false }
            if lower && c.inList(.companyNoun, j) {
                // The noun ends the phrase ("a maker of", "a company that", "a unit,"),
                // not a modifier ("a company spokesman").
                guard j + 1 < c.count else { return true }
                let n = c.tokens[j + 1]
                if n.flags.contains(.punct) { return true }
                if n.flags.contains(.lower) && ["of", "that", "which", "in", "based", "with", "for", "and", "whose", "owned", "controlled"].contains(n.folded) { return true }
                return false
            }
            j += 1
        }
        return false
    }
}

extension CompanyContextMatcher {
    /// Firm names made of names joined by "&", as partnerships, agencies, law firms and
    /// brokers are named ("Saatchi & Saatchi", "Olympia & York", "Mayer, Brown & Platt"):
    /// capitalized name words on both sides of a spaced "&". Not when a side is a place or a
    /// nationality, when both words around "&" are also written in lower case in the document
    /// (a heading such as "Research & Development"), or when an index follows ("Standard &
    /// Poor's 500").
    func ampersandNames() -> [Range<Int>] {
        let c = context
        var amps: [Int] = []
        for k in 1..<max(1, c.count - 1) where c.isWord(k, Word.ampersand) && !c.glued(k) && !c.glued(k + 1) { amps.append(k) }
        guard !amps.isEmpty else { return [] }
        var found: [Range<Int>] = []
        for k in amps {
            guard c.isNameWord(k - 1), c.isNameWord(k + 1), !c.startsSentence(k + 1) else { continue }
            // Left: name words, or single names separated by commas ("Mayer, Brown &").
            var s = k - 1
            while s > 0 && !c.startsSentence(s) && c.isNameWord(s - 1) && k - s < 3 { s -= 1 }
            var segments = 1
            while segments < 3 && s > 1 && !c.startsSentence(s) && c.isWord(s - 1, Word.comma) && c.isNameWord(s - 2)
                    && !(s > 2 && c.isNameWord(s - 3)) && !c.isPlaceOrNationality((s - 2)..<(s - 1)) {
                s -= 2; segments += 1
            }
            if c.isCommonWordAtSentenceStart(s) { s += 1 }
            var e = k + 2
            while e < c.count && e - k <= 3 && c.isNameWord(e) && !c.startsSentence(e) { e += 1 }
            guard s < k else { continue }
            if c.isPlaceOrNationality(s..<k) || c.isPlaceOrNationality((k + 1)..<e) { continue }
            if c.isWrittenInLowerCase(k - 1) && c.isWrittenInLowerCase(k + 1) { continue }
            var n = e
            if n < c.count && c.isWord(n, Word.possessive) { n += 1 }
            if n < c.count && (c.tokens[n].number != nil || c.inList(.indexNoun, n)) { continue }
            found.append(s..<e)
        }
        return found
    }
}
