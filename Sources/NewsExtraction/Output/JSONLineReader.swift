/// Reads one JSON Lines input line: a JSON object whose `"text"` (required string),
/// `"id"` and `"dct"` are decoded and whose every field is kept as raw bytes, so that
/// the output passes them through unchanged. Strict RFC 8259; nesting depth is limited.
public struct JSONLineReader {
    /// One parsed input line.
    public struct Record: Sendable {
        /// Every top-level field in input order, value as raw JSON bytes.
        public var fields: [(key: String, raw: [UInt8])]
        public var text: String?
        /// UTF-8 offset of the text value in the line, for error messages.
        public var textOffset: Int
        public var id: JSONValue?
        public var dct: String?
        /// Set when the line is valid JSON but unusable (no string "text"): its fields are
        /// still known, so the error line can carry them.
        public var problem: ExtractionError?
    }

    static let maxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses a line. Throws `invalidUTF8` or `malformedJSON` (with byte offset); a line
    /// without a string "text" comes back with `problem` set.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws -> Record {
        var r = JSONLineReader(line)
        return try r.parseRecord()
    }

    public static func parse(_ line: [UInt8]) throws -> Record {
        try line.withUnsafeBufferPointer { try parse($0) }
    }

    func error(_ message: String, at offset: Int? = nil) -> ExtractionError {
        .malformedJSON(message: message, byteOffset: offset ?? pos)
    }

    mutating func skipSpace() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { pos += 1 } else { break }
        }
    }

    mutating func parseRecord() throws -> Record {
        if let bad = TextDecoder.firstInvalidUTF8(bytes) { throw ExtractionError.invalidUTF8(byteOffset: bad) }
        skipSpace()
        guard pos < bytes.count, bytes[pos] == 0x7B else { throw error("expected an object '{'") }
        pos += 1
        var record = Record(fields: [], text: nil, textOffset: 0, id: nil, dct: nil, problem: nil)
        skipSpace()
        if pos < bytes.count && bytes[pos] == 0x7D {
            pos += 1
        } else {
            while true {
                skipSpace()
                guard pos < bytes.count, bytes[pos] == 0x22 else { throw error("expected a key string") }
                let key = try parseString()
                skipSpace()
                guard pos < bytes.count, bytes[pos] == 0x3A else { throw error("expected ':'") }
                pos += 1
                skipSpace()
                let valueStart = pos
                let isString = pos < bytes.count && bytes[pos] == 0x22
                var decoded: String? = nil
                if isString { decoded = try parseString() } else { try skipValue(depth: 1) }
                let raw = Array(bytes[valueStart..<pos])
                if record.fields.contains(where: { $0.key == key }) { throw error("duplicate key \"\(key)\"", at: valueStart) }
                record.fields.append((key, raw))
                switch key {
                case "text":
                    guard let decoded else {
                        record.problem = .missingText(message: "\"text\" is not a string (at byte \(valueStart))")
                        break
                    }
                    record.text = decoded
                    record.textOffset = valueStart
                case "id":
                    if let decoded { record.id = .string(decoded) } else { record.id = .raw(raw) }
                case "dct":
                    if let decoded { record.dct = decoded }
                    else if raw != Array("null".utf8) { throw ExtractionError.invalidDCT(String(decoding: raw, as: UTF8.self)) }
                default: break
                }
                skipSpace()
                guard pos < bytes.count else { throw error("unterminated object") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == 0x7D { pos += 1; break }
                throw error("expected ',' or '}'")
            }
        }
        skipSpace()
        if pos != bytes.count { throw error("unexpected data after the object") }
        if record.text == nil && record.problem == nil { record.problem = .missingText(message: "no \"text\" field") }
        return record
    }

    mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth)") }
        guard pos < bytes.count else { throw error("expected a value") }
        let c = bytes[pos]
        switch c {
        case 0x22: _ = try parseString(decode: false)
        case 0x7B, 0x5B:
            let close: UInt8 = c == 0x7B ? 0x7D : 0x5D
            pos += 1
            skipSpace()
            if pos < bytes.count && bytes[pos] == close { pos += 1; return }
            while true {
                skipSpace()
                if c == 0x7B {
                    guard pos < bytes.count, bytes[pos] == 0x22 else { throw error("expected a key string") }
                    _ = try parseString(decode: false)
                    skipSpace()
                    guard pos < bytes.count, bytes[pos] == 0x3A else { throw error("expected ':'") }
                    pos += 1
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < bytes.count else { throw error("unterminated \(c == 0x7B ? "object" : "array")") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == close { pos += 1; return }
                throw error("expected ',' or '\(c == 0x7B ? "}" : "]")'")
            }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: try skipNumber()
        default: throw error("unexpected character")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw error("invalid literal") }
        let p = word.utf8Start
        for k in 0..<n where bytes[pos + k] != p[k] { throw error("invalid literal") }
        pos += n
    }

    mutating func skipNumber() throws {
        let start = pos
        if bytes[pos] == 0x2D { pos += 1 }
        func digits() -> Int { var n = 0; while pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 { pos += 1; n += 1 }; return n }
        guard pos < bytes.count else { throw error("invalid number", at: start) }
        if bytes[pos] == 0x30 { pos += 1 } else if digits() == 0 { throw error("invalid number", at: start) }
        if pos < bytes.count && bytes[pos] == 0x2E { pos += 1; if digits() == 0 { throw error("invalid number", at: start) } }
        if pos < bytes.count && (bytes[pos] == 0x65 || bytes[pos] == 0x45) {
            pos += 1
            if pos < bytes.count && (bytes[pos] == 0x2B || bytes[pos] == 0x2D) { pos += 1 }
            if digits() == 0 { throw error("invalid number", at: start) }
        }
    }

    @discardableResult
    mutating func parseString(decode: Bool = true) throws -> String {
        let start = pos
        pos += 1  // opening quote
        var runStart = pos
        var out: [UInt8] = []
        var escaped = false
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while pos < bytes.count {
            if pos + 8 <= bytes.count && JSONWriter.isPlain(raw!.loadUnaligned(fromByteOffset: pos, as: UInt64.self)) {
                pos += 8
                continue
            }
            let c = bytes[pos]
            if c == 0x22 {
                if !decode { pos += 1; return "" }
                let result: String
                if !escaped {
                    result = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]), as: UTF8.self)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                    result = String(decoding: out, as: UTF8.self)
                }
                pos += 1
                return result
            }
            if c < 0x20 { throw error("control character in a string") }
            if c == 0x5C {
                if decode {
                    // The decoded string is never longer than the rest of the line: one
                    // allocation, however many escapes (a news text has a "\n" per paragraph).
                    if !escaped { out.reserveCapacity(bytes.count - runStart) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<pos]))
                }
                escaped = true
                pos += 1
                guard pos < bytes.count else { break }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar <= 0xDBFF {
                        if pos + 1 < bytes.count && bytes[pos] == 0x5C && bytes[pos + 1] == 0x75 {
                            pos += 2
                            let low = try hex4()
                            guard low >= 0xDC00 && low <= 0xDFFF else { throw error("invalid surrogate pair", at: pos - 6) }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw error("lone surrogate \\u escape", at: pos - 6)
                        }
                    } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                        throw error("lone surrogate \\u escape", at: pos - 6)
                    }
                    if decode { out.append(contentsOf: Array(String(Unicode.Scalar(scalar)!).utf8)) }
                default: throw error("invalid escape", at: pos - 2)
                }
                runStart = pos
                continue
            }
            pos += 1
        }
        throw error("unterminated string", at: start)
    }

    mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }
}
