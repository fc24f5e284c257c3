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

    /// What the resolver does with a candidate's rule.
    struct RuleKind: OptionSet {
        let rawValue: UInt8
        /// Its candidates count as full names.
        static let name = RuleKind(rawValue: 1 << 0)
        /// Its names are tagged at their other occurrences too.
        static let propagated = RuleKind(rawValue: 1 << 1)
        static let headNoun = RuleKind(rawValue: 1 << 2)
        static let legalSuffix = RuleKind(rawValue: 1 << 3)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The rules with a kind.
        static let rules: [(id: String, kind: RuleKind)] = [
            ("org.head-noun", [.name, .headNoun]), ("org.legal-suffix", [.name, .legalSuffix]),
            ("org.gazetteer", [.name, .propagated]), ("org.company-context", .propagated), ("org.ampersand-name", .propagated),
        ]

        init(rule: String) {
            // The lengths first: a string compare for an id of the same length only.
            let length = rule.utf8.count
            for (id, kind) in Self.rules where id.utf8.count == length && id == rule {
                self = kind
                return
            }
            self = []
        }
    }

    /// The kinds of the candidates' rules, asked in order: a run of candidates of one rule
    /// shares its id's storage, which compares equal at once (no string compare per rule id).
    struct RuleKinds {
        private var last: String? = nil
        private var lastKind: RuleKind = []

        mutating func kind(_ rule: String) -> RuleKind {
            if rule != last {
                last = rule
                lastKind = RuleKind(rule: rule)
            }
            return lastKind
        }
    }

    /// A phrase key: the hash of its folded tokens and their number.
    struct Key: Equatable {
        var hash: UInt64
        var tokens: Int
    }

    /// The keys of a document with what they name: an open-addressing table on the keys'
    /// hashes (a `Dictionary` would hash each key again with SipHash), the entries in the
    /// order of their first insertion.
    struct KeyTable {
        /// A key and what it names: the full name it stands for after "the" (with the end of
        /// that name: a mention after it only), whether two names with different values share
        /// it as their head, the full name it stands for alone, and, for a first-word alias of
        /// a head-noun name, that name's second word.
        struct Entry {
            var key: Key
            var afterThe: (value: String, from: Int)? = nil
            var ambiguousHead = false
            var alias: String? = nil
            var secondWord: String? = nil
        }
        /// The entries, written in place by index and read one field at a time (the
        /// accessors below: a copy of an entry would retain all its strings).
        var entries: [Entry]
        private var slots = [Int32](repeating: -1, count: 32)

        init() {
            entries = []
            entries.reserveCapacity(16)
        }

        @inline(__always) func key(_ k: Int) -> Key { entries.withUnsafeBufferPointer { $0[k].key } }
        @inline(__always) func afterThe(_ k: Int) -> (value: String, from: Int)? { entries.withUnsafeBufferPointer { $0[k].afterThe } }
        @inline(__always) func isAmbiguousHead(_ k: Int) -> Bool { entries.withUnsafeBufferPointer { $0[k].ambiguousHead } }
        @inline(__always) func alias(_ k: Int) -> String? { entries.withUnsafeBufferPointer { $0[k].alias } }
        @inline(__always) func secondWord(_ k: Int) -> String? { entries.withUnsafeBufferPointer { $0[k].secondWord } }
        /// Whether the key of entry `k` names something (after "the" or alone).
        @inline(__always) func names(_ k: Int) -> Bool {
            entries.withUnsafeBufferPointer { $0[k].afterThe != nil || $0[k].alias != nil }
        }

        @inline(__always) private func slot(_ key: Key, mask: Int) -> Int {
            Int(truncatingIfNeeded: (key.hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        }

        /// The index of a key's entry, or nil.
        @inline(__always) func index(_ key: Key) -> Int? {
            let mask = slots.count - 1
            var s = slot(key, mask: mask)
            return entries.withUnsafeBufferPointer { entries in
                while true {
                    let k = slots[s]
                    if k < 0 { return nil }
                    if entries[Int(k)].key == key { return Int(k) }
                    s = (s + 1) & mask
                }
            }
        }

        /// The index of a key's entry, added empty when absent.
        mutating func add(_ key: Key) -> Int {
            if let k = index(key) { return k }
            if (entries.count + 1) * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                for k in entries.indices { place(self.key(k), k) }
            }
            entries.append(Entry(key: key))
            place(key, entries.count - 1)
            return entries.count - 1
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
        keyRanges.reserveCapacity(16)
        func keyOf(_ r: Range<Int>) -> Int {
            keyRanges.append(r)
            return table.add(Key(hash: c.hash(r), tokens: r.count))
        }
        var kinds = RuleKinds()
        // Candidates read in place, field by field (a copy of each retains all its fields).
        for index in candidates.indices where candidates[index].type == .org {
            guard let r = candidates[index].tokenRange, case .string(let value)? = candidates[index].value else { continue }
            let kind = kinds.kind(candidates[index].rule)
            // One name, one sense in a document: a name found by its context is a name everywhere.
            if kind.contains(.propagated) {
                let key = keyOf(r)
                if table.alias(key) == nil { table.entries[key].alias = value }
            }
            guard r.count >= 2 else { continue }
            guard kind.contains(.name) else { continue }
            let isHeadNounRule = kind.contains(.headNoun)
            // The part before the complement.
            var pre = r.upperBound
            for k in r where c.has(k, .lower) && (c.isWord(k, Word.of) || c.isWord(k, Word.forWord) || c.isWord(k, Word.on)) { pre = k; break }
            let lastPre = pre - 1
            if isHeadNounRule, lastPre > r.lowerBound || pre < r.upperBound {
                if c.isHead(lastPre) {
                    if pre < r.upperBound && pre - r.lowerBound >= 2 {
                        let key = keyOf(r.lowerBound..<pre)
                        if table.afterThe(key) == nil { table.entries[key].afterThe = (value, r.upperBound) }
                    }
                    let headKey = keyOf(lastPre..<pre)
                    if let old = table.afterThe(headKey) { if old.value != value { table.entries[headKey].ambiguousHead = true } }
                    else { table.entries[headKey].afterThe = (value, r.upperBound) }
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
                    if table.alias(key) == nil {
                        table.entries[key].alias = value
                        table.entries[key].secondWord = c.folded(f + 1)
                    }
                }
            }
            if kind.contains(.legalSuffix) {
                // Without the suffix, and the first word alone.
                var e = r.upperBound
                while e > r.lowerBound && (c.isLegalSuffix(e - 1) || c.isWord(e - 1, Word.period) || c.isWord(e - 1, Word.comma) || c.isWord(e - 1, Word.ampersand)) { e -= 1 }
                if e > r.lowerBound {
                    if !c.isPlaceOrNationality(r.lowerBound..<e) {
                        let key = keyOf(r.lowerBound..<e)
                        table.entries[key].alias = value
                    }
                    let f = r.lowerBound
                    // The first word, with its possessive when the name has one ("Moody's").
                    let firstEnd = f + 1 < e && c.isWord(f + 1, Word.possessive) ? f + 2 : f + 1
                    if e - f > firstEnd - f, c.isNameWord(f), !c.isHead(f), !c.isPlaceOrNationality(f..<(f + 1)),
                       c.tokens[f].end - c.tokens[f].start >= 3, !(firstEnd < e && c.isWord(firstEnd, Word.ampersand)) {
                        let key = keyOf(f..<firstEnd)
                        table.entries[key].alias = value
                    }
                }
            }
        }
        // A head shared by names with different values names none of them.
        var named = false
        for k in table.entries.indices {
            if table.isAmbiguousHead(k) { table.entries[k].afterThe = nil }
            if table.names(k) { named = true }
        }
        if !named { return [] }
        // The hashes of all keys: a filter before the table lookups.
        var builder = PhraseTable.Builder()
        var maxLen = 1
        for k in table.entries.indices where table.names(k) {
            let key = table.key(k)
            builder.add(key.hash, PhraseTable.complete)
            maxLen = max(maxLen, key.tokens)
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
        // (Written through a buffer: an array subscript write checks its uniqueness each time.)
        var covered = [Bool](repeating: false, count: c.count)
        covered.withUnsafeMutableBufferPointer { covered in
            for index in candidates.indices {
                guard let r = candidates[index].tokenRange else { continue }
                if candidates[index].type == .org, !kinds.kind(candidates[index].rule).contains(.legalSuffix) {
                    let key = Key(hash: c.hash(r), tokens: r.count)
                    if known.lookup(key.hash) != 0, let k = table.index(key) {
                        if let hit = table.afterThe(k), !c.isText(r, hit.value) { continue }
                        if let alias = table.alias(k), !c.isText(r, alias) { continue }
                    }
                }
                for k in r.clamped(to: 0..<covered.count) { covered[k] = true }
            }
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
                    if afterTheWord, let hit = table.afterThe(k), hit.from <= i { best = (j + 1, hit.value) }
                    else if let alias = table.alias(k) { best = (j + 1, alias) }
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
                    && table.index(Key(hash: c.hash(i..<end), tokens: 1)).flatMap { table.secondWord($0) } == c.folded(next)
                let personName = personBefore
                    && table.index(Key(hash: c.hash(i..<end), tokens: end - i)).flatMap { table.afterThe($0) } == nil
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
