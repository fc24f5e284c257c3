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
    @inline(__always) static func isNameRule(_ rule: String) -> Bool {
        rule == "org.head-noun" || rule == "org.legal-suffix" || rule == "org.gazetteer"
    }
    /// Rules whose names are tagged at their other occurrences too.
    @inline(__always) static func isPropagatedRule(_ rule: String) -> Bool {
        rule == "org.company-context" || rule == "org.gazetteer" || rule == "org.ampersand-name"
    }

    /// A phrase key: the hash of its folded tokens and their number.
    struct Key: Equatable {
        var hash: UInt64
        var tokens: Int
    }

    /// What a key names: the full name it stands for after "the" (with the end of that
    /// name: a mention after it only), whether two names with different values share it as
    /// their head, the full name it stands for alone, and, for a first-word alias of a
    /// head-noun name, that name's second word.
    struct Names {
        var afterThe: (value: String, from: Int)? = nil
        var ambiguousHead = false
        var alias: String? = nil
        var secondWord: String? = nil
    }

    /// The keys of a document with what they name: an open-addressing table on the keys'
    /// hashes (a `Dictionary` would hash each key again with SipHash), the entries in the
    /// order of their first insertion.
    struct KeyTable {
        private(set) var keys: [Key] = []
        var names: [Names] = []
        private var slots = [Int32](repeating: -1, count: 16)

        @inline(__always) private func slot(_ key: Key, mask: Int) -> Int {
            Int(truncatingIfNeeded: (key.hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }

        /// The index of a key's entry, or nil.
        @inline(__always) func index(_ key: Key) -> Int? {
            let mask = slots.count - 1
            var s = slot(key, mask: mask)
            while true {
                let k = slots[s]
                if k < 0 { return nil }
                if keys[Int(k)] == key { return Int(k) }
                s = (s + 1) & mask
            }
        }

        /// The index of a key's entry, added empty when absent.
        mutating func add(_ key: Key) -> Int {
            if let k = index(key) { return k }
            if (keys.count + 1) * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                for k in keys.indices { place(keys[k], k) }
            }
            keys.append(key)
            names.append(Names())
            place(key, keys.count - 1)
            return keys.count - 1
        }

        private mutating func place(_ key: Key, _ k: Int) {
            let mask = slots.count - 1
            var s = slot(key, mask: mask)
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(k)
        }
    }

    /// The mentions found: token range and full name.
    func mentions(candidates: [Candidate], rule: Rule) -> [(range: Range<Int>, value: String)] {
        let c = context
        var table = KeyTable()
        // The token ranges of the keys: their prefixes go into the filter too, so that the
        // scan stops when no key begins with the words read.
        var keyRanges: [Range<Int>] = []
        func keyOf(_ r: Range<Int>) -> Int {
            keyRanges.append(r)
            return table.add(Key(hash: c.hash(r), tokens: r.count))
        }
        // Candidates read in place, field by field (a copy of each retains all its fields).
        for index in candidates.indices where candidates[index].type == .org {
            guard let r = candidates[index].tokenRange, case .string(let value)? = candidates[index].value else { continue }
            let rule = candidates[index].rule
            // One name, one sense in a document: a name found by its context is a name everywhere.
            if Self.isPropagatedRule(rule) {
                let key = keyOf(r)
                if table.names[key].alias == nil { table.names[key].alias = value }
            }
            guard r.count >= 2 else { continue }
            guard Self.isNameRule(rule) else { continue }
            let isHeadNounRule = rule == "org.head-noun"
            // The part before the complement.
            var pre = r.upperBound
            for k in r where c.has(k, .lower) && (c.isWord(k, Word.of) || c.isWord(k, Word.forWord) || c.isWord(k, Word.on)) { pre = k; break }
            let lastPre = pre - 1
            if isHeadNounRule, lastPre > r.lowerBound || pre < r.upperBound {
                if c.isHead(lastPre) {
                    if pre < r.upperBound && pre - r.lowerBound >= 2 {
                        let key = keyOf(r.lowerBound..<pre)
                        if table.names[key].afterThe == nil { table.names[key].afterThe = (value, r.upperBound) }
                    }
                    let headKey = keyOf(lastPre..<pre)
                    if let old = table.names[headKey].afterThe { if old.value != value { table.names[headKey].ambiguousHead = true } }
                    else { table.names[headKey].afterThe = (value, r.upperBound) }
                }
            }
            // A company or school name without a complement ("Harlow Marine Industries",
            // "Quorn Savings & Loan Association", "Danbury University"): its first word alone.
            if isHeadNounRule, pre == r.upperBound, c.isHead(r.upperBound - 1),
               c.isCompanyHead(r.upperBound - 1) || c.inList(.firstWordHead, r.upperBound - 1) {
                let f = r.lowerBound
                // Not a word the document also writes in lower case ("Consumer Electronics" …
                // "consumer"), nor a place or nationality.
                if c.isNameWord(f), !c.isHead(f), !c.isPlaceOrNationality(f..<(f + 1)), !c.isInitial(f),
                   c.tokens[f].end - c.tokens[f].start >= 3, !c.isWord(f + 1, Word.ampersand), !c.isWord(f + 1, Word.possessive),
                   !c.isWrittenInLowerCase(f) {
                    let key = keyOf(f..<(f + 1))
                    if table.names[key].alias == nil {
                        table.names[key].alias = value
                        table.names[key].secondWord = c.folded(f + 1)
                    }
                }
            }
            if rule == "org.legal-suffix" {
                // Without the suffix, and the first word alone.
                var e = r.upperBound
                while e > r.lowerBound && (c.isLegalSuffix(e - 1) || c.isWord(e - 1, Word.period) || c.isWord(e - 1, Word.comma) || c.isWord(e - 1, Word.ampersand)) { e -= 1 }
                if e > r.lowerBound {
                    if !c.isPlaceOrNationality(r.lowerBound..<e) {
                        table.names[keyOf(r.lowerBound..<e)].alias = value
                    }
                    let f = r.lowerBound
                    // The first word, with its possessive when the name has one ("Moody's").
                    let firstEnd = f + 1 < e && c.isWord(f + 1, Word.possessive) ? f + 2 : f + 1
                    if e - f > firstEnd - f, c.isNameWord(f), !c.isHead(f), !c.isPlaceOrNationality(f..<(f + 1)),
                       c.tokens[f].end - c.tokens[f].start >= 3, !(firstEnd < e && c.isWord(firstEnd, Word.ampersand)) {
                        table.names[keyOf(f..<firstEnd)].alias = value
                    }
                }
            }
        }
        // A head shared by names with different values names none of them.
        var named = false
        for k in table.names.indices {
            if table.names[k].ambiguousHead { table.names[k].afterThe = nil }
            if table.names[k].afterThe != nil || table.names[k].alias != nil { named = true }
        }
        if !named { return [] }
        // The hashes of all keys: a filter before the table lookups.
        var builder = PhraseTable.Builder()
        var maxLen = 1
        for k in table.keys.indices where table.names[k].afterThe != nil || table.names[k].alias != nil {
            builder.add(table.keys[k].hash, PhraseTable.complete)
            maxLen = max(maxLen, table.keys[k].tokens)
        }
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
                if known.lookup(key.hash) != 0, let k = table.index(key) {
                    if let hit = table.names[k].afterThe, !c.isText(r, hit.value) { continue }
                    if let alias = table.names[k].alias, !c.isText(r, alias) { continue }
                }
            }
            for k in r { covered[k] = true }
        }
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
                if c.isCap(j) && state & PhraseTable.complete != 0, let k = table.index(key) {
                    if afterTheWord, let hit = table.names[k].afterThe, hit.from <= i { best = (j + 1, hit.value) }
                    else if let alias = table.names[k].alias { best = (j + 1, alias) }
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
                    && table.index(Key(hash: c.hash(i..<end), tokens: 1)).flatMap { table.names[$0].secondWord } == c.folded(next)
                let personName = personBefore
                    && table.index(Key(hash: c.hash(i..<end), tokens: end - i)).flatMap { table.names[$0].afterThe } == nil
                if !complement && !moreName && !joined && !secondWordAfter && !personName {
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
