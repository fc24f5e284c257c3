/// Which pattern rules may start at a token, judged by the token after it: for a rule whose
/// every match is at least two tokens long, the second token must pass one of the rule's
/// second tests — be a listed word (`lower`) or a vocabulary entry (`vocab`), as
/// "the" + "weekend", "the" + "past", or, for a test without a word list, carry the flags
/// it requires and lack those it forbids ("-" + a glued digit). `RuleIndex` chooses rules
/// by the first token; this table rejects most of the rest with a bit test or two (a rule
/// bucketed under "the" is otherwise tried at every "the").
struct SecondWordFilter {
    /// Rules the filter applies to (bit r set: rule r has a second-token constraint).
    private let constrained: [UInt64]
    /// Per word id, `words` 64-bit words: bit r set when rule r allows that word second.
    private let allowed: [UInt64]
    private let words: Int
    /// Per rule, its flag clauses: a range into `clauses`.
    private let clauseRanges: [(start: Int32, end: Int32)]
    /// Required and forbidden flags of the second token, one pair per flag clause.
    private let clauses: [(required: UInt32, forbidden: UInt32)]

    init(programs: [PatternProgram?], lexicon: Lexicon) {
        let ruleCount = programs.count
        words = max(1, (ruleCount + 63) / 64)
        let lexCount = lexicon.wordIds.count
        var constrained = [UInt64](repeating: 0, count: words)
        var allowed = [UInt64](repeating: 0, count: words * max(1, lexCount))
        var clauseRanges: [(start: Int32, end: Int32)] = []
        var clauses: [(required: UInt32, forbidden: UInt32)] = []
        let bits = lexicon.vocabBits
        for (r, program) in programs.enumerated() {
            let start = Int32(clauses.count)
            defer { clauseRanges.append((start, Int32(clauses.count))) }
            guard let program, let second = program.secondTokenTests(), !second.isEmpty else { continue }
            constrained[r >> 6] |= 1 << UInt64(r & 63)
            for test in second {
                for lex in test.words { allowed[Int(lex) * words + (r >> 6)] |= 1 << UInt64(r & 63) }
                if let vocab = test.vocab {
                    for lex in 0..<lexCount where bits[lex].intersects(vocab) { allowed[lex * words + (r >> 6)] |= 1 << UInt64(r & 63) }
                } else if test.words.isEmpty {
                    clauses.append((test.required, test.forbidden))
                }
            }
        }
        self.constrained = constrained
        self.allowed = allowed
        self.clauseRanges = clauseRanges
        self.clauses = clauses
    }

    /// Whether rule `r` may start at token `i` of `tokens` as far as the next token goes.
    @inline(__always)
    func allows(_ r: Int, at i: Int, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        if constrained[r >> 6] & (1 << UInt64(r & 63)) == 0 { return true }
        guard i + 1 < tokens.count else { return false }
        let lex = Int(tokens[i + 1].lex)
        if lex >= 0 && allowed[lex * words + (r >> 6)] & (1 << UInt64(r & 63)) != 0 { return true }
        let range = clauseRanges[r]
        if range.start == range.end { return false }
        let flags = tokens[i + 1].flags.rawValue
        for k in Int(range.start)..<Int(range.end) {
            let c = clauses[k]
            if flags & c.required == c.required && flags & c.forbidden == 0 { return true }
        }
        return false
    }
}
