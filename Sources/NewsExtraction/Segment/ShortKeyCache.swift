/// A small direct-mapped cache in front of a `WordLookupTable` for keys of at most 16
/// bytes (nearly every word and shape): the key is held inline as two words, so a hit is
/// decided exactly by comparing them, in one small record that stays in the CPU cache for
/// the frequent words, where the table's slot, entry and key bytes are three scattered
/// reads. A record gives the entry's lexicon id (-1 when the table lacks the key), where
/// to find a number or ordinal value, and the key as a `String`. Owned by one segmenter, used through a `View` of raw pointers.
final class ShortKeyCache {
    /// One cached key.
    struct Record {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        /// Key length in bytes, or -1 for an empty record.
        var count: Int32 = -1
        /// The entry's lexicon id (`WordAttributes.lex`), -1 when absent from the table.
        var lex: Int32 = -1
        /// Index of the key's entry in the table when it has a number or ordinal value,
        /// else -1 (the entry need not be read).
        var valueEntry: Int = -1
        var string: String = ""
    }

    private let size: Int
    /// The records, through raw pointers (no reference counting).
    let view: View

    /// A cache of `1 << bits` records.
    init(bits: Int) {
        size = 1 << bits
        let records = UnsafeMutablePointer<Record>.allocate(capacity: size)
        records.initialize(repeating: Record(), count: size)
        view = View(records: records, shift: UInt64(64 - bits))
    }

    deinit {
        view.records.deinitialize(count: size)
        view.records.deallocate()
    }

    /// The cache's records.
    struct View {
        fileprivate let records: UnsafeMutablePointer<Record>
        fileprivate let shift: UInt64

        /// The record a key maps to (its contents may be another key's). `k0` and `k1`
        /// hold the key's bytes in little-endian order, zero past `count`.
        @inline(__always)
        func record(_ k0: UInt64, _ k1: UInt64, _ count: Int) -> UnsafeMutablePointer<Record> {
            let h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)
            return records + Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }
    }
}
