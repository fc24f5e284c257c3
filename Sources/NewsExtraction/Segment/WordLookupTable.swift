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
/// number word, ordinal word).
final class WordLookupTable {
    private struct Entry {
        var hash: UInt64
        var keyStart: Int
        var keyCount: Int
        var attributes: WordAttributes
    }

    private var entries: [Entry] = []
    /// All keys' bytes, one after the other.
    private var keyBytes: [UInt8] = []
    /// Open-addressing slots: index into `entries`, or -1.
    private var slots: [Int32]
    private let mask: Int

    /// A table of `attributes` by key; a key given twice keeps the first attributes.
    init(_ pairs: [(key: String, attributes: WordAttributes)]) {
        var capacity = 16
        while capacity < pairs.count * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, attributes) in pairs {
            var key = key
            key.withUTF8 { bytes in
                let h = Self.hash(bytes)
                if find(bytes, hash: h) != nil { return }
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(entries.count)
                entries.append(Entry(hash: h, keyStart: keyBytes.count, keyCount: bytes.count, attributes: attributes))
                keyBytes.append(contentsOf: bytes)
            }
        }
    }

    /// FNV-1a over the bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h ^ (h >> 29)
    }

    /// The attributes of a key, or nil when absent.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> WordAttributes? {
        find(bytes, hash: Self.hash(bytes))
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> WordAttributes? {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                keyBytes.withUnsafeBufferPointer { keys in
                    var slot = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let index = Int(slots[slot])
                        if index < 0 { return nil }
                        let e = entries[index]
                        if e.hash == h && e.keyCount == bytes.count {
                            var same = true
                            for k in 0..<bytes.count where keys[e.keyStart + k] != bytes[k] { same = false; break }
                            if same { return e.attributes }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The attributes of a string key, or nil when absent.
    func find(_ key: String) -> WordAttributes? {
        var key = key
        return key.withUTF8 { find($0) }
    }
}
