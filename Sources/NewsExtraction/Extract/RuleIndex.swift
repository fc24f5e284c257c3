/// Which pattern rules can start at a token: rules are bucketed by the folded forms or
/// flags their first element requires, so each token tries only the rules that could
/// match it.
struct RuleIndex: Sendable {
    var byFolded: [String: [Int]] = [:]
    var byFlag: [(TokenFlags, [Int])] = []
    var always: [Int] = []

    init(rules: [Rule], vocabulary: Vocabulary) {
        var flagBuckets: [UInt32: [Int]] = [:]
        for (i, rule) in rules.enumerated() {
            guard let pattern = rule.pattern else { continue }
            switch Self.firstKeys(pattern.elements[...], vocabulary) {
            case .words(let words): for w in words { byFolded[w, default: []].append(i) }
            case .flag(let f): flagBuckets[f.rawValue, default: []].append(i)
            case .any: always.append(i)
            }
        }
        byFlag = flagBuckets.keys.sorted().map { (TokenFlags(rawValue: $0), flagBuckets[$0]!) }
    }

    enum Keys { case words(Set<String>), flag(TokenFlags), any }

    static func firstKeys(_ elements: ArraySlice<PatternElement>, _ vocabulary: Vocabulary) -> Keys {
        guard let first = elements.first else { return .any }
        if first.quantifier.min == 0 { return .any }
        switch first {
        case .token(let t, _, _):
            if let lower = t.lower { return .words(lower) }
            if let vocab = t.vocab {
                var words = Set<String>()
                for v in vocab { words.formUnion(vocabulary.entries(v).filter { !$0.contains(" ") }) }
                return .words(words)
            }
            for f in [TokenFlags.digit, .number, .ordinal, .upper, .title, .alnum, .alpha, .punct] where t.flags.contains(f) {
                return .flag(f)
            }
            return .any
        case .group(let es, _, _):
            return firstKeys(es[...], vocabulary)
        case .oneOf(let alts, _, _):
            var words = Set<String>()
            for alt in alts {
                guard case .words(let w) = firstKeys(alt[...], vocabulary) else { return .any }
                words.formUnion(w)
            }
            return .words(words)
        }
    }

    /// The rules to try at a token, in rule order.
    func rules(for token: Token, into out: inout [Int]) {
        out.removeAll(keepingCapacity: true)
        if let list = byFolded[token.folded] { out.append(contentsOf: list) }
        for (f, list) in byFlag where token.flags.contains(f) { out.append(contentsOf: list) }
        out.append(contentsOf: always)
        if out.count > 1 { out.sort() }
    }
}
