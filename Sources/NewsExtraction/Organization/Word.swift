/// Short words and punctuation the ORG matchers test, packed as `pack` packs a token's folded
/// form: testing a token is one integer compare instead of a string compare.
enum Word {
    /// Up to 7 UTF-8 bytes in the low bytes and the length in the top byte; `UInt64.max` for
    /// a longer string (equal packs are equal byte strings; folded forms are NFC, so equal
    /// bytes are equal strings).
    @inline(__always)
    static func pack(_ s: String) -> UInt64 {
        if s.utf8.count > 7 { return .max }
        var key: UInt64 = 0
        var n: UInt64 = 0
        for b in s.utf8 {
            if n == 7 { return .max }
            key |= UInt64(b) << (8 &* n)
            n += 1
        }
        return key | (n << 56)
    }

    static let period = pack(".")
    static let comma = pack(",")
    static let hyphen = pack("-")
    static let slash = pack("/")
    static let ampersand = pack("&")
    static let possessive = pack("'s")
    static let apostrophe = pack("'")
    static let openParen = pack("(")
    static let closeParen = pack(")")
    static let quote = pack("\"")
    static let colon = pack(":")
    static let semicolon = pack(";")
    static let exclamation = pack("!")
    static let a = pack("a")
    static let an = pack("an")
    static let and = pack("and")
    static let the = pack("the")
    static let of = pack("of")
    static let forWord = pack("for")
    static let on = pack("on")
    static let inWord = pack("in")
    static let at = pack("at")
    static let with = pack("with")
    static let its = pack("its")
    static let their = pack("their")
    static let based = pack("based")
    static let fund = pack("fund")
    static let s = pack("s")
    static let h = pack("h")
    static let sp = pack("s.p")
    static let gmb = pack("g.m.b")
    static let mr = pack("mr")
    static let mrs = pack("mrs")
    static let ms = pack("ms")
    static let dr = pack("dr")
    static let sir = pack("sir")
}
