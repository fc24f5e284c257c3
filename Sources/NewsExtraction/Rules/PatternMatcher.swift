/// Matches compiled token patterns against a token sequence: a small backtracking
/// matcher with regex semantics (greedy quantifiers, first successful alternative),
/// bounded repetition, and named captures. Every quantifier has a finite maximum, so
/// the work per start token is bounded and matching stays linear in the text.
public struct PatternMatcher {
    let tokens: [Token]
    let vocabulary: Vocabulary
    /// Steps left for the current match: a hard bound on backtracking.
    final class Budget { var steps = 0 }
    let budget = Budget()

    public init(tokens: [Token], vocabulary: Vocabulary) {
        self.tokens = tokens
        self.vocabulary = vocabulary
    }

    /// A named capture: the token range an element covered.
    public struct Capture: Sendable {
        public var name: String
        public var range: Range<Int>
    }

    /// Matches `pattern` starting at token `start`; returns the end token index
    /// (exclusive) and the captures, or nil.
    public func match(_ pattern: TokenPattern, at start: Int) -> (end: Int, captures: [Capture])? {
        guard start < tokens.count else { return nil }
        // Context before the match.
        if !pattern.before.isEmpty {
            if start < pattern.before.count { return nil }
            for (k, test) in pattern.before.enumerated() {
                let i = start - pattern.before.count + k
                if !passes(test, i) { return nil }
            }
        }
        for seq in pattern.notBefore {
            if start >= seq.count {
                var all = true
                for (k, test) in seq.enumerated() where !passes(test, start - seq.count + k) { all = false; break }
                if all { return nil }
            }
        }
        var captures: [Capture] = []
        budget.steps = 4096
        let end = matchSequence(pattern.elements[...], start, &captures) { end, _ in
            if end == start { return nil }
            if !pattern.after.isEmpty {
                if end + pattern.after.count > tokens.count { return nil }
                for (k, test) in pattern.after.enumerated() where !passes(test, end + k) { return nil }
            }
            for seq in pattern.notAfter where end + seq.count <= tokens.count {
                var all = true
                for (k, test) in seq.enumerated() where !passes(test, end + k) { all = false; break }
                if all { return nil }
            }
            return end
        }
        guard let end else { return nil }
        return (end, captures)
    }

    typealias Continuation = (Int, inout [Capture]) -> Int?

    private func matchSequence(_ elements: ArraySlice<PatternElement>, _ pos: Int, _ caps: inout [Capture], _ k: Continuation) -> Int? {
        guard let first = elements.first else { return k(pos, &caps) }
        budget.steps -= 1
        if budget.steps <= 0 { return nil }
        let rest = elements.dropFirst()
        let q = first.quantifier
        let name = first.name
        let startPos = pos
        // Repeats `first` greedily, then matches the rest.
        func repeatFrom(_ count: Int, _ p: Int, _ caps: inout [Capture]) -> Int? {
            if count < q.max {
                let r = matchOne(first, p, &caps) { p2, caps in
                    if p2 == p { return nil }
                    return repeatFrom(count + 1, p2, &caps)
                }
                if r != nil { return r }
            }
            if count >= q.min {
                let mark = caps.count
                if let name { caps.append(Capture(name: name, range: startPos..<p)) }
                if let r = matchSequence(rest, p, &caps, k) { return r }
                caps.removeSubrange(mark...)
            }
            return nil
        }
        return repeatFrom(0, pos, &caps)
    }

    private func matchOne(_ element: PatternElement, _ pos: Int, _ caps: inout [Capture], _ k: Continuation) -> Int? {
        switch element {
        case .token(let test, _, _):
            guard pos < tokens.count, passes(test, pos) else { return nil }
            return k(pos + 1, &caps)
        case .group(let elements, _, _):
            let mark = caps.count
            if let r = matchSequence(elements[...], pos, &caps, k) { return r }
            caps.removeSubrange(mark...)
            return nil
        case .oneOf(let alternatives, _, _):
            for alt in alternatives {
                let mark = caps.count
                if let r = matchSequence(alt[...], pos, &caps, k) { return r }
                caps.removeSubrange(mark...)
            }
            return nil
        }
    }

    /// Whether token `i` passes `test`.
    public func passes(_ test: TokenTest, _ i: Int) -> Bool {
        guard i >= 0 && i < tokens.count else { return false }
        let t = tokens[i]
        if !test.flags.isEmpty && !t.flags.isSuperset(of: test.flags) { return false }
        if !test.notFlags.isEmpty && !t.flags.isDisjoint(with: test.notFlags) { return false }
        if let lower = test.lower, !lower.contains(t.folded) { return false }
        if let notLower = test.notLower, notLower.contains(t.folded) { return false }
        if let shape = test.shape, !shape.contains(t.shape) { return false }
        if let glued = test.glued, glued == t.flags.contains(.spaceBefore) { return false }
        if let minLength = test.minLength, t.folded.count < minLength { return false }
        if let range = test.range {
            guard let v = t.number ?? t.ordinal.map(Double.init), range.contains(v) else { return false }
        }
        if let vocab = test.vocab {
            var any = false
            for v in vocab where vocabulary.contains(v, t.folded) { any = true; break }
            if !any { return false }
        }
        if let notVocab = test.notVocab {
            for v in notVocab where vocabulary.contains(v, t.folded) { return false }
        }
        if let text = test.text {
            // Original text comparison is rare; folded form of exact text is compared via shape+lower.
            if !text.contains(where: { TextFolder.fold($0) == t.folded && Self.sameCase($0, t.shape) }) { return false }
        }
        return true
    }

    private static func sameCase(_ s: String, _ shape: String) -> Bool {
        // Compares the case pattern of s with the token's shape, letter by letter.
        var shapeChars = Array(shape.utf8)
        var sChars: [UInt8] = []
        var last: UInt8 = 0, run = 0
        for u in s.unicodeScalars {
            let c: UInt8 = u.properties.isUppercase ? 0x58 : u.properties.isLowercase ? 0x78 : (u.properties.numericType != nil ? 0x64 : UInt8(truncatingIfNeeded: u.value))
            if c == last { run += 1 } else { run = 1; last = c }
            if run <= 4 { sChars.append(c) }
        }
        shapeChars = shapeChars.map { $0 }
        return sChars == shapeChars
    }
}
