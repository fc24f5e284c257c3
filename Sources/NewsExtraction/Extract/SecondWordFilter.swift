/// Which pattern rules may start at a token, judged by the word after it: for a rule whose
/// every match is at least two tokens long and whose second token must be a listed word
/// (`lower`) or a vocabulary entry (`vocab`) — "the" + "weekend", "the" + "past" — only
/// the words it allows there let the rule be tried. `RuleIndex` chooses rules by the first
/// token; this table rejects most of the rest with one bit test each (a rule bucketed
/// under "the" is otherwise tried at every "the").
struct SecondWordFilter {
    /// Rules the filter applies to (bit r set: rule r has a second-word constraint).
    private let constrained: [UInt64]
    /// Per word id, `words` 64-bit words: bit r set when rule r allows that word second.
    private let allowed: [UInt64]
    private let words: Int

    init(programs: [PatternProgram?], lexicon: Lexicon) {
        let ruleCount = programs.count
        words = max(1, (ruleCount + 63) / 64)
        let lexCount = lexicon.wordIds.count
        var constrained = [UInt64](repeating: 0, count: words)
        var allowed = [UInt64](repeating: 0, count: words * max(1, lexCount))
        let bits = lexicon.vocabBits
        for (r, program) in programs.enumerated() {
            guard let program, let second = program.secondTokenTests(), !second.isEmpty else { continue }
            constrained[r >> 6] |= 1 << UInt64(r & 63)
            for test in second {
                for lex in test.words { allowed[Int(lex) * words + (r >> 6)] |= 1 << UInt64(r & 63) }
                if let vocab = test.vocab {
                    for lex in 0..<lexCount where bits[lex].intersects(vocab) { allowed[lex * words + (r >> 6)] |= 1 << UInt64(r & 63) }
                }
            }
        }
        self.constrained = constrained
        self.allowed = allowed
    }

    /// Whether rule `r` may start at token `i` of `tokens` as far as the next token goes.
    @inline(__always)
    func allows(_ r: Int, at i: Int, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        if constrained[r >> 6] & (1 << UInt64(r & 63)) == 0 { return true }
        guard i + 1 < tokens.count else { return false }
        let lex = Int(tokens[i + 1].lex)
        return lex >= 0 && allowed[lex * words + (r >> 6)] & (1 << UInt64(r & 63)) != 0
    }
}
