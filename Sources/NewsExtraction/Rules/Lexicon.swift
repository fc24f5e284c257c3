/// Interned words and shapes: every folded word that a rule or vocabulary names gets an
/// integer id, with a bit set of the vocabularies it belongs to, and every shape a rule
/// names gets one too. Tokens are looked up once; pattern tests then compare integers
/// instead of hashing strings.
public final class Lexicon: @unchecked Sendable {
    /// Up to 256 vocabularies, one bit each.
    public struct Bits: Sendable, Equatable {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        mutating func insert(_ i: Int) {
            switch i >> 6 {
            case 0: w0 |= 1 << UInt64(i & 63)
            case 1: w1 |= 1 << UInt64(i & 63)
            case 2: w2 |= 1 << UInt64(i & 63)
            default: w3 |= 1 << UInt64(i & 63)
            }
        }
        @inline(__always) func intersects(_ o: Bits) -> Bool {
            (w0 & o.w0) | (w1 & o.w1) | (w2 & o.w2) | (w3 & o.w3) != 0
        }
        var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 }
    }

    private(set) var wordIds: [String: Int32] = [:]
    private(set) var vocabBits: [Bits] = []
    private(set) var shapeIds: [String: Int32] = [:]
    /// Bit index of each vocabulary name.
    private(set) var vocabIndex: [String: Int] = [:]
    /// False when there are more than 256 vocabularies: tests then fall back to strings.
    public private(set) var usable = true

    init(vocabulary: Vocabulary) {
        let names = vocabulary.names
        if names.count > 256 { usable = false }
        // Room for every entry and the rules' own words (a few hundred), so that the table
        // is not rehashed as it grows.
        let entryCount = names.prefix(256).reduce(0) { $0 + vocabulary.entries($1).count }
        wordIds.reserveCapacity(entryCount + 1024)
        vocabBits.reserveCapacity(entryCount + 1024)
        for (i, name) in names.enumerated() where i < 256 {
            vocabIndex[name] = i
            for entry in vocabulary.entries(name) where !entry.utf8.contains(0x20) {
                let id = word(entry)
                vocabBits[Int(id)].insert(i)
            }
        }
    }

    /// The id of a folded word, adding it.
    @discardableResult
    func word(_ folded: String) -> Int32 {
        // One hash: the `default:` subscript finds the word's slot and fills it if empty.
        let next = Int32(vocabBits.count)
        let id = Self.read(&wordIds[folded, default: next])
        if id == next { vocabBits.append(Bits()) }
        return id
    }

    @inline(__always) private static func read(_ slot: inout Int32) -> Int32 { slot }

    /// The id of a shape, adding it.
    func shape(_ s: String) -> Int32 {
        if let id = shapeIds[s] { return id }
        let id = Int32(shapeIds.count)
        shapeIds[s] = id
        return id
    }

    /// The vocabulary bit of one list name (empty when the list has none).
    func bits(of name: String) -> Bits {
        var b = Bits()
        if let i = vocabIndex[name] { b.insert(i) }
        return b
    }

    /// The vocabulary bits of a list of names.
    func bits(_ names: [String]) -> Bits {
        var b = Bits()
        for n in names { if let i = vocabIndex[n] { b.insert(i) } }
        return b
    }

    /// Sets each token's word and shape ids.
    func intern(_ tokens: inout [Token]) {
        for i in tokens.indices {
            tokens[i].lex = wordIds[tokens[i].folded] ?? -1
            tokens[i].shapeId = shapeIds.isEmpty ? -1 : (shapeIds[tokens[i].shape] ?? -1)
        }
    }

    /// A raw copy of the vocabulary bits, made once all rules are compiled.
    private(set) var frozenBits: UnsafeMutablePointer<Bits>? = nil

    func freeze() {
        let p = UnsafeMutablePointer<Bits>.allocate(capacity: max(1, vocabBits.count))
        p.initialize(from: vocabBits, count: vocabBits.count)
        frozenBits = p
    }

    deinit { frozenBits?.deallocate() }
}
