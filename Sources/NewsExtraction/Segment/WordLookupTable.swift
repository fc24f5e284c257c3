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

/// A hash table from UTF-8 byte strings (folded words, or shapes) to `WordAttributes`,
/// built once per segmenter. It hashes the bytes with FNV-1a and probes linearly: far
/// cheaper per token than the seeded SipHash of a `[String: …]` dictionary, and one
/// probe answers what used to take up to four dictionary lookups (lexicon id, shape id,
/// number word, ordinal word). Lookups go through a `View` of raw pointers, which costs
/// no reference counting in the per-token loop.
final class WordLookupTable {
    fileprivate struct Entry {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int
        var attributes: WordAttributes
    }

    private let entries: UnsafeMutablePointer<Entry>
    /// All keys' bytes, one after the other.
    private let keyBytes: UnsafeMutablePointer<UInt8>
    /// Open-addressing slots: 0 when empty, else the high 32 bits of the key's hash (a tag)
    /// and 1 + the index into `entries` in the low 32, so that a probe that meets another
    /// key is told apart without reading its entry.
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int

    /// A table of `attributes` by key; a key given twice keeps the first attributes.
    init(_ pairs: [(key: String, attributes: WordAttributes)]) {
        var capacity = 16
        while capacity < pairs.count * 4 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var entries: [Entry] = []
        var keyBytes: [UInt8] = []
        let mask = capacity - 1
        for (key, attributes) in pairs {
            var key = key
            key.withUTF8 { bytes in
                let h = Self.hash(bytes)
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] != 0 {
                    let e = entries[Int(slots[slot] & 0xFFFF_FFFF) - 1]
                    if e.hash == h && keyBytes[e.keyStart..<(e.keyStart + e.keyCount)].elementsEqual(bytes) { return }
                    slot = (slot + 1) & mask
                }
                slots[slot] = (h & Self.tagMask) | UInt64(entries.count + 1)
                entries.append(Entry(hash: h, keyStart: keyBytes.count, keyCount: bytes.count, attributes: attributes))
                keyBytes.append(contentsOf: bytes)
            }
        }
        self.mask = mask
        self.slots = Self.copy(slots)
        self.entries = Self.copy(entries)
        self.keyBytes = Self.copy(keyBytes)
    }

    private static func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
        p.initialize(from: a, count: a.count)
        return p
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
        keyBytes.deallocate()
    }

    static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h ^ (h >> 29)
    }

    /// Raw pointers into the table, valid while the table lives.
    var view: View { View(entries: entries, keyBytes: keyBytes, slots: slots, mask: mask) }

    /// The table's lookup, through raw pointers (no reference counting).
    struct View {
        fileprivate let entries: UnsafeMutablePointer<Entry>
        fileprivate let keyBytes: UnsafeMutablePointer<UInt8>
        fileprivate let slots: UnsafeMutablePointer<UInt64>
        fileprivate let mask: Int

        /// The attributes of a key, or nil when absent.
        @inline(__always)
        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> WordAttributes? {
            let h = WordLookupTable.hash(bytes)
            var slot = Int(truncatingIfNeeded: h) & mask
            let tag = h & 0xFFFF_FFFF_0000_0000
            while true {
                let s = slots[slot]
                if s == 0 { return nil }
                let e = entries + (Int(s & 0xFFFF_FFFF) - 1)
                if s & 0xFFFF_FFFF_0000_0000 == tag && e.pointee.hash == h && e.pointee.keyCount == bytes.count {
                    let key = keyBytes + e.pointee.keyStart
                    var same = true
                    for k in 0..<bytes.count where key[k] != bytes[k] { same = false; break }
                    if same { return e.pointee.attributes }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The attributes of a string key, or nil when absent.
    func find(_ key: String) -> WordAttributes? {
        var key = key
        return key.withUTF8 { view.find($0) }
    }
}
