/// An exact open-addressing table from 64-bit phrase hashes (`GazetteerIndex` states) to
/// small non-negative integers (an entry's index or a flag): what a `Dictionary` keyed by
/// the hash answers, without hashing the hash again (SipHash) and with the keys in one
/// flat array. It is filled in place (the gazetteers are loaded straight into it) and
/// doubles when three quarters full (it is looked up mostly for keys it has, behind a
/// `PhraseTable` filter: a fuller table costs few probes and touches fewer pages).
struct HashIndex: Sendable {
    /// A key and its value (-1 for an empty slot): one cache line read per probe.
    private struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }
    private var slots: [Slot]
    private var shift: UInt64
    /// The number of keys.
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The table of `pairs` (a key given twice keeps its first value).
    init<Pairs: Collection>(_ pairs: Pairs) where Pairs.Element == (key: UInt64, value: Int32) {
        self.init(capacity: pairs.count)
        for (key, value) in pairs { insert(key, value) }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot of a key, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = slots.count - 1
        var i = slot(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let s = slots[i]
                if s.value < 0 || s.key == key { return i }
                i = (i + 1) & mask
            }
        }
    }

    /// The value of a key, or nil.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        let s = slots[find(key)]
        return s.value < 0 ? nil : s.value
    }

    /// The value of a key already there (the table unchanged), or nil after inserting the
    /// key with `value` (non-negative).
    @discardableResult
    mutating func insert(_ key: UInt64, _ value: Int32) -> Int32? {
        precondition(value >= 0, "HashIndex values are non-negative")
        var i = find(key)
        if slots[i].value >= 0 { return slots[i].value }
        if (count + 1) * 4 > slots.count * 3 {
            grow()
            i = find(key)
        }
        slots[i] = Slot(key: key, value: value)
        count += 1
        return nil
    }

    /// Sets the value of a key already in the table.
    mutating func update(_ key: UInt64, _ value: Int32) {
        precondition(value >= 0, "HashIndex values are non-negative")
        let i = find(key)
        precondition(slots[i].value >= 0, "HashIndex.update of a missing key")
        slots[i].value = value
    }

    /// `body` of every key, in slot order.
    func forEachKey(_ body: (UInt64) -> Void) {
        for s in slots where s.value >= 0 { body(s.key) }
    }

    /// The same keys and values in a table twice as large.
    private mutating func grow() {
        let old = slots
        let size = old.count * 2
        slots = [Slot](repeating: Slot(), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for s in old where s.value >= 0 { slots[find(s.key)] = s }
    }
}
