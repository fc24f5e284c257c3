/// A token pattern compiled into flat arrays of plain integers, so that matching walks
/// indices instead of copying nested enums (which costs a retain and a release per step).
public final class PatternProgram: @unchecked Sendable {
    struct Node {
        /// 0 token test, 1 group, 2 oneOf.
        var kind: UInt8
        var min: Int32
        var max: Int32
        /// Capture name index, or -1.
        var name: Int32
        /// kind 0: index into `tests`; kind 1: sequence index; kind 2: first alternative in `alternatives`.
        var a: Int32
        /// kind 2: number of alternatives.
        var b: Int32
    }

    var nodes: [Node] = []
    /// Sequences: ranges into `items` (node indices).
    var sequences: [(start: Int32, end: Int32)] = []
    var items: [Int32] = []
    /// oneOf alternatives: sequence indices.
    var alternatives: [Int32] = []
    let tests: UnsafeMutablePointer<TokenTest>
    let testCount: Int
    var names: [String] = []
    /// The main sequence.
    var root: Int32 = 0
    /// The pattern's context tests (`before`, `after`, `notBefore`, `notAfter`) as indices
    /// into `tests`, compiled like the pattern's own.
    private(set) var beforeTests: [Int32] = []
    private(set) var afterTests: [Int32] = []
    private(set) var notBeforeTests: [[Int32]] = []
    private(set) var notAfterTests: [[Int32]] = []
    /// Whether `before` or `notBefore` has tests (checked before touching the arrays).
    let hasBeforeContext: Bool
    /// Whether `after` or `notAfter` has tests.
    let hasAfterContext: Bool

    /// A token test in integers: flags, interned words, shapes and vocabulary bits.
    struct CompiledTest {
        var flags: UInt32 = 0
        var notFlags: UInt32 = 0
        /// -1 not tested, 0 must have space before, 1 must be glued.
        var glued: Int8 = -1
        var hasRange = false
        var rangeLow = 0.0, rangeHigh = 0.0
        /// Ranges into `wordPool` of allowed / forbidden word ids (-1 start: not tested).
        var lowerStart: Int32 = -1, lowerCount: Int32 = 0
        var notLowerStart: Int32 = -1, notLowerCount: Int32 = 0
        var shapeStart: Int32 = -1, shapeCount: Int32 = 0
        var vocab = Lexicon.Bits(), hasVocab = false
        var notVocab = Lexicon.Bits()
        var minLength: Int32 = 0
        /// Tests that integers cannot express (exact `text`): checked with the string test.
        var needsSlowPath = false
    }

    private(set) var compiledPointer: UnsafeMutablePointer<CompiledTest>
    private(set) var poolPointer: UnsafeMutablePointer<Int32>

    /// Compiles a test. With `interning` false (context tests) no word or shape is added to
    /// the lexicon: a test naming one the lexicon lacks keeps the string test.
    static func compile(_ t: TokenTest, _ lexicon: Lexicon, _ pool: inout [Int32], interning: Bool = true) -> CompiledTest {
        var c = CompiledTest()
        var missing = false
        func word(_ w: String) -> Int32 {
            if interning { return lexicon.word(w) }
            guard let id = lexicon.wordIds[w] else { missing = true; return -1 }
            return id
        }
        func shape(_ s: String) -> Int32 {
            if interning { return lexicon.shape(s) }
            guard let id = lexicon.shapeIds[s] else { missing = true; return -1 }
            return id
        }
        c.flags = t.flags.rawValue
        c.notFlags = t.notFlags.rawValue
        if let g = t.glued { c.glued = g ? 1 : 0 }
        if let r = t.range { c.hasRange = true; c.rangeLow = r.lowerBound; c.rangeHigh = r.upperBound }
        if let lower = t.lower {
            c.lowerStart = Int32(pool.count)
            for w in lower { pool.append(word(w)) }
            c.lowerCount = Int32(lower.count)
        }
        if let notLower = t.notLower {
            c.notLowerStart = Int32(pool.count)
            for w in notLower { pool.append(word(w)) }
            c.notLowerCount = Int32(notLower.count)
        }
        if let shapes = t.shape {
            c.shapeStart = Int32(pool.count)
            for w in shapes { pool.append(shape(w)) }
            c.shapeCount = Int32(shapes.count)
        }
        if let v = t.vocab { c.vocab = lexicon.bits(v); c.hasVocab = true }
        if let v = t.notVocab { c.notVocab = lexicon.bits(v) }
        c.minLength = Int32(t.minLength ?? 0)
        c.needsSlowPath = t.text != nil || !lexicon.usable || missing
        return c
    }

    convenience init(_ pattern: TokenPattern) {
        self.init(pattern, lexicon: nil)
    }

    init(_ pattern: TokenPattern, lexicon given: Lexicon?) {
        var tests: [TokenTest] = []
        hasBeforeContext = !pattern.before.isEmpty || !pattern.notBefore.isEmpty
        hasAfterContext = !pattern.after.isEmpty || !pattern.notAfter.isEmpty
        var nodes: [Node] = []
        var sequences: [(Int32, Int32)] = []
        var items: [Int32] = []
        var alternatives: [Int32] = []
        var names: [String] = []

        func nameIndex(_ n: String?) -> Int32 {
            guard let n else { return -1 }
            if let i = names.firstIndex(of: n) { return Int32(i) }
            names.append(n)
            return Int32(names.count - 1)
        }
        // Compiles a sequence; returns its index. Children first, then the item list.
        func compileSequence(_ elements: [PatternElement]) -> Int32 {
            var nodeIndices: [Int32] = []
            nodeIndices.reserveCapacity(elements.count)
            for e in elements {
                let q = e.quantifier
                var node = Node(kind: 0, min: Int32(q.min), max: Int32(q.max), name: nameIndex(e.name), a: 0, b: 0)
                switch e {
                case .token(let t, _, _):
                    tests.append(t)
                    node.a = Int32(tests.count - 1)
                case .group(let es, _, _):
                    node.kind = 1
                    node.a = compileSequence(es)
                case .oneOf(let alts, _, _):
                    node.kind = 2
                    let compiled = alts.map { compileSequence($0) }
                    node.a = Int32(alternatives.count)
                    node.b = Int32(compiled.count)
                    alternatives.append(contentsOf: compiled)
                }
                nodes.append(node)
                nodeIndices.append(Int32(nodes.count - 1))
            }
            let start = Int32(items.count)
            items.append(contentsOf: nodeIndices)
            sequences.append((start, Int32(items.count)))
            return Int32(sequences.count - 1)
        }
        // Room for a pattern of a few groups (most are flat) and its context, reserved once.
        let roomGuess = 2 * pattern.elements.count + 4
        nodes.reserveCapacity(roomGuess)
        items.reserveCapacity(roomGuess)
        sequences.reserveCapacity(4)
        tests.reserveCapacity(roomGuess + pattern.before.count + pattern.after.count)
        root = compileSequence(pattern.elements)
        // Context tests after the pattern's, compiled without adding words to the lexicon.
        let contextStart = tests.count
        func contextIndices(_ list: [TokenTest]) -> [Int32] {
            list.map { tests.append($0); return Int32(tests.count - 1) }
        }
        beforeTests = contextIndices(pattern.before)
        afterTests = contextIndices(pattern.after)
        notBeforeTests = pattern.notBefore.map(contextIndices)
        notAfterTests = pattern.notAfter.map(contextIndices)
        self.nodes = nodes
        self.sequences = sequences.map { (start: $0.0, end: $0.1) }
        self.items = items
        self.alternatives = alternatives
        self.names = names
        testCount = tests.count
        self.tests = UnsafeMutablePointer<TokenTest>.allocate(capacity: max(1, tests.count))
        self.tests.initialize(from: tests, count: tests.count)
        let lexicon = given ?? Lexicon(vocabulary: Vocabulary())
        var pool: [Int32] = []
        pool.reserveCapacity(64)
        var compiled = tests.indices.map { Self.compile(tests[$0], lexicon, &pool, interning: $0 < contextStart) }
        if given == nil { for i in compiled.indices { compiled[i].needsSlowPath = true } }
        compiledPointer = Self.copy(compiled)
        poolPointer = Self.copy(pool)
        nodePointer = Self.copy(self.nodes)
        sequencePointer = Self.copy(self.sequences)
        itemPointer = Self.copy(self.items)
        alternativePointer = Self.copy(self.alternatives)
        if given != nil, let prefixes = computePrefixes() {
            self.prefixes = prefixes
            prefixCount = prefixes.count
            prefixPointer = Self.copy(prefixes.flatMap { [Int32($0.count)] + $0 })
        }
    }

    /// What the first `prefixLength` tokens of any match must pass: each entry is one way
    /// a match can begin (test indices for token 0, 1, …; shorter when a match can end
    /// sooner), or nil when the pattern begins in too many ways to list. The matcher tries
    /// these plain tests before the backtracking search: most start tokens fail on them.
    private(set) var prefixes: [[Int32]]? = nil
    /// `prefixes` flattened for the matcher: per prefix its length, then its test indices.
    private(set) var prefixPointer: UnsafeMutablePointer<Int32>? = nil
    private(set) var prefixCount = 0
    static let prefixLength = 3
    static let maxPrefixes = 64

    /// What the second token of every match must pass, when every match is at least two
    /// tokens long: one clause per distinct second test, either the words (lexicon ids) or
    /// vocabulary bits it allows (its other conditions left out), or, for a test without a
    /// word list, the flags it requires and forbids (spacing tests as `spaceBefore`). A
    /// token that passes no clause cannot be the second token of a match (see
    /// `SecondWordFilter`). Nil when some match may be one token long.
    func secondTokenTests() -> [(words: [Int32], vocab: Lexicon.Bits?, required: UInt32, forbidden: UInt32)]? {
        guard let prefixes, !prefixes.isEmpty else { return nil }
        var out: [(words: [Int32], vocab: Lexicon.Bits?, required: UInt32, forbidden: UInt32)] = []
        // At most `maxPrefixes` tests: a scan finds a repeat cheaper than a set.
        var seen: [Int32] = []
        seen.reserveCapacity(prefixes.count)
        for prefix in prefixes {
            guard prefix.count >= 2 else { return nil }
            let test = prefix[1]
            if seen.contains(test) { continue }
            seen.append(test)
            let c = compiledPointer[Int(test)]
            if !c.needsSlowPath && c.lowerStart >= 0 {
                out.append((Array(UnsafeBufferPointer(start: poolPointer + Int(c.lowerStart), count: Int(c.lowerCount))), nil, 0, 0))
            } else if !c.needsSlowPath && c.hasVocab {
                out.append(([], c.vocab, 0, 0))
            } else {
                var required = c.flags, forbidden = c.notFlags
                if c.glued == 0 { required |= TokenFlags.spaceBefore.rawValue }
                if c.glued == 1 { forbidden |= TokenFlags.spaceBefore.rawValue }
                out.append(([], nil, required, forbidden))
            }
        }
        return out
    }

    /// The first test indices of one way a match can begin, kept in a value (a walk step
    /// adds one without allocating an array).
    private struct PrefixSteps: Equatable {
        var tests = SIMD4<Int32>(repeating: 0)
        var count = 0

        func appending(_ test: Int32) -> PrefixSteps {
            var p = self
            p.tests[count] = test
            p.count += 1
            return p
        }

        var array: [Int32] { (0..<count).map { tests[$0] } }
    }

    /// Lists the ways a match can begin, up to `prefixLength` tokens (see `prefixes`).
    private func computePrefixes() -> [[Int32]]? {
        var out: [PrefixSteps] = []
        var overflow = false
        let need = Self.prefixLength
        assert(need <= 4, "PrefixSteps holds four tests")
        func emit(_ p: PrefixSteps) {
            if out.count >= Self.maxPrefixes { overflow = true; return }
            if !out.contains(p) { out.append(p) }
        }
        func walk(_ seq: Int32, _ item: Int32, _ prefix: PrefixSteps, _ k: (PrefixSteps) -> Void) {
            if overflow { return }
            if prefix.count >= need { emit(prefix); return }
            if item >= sequences[Int(seq)].end { k(prefix); return }
            walkRepeat(nodes[Int(items[Int(item)])], seq, item, 0, prefix, k)
        }
        func walkRepeat(_ node: Node, _ seq: Int32, _ item: Int32, _ count: Int32, _ prefix: PrefixSteps, _ k: (PrefixSteps) -> Void) {
            if overflow { return }
            if prefix.count >= need { emit(prefix); return }
            if count < node.max {
                walkOnce(node, prefix) { p2 in
                    if p2.count == prefix.count { return }   // an empty iteration, as in the matcher
                    walkRepeat(node, seq, item, count + 1, p2, k)
                }
            }
            if count >= node.min { walk(seq, item + 1, prefix, k) }
        }
        func walkOnce(_ node: Node, _ prefix: PrefixSteps, _ k: (PrefixSteps) -> Void) {
            switch node.kind {
            case 0: k(prefix.appending(node.a))
            case 1: walk(node.a, sequences[Int(node.a)].start, prefix, k)
            default:
                for i in node.a..<(node.a + node.b) {
                    let alt = alternatives[Int(i)]
                    walk(alt, sequences[Int(alt)].start, prefix, k)
                }
            }
        }
        walk(root, sequences[Int(root)].start, PrefixSteps()) { emit($0) }
        if overflow || out.contains(where: { $0.count == 0 }) { return nil }
        return out.map { $0.array }
    }

    /// Stable raw copies of the arrays, for the matcher's hot loop.
    private(set) var nodePointer: UnsafeMutablePointer<Node>
    private(set) var sequencePointer: UnsafeMutablePointer<(start: Int32, end: Int32)>
    private(set) var itemPointer: UnsafeMutablePointer<Int32>
    private(set) var alternativePointer: UnsafeMutablePointer<Int32>

    static func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
        p.initialize(from: a, count: a.count)
        return p
    }

    deinit {
        tests.deinitialize(count: testCount)
        tests.deallocate()
        nodePointer.deallocate()
        sequencePointer.deallocate()
        itemPointer.deallocate()
        alternativePointer.deallocate()
        compiledPointer.deallocate()
        poolPointer.deallocate()
        prefixPointer?.deallocate()
    }
}
