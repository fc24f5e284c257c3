/// Which pattern rules can start at a token: rules are bucketed by the folded forms or
/// flags their first element requires, so each token tries only the rules that could
/// match it.
struct RuleIndex: Sendable {
    var byFolded: [String: [Int]] = [:]
    var byFlag: [(TokenFlags, [Int])] = []
    var byShape: [String: [Int]] = [:]
    var always: [Int] = []
    /// The word buckets by interned word id, flattened (filled by `intern`): the rules of
    /// word id w are `lexRules[lexStart[w]..<lexStart[w + 1]]`; one contiguous table, so a
    /// token whose word starts no rule costs two adjacent loads.
    private(set) var lexStart: [Int32] = []
    private(set) var lexRules: [Int32] = []
    /// The shape buckets by shape id, flattened the same way.
    private(set) var shapeStart: [Int32] = []
    private(set) var shapeRules: [Int32] = []
    /// The flag buckets and the rules always tried, flattened: per flag its range in `flagRules`.
    private(set) var flagRanges: [(flag: UInt32, start: Int32, end: Int32)] = []
    private(set) var flagRules: [Int32] = []
    /// The flag buckets by flag bit when every bucket's flag is one bit (`flagBits` their
    /// union): a token visits only the buckets of the flags it has, one per set bit, instead
    /// of testing every bucket's flag. Empty otherwise (then `flagRanges` is walked).
    private(set) var flagRangeOfBit: [(start: Int32, end: Int32)] = []
    private(set) var flagBits: UInt32 = 0
    private(set) var alwaysRules: [Int32] = []
    /// The most rules `rules(lex:shapeId:flags:into:)` writes for one token (before it
    /// removes duplicates): the size of the buffer it needs.
    private(set) var bufferCapacity = 1

    init(rules: [Rule], vocabulary: Vocabulary) {
        var flagBuckets: [UInt32: [Int]] = [:]
        // First sets first, so that the word table is sized once (not rehashed as it grows).
        var firsts: [(rule: Int, first: FirstSet)] = []
        var wordCount = 0
        for (i, rule) in rules.enumerated() {
            guard let pattern = rule.pattern else { continue }
            let first = Self.first(pattern.elements[...], vocabulary)
            if !first.any { wordCount += first.words.count }
            firsts.append((i, first))
        }
        byFolded.reserveCapacity(wordCount)
        for (i, first) in firsts {
            if first.any { always.append(i); continue }
            for w in first.words { byFolded[w, default: []].append(i) }
            for w in first.shapes { byShape[w, default: []].append(i) }
            for f in first.flags { flagBuckets[f.rawValue, default: []].append(i) }
        }
        // The word and shape buckets are sorted and free of repeats as filled: rules are
        // visited in order, and a first set names a word or shape once.
        byFlag = flagBuckets.keys.sorted().map { (TokenFlags(rawValue: $0), Array(Set(flagBuckets[$0]!)).sorted()) }
    }

    /// What a first token may be: any of these folded words, or a token with one of these
    /// flags; `any` when the index cannot tell.
    struct FirstSet {
        var words = Set<String>()
        var shapes = Set<String>()
        var flags: [TokenFlags] = []
        var any = false
        mutating func formUnion(_ o: FirstSet) {
            // Into an empty set the other set is shared, not inserted word by word.
            if words.isEmpty { words = o.words } else { words.formUnion(o.words) }
            if shapes.isEmpty { shapes = o.shapes } else { shapes.formUnion(o.shapes) }
            flags += o.flags.filter { !flags.contains($0) }
            any = any || o.any
        }
    }

    /// FIRST of a sequence: the first element's, plus the rest's when it may be absent.
    static func first(_ elements: ArraySlice<PatternElement>, _ vocabulary: Vocabulary) -> FirstSet {
        guard let e = elements.first else { return FirstSet(any: true) }
        var set = first(of: e, vocabulary)
        if e.quantifier.min == 0 || nullable(e) { set.formUnion(first(elements.dropFirst(), vocabulary)) }
        return set
    }

    static func nullable(_ e: PatternElement) -> Bool {
        if e.quantifier.min == 0 { return true }
        switch e {
        case .token: return false
        case .group(let es, _, _): return es.allSatisfy(nullable)
        case .oneOf(let alts, _, _): return alts.contains { $0.allSatisfy(nullable) }
        }
    }

    static func first(of e: PatternElement, _ vocabulary: Vocabulary) -> FirstSet {
        switch e {
        case .token(let t, _, _):
            if let lower = t.lower { return FirstSet(words: lower) }
            if let vocab = t.vocab {
                var words = Set<String>()
                for v in vocab {
                    let entries = vocabulary.entries(v).filter { !$0.utf8.contains(0x20) }
                    if words.isEmpty { words = entries } else { words.formUnion(entries) }
                }
                return FirstSet(words: words)
            }
            if let shapes = t.shape { return FirstSet(shapes: shapes) }
            for f in [TokenFlags.digit, .number, .ordinal, .upper, .title, .alnum, .alpha, .punct] where t.flags.contains(f) {
                return FirstSet(flags: [f])
            }
            return FirstSet(any: true)
        case .group(let es, _, _):
            return first(es[...], vocabulary)
        case .oneOf(let alts, _, _):
            var set = FirstSet()
            for alt in alts { set.formUnion(first(alt[...], vocabulary)) }
            return set
        }
    }

    /// Re-keys the word and shape buckets by lexicon ids, so lookups hash nothing.
    mutating func intern(_ lexicon: Lexicon) {
        func flatten(_ buckets: [String: [Int]], _ count: Int, _ id: (String) -> Int32) -> (start: [Int32], rules: [Int32], longest: Int) {
            var lists = [[Int]](repeating: [], count: count)
            var total = 0
            for (key, list) in buckets { lists[Int(id(key))] = list; total += list.count }
            var start: [Int32] = [0], rules: [Int32] = [], longest = 0
            start.reserveCapacity(count + 1)
            rules.reserveCapacity(total)
            for list in lists {
                for rule in list { rules.append(Int32(rule)) }
                start.append(Int32(rules.count))
                longest = max(longest, list.count)
            }
            return (start, rules, longest)
        }
        let words = flatten(byFolded, lexicon.wordIds.count, lexicon.word)
        lexStart = words.start
        lexRules = words.rules
        let shapes = flatten(byShape, lexicon.shapeIds.count, lexicon.shape)
        shapeStart = shapes.start
        shapeRules = shapes.rules
        flagRanges = []
        flagRules = []
        for (flag, list) in byFlag where !list.isEmpty {
            let start = Int32(flagRules.count)
            flagRules += list.map(Int32.init)
            flagRanges.append((flag.rawValue, start, Int32(flagRules.count)))
        }
        flagBits = 0
        flagRangeOfBit = []
        if flagRanges.allSatisfy({ $0.flag.nonzeroBitCount == 1 }) {
            flagRangeOfBit = Array(repeating: (0, 0), count: 32)
            for range in flagRanges {
                flagBits |= range.flag
                flagRangeOfBit[range.flag.trailingZeroBitCount] = (range.start, range.end)
            }
        }
        alwaysRules = always.map(Int32.init)
        bufferCapacity = max(1, words.longest + shapes.longest + flagRules.count + alwaysRules.count)
    }

    /// Writes the rules to try at an interned token (word id, shape id and flags) to `out`
    /// (room for `bufferCapacity`), in rule order; returns their number.
    @inline(__always)
    func rules(lex: Int32, shapeId: Int32, flags: TokenFlags, into out: UnsafeMutablePointer<Int32>) -> Int {
        var n = 0, sources = 0
        @inline(__always) func add(_ list: [Int32], _ start: Int32, _ end: Int32) {
            if start == end { return }
            for k in Int(start)..<Int(end) { out[n] = list[k]; n += 1 }
            sources += 1
        }
        if lex >= 0 && Int(lex) + 1 < lexStart.count { add(lexRules, lexStart[Int(lex)], lexStart[Int(lex) + 1]) }
        if shapeId >= 0 && Int(shapeId) + 1 < shapeStart.count { add(shapeRules, shapeStart[Int(shapeId)], shapeStart[Int(shapeId) + 1]) }
        let raw = flags.rawValue
        if flagRangeOfBit.isEmpty {
            for k in flagRanges.indices where raw & flagRanges[k].flag == flagRanges[k].flag { add(flagRules, flagRanges[k].start, flagRanges[k].end) }
        } else {
            // The buckets' order does not matter: several are sorted and merged below.
            var bits = raw & flagBits
            while bits != 0 {
                let range = flagRangeOfBit[bits.trailingZeroBitCount]
                add(flagRules, range.start, range.end)
                bits &= bits - 1
            }
        }
        add(alwaysRules, 0, Int32(alwaysRules.count))
        // Each bucket is sorted and unique: several need a sort and duplicates removed.
        if sources > 1 && n > 1 {
            var sorted = UnsafeMutableBufferPointer(start: out, count: n)
            sorted.sort()
            var kept = 1
            for k in 1..<n where out[k] != out[kept - 1] { out[kept] = out[k]; kept += 1 }
            n = kept
        }
        return n
    }
}
