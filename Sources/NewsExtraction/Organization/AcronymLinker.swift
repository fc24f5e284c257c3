/// Acronyms as organization names:
/// - a definition in parentheses links an acronym to the organization name before it
///   ("Islamic Republic News Agency (IRNA)"): the acronym, there and everywhere else in the
///   document, gets the long form as its value;
/// - a definition whose long form is an ordinary lower-case phrase ("chimeric antigen
///   receptor (CAR)") marks the acronym as a common noun for the whole document;
/// - any other capitals-only word of 2 to 6 letters that is not a common-noun acronym, a
///   unit, a Roman numeral, a place or a nationality is taken as an organization ("IRNA
///   reported", "according to NATO").
struct AcronymLinker {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// A capitals-only word that may be an acronym ("IRNA", "G7" is not: digits).
    func isAcronymShaped(_ i: Int) -> Bool {
        // The flags column first (a copy of the token would retain its strings, for every token).
        let f = context.flags[i]
        guard f.contains(.upper), f.contains(.alpha) else { return false }
        let n = context.tokens[i].end - context.tokens[i].start
        guard n >= 2 && n <= 6 else { return false }
        // In a capitals-only headline, only a listed acronym of four letters or more ("OPEC").
        if f.contains(.capsLine) { return n >= 4 && longForm(i) != nil }
        return true
    }

    /// The long form the gazetteers give for an acronym ("WHO" → "World Health Organization").
    func longForm(_ i: Int) -> String? {
        guard let entry = context.gazetteers.positiveEntry(context.hash(i..<(i + 1))), entry.allCaps else { return nil }
        return entry.longForm
    }

    /// The `( ACR )` definitions of the document: the index of the acronym token.
    func definitions() -> [Int] {
        let c = context
        var found: [Int] = []
        // The acronym between the parentheses is in capitals (in `anchors`).
        for k in c.anchors {
            let a = Int(k)
            if a >= 2 && a + 1 < c.count && c.isWord(a - 1, Word.openParen) && isAcronymShaped(a) && c.isWord(a + 1, Word.closeParen) { found.append(a) }
        }
        return found
    }

    /// Acronyms defined by a lower-case long form: their letters are the initials of the
    /// lower-case words right before the parenthesis.
    func commonNounAcronyms() -> Set<String> {
        let c = context
        var result: Set<String> = []
        for a in definitions() {
            let letters = Array(c.folded(a).unicodeScalars)
            var k = a - 2  // the word before "("
            var matched = 0
            var lowerWords = 0
            var li = letters.count - 1
            while k >= 0 && li >= 0 && matched < letters.count + 3 {
                let t = c.tokens[k]
                if t.flags.contains(.punct) && (t.folded == "-") { k -= 1; continue }
                guard t.flags.contains(.alpha) else { break }
                if GazetteerMatcher.innerWords.contains(t.folded) && t.flags.contains(.lower) { k -= 1; continue }
                guard let first = t.folded.unicodeScalars.first, first == letters[li] else { break }
                if !t.flags.contains(.title) { lowerWords += 1 }
                matched += 1
                li -= 1
                k -= 1
            }
            // Initials found, mostly on lower-case words: a common noun.
            if li < 0 || matched >= 2 {
                if lowerWords * 2 >= matched && matched > 0 { result.insert(c.folded(a)); continue }
            }
            // One lower-case word standing for the whole acronym ("diethylstilbestrol (DES)").
            let before = a - 2
            if before >= 0, c.flags[before].contains(.lower), c.tokens[before].end - c.tokens[before].start > letters.count,
               !GazetteerMatcher.innerWords.contains(c.folded(before)), c.folded(before).unicodeScalars.first == letters.first {
                result.insert(c.folded(a))
            }
        }
        return result
    }

    /// A dateline: a word in capitals at the start of a line, then a dash, or a comma, a
    /// capitalized place and a dash ("CANNES, France - …", "ROME – …").
    func isDateline(_ i: Int) -> Bool {
        let c = context
        guard c.has(i, .lineStart), i + 1 < c.count else { return false }
        if c.isWord(i + 1, Word.hyphen) { return true }
        guard c.isWord(i + 1, Word.comma) else { return false }
        var k = i + 2
        while k < c.count && k <= i + 5 && c.isCap(k) { k += 1 }
        return k > i + 2 && k < c.count && c.isWord(k, Word.hyphen)
    }

    /// Acronyms taken as organizations (stage 1).
    func acronyms() -> [Int] {
        let c = context
        let common = commonNounAcronyms()
        var shaped: [Int] = []
        for k in c.anchors where isAcronymShaped(Int(k)) { shaped.append(Int(k)) }
        if shaped.isEmpty { return [] }
        var found: [Int] = []
        for i in shaped {
            let f = c.folded(i)
            if c.inList(.nonAcronym, i) || common.contains(f) { continue }
            if c.isPlaceAcronym(i) { continue }
            // A place in capitals: a long word ("TEHRAN") or a dateline ("ROME -", "ROME,").
            if c.isPlaceOrNationality(i..<(i + 1)) && c.tokens[i].end - c.tokens[i].start >= 4 { continue }
            if isDateline(i) { continue }
            // Part of a word ("GM-owned" is fine, "X-ray" is not capitals), or a run of shouting.
            if i + 1 < c.count, c.glued(i + 1), c.flags[i + 1].contains(.alpha), !c.isWord(i + 1, Word.possessive) { continue }
            // A heading label ("COMMERCIAL PAPER:") or a shouted word also written in lower case.
            if i + 1 < c.count, c.isWord(i + 1, Word.colon) { continue }
            // The word is also written in lower case (2 to 6 letters).
            if c.isWrittenInLowerCaseShort(i) { continue }
            // A model, index or rating: a number follows ("MMI 500"), or a glued hyphen ("TRS-80",
            // "AA-"), or the word is glued to one before it ("HOME-SALE").
            if i + 1 < c.count, c.flags[i + 1].contains(.digit) { continue }
            if i + 1 < c.count, c.isWord(i + 1, Word.hyphen), c.glued(i + 1),
               i + 2 >= c.count || !c.glued(i + 2) || !c.flags[i + 2].contains(.alpha) { continue }
            if i > 0, c.glued(i), c.isWord(i - 1, Word.hyphen) { continue }
            if i > 0, c.glued(i), c.flags[i - 1].contains(.alpha) { continue }
            var run = 1
            var k = i - 1
            while k >= 0 && c.flags[k].contains(.upper) && c.flags[k].contains(.alpha) { run += 1; k -= 1 }
            k = i + 1
            while k < c.count && c.flags[k].contains(.upper) && c.flags[k].contains(.alpha) { run += 1; k += 1 }
            let headline = c.has(i, .capsLine)
            if !headline && (run >= 3 || (run == 2 && c.tokens[i].end - c.tokens[i].start >= 4)) { continue }
            // Initials standing alone before a layout gap (a signature: "MG   All content…").
            if c.has(i, .sentenceStart), i + 1 < c.count, c.has(i + 1, .lineStart) || c.tokens[i + 1].start - c.tokens[i].end >= 2 { continue }
            found.append(i)
        }
        return found
    }

    /// Capital letters joined by a glued "&" ("AT&T", "S&P"), not in a capitals-only line.
    func ampersandAcronyms() -> [Range<Int>] {
        let c = context
        var found: [Range<Int>] = []
        var i = 0
        // The first capital letters are capitals only (in `anchors`), from `i` on.
        for k in c.anchors {
            guard Int(k) >= i, Int(k) + 2 < c.count else { continue }
            i = Int(k)
            let f = c.flags[i]
            guard f.contains(.upper), f.contains(.alpha), !f.contains(.capsLine), c.tokens[i].end - c.tokens[i].start <= 3,
                  c.isWord(i + 1, Word.ampersand), c.glued(i + 1), c.glued(i + 2),
                  c.flags[i + 2].contains(.upper), c.flags[i + 2].contains(.alpha), c.tokens[i + 2].end - c.tokens[i + 2].start <= 3,
                  !(i > 0 && c.glued(i) && c.flags[i - 1].contains(.alpha)) else { i += 1; continue }
            let folded = c.folded(i) + "&" + c.folded(i + 2)
            // "S&P 500" names an index; "S&L", "M&A", "R&D" are common nouns.
            let numberAfter = i + 3 < c.count && c.flags[i + 3].contains(.digit)
            if !numberAfter && !c.vocabulary.contains(OrganizationContext.List.nonAcronym, folded) { found.append(i..<(i + 3)) }
            i += 3
        }
        return found
    }

    /// Acronyms defined after an organization name (stage 2): every occurrence of the
    /// acronym, with the long form as value.
    func definedAcronyms(candidates: [Candidate]) -> [(index: Int, longForm: String)] {
        let c = context
        var longForms: [String: String] = [:]
        let defined = definitions()
        if defined.isEmpty { return [] }
        // The first ORG of two or more tokens ending at each token (one pass, not one scan
        // of all candidates per definition: a long document stays linear).
        var orgEndingAt: [Int: Int] = [:]
        for i in candidates.indices where candidates[i].type == .org {
            if let r = candidates[i].tokenRange, r.count > 1, orgEndingAt[r.upperBound] == nil { orgEndingAt[r.upperBound] = i }
        }
        for a in defined {
            let open = a - 1
            guard let i = orgEndingAt[open], case .string(let value)? = candidates[i].value else { continue }
            if longForms[c.folded(a)] == nil { longForms[c.folded(a)] = value }
        }
        if longForms.isEmpty { return [] }
        var result: [(Int, String)] = []
        for k in c.anchors where isAcronymShaped(Int(k)) {
            if let long = longForms[c.folded(Int(k))] { result.append((Int(k), long)) }
        }
        return result
    }
}
