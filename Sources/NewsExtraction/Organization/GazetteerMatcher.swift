/// Finds the longest phrase of a name list at each capitalized word: the sourced gazetteers
/// (`GazetteerIndex`) or a vocabulary list such as `news_agency` or `org_standalone`. One
/// left-to-right pass; each step extends a running hash by one token, so no string is built.
struct GazetteerMatcher {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// Words that may stand inside a listed name in lower case.
    static let innerWords: Set<String> = ["of", "for", "and", "the", "on", "de", "du", "des", "la", "le", "del", "der", "und", "in", "at"]
    /// The inner words packed (`Word.pack`: all are short enough to pack exactly), for the
    /// scan's test of a token's pack (no string hashed per lower-case token).
    static let innerWordPacks: [UInt64] = innerWords.map { Word.pack($0) }

    /// Words for the members of a legislature, after its name ("Senate Democrats").
    static let memberWords: Set<String> = ["democrats", "republicans", "majority", "minority"]

    /// A matched phrase and the long form when the entry is an acronym.
    struct Match {
        var range: Range<Int>
        var longForm: String?
    }

    /// Matches the sourced gazetteers.
    /// A sports team named with its city or state ("Baltimore Orioles", "Los Angeles Dodgers")
    /// is the nickname alone: the place is a place of its own (as OntoNotes tags it).
    func gazetteerMatches() -> [Match] {
        let c = context
        let index = c.gazetteers
        return scan(checkJoins: true, table: index.positivePrefixes) { hash in index.listedEntry(hash).map { ($0.allCaps, $0.longForm) } }.map { m in
            let r = m.range
            guard r.count >= 2, index.positiveEntry(c.hash(r))?.team == true else { return m }
            for k in stride(from: min(r.upperBound - 1, r.lowerBound + 3), to: r.lowerBound, by: -1)
                where c.isPlaceOrNationality(r.lowerBound..<k) && c.isCap(k) {
                return Match(range: k..<r.upperBound, longForm: m.longForm)
            }
            return m
        }
    }

    /// Matches a vocabulary list (its entries are folded phrases written with single spaces),
    /// given as its phrase table and the entries' hashes (`OrganizationTables.phraseTable`).
    func vocabularyMatches(table: PhraseTable, hashes: Set<UInt64>) -> [Match] {
        if table.isEmpty { return [] }
        return scan(table: table) { hash in hashes.contains(hash) ? (false, nil) : nil }
    }

    /// Context checks of a match: a one-word name inside a longer run of capitalized words
    /// is part of another name ("South Korea", "Shane Longman"); a name before an index noun
    /// names a market index ("the Nikkei index").
    func accept(_ range: Range<Int>, checkJoins: Bool) -> Bool {
        let c = context
        let next = range.upperBound
        if next < c.count && c.inList(.indexNoun, next) { return false }
        if next + 1 < c.count && c.isCap(next) && c.inList(.indexNoun, next + 1) { return false }
        if checkJoins && (c.joinsAcross(after: next) || c.joinedFromLeft(range.lowerBound)) { return false }
        guard range.count == 1 || (range.count == 2 && c.isWord(range.upperBound - 1, Word.possessive)) else { return true }
        let i = range.lowerBound
        if c.isCommonWordAtSentenceStart(i) { return false }
        // A listed acronym that is also a common-noun acronym ("CDT" a time zone, "CFC").
        if range.count == 1 && c.flags[i].contains(.upper) && c.inList(.nonAcronym, i) { return false }
        // Members of a legislature after its name are not part of it ("Senate Democrats",
        // "House Majority Whip").
        if next < c.count && c.isNameWord(next) && !c.startsSentence(next) && !c.isHead(next) && !c.isLegalSuffix(next)
            && !Self.memberWords.contains(c.folded(next)) { return false }
        if i > 0 && c.isNameWord(i - 1) && !c.startsSentence(i) && !c.isPlaceOrNationality((i - 1)..<i) { return false }
        // A surname: "Mr. Maxwell", "David O. Maxwell".
        if i > 1 && c.isWord(i - 1, Word.period) && c.glued(i - 1) && c.dottedPlaceEnd(i - 2) == nil
            && (c.isInitial(i - 2) || c.inList(.stop, i - 2)) { return false }
        // A rating or a model: "AA-", "F-16".
        if next + 1 < c.count && c.isWord(next, Word.hyphen) && c.glued(next) && !(c.glued(next + 1) && c.flags[next + 1].contains(.alpha)) { return false }
        return true
    }

    /// The scan: at each capitalized token, the longest listed phrase whose words are all
    /// capitalized (or inner function words), ending on a capitalized word or a period.
    /// `table` holds the prefixes of the listed phrases (the scan from a token stops when no
    /// phrase begins with what it read) and marks the whole phrases, which `lookup` then reads.
    func scan(checkJoins: Bool = false, table: PhraseTable, _ lookup: (UInt64) -> (allCaps: Bool, longForm: String?)?) -> [Match] {
        let c = context
        var matches: [Match] = []
        var i = 0
        let limit = 12
        // The capitalized words that are not stop words (`nameStarts`), from `i` on.
        for start in c.nameStarts {
            guard Int(start) >= i else { continue }
            i = Int(start)
            var h = GazetteerIndex.offsetBasis
            var best: (end: Int, longForm: String?)? = nil
            var allUpper = true
            var j = i
            while j < c.count && j - i < limit {
                let flags = c.flags[j]
                if j > i {
                    let nameish = c.isCap(j) || flags.contains(.punct) && !c.isWord(j, Word.openParen) && !c.isWord(j, Word.closeParen) && !c.isWord(j, Word.quote)
                        || (flags.contains(.lower) && Self.innerWordPacks.contains(c.packed[j])) || flags.contains(.digit) || c.isWord(j, Word.possessive)
                    if !nameish { break }
                    if c.startsSentence(j) { break }
                }
                if flags.contains(.alpha) && !flags.contains(.upper) { allUpper = false }
                if j == i { h = c.wordHashes[i] } else { c.extend(&h, with: j, first: false) }
                let state = table.lookup(h)
                if state & PhraseTable.complete != 0, let hit = lookup(h),
                   c.isCap(j) || c.isWord(j, Word.period) || c.isWord(j, Word.exclamation) || c.isWord(j, Word.possessive) || flags.contains(.digit) {
                    if !hit.allCaps || allUpper { best = (j + 1, hit.longForm) }
                }
                // No listed phrase goes on from here — unless the next token is glued on
                // letter to letter (a break ICU does not make inside a listed word, so the
                // table keeps no state there: see `GazetteerIndex.phraseStates`).
                if state & PhraseTable.prefix == 0 && !c.gluedAlphanumericJunction(after: j) { break }
                j += 1
            }
            if let best, accept(i..<best.end, checkJoins: checkJoins) {
                matches.append(Match(range: i..<best.end, longForm: best.longForm))
                i = best.end
            } else {
                i += 1
            }
        }
        return matches
    }
}
