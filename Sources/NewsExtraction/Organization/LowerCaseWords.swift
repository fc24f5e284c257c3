/// The words a document writes in lower case, to answer "is this word also written in lower
/// case here" per token without hashing strings: the lexicon words as bits by lexicon id,
/// the other words in an open-addressing table from the hash of their folded form to the
/// first such token. Built once per document, on the first question.
final class LowerCaseWords {
    /// Bit `id` set when a lower-case token has lexicon id `id`.
    let lexicon: [UInt64]
    /// Per slot, the first lower-case token without a lexicon id whose folded hash falls
    /// there, or -1 for an empty slot.
    private let slots: [Int32]
    private let shift: UInt64
    private let tokens: [Token]
    private let flags: [TokenFlags]
    private let lexIds: [Int32]

    init(tokens: [Token], flags: [TokenFlags], lexIds: [Int32], wordHashes: [UInt64]) {
        self.tokens = tokens
        self.flags = flags
        self.lexIds = lexIds
        let n = min(flags.count, lexIds.count)
        var top = 0
        for id in lexIds where Int(id) > top { top = Int(id) }
        var bits = [UInt64](repeating: 0, count: top / 64 + 1)
        var others = 0
        for i in 0..<n where flags[i].contains(.lower) {
            let lex = lexIds[i]
            if lex >= 0 { bits[Int(lex) >> 6] |= 1 << UInt64(lex & 63) } else { others += 1 }
        }
        lexicon = bits
        var size = 16
        while size < others * 2 { size <<= 1 }
        let shift = UInt64(64 - size.trailingZeroBitCount)
        self.shift = shift
        var slots = [Int32](repeating: -1, count: size)
        if others > 0 {
            let mask = size - 1
            for i in 0..<n where lexIds[i] < 0 && flags[i].contains(.lower) {
                let h = wordHashes[i]
                var s = Self.slot(h, shift)
                while true {
                    let k = slots[s]
                    if k < 0 { slots[s] = Int32(i); break }
                    if wordHashes[Int(k)] == h { break }
                    s = (s + 1) & mask
                }
            }
        }
        self.slots = slots
    }

    @inline(__always) private static func slot(_ h: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The first lower-case token without a lexicon id whose folded form has hash `h`
    /// (`hashes`: the document's word hashes), or -1.
    @inline(__always) func first(_ h: UInt64, hashes: [UInt64]) -> Int {
        let mask = slots.count - 1
        var s = Self.slot(h, shift)
        while true {
            let k = slots[s]
            if k < 0 { return -1 }
            if hashes[Int(k)] == h { return Int(k) }
            s = (s + 1) & mask
        }
    }

    /// Bit `id` set when a lower-case token of 2 to 6 UTF-16 units has lexicon id `id`
    /// (built on first use).
    private(set) lazy var shortLexicon: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: lexicon.count)
        for i in 0..<min(flags.count, lexIds.count) where lexIds[i] >= 0 && flags[i].contains(.lower)
            && OrganizationContext.isShort(tokens[i]) {
            bits[Int(lexIds[i]) >> 6] |= 1 << UInt64(lexIds[i] & 63)
        }
        return bits
    }()

    /// Whether bit `id` of `bits` is set.
    @inline(__always) static func test(_ bits: [UInt64], _ id: Int) -> Bool {
        id >> 6 < bits.count && bits[id >> 6] & (1 << UInt64(id & 63)) != 0
    }
}
