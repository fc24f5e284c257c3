/// Which pattern rules can start at a token: rules are bucketed by the folded forms or
/// flags their first element requires, so each token tries only the rules that could
/// match it.
struct RuleIndex: Sendable {
    var byFolded: [String: [Int]] = [:]
    var byFlag: [(TokenFlags, [Int])] = []
    var byShape: [String: [Int]] = [:]
    /// The same buckets by interned word and shape id (filled by `intern`).
    var byLex: [[Int]] = []
    var byShapeId: [[Int]] = []
    var always: [Int] = []

    init(rules: [Rule], vocabulary: Vocabulary) {
        var flagBuckets: [UInt32: [Int]] = [:]
        for (i, rule) in rules.enumerated() {
            guard let pattern = rule.pattern else { continue }
            let first = Self.first(pattern.elements[...], vocabulary)
            if first.any { always.append(i); continue }
            for w in first.words { byFolded[w, default: []].append(i) }
            for w in first.shapes { byShape[w, default: []].append(i) }
            for f in first.flags { flagBuckets[f.rawValue, default: []].append(i) }
        }
        for (k, v) in byFolded { byFolded[k] = Array(Set(v)).sorted() }
        for (k, v) in byShape { byShape[k] = Array(Set(v)).sorted() }
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
            words.formUnion(o.words)
            shapes.formUnion(o.shapes)
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
                for v in vocab { words.formUnion(vocabulary.entries(v).filter { !$0.utf8.contains(0x20) }) }
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
        byLex = Array(repeating: [], count: lexicon.wordIds.count)
        for (w, list) in byFolded { byLex[Int(lexicon.word(w))] = list }
        byShapeId = Array(repeating: [], count: lexicon.shapeIds.count)
        for (s, list) in byShape { byShapeId[Int(lexicon.shape(s))] = list }
    }

    /// The rules to try at a token, in rule order.
    func rules(for token: Token, into out: inout [Int]) {
        if !byLex.isEmpty || byFolded.isEmpty {
            rules(lex: token.lex, shapeId: token.shapeId, flags: token.flags, into: &out)
            return
        }
        out.removeAll(keepingCapacity: true)
        if let list = byFolded[token.folded] { out.append(contentsOf: list) }
        if !byShape.isEmpty, let list = byShape[token.shape] { out.append(contentsOf: list) }
        addFlagRulesAndSort(token.flags, &out)
    }

    /// The rules to try at an interned token (word id, shape id and flags), in rule order.
    func rules(lex: Int32, shapeId: Int32, flags: TokenFlags, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        var sources = 0
        if lex >= 0 && Int(lex) < byLex.count && !byLex[Int(lex)].isEmpty { out.append(contentsOf: byLex[Int(lex)]); sources += 1 }
        if shapeId >= 0 && Int(shapeId) < byShapeId.count && !byShapeId[Int(shapeId)].isEmpty {
            out.append(contentsOf: byShapeId[Int(shapeId)]); sources += 1
        }
        addFlagRulesAndSort(flags, &out, sources: sources)
    }

    /// Adds the flag buckets and the rules always tried, then sorts and removes duplicates
    /// unless a single bucket contributed (each bucket is already sorted and unique).
    @inline(__always)
    private func addFlagRulesAndSort(_ flags: TokenFlags, _ out: inout [Int], sources: Int = 2) {
        var sources = sources
        for k in byFlag.indices where flags.contains(byFlag[k].0) && !byFlag[k].1.isEmpty { out.append(contentsOf: byFlag[k].1); sources += 1 }
        if !always.isEmpty { out.append(contentsOf: always); sources += 1 }
        if sources > 1 && out.count > 1 {
            out.sort()
            var last = -1
            out.removeAll { r in defer { last = r }; return r == last }
        }
    }
}
