/// An open-addressing table of 64-bit phrase hashes (the FNV-1a states of `GazetteerIndex`)
/// with flags: the state is a byte prefix of a listed phrase, or a whole listed phrase. A
/// scan that extends a running hash token by token stops as soon as no listed phrase begins
/// with the tokens read so far, and tests a state without hashing its key again.
struct PhraseTable: Sendable {
    /// The state is a proper byte prefix of a listed phrase (more bytes may follow).
    static let prefix: UInt8 = 1
    /// The state is a whole listed phrase.
    static let complete: UInt8 = 2

    private var keys: [UInt64]
    /// Flags per slot; 0 marks an empty slot.
    private var flags: [UInt8]
    private var shift: UInt64
    private var count = 0

    /// An empty table sized for about `capacity` states.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        flags = [UInt8](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The flags of a state (0 when absent).
    @inline(__always)
    func lookup(_ key: UInt64) -> UInt8 {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let f = flags[i]
            if f == 0 { return 0 }
            if keys[i] == key { return f }
            i = (i + 1) & mask
        }
    }

    /// Adds flags to a state.
    mutating func insert(_ key: UInt64, _ flag: UInt8) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while flags[i] != 0 {
            if keys[i] == key { flags[i] |= flag; return }
            i = (i + 1) & mask
        }
        keys[i] = key
        flags[i] = flag
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys, oldFlags = flags
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        flags = [UInt8](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for i in oldKeys.indices where oldFlags[i] != 0 { insert(oldKeys[i], oldFlags[i]) }
    }

    /// Adds a phrase as `GazetteerIndex.phraseHash` hashes it: every state before its last
    /// byte as a prefix, the last one as complete.
    mutating func addPhrase(_ bytes: UnsafeBufferPointer<UInt8>) {
        var states: [UInt64] = []
        GazetteerIndex.phraseStates(bytes) { states.append($0) }
        guard let last = states.last else { return }
        for s in states.dropLast() { insert(s, Self.prefix) }
        insert(last, Self.complete)
    }

    /// Adds a folded phrase written with single spaces (a vocabulary entry).
    mutating func addPhrase(folded: String) {
        var s = folded
        s.withUTF8 { addPhrase($0) }
    }
}
