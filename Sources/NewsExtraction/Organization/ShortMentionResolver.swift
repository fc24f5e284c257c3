/// Links short mentions to a full organization name found earlier in the same document
/// (stage 2, after the name rules):
/// - the part of a name before its complement ("the Vice Presidency" after "Vice Presidency
///   for Science and Technology"), or its head noun alone ("the Council" after "Council for
///   Development of …"), capitalized and after "the", when only one name of the document
///   has that head;
/// - a company name without its legal suffix, or its first word ("Sony" after "Sony Corp.");
/// - the first word of a name built on a company head or on a school, association or bank
///   head ("Harlow" after "Harlow Marine Industries"), when the document does not also write
///   that word in lower case and the name's second word does not follow it.
/// The value of a short mention is the full name.
struct ShortMentionResolver {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// Rules whose candidates count as full names.
    static let nameRules: [String] = ["org.head-noun", "org.legal-suffix", "org.gazetteer"]
    /// Rules whose names are tagged at their other occurrences too.
    static let propagatedRules: [String] = ["org.company-context", "org.gazetteer", "org.ampersand-name"]

    /// A phrase key: the hash of its folded tokens and their number.
    struct Key: Hashable {
        var hash: UInt64
        var tokens: Int
    }

    /// The mentions found: token range and full name.
    func mentions(candidates: [Candidate], rule: Rule) -> [(range: Range<Int>, value: String)] {
        let c = context
        var afterThe: [Key: (value: String, from: Int)] = [:]
        var ambiguousHeads: Set<Key> = []
        var aliases: [Key: String] = [:]
        // For a first-word alias of a head-noun name, the name's second word: "Scottish
        // football" after "Scottish Football Association" is not a mention.
        var secondWords: [Key: String] = [:]
        // The token ranges of the keys: their prefixes go into the filter too, so that the
        // scan stops when no key begins with the words read.
        var keyRanges: [Range<Int>] = []
        func keyOf(_ r: Range<Int>) -> Key {
            keyRanges.append(r)
            return Key(hash: c.hash(r), tokens: r.count)
        }
        // Candidates read in place, field by field (a copy of each retains all its fields).
        for index in candidates.indices where candidates[index].type == .org {
            guard let r = candidates[index].tokenRange, case .string(let value)? = candidates[index].value else { continue }
            let rule = candidates[index].rule
            // One name, one sense in a document: a name found by its context is a name everywhere.
            if Self.propagatedRules.contains(rule) {
                let key = keyOf(r)
                if aliases[key] == nil { aliases[key] = value }
            }
            guard r.count >= 2 else { continue }
            let fromRule = Self.nameRules.contains(rule)
            guard fromRule else { continue }
            // The part before the complement.
            var pre = r.upperBound
            for k in r where c.has(k, .lower) && (c.isWord(k, Word.of) || c.isWord(k, Word.forWord) || c.isWord(k, Word.on)) { pre = k; break }
            let lastPre = pre - 1
            if rule == "org.head-noun", lastPre > r.lowerBound || pre < r.upperBound {
                if c.isHead(lastPre) {
                    if pre < r.upperBound && pre - r.lowerBound >= 2 {
                        let key = keyOf(r.lowerBound..<pre)
                        if afterThe[key] == nil { afterThe[key] = (value, r.upperBound) }
                    }
                    let headKey = keyOf(lastPre..<pre)
                    if let old = afterThe[headKey], old.value != value { ambiguousHeads.insert(headKey) }
                    else if afterThe[headKey] == nil { afterThe[headKey] = (value, r.upperBound) }
                }
            }
            // A company or school name without a complement ("Harlow Marine Industries",
            // "Quorn Savings & Loan Association", "Danbury University"): its first word alone.
            if rule == "org.head-noun", pre == r.upperBound, c.isHead(r.upperBound - 1),
               c.isCompanyHead(r.upperBound - 1) || c.inList(.firstWordHead, r.upperBound - 1) {
                let f = r.lowerBound
                // Not a word the document also writes in lower case ("Consumer Electronics" …
                // "consumer"), nor a place or nationality.
                if c.isNameWord(f), !c.isHead(f), !c.isPlaceOrNationality(f..<(f + 1)), !c.isInitial(f),
                   c.tokens[f].end - c.tokens[f].start >= 3, !c.isWord(f + 1, Word.ampersand), !c.isWord(f + 1, Word.possessive),
                   !c.isWrittenInLowerCase(f) {
                    let key = keyOf(f..<(f + 1))
                    if aliases[key] == nil {
                        aliases[key] = value
                        secondWords[key] = c.folded(f + 1)
                    }
                }
            }
            if rule == "org.legal-suffix" {
                // Without the suffix, and the first word alone.
                var e = r.upperBound
                while e > r.lowerBound && (c.isLegalSuffix(e - 1) || c.isWord(e - 1, Word.period) || c.isWord(e - 1, Word.comma) || c.isWord(e - 1, Word.ampersand)) { e -= 1 }
                if e > r.lowerBound {
                    if !c.isPlaceOrNationality(r.lowerBound..<e) {
                        aliases[keyOf(r.lowerBound..<e)] = value
                    }
                    let f = r.lowerBound
                    // The first word, with its possessive when the name has one ("Moody's").
                    let firstEnd = f + 1 < e && c.isWord(f + 1, Word.possessive) ? f + 2 : f + 1
                    if e - f > firstEnd - f, c.isNameWord(f), !c.isHead(f), !c.isPlaceOrNationality(f..<(f + 1)),
                       c.tokens[f].end - c.tokens[f].start >= 3, !(firstEnd < e && c.isWord(firstEnd, Word.ampersand)) {
                        aliases[keyOf(f..<firstEnd)] = value
                    }
                }
            }
        }
        for k in ambiguousHeads { afterThe[k] = nil }
        if afterThe.isEmpty && aliases.isEmpty { return [] }
        // The hashes of all keys: a filter before the dictionary lookups.
        var builder = PhraseTable.Builder()
        for k in afterThe.keys { builder.add(k.hash, PhraseTable.complete) }
        for k in aliases.keys { builder.add(k.hash, PhraseTable.complete) }
        for r in keyRanges where r.count >= 2 {
            var h = c.wordHashes[r.lowerBound]
            for k in (r.lowerBound + 1)..<r.upperBound {
                builder.add(h, PhraseTable.prefix)
                c.extend(&h, with: k, first: false)
            }
        }
        let known = PhraseTable(builder)
        // Tokens already taken, except by a name that is itself a short mention (a modifier
        // and a head without the complement: "Vice Presidency").
        var covered = [Bool](repeating: false, count: c.count)
        for index in candidates.indices {
            guard let r = candidates[index].tokenRange else { continue }
            if candidates[index].type == .org, candidates[index].rule != "org.legal-suffix" {
                let key = Key(hash: c.hash(r), tokens: r.count)
                if known.lookup(key.hash) != 0 {
                    if let hit = afterThe[key], hit.value != c.text(r) { continue }
                    if let alias = aliases[key], alias != c.text(r) { continue }
                }
            }
            for k in r { covered[k] = true }
        }
        var maxLen = 1
        for k in afterThe.keys { maxLen = max(maxLen, k.tokens) }
        for k in aliases.keys { maxLen = max(maxLen, k.tokens) }
        var found: [(Range<Int>, String)] = []
        var i = 0
        // The capitalized words that are not stop words (`nameStarts`), from `i` on.
        for start in c.nameStarts {
            guard Int(start) >= i else { continue }
            i = Int(start)
            guard !covered[i], !c.inList(.nonAcronym, i) else { i += 1; continue }
            var h = GazetteerIndex.offsetBasis
            var best: (Int, String)? = nil
            var j = i
            while j < c.count && j - i < maxLen && !covered[j] {
                if j > i && c.startsSentence(j) { break }
                if j == i { h = c.wordHashes[i] } else { c.extend(&h, with: j, first: false) }
                let key = Key(hash: h, tokens: j - i + 1)
                let afterTheWord = i > 0 && c.isWord(i - 1, Word.the)
                let state = known.lookup(h)
                if c.isCap(j) && state & PhraseTable.complete != 0 {
                    if afterTheWord, let hit = afterThe[key], hit.from <= i { best = (j + 1, hit.value) }
                    else if let alias = aliases[key] { best = (j + 1, alias) }
                }
                // No key begins with the words read.
                if state & PhraseTable.prefix == 0 { break }
                j += 1
            }
            if let (end, value) = best {
                // Not when a complement follows ("the Council of Europe" is another name), nor
                // when more capitalized words follow ("Sony Music" is another name).
                let next = end < c.count ? end : -1
                let complement = next >= 0 && c.has(next, .lower) && (c.isWord(next, Word.of) || c.isWord(next, Word.forWord))
                    && next + 1 < c.count && c.isCap(next + 1)
                let moreName = next >= 0 && (c.isNameWord(next) && !c.startsSentence(next) || c.inList(.indexNoun, next))
                // A person's name: "William Farley", "Mr. Farley".
                let p = i - 1
                let personBefore = p >= 0 && !c.startsSentence(i) && (c.isNameWord(p) || c.isInitial(p)
                    || (c.isWord(p, Word.period) && p > 0 && c.inList(.stop, p - 1)))
                let joined = c.joinsAcross(after: end) || c.joinedFromLeft(i)
                let secondWordAfter = next >= 0 && c.has(next, .lower) && end - i == 1
                    && secondWords[Key(hash: c.hash(i..<end), tokens: 1)] == c.folded(next)
                if !complement && !moreName && !joined && !secondWordAfter && !(personBefore && afterThe[Key(hash: c.hash(i..<end), tokens: end - i)] == nil) {
                    found.append((i..<end, value))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return found
    }
}
