/// Matches compiled token patterns against a token sequence: a small backtracking
/// matcher with regex semantics (greedy quantifiers, first successful alternative),
/// bounded repetition, and named captures. Every quantifier has a finite maximum and
/// each match attempt a step budget, so the work per start token is bounded and
/// matching stays linear in the text.
public final class PatternMatcher {
    let tokens: UnsafeBufferPointer<Token>
    private let tokenArray: [Token]
    let vocabulary: Vocabulary
    private var steps = 0
    /// The program whose raw views are loaded (held, so the views stay valid).
    private var program: PatternProgram!
    // Raw views of the current program's arrays: indexing them costs no reference counting.
    private var nodes: UnsafeMutablePointer<PatternProgram.Node>!
    private var sequences: UnsafeMutablePointer<(start: Int32, end: Int32)>!
    private var items: UnsafeMutablePointer<Int32>!
    private var alternatives: UnsafeMutablePointer<Int32>!
    private var tests: UnsafeMutablePointer<TokenTest>!
    private var compiled: UnsafeMutablePointer<PatternProgram.CompiledTest>!
    private var pool: UnsafeMutablePointer<Int32>!
    private let vocabBits: UnsafeMutablePointer<Lexicon.Bits>?
    private let lexicon: Lexicon?
    private var captureStack: [(name: Int32, start: Int, end: Int)] = []

    /// The most steps one match attempt may take.
    static let stepBudget = 4096

    public init(tokens: [Token], vocabulary: Vocabulary) {
        tokenArray = tokens
        self.tokens = tokenArray.withUnsafeBufferPointer { $0 }
        self.vocabulary = vocabulary
        lexicon = nil
        vocabBits = nil
    }

    /// A matcher over tokens interned with `lexicon` (frozen).
    init(tokens: [Token], vocabulary: Vocabulary, lexicon: Lexicon) {
        tokenArray = tokens
        self.tokens = tokenArray.withUnsafeBufferPointer { $0 }
        self.vocabulary = vocabulary
        self.lexicon = lexicon
        vocabBits = lexicon.frozenBits
    }

    /// A named capture: the token range an element covered.
    public struct Capture: Sendable {
        public var name: String
        public var range: Range<Int>
    }

    /// Matches `pattern` at token `start`: the end token index (exclusive) and captures.
    public func match(_ pattern: TokenPattern, at start: Int) -> (end: Int, captures: [Capture])? {
        match(PatternProgram(pattern), at: start)
    }

    /// Matches a compiled pattern at token `start`.
    public func match(_ program: PatternProgram, at start: Int) -> (end: Int, captures: [Capture])? {
        guard start < tokens.count else { return nil }
        if let prefixes = program.prefixPointer, !canBegin(program, prefixes, at: start) { return nil }
        if program.hasBeforeContext {
            if !program.beforeTests.isEmpty {
                if start < program.beforeTests.count { return nil }
                if !passesAll(program, program.beforeTests, from: start - program.beforeTests.count) { return nil }
            }
            for seq in program.notBeforeTests where start >= seq.count {
                if passesAll(program, seq, from: start - seq.count) { return nil }
            }
        }
        if self.program !== program {
            self.program = program
            nodes = program.nodePointer
            sequences = program.sequencePointer
            items = program.itemPointer
            alternatives = program.alternativePointer
            tests = program.tests
            compiled = program.compiledPointer
            pool = program.poolPointer
        }
        steps = Self.stepBudget
        captureStack.removeAll(keepingCapacity: true)
        // The caller and `self.program` hold the program: the continuation refers to it
        // without a retain on every call.
        unowned(unsafe) let current = program
        let hasAfterContext = program.hasAfterContext
        let end = matchSequence(program.root, sequences[Int(program.root)].start, start) { end in
            if end == start { return nil }
            if !hasAfterContext { return end }
            if !current.afterTests.isEmpty {
                if end + current.afterTests.count > self.tokens.count { return nil }
                if !self.passesAll(current, current.afterTests, from: end) { return nil }
            }
            for seq in current.notAfterTests where end + seq.count <= self.tokens.count {
                if self.passesAll(current, seq, from: end) { return nil }
            }
            return end
        }
        guard let end else { return nil }
        if captureStack.isEmpty { return (end, []) }
        let captures = captureStack.map { Capture(name: program.names[Int($0.name)], range: $0.start..<$0.end) }
        return (end, captures)
    }

    typealias Continuation = (Int) -> Int?

    /// Matches items `item..<end` of sequence `seq` from token `pos`, then `k`.
    private func matchSequence(_ seq: Int32, _ item: Int32, _ pos: Int, _ k: Continuation) -> Int? {
        if item >= sequences[Int(seq)].end { return k(pos) }
        steps -= 1
        if steps <= 0 { return nil }
        let node = nodes[Int(items[Int(item)])]
        if node.kind == 0 && node.max == 1 && node.min <= 1 { return matchSingleToken(node, seq, item, pos, k) }
        return repeatNode(node, seq, item, count: 0, start: pos, pos, k)
    }

    /// `repeatNode` for a token test taken at most once (most elements: plain or "?"): the
    /// same tries in the same order, steps and captures, without a continuation per try.
    @inline(__always)
    private func matchSingleToken(_ node: PatternProgram.Node, _ seq: Int32, _ item: Int32, _ pos: Int, _ k: Continuation) -> Int? {
        if pos < tokens.count && passesCompiled(Int(node.a), pos) {
            let mark = captureStack.count
            if node.name >= 0 { captureStack.append((node.name, pos, pos + 1)) }
            if let r = matchSequence(seq, item + 1, pos + 1, k) { return r }
            dropCaptures(to: mark)
        }
        if node.min == 0 {
            let mark = captureStack.count
            if node.name >= 0 { captureStack.append((node.name, pos, pos)) }
            if let r = matchSequence(seq, item + 1, pos, k) { return r }
            dropCaptures(to: mark)
        }
        return nil
    }

    /// Greedy repetition of `node` (already matched `count` times from `start` to `pos`).
    private func repeatNode(_ node: PatternProgram.Node, _ seq: Int32, _ item: Int32, count: Int32, start: Int, _ pos: Int, _ k: Continuation) -> Int? {
        if count < node.max {
            let r = matchOnce(node, pos) { p2 in
                if p2 == pos { return nil }
                return self.repeatNode(node, seq, item, count: count + 1, start: start, p2, k)
            }
            if r != nil { return r }
        }
        if count >= node.min {
            let mark = captureStack.count
            if node.name >= 0 { captureStack.append((node.name, start, pos)) }
            if let r = matchSequence(seq, item + 1, pos, k) { return r }
            dropCaptures(to: mark)
        }
        return nil
    }

    /// Drops the captures made after `mark` (a failed branch); most branches made none.
    @inline(__always)
    private func dropCaptures(to mark: Int) {
        if captureStack.count > mark { captureStack.removeSubrange(mark...) }
    }

    private func matchOnce(_ node: PatternProgram.Node, _ pos: Int, _ k: Continuation) -> Int? {
        switch node.kind {
        case 0:
            guard pos < tokens.count, passesCompiled(Int(node.a), pos) else { return nil }
            return k(pos + 1)
        case 1:
            let mark = captureStack.count
            if let r = matchSequence(node.a, sequences[Int(node.a)].start, pos, k) { return r }
            dropCaptures(to: mark)
            return nil
        default:
            for i in node.a..<(node.a + node.b) {
                let seq = alternatives[Int(i)]
                let mark = captureStack.count
                if let r = matchSequence(seq, sequences[Int(seq)].start, pos, k) { return r }
                dropCaptures(to: mark)
            }
            return nil
        }
    }

    /// Whether some way of beginning a match of `program` (its `prefixes`) passes at `start`:
    /// a few plain token tests that spare the search on most start tokens.
    @inline(__always)
    private func canBegin(_ program: PatternProgram, _ prefixes: UnsafeMutablePointer<Int32>, at start: Int) -> Bool {
        let compiled = program.compiledPointer, pool = program.poolPointer, tests = program.tests
        // The prefixes are listed depth first: neighbours often begin with the same tests.
        // The last outcome of the first and second token's tests is kept and reused for
        // the same test (the tests are pure; the tokens are the same for every prefix).
        var lastFirst: Int32 = -1, lastSecond: Int32 = -1
        var firstPasses = false, secondPasses = false
        var p = prefixes
        for _ in 0..<program.prefixCount {
            let length = Int(p.pointee)
            var all = true
            for k in 0..<length {
                let pos = start + k
                if pos >= tokens.count { all = false; break }
                let test = p[1 + k]
                let passes: Bool
                if k == 0 {
                    if test != lastFirst { lastFirst = test; firstPasses = passesCompiled(tests, compiled, pool, Int(test), pos) }
                    passes = firstPasses
                } else if k == 1 {
                    if test != lastSecond { lastSecond = test; secondPasses = passesCompiled(tests, compiled, pool, Int(test), pos) }
                    passes = secondPasses
                } else {
                    passes = passesCompiled(tests, compiled, pool, Int(test), pos)
                }
                if !passes { all = false; break }
            }
            if all { return true }
            p += 1 + length
        }
        return false
    }

    /// Whether tokens `from`, `from + 1`, … (all in the text) pass the context tests `indices`
    /// of `program` in turn.
    private func passesAll(_ program: PatternProgram, _ indices: [Int32], from: Int) -> Bool {
        let tests = program.tests, compiled = program.compiledPointer, pool = program.poolPointer
        for k in indices.indices where !passesCompiled(tests, compiled, pool, Int(indices[k]), from + k) { return false }
        return true
    }

    /// The compiled test `index` of the current program on token `pos`.
    @inline(__always)
    private func passesCompiled(_ index: Int, _ pos: Int) -> Bool {
        passesCompiled(tests, compiled, pool, index, pos)
    }

    /// Compiled test `index` (of the program whose tests and word pool are given) on token `pos`.
    @inline(__always)
    private func passesCompiled(_ tests: UnsafeMutablePointer<TokenTest>, _ compiled: UnsafeMutablePointer<PatternProgram.CompiledTest>,
                                _ pool: UnsafeMutablePointer<Int32>, _ index: Int, _ pos: Int) -> Bool {
        let c = compiled + index
        let t = tokens.baseAddress! + pos
        if c.pointee.needsSlowPath || vocabBits == nil { return Self.passes(tests + index, t, vocabulary) }
        let flags = t.pointee.flags.rawValue
        if flags & c.pointee.flags != c.pointee.flags { return false }
        if flags & c.pointee.notFlags != 0 { return false }
        if c.pointee.glued >= 0 && (c.pointee.glued == 1) == (flags & TokenFlags.spaceBefore.rawValue != 0) { return false }
        if c.pointee.hasRange {
            guard let v = t.pointee.number ?? t.pointee.ordinal.map(Double.init), v >= c.pointee.rangeLow, v <= c.pointee.rangeHigh else { return false }
        }
        let lex = t.pointee.lex
        if c.pointee.lowerStart >= 0 {
            if lex < 0 { return false }
            var found = false
            let start = Int(c.pointee.lowerStart)
            for k in start..<(start + Int(c.pointee.lowerCount)) where pool[k] == lex { found = true; break }
            if !found { return false }
        }
        if c.pointee.notLowerStart >= 0 && lex >= 0 {
            let start = Int(c.pointee.notLowerStart)
            for k in start..<(start + Int(c.pointee.notLowerCount)) where pool[k] == lex { return false }
        }
        if c.pointee.shapeStart >= 0 {
            let sid = t.pointee.shapeId
            if sid < 0 { return false }
            var found = false
            let start = Int(c.pointee.shapeStart)
            for k in start..<(start + Int(c.pointee.shapeCount)) where pool[k] == sid { found = true; break }
            if !found { return false }
        }
        if c.pointee.hasVocab || !c.pointee.notVocab.isEmpty {
            let bits = lex >= 0 ? vocabBits![Int(lex)] : Lexicon.Bits()
            if c.pointee.hasVocab && !bits.intersects(c.pointee.vocab) { return false }
            if bits.intersects(c.pointee.notVocab) { return false }
        }
        if c.pointee.minLength > 0 && t.pointee.folded.count < Int(c.pointee.minLength) { return false }
        return true
    }

    /// Whether token `i` passes `test`.
    public func passes(_ test: TokenTest, _ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        return Self.passes(test, tokens[i], vocabulary)
    }

    /// The same test through pointers, on the hot path (no copies of the test or token).
    @inline(__always)
    static func passes(_ test: UnsafePointer<TokenTest>, _ t: UnsafePointer<Token>, _ vocabulary: Vocabulary) -> Bool {
        let flags = t.pointee.flags
        if !test.pointee.flags.isEmpty && !flags.isSuperset(of: test.pointee.flags) { return false }
        if !test.pointee.notFlags.isEmpty && !flags.isDisjoint(with: test.pointee.notFlags) { return false }
        if let glued = test.pointee.glued, glued == flags.contains(.spaceBefore) { return false }
        if test.pointee.range != nil || test.pointee.lower != nil || test.pointee.notLower != nil || test.pointee.shape != nil
            || test.pointee.minLength != nil || test.pointee.vocab != nil || test.pointee.notVocab != nil || test.pointee.text != nil {
            return passes(test.pointee, t.pointee, vocabulary)
        }
        return true
    }

    @inline(__always)
    static func passes(_ test: TokenTest, _ t: Token, _ vocabulary: Vocabulary) -> Bool {
        if !test.flags.isEmpty && !t.flags.isSuperset(of: test.flags) { return false }
        if !test.notFlags.isEmpty && !t.flags.isDisjoint(with: test.notFlags) { return false }
        if let glued = test.glued, glued == t.flags.contains(.spaceBefore) { return false }
        if let range = test.range {
            guard let v = t.number ?? t.ordinal.map(Double.init), range.contains(v) else { return false }
        }
        if let lower = test.lower, !lower.contains(t.folded) { return false }
        if let notLower = test.notLower, notLower.contains(t.folded) { return false }
        if let shape = test.shape, !shape.contains(t.shape) { return false }
        if let minLength = test.minLength, t.folded.count < minLength { return false }
        if let vocab = test.vocab {
            var any = false
            for v in vocab where vocabulary.contains(v, t.folded) { any = true; break }
            if !any { return false }
        }
        if let notVocab = test.notVocab {
            for v in notVocab where vocabulary.contains(v, t.folded) { return false }
        }
        if let text = test.text {
            if !text.contains(where: { TextFolder.fold($0) == t.folded && sameCase($0, t.shape) }) { return false }
        }
        return true
    }

    /// Compares the case pattern of `s` with a token's shape.
    static func sameCase(_ s: String, _ shape: String) -> Bool {
        var chars: [UInt8] = []
        var last: UInt8 = 0, run = 0
        for u in s.unicodeScalars {
            let c: UInt8 = u.properties.isUppercase ? 0x58 : u.properties.isLowercase ? 0x78 : (u.properties.numericType != nil ? 0x64 : UInt8(truncatingIfNeeded: u.value))
            if c == last { run += 1 } else { run = 1; last = c }
            if run <= 4 { chars.append(c) }
        }
        return chars == Array(shape.utf8)
    }
}
