/// A vocabulary list as a test on the tokens of one document: a bit test on the token's
/// lexicon id when the document was interned with a lexicon built from the same
/// vocabulary (every one-word entry of every list has an id and its list bits), else a
/// lookup of the folded form. Same answers as `Vocabulary.contains(name, token.folded)`
/// for any token (a token's folded form has no space, so multi-word entries never match
/// one token), without hashing a string per test.
struct WordList {
    let name: String
    private let bits: Lexicon.Bits
    private let table: UnsafeMutablePointer<Lexicon.Bits>?
    private let vocabulary: Vocabulary

    init(_ name: String, in document: SegmentedDocument) {
        self.name = name
        vocabulary = document.vocabulary
        if let lexicon = document.lexicon, lexicon.usable, let table = lexicon.frozenBits {
            bits = lexicon.bits(of: name)
            self.table = table
        } else {
            bits = Lexicon.Bits()
            table = nil
        }
    }

    /// Whether the token is an entry of the list.
    @inline(__always)
    func contains(_ token: Token) -> Bool {
        withUnsafePointer(to: token) { contains($0) }
    }

    /// The same for a token read in place.
    @inline(__always)
    func contains(_ token: UnsafePointer<Token>) -> Bool {
        if let table {
            let lex = token.pointee.lex
            return lex >= 0 && table[Int(lex)].intersects(bits)
        }
        return vocabulary.contains(name, token.pointee.folded)
    }
}
