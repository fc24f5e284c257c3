import CICU

/// Stage 1 of the pipeline: validates UTF-8, skips a byte-order mark and converts the
/// text to the UTF-16 buffer that ICU works on, keeping the maps back to the Unicode
/// scalar offsets that the output reports.
public struct TextDecoder: Sendable {
    public init() {}

    /// Decodes `bytes` as UTF-8. Throws `DecodingError.invalidUTF8` naming the byte
    /// offset of the first invalid sequence (counted in the input, BOM included).
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> DecodedText {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if let bad = Self.firstInvalidUTF8(body) {
            throw ExtractionError.invalidUTF8(byteOffset: bad + start)
        }
        return DecodedText(validatedUTF8: body)
    }

    public func decode(_ bytes: [UInt8]) throws -> DecodedText {
        try bytes.withUnsafeBufferPointer { try decode($0) }
    }

    /// Decodes a Swift string (always valid); a leading BOM is skipped.
    public func decode(_ string: String) -> DecodedText {
        var s = string
        if s.unicodeScalars.first == "\u{FEFF}" { s.unicodeScalars.removeFirst() }
        var copy = s
        return copy.withUTF8 { DecodedText(validatedUTF8: $0, string: s) }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n && raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            if c & 0xE0 == 0xC0 { need = 1; scalar = UInt32(c & 0x1F); minScalar = 0x80 }
            else if c & 0xF0 == 0xE0 { need = 2; scalar = UInt32(c & 0x0F); minScalar = 0x800 }
            else if c & 0xF8 == 0xF0 { need = 3; scalar = UInt32(c & 0x07); minScalar = 0x10000 }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                let d = b[i + k]
                if d & 0xC0 != 0x80 { return i }
                scalar = (scalar << 6) | UInt32(d & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}

/// A document's text after decoding: the Swift string, its UTF-16 code units (what ICU
/// reads) and the offset maps between UTF-16, Unicode scalar and UTF-8 units.
public final class DecodedText: @unchecked Sendable {
    /// The text, without a leading BOM.
    public let string: String
    /// UTF-16 code units of `string`.
    public let utf16: [UInt16]
    /// Whether any scalar lies outside the BMP (UTF-16 offsets then differ from scalar offsets).
    public let hasSurrogates: Bool
    private var scalarOfUTF16: [Int32] = []

    /// `string`, when given, is the text of `body` (no second copy is made).
    init(validatedUTF8 body: UnsafeBufferPointer<UInt8>, string: String? = nil) {
        let count = Int(body.count)
        var units = [UInt16]()
        if count > 0 {
            // One conversion call, no sizing call first: a text never needs more UTF-16 units
            // than it has UTF-8 bytes, so the byte count is room enough.
            let base = body.baseAddress!.withMemoryRebound(to: CChar.self, capacity: count) { $0 }
            units = [UInt16](unsafeUninitializedCapacity: count) { buf, initialized in
                let written = cicu_utf8_to_utf16(base, Int32(count), buf.baseAddress, Int32(count))
                initialized = max(0, min(count, Int(written)))
            }
        }
        utf16 = units
        self.string = string ?? String(decoding: body, as: UTF8.self)
        let surrogates = units.withUnsafeBufferPointer { Self.containsSurrogate($0) }
        hasSurrogates = surrogates
        if surrogates {
            var map = [Int32](repeating: 0, count: units.count + 1)
            var scalar: Int32 = 0
            for (i, u) in units.enumerated() {
                map[i] = scalar
                if u & 0xFC00 != 0xDC00 { scalar += 1 }
            }
            map[units.count] = scalar
            scalarOfUTF16 = map
        }
    }

    /// Whether any unit is a surrogate (D800–DFFF), four units at a time: a lane of
    /// `(w & F800) ^ D800` is zero exactly for a surrogate, and the expression below is
    /// non-zero exactly when some 16-bit lane is zero.
    static func containsSurrogate(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        let n = units.count
        var i = 0
        if let base = units.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 4 <= n {
                let v = (raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & 0xF800_F800_F800_F800) ^ 0xD800_D800_D800_D800
                if (v &- 0x0001_0001_0001_0001) & ~v & 0x8000_8000_8000_8000 != 0 { return true }
                i += 4
            }
        }
        while i < n {
            if units[i] & 0xF800 == 0xD800 { return true }
            i += 1
        }
        return false
    }

    /// Number of Unicode scalars in the text.
    public var scalarCount: Int { hasSurrogates ? Int(scalarOfUTF16[utf16.count]) : utf16.count }

    /// Scalar offset of a UTF-16 offset.
    @inline(__always)
    public func scalarOffset(utf16 offset: Int) -> Int {
        hasSurrogates ? Int(scalarOfUTF16[offset]) : offset
    }

    /// The original text of a UTF-16 range.
    public func text(utf16 range: Range<Int>) -> String {
        utf16.withUnsafeBufferPointer { buffer in
            let units = UnsafeBufferPointer(rebasing: buffer[range])
            // ASCII (most names and figures): copy the bytes, skipping the UTF-16 transcoder.
            var ascii = true
            for u in units where u >= 0x80 { ascii = false; break }
            if ascii {
                return String(unsafeUninitializedCapacity: units.count) { out in
                    for i in 0..<units.count { out[i] = UInt8(truncatingIfNeeded: units[i]) }
                    return units.count
                }
            }
            return String(decoding: units, as: UTF16.self)
        }
    }
}
