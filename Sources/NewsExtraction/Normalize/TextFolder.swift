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
        // The folded units go to a scratch buffer (on the stack for a word) sized for the
        // usual growth; a longer result is asked for again with its exact size.
        let room = units.count * 3 + 8
        let folded: String? = withUnsafeTemporaryAllocation(of: UInt16.self, capacity: room) { out in
            let n = Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), out.baseAddress, Int32(room)))
            if n < 0 || n > room { return n < 0 ? String(decoding: units, as: UTF16.self).lowercased() : nil }
            for i in 0..<n { out[i] = foldPunctuation(out[i]) }
            return utf8String(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
        if let folded { return folded }
        var longer = [UInt16](repeating: 0, count: max(0, Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), nil, 0))))
        let n = Int(cicu_nfkc_casefold(units.baseAddress, Int32(units.count), &longer, Int32(longer.count)))
        if n < 0 || n > longer.count { return String(decoding: units, as: UTF16.self).lowercased() }
        for i in 0..<n { longer[i] = foldPunctuation(longer[i]) }
        return longer.withUnsafeBufferPointer { utf8String(UnsafeBufferPointer(rebasing: $0[0..<n])) }
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
        // Transcoded into a scratch buffer (a text never has more UTF-16 units than UTF-8 bytes).
        var string = string
        return string.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: max(1, bytes.count)) { units in
                let n = bytes.withMemoryRebound(to: CChar.self) {
                    cicu_utf8_to_utf16($0.baseAddress, Int32($0.count), units.baseAddress, Int32(units.count))
                }
                return fold(UnsafeBufferPointer(rebasing: units[0..<max(0, min(units.count, Int(n)))]))
            }
        }
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
