import Glibc

/// A small direct-mapped cache in front of a `WordLookupTable` for keys of at most 16
/// bytes (nearly every word and shape): the key is held inline as two words, so a hit is
/// decided exactly by comparing them, in one small record that stays in the CPU cache for
/// the frequent words, where the table's slot, entry and key bytes are three scattered
/// reads. A record gives the entry's lexicon id (-1 when the table lacks the key), where
/// to find a number or ordinal value, and the key as a `String`. Owned by one segmenter, used through a `View` of raw pointers.
final class ShortKeyCache {
    /// One cached key. A record whose bits are all zero is empty (`count` 0: no key is empty).
    struct Record {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        /// Key length in bytes; 0 for an empty record.
        var count: Int32 = 0
        /// The entry's lexicon id (`WordAttributes.lex`), -1 when absent from the table.
        var lex: Int32 = -1
        /// Index of the key's entry in the table when it has a number or ordinal value,
        /// else -1 (the entry need not be read).
        var valueEntry: Int = -1
        var string: String = ""

        /// Byte offsets of the fields read before a record is known to be filled (checked
        /// against `MemoryLayout` by the tests).
        static let k0Offset = 0, k1Offset = 8, countOffset = 16
    }

    private let size: Int
    private let byteCount: Int
    /// The records, through raw pointers (no reference counting).
    let view: View

    /// A cache of `1 << bits` records. They live in anonymous memory that the system maps
    /// zero-filled: an empty record needs no writing, so a page is touched only when a key
    /// first lands on it (a short document touches a few of the word cache's 192 pages,
    /// not all of them at start-up).
    init(bits: Int) {
        size = 1 << bits
        byteCount = size * MemoryLayout<Record>.stride
        let memory: UnsafeMutableRawPointer
        if let m = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), m != MAP_FAILED {
            memory = m
            mapped = true
        } else {
            memory = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
            memset(memory, 0, byteCount)
            mapped = false
        }
        view = View(records: memory.bindMemory(to: Record.self, capacity: size), shift: UInt64(64 - bits))
    }

    private let mapped: Bool

    deinit {
        for i in 0..<size where view.isFilled(view.records + i) { (view.records + i).deinitialize(count: 1) }
        if mapped { munmap(UnsafeMutableRawPointer(view.records), byteCount) } else { UnsafeMutableRawPointer(view.records).deallocate() }
    }

    /// The cache's records.
    struct View {
        fileprivate let records: UnsafeMutablePointer<Record>
        fileprivate let shift: UInt64

        /// The record a key maps to (its contents may be another key's, or none). `k0` and
        /// `k1` hold the key's bytes in little-endian order, zero past `count`.
        @inline(__always)
        func record(_ k0: UInt64, _ k1: UInt64, _ count: Int) -> UnsafeMutablePointer<Record> {
            let h = (k0 &* 0x9E37_79B9_7F4A_7C15) ^ (k1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)
            return records + Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// Whether `r` holds this key (then its other fields may be read). The key fields
        /// are read as plain bytes: an empty record was never initialized as a `Record`.
        @inline(__always)
        func holds(_ r: UnsafeMutablePointer<Record>, _ k0: UInt64, _ k1: UInt64, _ count: Int) -> Bool {
            let raw = UnsafeRawPointer(r)
            return raw.load(fromByteOffset: Record.countOffset, as: Int32.self) == Int32(truncatingIfNeeded: count)
                && raw.load(fromByteOffset: Record.k0Offset, as: UInt64.self) == k0
                && raw.load(fromByteOffset: Record.k1Offset, as: UInt64.self) == k1
        }

        @inline(__always)
        fileprivate func isFilled(_ r: UnsafeMutablePointer<Record>) -> Bool {
            UnsafeRawPointer(r).load(fromByteOffset: Record.countOffset, as: Int32.self) != 0
        }

        /// Puts `record` (a key of one byte or more) in `r`, in place of what it held.
        @inline(__always)
        func store(_ record: Record, at r: UnsafeMutablePointer<Record>) {
            if isFilled(r) { r.pointee = record } else { r.initialize(to: record) }
        }
    }
}
