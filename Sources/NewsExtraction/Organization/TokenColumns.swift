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

    /// Fills the columns of `tokens` (at most `capacity`) from the word tables of a rule set,
    /// and the lists with them, in one pass. Without a branch on the token's case (not
    /// predictable); a token with a lexicon id reads its record (its list bits, pack, hash
    /// and what the lists test of them), another one hashes and packs its bytes.
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
        let title = TokenFlags.title.rawValue, capsLine = TokenFlags.capsLine.rawValue
        let upperAlpha = TokenFlags.upper.rawValue | TokenFlags.alpha.rawValue
        var startCount = 0, anchorCount = 0
        var top: Int32 = -1
        // (Tests as 0 or 1 combined with `&` and `|`: `&&` and `||` would branch.)
        @inline(__always) func one(_ b: Bool) -> Int { b ? 1 : 0 }
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
                    let m: ListBits
                    let p: UInt64
                    let listTests: OrganizationTables.ListTests
                    if lex >= 0 && Int(lex) < entryCount {
                        let entry = byId.baseAddress! + Int(lex)
                        m = entry.pointee.masks
                        p = entry.pointee.pack
                        hashes[i] = entry.pointee.hash
                        listTests = entry.pointee.listTests
                    } else {
                        let word = Self.hashAndPack(token.pointee.folded)
                        hashes[i] = word.hash
                        p = word.pack
                        if lookupAll || lex >= 0
                            || (multi & (1 << UInt64(min(word.length, 63))) != 0 && token.pointee.folded.utf8.contains(0x20)) {
                            m = wordMasks[token.pointee.folded] ?? []
                        } else {
                            m = []
                        }
                        listTests = OrganizationTables.ListTests(masks: m, pack: p)
                    }
                    masks[i] = m
                    packed[i] = p
                    // The lists (see `List`), without a branch: each token is written at the
                    // end of every list, which grows by one when the token belongs to it.
                    let fr = f.rawValue, tests = listTests.rawValue
                    let k = Int32(truncatingIfNeeded: i)
                    let isTitle = one(fr & title != 0)
                    starts[startCount] = k
                    startCount &+= isTitle & one(fr & capsLine == 0) & Int(tests & OrganizationTables.ListTests.notStop.rawValue)
                    anchors[anchorCount] = k
                    anchorCount &+= (isTitle & Int((tests & OrganizationTables.ListTests.anchorWord.rawValue) >> 1))
                        | one(fr & upperAlpha == upperAlpha)
                }
            }
        }
        listCounts[List.nameStarts.rawValue] = startCount
        listCounts[List.anchors.rawValue] = anchorCount
        maxLexId = top
    }

    /// The FNV-1a hash of a word's bytes (`GazetteerIndex.plainHash`), its pack
    /// (`Word.pack`) and its length in bytes: one pass over its bytes (the pack only for a
    /// word of 5 bytes or less).
    @inline(__always)
    static func hashAndPack(_ word: String) -> (hash: UInt64, pack: UInt64, length: Int) {
        if let result = word.utf8.withContiguousStorageIfAvailable({ bytes -> (UInt64, UInt64, Int) in
            var hash = GazetteerIndex.offsetBasis
            let length = bytes.count
            if length > 5 {
                for b in bytes { GazetteerIndex.mix(&hash, b) }
                return (hash, .max, length)
            }
            var pack: UInt64 = 0
            for k in 0..<length {
                let b = bytes[k]
                GazetteerIndex.mix(&hash, b)
                pack |= UInt64(b) &<< UInt64(truncatingIfNeeded: 8 &* k)
            }
            return (hash, pack | UInt64(length) << 56, length)
        }) { return result }
        return (GazetteerIndex.plainHash(word), Word.pack(word), word.utf8.count)
    }
}
