/// An open-addressing table of 64-bit phrase hashes (the FNV-1a states of `GazetteerIndex`)
/// with flags: the state is a byte prefix of a listed phrase, or a whole listed phrase. A
/// scan that extends a running hash token by token stops as soon as no listed phrase begins
/// with the tokens read so far, and tests a state without hashing its key again.
/// Each slot keeps 30 bits of the hash and the two flags in 32 bits (the gazetteers' table
/// then mostly stays in the processor's cache): a flag may be seen for a state that has
/// none (about one lookup in a billion), never missed. A caller that needs the exact answer
/// tests the whole hash afterwards (the gazetteer's dictionary, a list's hash set).
struct PhraseTable: Sendable {
    /// The state is a proper byte prefix of a listed phrase (more bytes may follow).
    static let prefix: UInt8 = 1
    /// The state is a whole listed phrase.
    static let complete: UInt8 = 2

    /// Per slot: the high 30 bits of the hash, then the flags; 0 marks an empty slot.
    private var slots: [UInt32]
    private var shift: UInt64
    /// No state at all.
    let isEmpty: Bool
    /// For a large table, one bit per state in a bit set 8 times smaller than the table
    /// (256 KB for the gazetteers), tested first: most absent states stop there, without a
    /// cache miss in the table. Empty for a small table.
    private var filter: [UInt64] = []
    private var filterShift: UInt64 = 64

    /// The table of the states collected by a `Builder`; `filtered`: with the bit set before
    /// the table even when it is small (a table looked up at random places, mostly missing).
    init(_ builder: Builder, filtered: Bool = false) {
        self.init(count: builder.states.count, filtered: filtered)
        for (key, flag) in builder.states { add(key, flag) }
    }

    /// An empty table sized for `count` additions (see `init(_:filtered:)`), filled by `add`.
    init(count: Int, filtered: Bool = false) {
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = [UInt32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        isEmpty = count == 0
        if count > 8192 || (filtered && count > 0) {
            var bits = 64
            while bits < size * 4 { bits <<= 1 }
            filter = [UInt64](repeating: 0, count: bits / 64)
            filterShift = UInt64(64 - bits.trailingZeroBitCount)
        }
    }

    /// Adds flags to a state of a table made by `init(count:filtered:)` (at most `count`
    /// additions).
    mutating func add(_ key: UInt64, _ flag: UInt8) {
        insert(key, flag)
        if !filter.isEmpty {
            let b = filterBit(key)
            filter[b >> 6] |= 1 << UInt64(b & 63)
        }
    }

    @inline(__always)
    private func filterBit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> filterShift)
    }

    /// Collects the states of a table.
    struct Builder {
        var states: [(UInt64, UInt8)] = []

        /// Adds flags to a state.
        mutating func add(_ key: UInt64, _ flag: UInt8) { states.append((key, flag)) }

        /// Adds a phrase as `GazetteerIndex.phraseHash` hashes it: every state before its
        /// last byte as a prefix, the last one as complete; returns the phrase's hash.
        @discardableResult
        mutating func addPhrase(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
            let (hash, words) = GazetteerIndex.folded(bytes) { addFoldedPhrase($0) }
            return words > 0 ? hash : nil
        }

        /// `addPhrase` of bytes already folded (see `GazetteerIndex.folded`); returns the
        /// phrase's hash and number of words (`GazetteerIndex.phraseHash`).
        mutating func addFoldedPhrase(_ folded: UnsafeBufferPointer<UInt8>) -> (UInt64, Int) {
            var last: UInt64? = nil
            let hashAndWords = GazetteerIndex.tokenEndStates(folded) { state in
                if let previous = last { states.append((previous, PhraseTable.prefix)) }
                last = state
            }
            if let last { states.append((last, PhraseTable.complete)) }
            return hashAndWords
        }

        /// Adds a folded phrase written with single spaces (a vocabulary entry).
        @discardableResult
        mutating func addPhrase(folded: String) -> UInt64? {
            var s = folded
            return s.withUTF8 { addPhrase($0) }
        }
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private static func fingerprint(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 34) << 2 }

    /// The flags of a state (0 when absent).
    @inline(__always)
    func lookup(_ key: UInt64) -> UInt8 {
        if !filter.isEmpty {
            let b = filterBit(key)
            if filter[b >> 6] & (1 << UInt64(b & 63)) == 0 { return 0 }
        }
        let mask = slots.count - 1
        let print = Self.fingerprint(key)
        var i = slot(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let s = slots[i]
                if s == 0 { return 0 }
                if s & ~3 == print { return UInt8(s & 3) }
                i = (i + 1) & mask
            }
        }
    }

    /// (The probe reads and writes the slots through one buffer: one uniqueness test per
    /// insertion, not one per slot read.)
    private mutating func insert(_ key: UInt64, _ flag: UInt8) {
        let print = Self.fingerprint(key)
        var i = slot(key)
        slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            while slots[i] != 0 {
                if slots[i] & ~3 == print { slots[i] |= UInt32(flag); return }
                i = (i + 1) & mask
            }
            slots[i] = print | UInt32(flag)
        }
    }
}
