/// What the segmenter learns about a folded word in one lookup: its interned id in the
/// rules' lexicon, and its value as a number word or an ordinal word.
struct WordAttributes {
    /// Id in the lexicon, or -1 when no rule or vocabulary names the word.
    var lex: Int32 = -1
    /// The value of a number word ("five" → 5).
    var number: Double? = nil
    /// The position an ordinal word names ("first" → 1).
    var ordinal: Int? = nil
}

/// A hash table from UTF-8 byte strings (folded words, or shapes) to `WordAttributes`
/// and the key as a `String`, built once per segmenter. It hashes the bytes with FNV-1a
/// and probes linearly: far cheaper per token than the seeded SipHash of a `[String: …]`
/// dictionary, and one probe answers what used to take up to four dictionary lookups
/// (lexicon id, shape id, number word, ordinal word). A found key's stored `String` is
/// reused by the token, so a known word or shape costs no new string. Keys the segmenter
/// meets that the rules do not name can be added (`View.insert`), up to a bound, for the
/// same reuse. Lookups go through a `View` of raw pointers, which costs no reference
/// counting in the per-token loop; a segmenter takes the view, uses it for a document
/// and gives it back (insertion may reallocate it).
final class WordLookupTable {
    /// One key: its hash, its bytes in `keyBytes`, what it names, and itself as a string.
    struct Entry {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int
        var attributes: WordAttributes
        var string: String
    }

    /// The table's storage (owned by the table; see the type's comment).
    var view: View

    /// A table of `attributes` by key; a key given twice keeps the first attributes.
    /// `limit` bounds the number of keys `View.insert` may reach.
    init(_ pairs: [(key: String, attributes: WordAttributes)], limit: Int = 0) {
        var capacity = 16
        while capacity < pairs.count * 4 { capacity <<= 1 }
        view = View(slotCapacity: capacity, entryCapacity: max(16, pairs.count), keyCapacity: 256, limit: max(limit, pairs.count))
        for (key, attributes) in pairs {
            let string = key
            var key = key
            key.withUTF8 { bytes in
                let h = Self.hash(bytes)
                if view.find(bytes, hash: h) == nil { view.add(bytes, hash: h, attributes: attributes, string: string) }
            }
        }
    }

    deinit { view.deallocate() }

    static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000
    static let fnvOffset: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3

    /// FNV-1a over the bytes (`finish` of the running hash).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return finish(h)
    }

    /// The last step of `hash`, for callers that run FNV-1a themselves.
    @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }

    /// The table's storage and lookup, through raw pointers (no reference counting).
    struct View {
        fileprivate var entries: UnsafeMutablePointer<Entry>
        fileprivate var entryCount = 0
        fileprivate var entryCapacity: Int
        fileprivate var keyBytes: UnsafeMutablePointer<UInt8>
        fileprivate var keyCount = 0
        fileprivate var keyCapacity: Int
        /// Open-addressing slots: 0 when empty, else the high 32 bits of the key's hash
        /// (a tag) and 1 + the index into `entries` in the low 32, so that a probe that
        /// meets another key is told apart without reading its entry.
        fileprivate var slots: UnsafeMutablePointer<UInt64>
        fileprivate var mask: Int
        fileprivate let limit: Int

        fileprivate init(slotCapacity: Int, entryCapacity: Int, keyCapacity: Int, limit: Int) {
            slots = .allocate(capacity: slotCapacity)
            slots.initialize(repeating: 0, count: slotCapacity)
            mask = slotCapacity - 1
            entries = .allocate(capacity: entryCapacity)
            self.entryCapacity = entryCapacity
            keyBytes = .allocate(capacity: keyCapacity)
            self.keyCapacity = keyCapacity
            self.limit = limit
        }

        fileprivate func deallocate() {
            entries.deinitialize(count: entryCount)
            entries.deallocate()
            keyBytes.deallocate()
            slots.deallocate()
        }

        /// The entry of a key whose `WordLookupTable.hash` is `h`, or nil when absent.
        @inline(__always)
        func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UnsafeMutablePointer<Entry>? {
            var slot = Int(truncatingIfNeeded: h) & mask
            let tag = h & WordLookupTable.tagMask
            while true {
                let s = slots[slot]
                if s == 0 { return nil }
                if s & WordLookupTable.tagMask == tag {
                    let e = entries + (Int(s & 0xFFFF_FFFF) - 1)
                    if e.pointee.hash == h && e.pointee.keyCount == bytes.count {
                        let key = keyBytes + e.pointee.keyStart
                        var same = true
                        for k in 0..<bytes.count where key[k] != bytes[k] { same = false; break }
                        if same { return e }
                    }
                }
                slot = (slot + 1) & mask
            }
        }

        /// The index of a found entry (for `entry(_:)`).
        @inline(__always)
        func index(of e: UnsafeMutablePointer<Entry>) -> Int { e - entries }

        /// The entry at an index given by `index(of:)`.
        @inline(__always)
        func entry(_ index: Int) -> UnsafeMutablePointer<Entry> { entries + index }

        /// The attributes of a key, or nil when absent.
        @inline(__always)
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> WordAttributes? {
            find(bytes, hash: WordLookupTable.hash(bytes))?.pointee.attributes
        }

        /// Adds an absent key with no attributes (lex -1), if the table is below its
        /// limit; returns whether it did.
        @discardableResult
        mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64, string: String) -> Bool {
            if entryCount >= limit { return false }
            add(bytes, hash: h, attributes: WordAttributes(), string: string)
            return true
        }

        fileprivate mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64, attributes: WordAttributes, string: String) {
            if (entryCount + 1) * 4 > mask + 1 { growSlots() }
            if entryCount == entryCapacity {
                let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
                bigger.moveInitialize(from: entries, count: entryCount)
                entries.deallocate()
                entries = bigger
                entryCapacity *= 2
            }
            if keyCount + bytes.count > keyCapacity {
                var c = keyCapacity * 2
                while keyCount + bytes.count > c { c *= 2 }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
                bigger.initialize(from: keyBytes, count: keyCount)
                keyBytes.deallocate()
                keyBytes = bigger
                keyCapacity = c
            }
            if bytes.count > 0 { (keyBytes + keyCount).initialize(from: bytes.baseAddress!, count: bytes.count) }
            (entries + entryCount).initialize(to: Entry(hash: h, keyStart: keyCount, keyCount: bytes.count, attributes: attributes, string: string))
            keyCount += bytes.count
            entryCount += 1
            place(h, entryCount)
        }

        private func place(_ h: UInt64, _ index: Int) {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (h & WordLookupTable.tagMask) | UInt64(index)
        }

        private mutating func growSlots() {
            let capacity = (mask + 1) * 2
            slots.deallocate()
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: 0, count: capacity)
            mask = capacity - 1
            for i in 0..<entryCount { place(entries[i].hash, i + 1) }
        }
    }

    /// The attributes of a string key, or nil when absent.
    func find(_ key: String) -> WordAttributes? {
        var key = key
        return key.withUTF8 { view.find($0) }
    }
}
