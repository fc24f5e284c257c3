import CICU

/// Stage 2 of the pipeline: the matching form of a piece of text. Lower case (Unicode
/// case folding), NFKC, and typographic quotes, dashes and hyphens folded to ASCII. It is
/// applied per token, so the offsets reported for the original text never change.
public enum TextFolder {
    /// The folded form of a UTF-16 slice.
    public static func fold(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var ascii = true
        for u in units where u >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: units.count) { out in
                for (i, u) in units.enumerated() {
                    var b = UInt8(truncatingIfNeeded: u)
                    if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                    out[i] = b
                }
                return units.count
            }
        }
        var folded = [UInt16](repeating: 0, count: units.count * 3 + 8)
        var n = Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), &folded, Int32(folded.count)))
        if n > folded.count {
            folded = [UInt16](repeating: 0, count: n)
            n = Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), &folded, Int32(folded.count)))
        }
        if n < 0 { return String(decoding: units, as: UTF16.self).lowercased() }
        for i in 0..<n { folded[i] = foldPunctuation(folded[i]) }
        return folded.withUnsafeBufferPointer { utf8String(UnsafeBufferPointer(rebasing: $0[0..<n])) }
    }

    /// A string from well-formed UTF-16 (what ICU returns), transcoded in one pass; a lone
    /// surrogate becomes U+FFFD as in `String(decoding:as:)`.
    static func utf8String(_ units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { out in
            var o = 0
            var i = 0
            while i < units.count {
                var c = UInt32(units[i])
                i += 1
                if c & 0xFC00 == 0xD800, i < units.count, units[i] & 0xFC00 == 0xDC00 {
                    c = 0x10000 + ((c - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                    i += 1
                } else if c & 0xF800 == 0xD800 {
                    c = 0xFFFD
                }
                if c < 0x80 {
                    out[o] = UInt8(c); o += 1
                } else if c < 0x800 {
                    out[o] = UInt8(0xC0 | (c >> 6)); out[o + 1] = UInt8(0x80 | (c & 0x3F)); o += 2
                } else if c < 0x10000 {
                    out[o] = UInt8(0xE0 | (c >> 12)); out[o + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (c & 0x3F)); o += 3
                } else {
                    out[o] = UInt8(0xF0 | (c >> 18)); out[o + 1] = UInt8(0x80 | ((c >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (c & 0x3F)); o += 4
                }
            }
            return o
        }
    }

    public static func fold(_ string: String) -> String {
        // ASCII (nearly every vocabulary entry and rule word): lower-case the bytes.
        let utf8 = string.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var needsChange = false
            for b in utf8 where b >= 0x41 && b <= 0x5A { needsChange = true; break }
            if !needsChange { return string }
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                var i = 0
                for b in utf8 { out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b; i += 1 }
                return i
            }
        }
        let units = Array(string.utf16)
        return units.withUnsafeBufferPointer { fold($0) }
    }

    /// Typographic quotes, dashes and hyphens to their ASCII forms.
    @inline(__always)
    static func foldPunctuation(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return 0x27  // ' 
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return 0x22  // "
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return 0x2D  // -
        case 0x00A0, 0x2007, 0x202F: return 0x20
        default: return u
        }
    }

    /// Whether a UTF-16 unit is a dash or hyphen of any kind.
    @inline(__always)
    public static func isDash(_ u: UInt16) -> Bool { foldPunctuation(u) == 0x2D }
}
