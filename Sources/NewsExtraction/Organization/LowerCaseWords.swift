/// The words a document writes in lower case, to answer "is this word also written in lower
/// case here" per token without hashing strings: the lexicon words as bits by lexicon id,
/// the other words in an open-addressing table from the hash of their folded form to the
/// first such token. Only the words that a capitalized or capitals-only word of the document
/// may equal go into the table (a 4096-bit filter of those words' hashes); a question about
/// another word gets `nil` from `first`. Built once per document, on the first question,
/// with no branch per token (whether a token is in lower case is not predictable).
final class LowerCaseWords {
    /// Bit `id` set when a lower-case token has lexicon id `id`.
    let lexicon: [UInt64]
    /// Per slot, the first lower-case token without a lexicon id whose folded hash falls
    /// there, or -1 for an empty slot.
    private let slots: [Int32]
    private let shift: UInt64
    /// The hashes of the capitalized and capitals-only words without a lexicon id.
    private let filter: [UInt64]
    private let tokens: [Token]
    /// The document's columns (owned by its `OrganizationContext`, which owns this table).
    private let flags: UnsafeBufferPointer<TokenFlags>
    private let lexIds: UnsafeBufferPointer<Int32>

    /// `maxLexId`: the largest of `lexIds`.
    init(tokens: [Token], flags: UnsafeBufferPointer<TokenFlags>, lexIds: UnsafeBufferPointer<Int32>,
         wordHashes: UnsafeBufferPointer<UInt64>, maxLexId: Int32) {
        self.tokens = tokens
        self.flags = flags
        self.lexIds = lexIds
        let n = min(flags.count, lexIds.count, wordHashes.count)
        var bits = [UInt64](repeating: 0, count: Int(max(maxLexId, 0)) / 64 + 1)
        var filter = [UInt64](repeating: 0, count: 64)
        var candidates = [Int32](repeating: 0, count: n)
        var count = 0
        let capital = TokenFlags.title.rawValue | TokenFlags.upper.rawValue
        let lower = TokenFlags.lower.rawValue
        let hashes = wordHashes
        bits.withUnsafeMutableBufferPointer { bits in
        filter.withUnsafeMutableBufferPointer { filter in
        candidates.withUnsafeMutableBufferPointer { candidates in
            // Lexicon words in lower case as bits; the capitalized other words' hashes in the filter.
            for i in 0..<n {
                let f = flags[i].rawValue, lex = lexIds[i]
                let known = UInt64(truncatingIfNeeded: ~(lex >> 31)) & 1  // 1 when lex >= 0
                let isLower = UInt64(truncatingIfNeeded: f & lower) >> 5
                let id = Int(lex & 0x7FFF_FFFF) & Int(truncatingIfNeeded: known &* UInt64.max)
                bits[id >> 6] |= (isLower & known) << UInt64(id & 63)
                let h = hashes[i]
                let isCapital = UInt64(f & capital != 0 ? 1 : 0)
                filter[Int(truncatingIfNeeded: h >> 58)] |= (isCapital & (known ^ 1)) << ((h >> 52) & 63)
            }
            // The lower-case other words that a capitalized word may equal.
            for i in 0..<n {
                let f = flags[i].rawValue
                let h = hashes[i]
                candidates[count] = Int32(truncatingIfNeeded: i)
                let inFilter = (filter[Int(truncatingIfNeeded: h >> 58)] >> ((h >> 52) & 63)) & 1
                let other = UInt64(truncatingIfNeeded: lexIds[i] >> 31) & 1  // 1 when lex < 0
                let isLower = UInt64(truncatingIfNeeded: f & lower) >> 5
                count &+= Int(inFilter & other & isLower)
            }
        }}}
        lexicon = bits
        self.filter = filter
        var size = 16
        while size < count * 2 { size <<= 1 }
        let shift = UInt64(64 - size.trailingZeroBitCount)
        self.shift = shift
        var slots = [Int32](repeating: -1, count: size)
        if count > 0 {
            let mask = size - 1
            for c in 0..<count {
                let i = Int(candidates[c])
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
    /// (`hashes`: the document's word hashes), or -1 when there is none; nil when the table
    /// cannot tell (`h` is not the hash of a capitalized word of the document).
    @inline(__always) func first(_ h: UInt64, hashes: UnsafeBufferPointer<UInt64>) -> Int? {
        guard (filter[Int(truncatingIfNeeded: h >> 58)] >> ((h >> 52) & 63)) & 1 != 0 else { return nil }
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
