/// An exact open-addressing table from 64-bit phrase hashes (`GazetteerIndex` states) to
/// small non-negative integers (an entry's index or a flag): what a `Dictionary` keyed by
/// the hash answers, without hashing the hash again (SipHash) and with the keys in one
/// flat array.
struct HashIndex: Sendable {
    /// A key and its value (-1 for an empty slot): one cache line read per probe.
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }
    private var slots: [Slot]
    private var shift: UInt64

    /// The table of `pairs` (a key given twice keeps its first value).
    init<Pairs: Collection>(_ pairs: Pairs) where Pairs.Element == (key: UInt64, value: Int32) {
        var size = 16
        while size < pairs.count * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        let mask = size - 1
        for (key, value) in pairs {
            precondition(value >= 0, "HashIndex values are non-negative")
            var i = slot(key)
            while slots[i].value >= 0 && slots[i].key != key { i = (i + 1) & mask }
            if slots[i].value < 0 { slots[i] = Slot(key: key, value: value) }
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of a key, or nil.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        let mask = slots.count - 1
        var i = slot(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let s = slots[i]
                if s.value < 0 { return nil }
                if s.key == key { return s.value }
                i = (i + 1) & mask
            }
        }
    }
}
