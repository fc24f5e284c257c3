import Foundation

/// The phrase gazetteers of `Resources/en/gazetteers/*.tab` (organization names and acronyms,
/// and the negative lists of places and nationalities), loaded once per process and keyed
/// on a 64-bit hash of the folded phrase, so that a token sequence is looked up without
/// building strings. Files named `negative_*` fill the negative table.
public final class GazetteerIndex: Sendable {
    /// What a positive entry says about a phrase.
    public struct Entry: Sendable {
        /// The name is written in capitals only (an acronym such as "WHO"): the text must be too.
        public var allCaps: Bool
        /// For an acronym row: the long form it stands for.
        public var longForm: String?
        /// A sports team ("Baltimore Orioles"): its city or state is a place of its own.
        public var team: Bool = false
    }

    /// The number of organization names and acronyms.
    public var positiveCount: Int { positiveIndex.count }
    /// The number of places, countries and nationalities.
    public var negativeCount: Int { negativeIndex.count }
    /// The longest entry, in tokens (bounds the scan).
    public let maxTokens: Int
    /// The states of the positive entries (names and acronyms) where a token can end, for the
    /// scan (see `phraseStates`).
    let positivePrefixes: PhraseTable
    /// The keys of `positive` and of `negative` as phrase tables: most phrases looked up are
    /// in neither, and a miss there costs no dictionary lookup (no SipHash of the key).
    let positiveKeys: PhraseTable
    let negativeKeys: PhraseTable
    /// The organization names and acronyms, and the places, countries and nationalities, as
    /// exact tables (no SipHash of the key), filled as the files are read: a positive entry
    /// packed (see `packed`); 1 for a place written in capitals, else 0.
    private let positiveIndex: HashIndex
    /// The long forms of the acronyms, in the order the packed entries number them.
    private let longForms: [String]
    private let negativeIndex: HashIndex

    /// The positive entry of a phrase hash, if any.
    @inline(__always) func positiveEntry(_ hash: UInt64) -> Entry? {
        positiveKeys.lookup(hash) == 0 ? nil : listedEntry(hash)
    }

    /// The positive entry of a phrase hash, if any, without the filter first (for a hash
    /// that a phrase table marks as a whole phrase).
    @inline(__always) func listedEntry(_ hash: UInt64) -> Entry? {
        positiveIndex.value(hash).map { packed in
            let form = Int(packed >> 2)
            return Entry(allCaps: packed & Self.allCapsBit != 0, longForm: form == 0 ? nil : longForms[form - 1], team: packed & Self.teamBit != 0)
        }
    }

    /// A positive entry packed in its table's value: `allCapsBit`, `teamBit`, and above them
    /// the number of its long form in `longForms` plus one (0: none). No array of entries
    /// (most have no long form).
    private static let allCapsBit: Int32 = 1
    private static let teamBit: Int32 = 2
    private static func packed(allCaps: Bool, team: Bool = false, longForm: Int? = nil) -> Int32 {
        (allCaps ? allCapsBit : 0) | (team ? teamBit : 0) | Int32((longForm ?? -1) + 1) << 2
    }

    /// The negative entry of a phrase hash, if any (true: the place is written in capitals).
    @inline(__always) func negativeEntry(_ hash: UInt64) -> Bool? {
        negativeKeys.lookup(hash) == 0 ? nil : negativeIndex.value(hash).map { $0 != 0 }
    }

    /// The gazetteers of the built-in English resources, loaded on first use.
    public static let shared: GazetteerIndex = {
        let folder = RuleSet.builtInFolder(language: "en")?.appendingPathComponent("gazetteers").path ?? ""
        return GazetteerIndex(folder: folder)
    }()

    /// Loads every `.tab` file of a folder (a missing folder gives empty tables).
    public init(folder: String) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".tab") }.sorted()
        // Mapped rather than read: the kernel maps the cached file pages many at a time,
        // where a read fills a fresh buffer page by page (a fault each).
        let contents = files.compactMap { file in
            (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + file), options: .alwaysMapped)).map { (isNegative: file.hasPrefix("negative_"), data: $0) }
        }
        // Room for one entry per line (an acronym beside a name may grow a table once), and
        // for the scan's states: about three per positive line (the builder's array is the
        // largest temporary of the load).
        var lines = (positive: 0, negative: 0)
        for (isNegative, data) in contents {
            let count = Self.lineCount(data)
            if isNegative { lines.negative += count } else { lines.positive += count }
        }
        var positiveIndex = HashIndex(capacity: lines.positive)
        var longForms: [String] = []
        var negativeIndex = HashIndex(capacity: lines.negative)
        var prefixes = PhraseTable.Builder()
        prefixes.states.reserveCapacity(lines.positive * 7 / 2)
        var maxTokens = 1
        var nonASCIINegatives: [String] = []
        // The value tells whether the place is written in capitals ("USA", "UAE"): once
        // true, it stays.
        func addNegative(_ hash: UInt64, capitals: Bool) {
            if negativeIndex.insert(hash, capitals ? 1 : 0) == 0 && capitals { negativeIndex.update(hash, 1) }
        }
        for (isNegative, data) in contents {
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                var lineStart = 0
                var first = true
                let base = bytes.baseAddress!
                // memchr finds line and column ends (a byte loop was most of the load time).
                func find(_ byte: UInt8, from: Int, to: Int) -> Int {
                    guard from < to, let hit = memchr(base + from, Int32(byte), to - from) else { return to }
                    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                while lineStart < bytes.count {
                    let lineEnd = find(0x0A, from: lineStart, to: bytes.count)
                    defer { lineStart = lineEnd + 1 }
                    if lineEnd == lineStart || bytes[lineStart] == 0x23 { continue }  // blank, # comment
                    if first { first = false; continue }  // the header line
                    // Columns: name, kind, acronym (no allocation: three ranges); the name
                    // alone for a negative list.
                    var cols: (Range<Int>, Range<Int>, Range<Int>) = (lineEnd..<lineEnd, lineEnd..<lineEnd, lineEnd..<lineEnd)
                    var colCount = 0
                    var c = lineStart
                    while colCount < (isNegative ? 1 : 3) {
                        let k = find(0x09, from: c, to: lineEnd)
                        switch colCount {
                        case 0: cols.0 = c..<k
                        case 1: cols.1 = c..<k
                        default: cols.2 = c..<k
                        }
                        colCount += 1
                        if k == lineEnd { break }
                        c = k + 1
                    }
                    let nameRange = cols.0
                    guard !nameRange.isEmpty else { continue }
                    let name = UnsafeBufferPointer(rebasing: bytes[nameRange])
                    if isNegative {
                        // A name outside ASCII waits for the others: one fold for all (a fold
                        // per name cost more than the rest of the load). Never in capitals
                        // (`isAllCaps`): its entry only has to be there.
                        if !Self.isASCII(name) {
                            nonASCIINegatives.append(String(decoding: name, as: UTF8.self))
                            continue
                        }
                        let (hash, tokens) = Self.hashWords(name)
                        maxTokens = max(maxTokens, tokens)
                        addNegative(hash, capitals: Self.isAllCaps(name))
                        continue
                    }
                    // The hash and the scan's states in one pass over the (once) folded name.
                    let (hash, tokens) = Self.folded(name) { prefixes.addFoldedPhrase($0) }
                    maxTokens = max(maxTokens, tokens)
                    let caps = Self.isAllCaps(name)
                    let kind = bytes[cols.1]
                    let team = kind.count == 11 && kind.elementsEqual("sports_team".utf8)
                    // "SONY" and "Sony": the mixed-case spelling lifts the capitals test.
                    if let old = positiveIndex.insert(hash, Self.packed(allCaps: caps, team: team)), old & Self.allCapsBit != 0 && !caps {
                        positiveIndex.update(hash, old & ~Self.allCapsBit)
                    }
                    if colCount > 2, !cols.2.isEmpty {
                        let acronym = UnsafeBufferPointer(rebasing: bytes[cols.2])
                        let (ah, _) = Self.folded(acronym) { prefixes.addFoldedPhrase($0) }
                        // The first long form of an acronym replaces its entry; later ones are dropped.
                        let entry = Self.packed(allCaps: Self.isAllCaps(acronym), longForm: longForms.count)
                        if let old = positiveIndex.insert(ah, entry) {
                            guard old >> 2 == 0 else { continue }
                            positiveIndex.update(ah, entry)
                        }
                        longForms.append(String(decoding: name, as: UTF8.self))
                    }
                }
            }
        }
        positivePrefixes = PhraseTable(prefixes)
        prefixes = PhraseTable.Builder()  // freed before the tables below are made
        Self.foldAll(nonASCIINegatives) { name in
            let (hash, tokens) = Self.hashWords(name)
            maxTokens = max(maxTokens, tokens)
            addNegative(hash, capitals: false)
        }
        self.positiveIndex = positiveIndex
        self.longForms = longForms
        self.negativeIndex = negativeIndex
        positiveKeys = Self.keyTable(positiveIndex)
        negativeKeys = Self.keyTable(negativeIndex)
        self.maxTokens = min(maxTokens, 12)
    }

    /// The keys of an exact table as a filtered phrase table of whole phrases.
    private static func keyTable(_ index: HashIndex) -> PhraseTable {
        var table = PhraseTable(count: index.count, filtered: true)
        index.forEachKey { table.add($0, PhraseTable.complete) }
        return table
    }

    /// The number of line feeds in a file's bytes, plus one.
    private static func lineCount(_ data: Data) -> Int {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard var p = raw.baseAddress, raw.count > 0 else { return 1 }
            let end = p + raw.count
            var count = 1
            while let hit = memchr(p, 0x0A, end - p) {
                count += 1
                p = UnsafeRawPointer(hit) + 1
            }
            return count
        }
    }

    // MARK: Hashing (FNV-1a, 64 bits) of folded phrases

    static let offsetBasis: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    @inline(__always)
    static func mix(_ h: inout UInt64, _ b: UInt8) {
        h ^= UInt64(b)
        h = h &* prime
    }

    /// `body` of each of `names` folded as `phraseHash` folds them, in order, folded in one
    /// call: the names joined by line feeds (which folding keeps and no name has), the
    /// result split at them. Each name on its own if the pieces do not match the names.
    static func foldAll(_ names: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !names.isEmpty else { return }
        var all = TextFolder.fold(names.joined(separator: "\n"))
        let done: Bool = all.withUTF8 { bytes in
            var pieces: [UnsafeBufferPointer<UInt8>] = []
            pieces.reserveCapacity(names.count)
            var start = 0
            for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x0A {
                pieces.append(UnsafeBufferPointer(rebasing: bytes[start..<k]))
                start = k + 1
            }
            guard pieces.count == names.count else { return false }
            assert(zip(pieces, names).allSatisfy { Array($0.0) == Array(TextFolder.fold($0.1).utf8) }, "a batch fold differs from the names' folds")
            for piece in pieces { body(piece) }
            return true
        }
        if done { return }
        for name in names {
            var name = name
            name.withUTF8 { bytes in folded(bytes) { body($0) } }
        }
    }

    /// `body` of a phrase's bytes folded as `phraseHash` folds them (the bytes themselves
    /// when ASCII: `hashWords` and `tokenEndStates` lower the ASCII capitals).
    @inline(__always)
    static func folded<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isASCII(bytes) { return body(bytes) }
        let folded = TextFolder.fold(String(decoding: bytes, as: UTF8.self))
        return Array(folded.utf8).withUnsafeBufferPointer { body($0) }
    }

    /// Whether bytes are all ASCII (read eight at a time).
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var any: UInt64 = 0
        var k = 0
        while k + 8 <= n {
            any |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            k += 8
        }
        while k < n {
            any |= UInt64(base[k])
            k += 1
        }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// The hash of a phrase as written in a file: folded (lower case, NFKC, ASCII quotes and
    /// dashes) with runs of white space made one space; and its number of words.
    static func phraseHash(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, Int) {
        folded(bytes) { hashWords($0) }
    }

    /// The hash of bytes already folded except for ASCII capitals, with white space collapsed,
    /// and its number of words (`tokenEndStates` visiting nothing).
    static func hashWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, Int) {
        tokenEndStates(bytes, visiting: false) { _ in }
    }

    /// The states of `phraseHash` where a token of a document can end inside a phrase
    /// (folded as `phraseHash` folds it): after the last byte of each word, and after any
    /// byte of a word that is not an ASCII letter or digit followed by one (ICU never breaks
    /// between two letters or digits: "at&t" ends tokens after "at" and "&", never inside
    /// "at"). A scan looks states up after whole tokens only, so the others need no entry:
    /// some 30,000 states for the gazetteers instead of 190,000 (start-up builds them).
    /// A scan must not trust a missing state after a token glued to a next one at such a
    /// junction (see `GazetteerMatcher.scan`).
    static func phraseStates(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (UInt64) -> Void) {
        folded(bytes) { tokenEndStates($0, visit: visit) }
    }

    /// Whether a folded byte is an ASCII letter or digit.
    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// `hashWords` of folded bytes (the phrase's hash and number of words), visiting only
    /// the states where a token can end (see `phraseStates`): the last state visited is the
    /// hash, unless the phrase has no word (then none is). `visiting` false: only the hash
    /// and the words (a visit at the end of the phrase at most).
    @discardableResult @inline(__always)
    static func tokenEndStates(_ bytes: UnsafeBufferPointer<UInt8>, visiting: Bool = true, visit: (UInt64) -> Void) -> (UInt64, Int) {
        var h = offsetBasis
        var words = 0
        var k = 0
        let n = bytes.count
        while k < n {
            // White space before a word: one space in the hash, when a word came before.
            while k < n && isSpace(bytes[k]) { k += 1 }
            if k == n { break }
            if words > 0 { mix(&h, 0x20) }
            words += 1
            // The word: no state between two ASCII letters or digits. Each byte is read
            // once: the next one's tests are carried over.
            var b = bytes[k]
            var alphanumeric = isAlphanumeric(b)
            while true {
                mix(&h, b &- 0x41 < 26 ? b | 0x20 : b)
                k += 1
                if k == n { visit(h); break }
                let next = bytes[k]
                // `visiting` false (a constant where this is inlined): no state tests.
                let nextAlphanumeric = visiting && isAlphanumeric(next)
                if visiting && !(alphanumeric && nextAlphanumeric) { visit(h) }
                if isSpace(next) { break }
                b = next
                alphanumeric = nextAlphanumeric
            }
        }
        return (h, words)
    }

    /// White space between the words of a listed phrase (space, tab, carriage return).
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// Whether a name has at least two letters and no lower-case letter ("WHO", "U.N.").
    static func isAllCaps(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var letters = 0
        for b in bytes {
            if b >= 0x61 && b <= 0x7A { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
            if b >= 0x80 { return false }
        }
        return letters >= 2
    }

    /// Extends a running token-sequence hash by one token: a space first when the token is
    /// preceded by white space (and is not the first), then its folded form.
    @inline(__always)
    public static func extend(_ h: inout UInt64, with token: Token, first: Bool) {
        if !first && token.flags.contains(.spaceBefore) { mix(&h, 0x20) }
        for b in token.folded.utf8 { mix(&h, b) }
    }

    /// FNV-1a of a string's bytes as they are (no folding, no white-space collapsing).
    @inline(__always)
    static func plainHash(_ s: String) -> UInt64 {
        if let h = s.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64 in
            var h = offsetBasis
            for b in bytes { mix(&h, b) }
            return h
        }) { return h }
        var h = offsetBasis
        for b in s.utf8 { mix(&h, b) }
        return h
    }

    /// The hash of a token range (as `extend` builds it).
    public static func hash(_ tokens: ArraySlice<Token>) -> UInt64 {
        var h = offsetBasis
        var first = true
        for t in tokens { extend(&h, with: t, first: first); first = false }
        return h
    }

    /// The hash of a folded phrase written with single spaces ("associated press").
    public static func hash(folded: String) -> UInt64 {
        var s = folded
        return s.withUTF8 { phraseHash($0).0 }
    }

    /// Whether a token range names a place or nationality (when `capitalsOnly`, only names
    /// written in capitals count: "USA", not "Aba" for the acronym "ABA").
    public func isNegative(_ tokens: ArraySlice<Token>, capitalsOnly: Bool = false) -> Bool {
        guard let caps = negativeEntry(Self.hash(tokens)) else { return false }
        return caps || !capitalsOnly
    }
}
