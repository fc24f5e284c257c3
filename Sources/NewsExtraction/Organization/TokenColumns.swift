/// Per token of a document, what the ORG matchers read most, apart from the large `Token`
/// values: its list bits, packed folded form, flags, lexicon id and word hash; and the
/// tokens where a name may begin, and those where a head noun, a legal suffix or an acronym
/// may stand (the loops for these step through short lists, not every token). All in one allocation, filled in one pass over the tokens
/// (no array per column to allocate, zero and free per document), and kept by the thread's
/// cache for the next document when it is large enough (see `OrganizationThreadCache`).
/// The buffers are valid while the columns live; a context holds its columns.
final class TokenColumns {
    /// The tokens filled.
    private(set) var count = 0
    /// The tokens the allocation holds.
    let capacity: Int
    /// Per token, the word lists its folded form belongs to (`ListBits`).
    let masks: UnsafeMutableBufferPointer<ListBits>
    /// Per token, its folded form packed by `Word.pack`.
    let packed: UnsafeMutableBufferPointer<UInt64>
    /// Per token, its flags and lexicon id.
    let flags: UnsafeMutableBufferPointer<TokenFlags>
    let lexIds: UnsafeMutableBufferPointer<Int32>
    /// Per token, the FNV-1a hash of its folded bytes (`GazetteerIndex.plainHash`).
    let wordHashes: UnsafeMutableBufferPointer<UInt64>
    /// Lists of tokens, in order, each the first `listCounts[list]` entries of its buffer:
    /// see `List`.
    private let lists: [UnsafeMutableBufferPointer<Int32>]
    private var listCounts = [Int](repeating: 0, count: List.allCases.count)

    /// The token lists filled with the columns.
    enum List: Int, CaseIterable {
        /// The capitalized words (`title`, outside a capitals line) that are not stop words.
        case nameStarts
        /// The anchors of the structure rules: capitalized (`title`) head nouns (where
        /// `isHead` may hold), capitalized legal suffixes and halves of a spaced one ("S.p",
        /// "A": where `isLegalSuffix` may hold), and capitals-only (`upper`) alphabetic
        /// tokens (where an acronym may stand). One list for the three: few tokens are any.
        case anchors
    }
    /// The largest lexicon id of the tokens (-1 when none has one).
    private(set) var maxLexId: Int32 = -1
    private let storage: UnsafeMutableRawPointer

    /// Columns for up to `capacity` tokens (unfilled).
    init(capacity: Int) {
        let n = max(capacity, 1)
        self.capacity = n
        // The 8-byte columns first, then the 4-byte ones: every column stays aligned.
        let storage = UnsafeMutableRawPointer.allocate(byteCount: n * (28 + 4 * List.allCases.count), alignment: 8)
        self.storage = storage
        packed = UnsafeMutableBufferPointer(start: storage.bindMemory(to: UInt64.self, capacity: n), count: n)
        wordHashes = UnsafeMutableBufferPointer(start: (storage + 8 * n).bindMemory(to: UInt64.self, capacity: n), count: n)
        masks = UnsafeMutableBufferPointer(start: (storage + 16 * n).bindMemory(to: ListBits.self, capacity: n), count: n)
        flags = UnsafeMutableBufferPointer(start: (storage + 20 * n).bindMemory(to: TokenFlags.self, capacity: n), count: n)
        lexIds = UnsafeMutableBufferPointer(start: (storage + 24 * n).bindMemory(to: Int32.self, capacity: n), count: n)
        lists = List.allCases.map { list in
            UnsafeMutableBufferPointer(start: (storage + (28 + 4 * list.rawValue) * n).bindMemory(to: Int32.self, capacity: n), count: n)
        }
    }

    deinit { storage.deallocate() }

    /// The tokens of a list (valid while the columns live and until they are filled again).
    func tokens(_ list: List) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: lists[list.rawValue][0..<listCounts[list.rawValue]])
    }

    /// Fills the columns of `tokens` (at most `capacity`) from the word tables of a rule set.
    /// Without a branch on the token's case (not predictable); a token with a lexicon id
    /// reads its record, another one hashes and packs its bytes in one pass.
    func fill(_ tokens: [Token], tables: OrganizationTables) {
        let n = min(tokens.count, capacity)
        count = n
        // Every one-word entry has a lexicon id, so a token without one is in no list
        // (unless its folded form has a space, as multi-word entries do). Without a usable
        // lexicon, every token is looked up by string.
        let lookupAll = tables.lexEntries.isEmpty
        let multi = tables.multiWordLengths
        let wordMasks = tables.wordMasks
        let masks = masks.baseAddress!, packed = packed.baseAddress!, flags = flags.baseAddress!
        let lexIds = lexIds.baseAddress!, hashes = wordHashes.baseAddress!
        let starts = lists[List.nameStarts.rawValue].baseAddress!, anchors = lists[List.anchors.rawValue].baseAddress!
        let stop = ListBits.stop.rawValue, headOrLegal = ListBits.head.rawValue | ListBits.legal.rawValue
        let title = TokenFlags.title.rawValue, capsLine = TokenFlags.capsLine.rawValue
        let upperAlpha = TokenFlags.upper.rawValue | TokenFlags.alpha.rawValue
        var startCount = 0, anchorCount = 0
        var top: Int32 = -1
        tokens.withUnsafeBufferPointer { tokens in
            tables.lexEntries.withUnsafeBufferPointer { byId in
                let entryCount = byId.count
                for i in 0..<n {
                    let token = tokens.baseAddress! + i
                    let f = token.pointee.flags
                    let lex = token.pointee.lex
                    flags[i] = f
                    lexIds[i] = lex
                    top = max(top, lex)
                    var m: ListBits
                    let p: UInt64
                    if lex >= 0 && Int(lex) < entryCount {
                        let entry = byId.baseAddress! + Int(lex)
                        m = entry.pointee.masks
                        p = entry.pointee.pack
                        hashes[i] = entry.pointee.hash
                    } else {
                        let word = Self.hashAndPack(token.pointee.folded)
                        hashes[i] = word.hash
                        p = word.pack
                        m = []
                        if lookupAll || lex >= 0 || (word.space && multi & (1 << UInt64(min(word.length, 63))) != 0) {
                            m = wordMasks[token.pointee.folded] ?? []
                        }
                    }
                    masks[i] = m
                    packed[i] = p
                }
            }
        }
        // The lists (see `List`), from the columns just written, without a branch: each
        // token is written at the end of every list, which grows by one when the token
        // belongs to it.
        // (Tests as 0 or 1 combined with `&` and `|`: `&&` and `||` would branch.)
        @inline(__always) func one(_ b: Bool) -> Int { b ? 1 : 0 }
        for i in 0..<n {
            let f = flags[i].rawValue, m = masks[i].rawValue, p = packed[i]
            let k = Int32(truncatingIfNeeded: i)
            let isTitle = one(f & title != 0)
            starts[startCount] = k
            startCount &+= isTitle & one(f & capsLine == 0) & one(m & stop == 0)
            anchors[anchorCount] = k
            let word = one(m & headOrLegal != 0) | one(p == Word.sp) | one(p == Word.gmb) | one(p == Word.a) | one(p == Word.h)
            anchorCount &+= (isTitle & word) | one(f & upperAlpha == upperAlpha)
        }
        listCounts[List.nameStarts.rawValue] = startCount
        listCounts[List.anchors.rawValue] = anchorCount
        maxLexId = top
    }

    /// The FNV-1a hash of a word's bytes (`GazetteerIndex.plainHash`), its pack
    /// (`Word.pack`), its length in bytes and whether it has a space: one pass over its bytes.
    @inline(__always)
    static func hashAndPack(_ word: String) -> (hash: UInt64, pack: UInt64, length: Int, space: Bool) {
        if let result = word.utf8.withContiguousStorageIfAvailable({ bytes -> (UInt64, UInt64, Int, Bool) in
            var hash = GazetteerIndex.offsetBasis, pack: UInt64 = 0, spaces = 0
            let length = bytes.count
            for k in 0..<length {
                let b = bytes[k]
                GazetteerIndex.mix(&hash, b)
                // Bytes past the fifth wrap around: the pack is only kept for 5 bytes or less.
                pack |= UInt64(b) &<< UInt64(truncatingIfNeeded: 8 &* k)
                spaces &+= b == 0x20 ? 1 : 0
            }
            return (hash, length <= 5 ? pack | UInt64(length) << 56 : .max, length, spaces != 0)
        }) { return result }
        return (GazetteerIndex.plainHash(word), Word.pack(word), word.utf8.count, word.utf8.contains(0x20))
    }
}
