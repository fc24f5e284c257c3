/// Short words and punctuation the ORG matchers test, packed as `pack` packs a token's folded
/// form: testing a token is one integer compare instead of a string compare. The constants
/// are literals (no lazy initialization on each use); `check` verifies them against `pack`.
enum Word {
    /// Up to 5 UTF-8 bytes (the longest constant) in the low bytes and the length in the top
    /// byte; `UInt64.max` for a longer string (equal packs are equal byte strings; folded
    /// forms are NFC, so equal bytes are equal strings).
    @inline(__always)
    static func pack(_ s: String) -> UInt64 {
        if s.utf8.count > 5 { return .max }
        var key: UInt64 = 0
        var n: UInt64 = 0
        for b in s.utf8 {
            key |= UInt64(b) << (8 &* n)
            n += 1
        }
        return key | (n << 56)
    }

    static let period: UInt64 = 0x010000000000002E  // "."
    static let comma: UInt64 = 0x010000000000002C  // ","
    static let hyphen: UInt64 = 0x010000000000002D  // "-"
    static let slash: UInt64 = 0x010000000000002F  // "/"
    static let ampersand: UInt64 = 0x0100000000000026  // "&"
    static let possessive: UInt64 = 0x0200000000007327  // "'s"
    static let apostrophe: UInt64 = 0x0100000000000027  // "'"
    static let openParen: UInt64 = 0x0100000000000028  // "("
    static let closeParen: UInt64 = 0x0100000000000029  // ")"
    static let quote: UInt64 = 0x0100000000000022  // "\""
    static let colon: UInt64 = 0x010000000000003A  // ":"
    static let semicolon: UInt64 = 0x010000000000003B  // ";"
    static let exclamation: UInt64 = 0x0100000000000021  // "!"
    static let a: UInt64 = 0x0100000000000061  // "a"
    static let an: UInt64 = 0x0200000000006E61  // "an"
    static let and: UInt64 = 0x0300000000646E61  // "and"
    static let the: UInt64 = 0x0300000000656874  // "the"
    static let of: UInt64 = 0x020000000000666F  // "of"
    static let forWord: UInt64 = 0x0300000000726F66  // "for"
    static let on: UInt64 = 0x0200000000006E6F  // "on"
    static let inWord: UInt64 = 0x0200000000006E69  // "in"
    static let at: UInt64 = 0x0200000000007461  // "at"
    static let with: UInt64 = 0x0400000068746977  // "with"
    static let its: UInt64 = 0x0300000000737469  // "its"
    static let their: UInt64 = 0x0500007269656874  // "their"
    static let based: UInt64 = 0x0500006465736162  // "based"
    static let fund: UInt64 = 0x04000000646E7566  // "fund"
    static let s: UInt64 = 0x0100000000000073  // "s"
    static let h: UInt64 = 0x0100000000000068  // "h"
    static let sp: UInt64 = 0x0300000000702E73  // "s.p"
    static let gmb: UInt64 = 0x050000622E6D2E67  // "g.m.b"
    static let mr: UInt64 = 0x020000000000726D  // "mr"
    static let mrs: UInt64 = 0x030000000073726D  // "mrs"
    static let ms: UInt64 = 0x020000000000736D  // "ms"
    static let dr: UInt64 = 0x0200000000007264  // "dr"
    static let sir: UInt64 = 0x0300000000726973  // "sir"

    /// The constants with their words, for `check`.
    static let all: [(UInt64, String)] = [
        (period, "."), (comma, ","), (hyphen, "-"), (slash, "/"), (ampersand, "&"), (possessive, "'s"),
        (apostrophe, "'"), (openParen, "("), (closeParen, ")"), (quote, "\""), (colon, ":"), (semicolon, ";"),
        (exclamation, "!"), (a, "a"), (an, "an"), (and, "and"), (the, "the"), (of, "of"), (forWord, "for"),
        (on, "on"), (inWord, "in"), (at, "at"), (with, "with"), (its, "its"), (their, "their"), (based, "based"),
        (fund, "fund"), (s, "s"), (h, "h"), (sp, "s.p"), (gmb, "g.m.b"), (mr, "mr"), (mrs, "mrs"), (ms, "ms"),
        (dr, "dr"), (sir, "sir"),
    ]

    /// Whether every constant is the pack of its word.
    static func check() -> Bool { all.allSatisfy { $0.0 == pack($0.1) } }
}
