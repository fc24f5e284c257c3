/// A small, strict JSON parser for rule files (rule loading is on the start-up path of
/// every `extract` run). It gives typed values (`JSONValue`; objects keep their key
/// order, a duplicate key is an error), so that reading them needs no dynamic casts.
struct RuleJSONParser {
    struct Failure: Error { var message: String; var offset: Int }

    private let bytes: [UInt8]
    private var pos = 0

    /// Parses a rule file. The values of `deferredRuleKeys` in each rule object (an object
    /// in the top-level object's "rules" list) are checked to be JSON but not built: they
    /// come back as `.raw` JSON text, to be parsed when wanted.
    static func parse(_ text: String, deferredRuleKeys: Set<String> = []) throws -> JSONValue {
        try parse(Array(text.utf8), deferredRuleKeys: deferredRuleKeys)
    }

    static func parse(_ bytes: [UInt8], deferredRuleKeys: Set<String> = []) throws -> JSONValue {
        var p = RuleJSONParser(bytes: bytes)
        p.deferredRuleKeys = deferredRuleKeys
        p.skipSpace()
        let value = try p.value(depth: 0)
        p.skipSpace()
        if p.pos != p.bytes.count { throw Failure(message: "unexpected data after the value", offset: p.pos) }
        return value
    }

    private var deferredRuleKeys: Set<String> = []

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 { pos += 1 }
    }

    private func fail(_ m: String) -> Failure { Failure(message: m, offset: pos) }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 256 else { throw fail("nesting too deep") }
        guard pos < bytes.count else { throw fail("unexpected end") }
        switch bytes[pos] {
        case 0x7B:
            pos += 1
            var pairs: [(String, JSONValue)] = []
            var largeKeys: Set<String> = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == 0x7D { pos += 1; return .object(pairs) }
            while true {
                skipSpace()
                guard pos < bytes.count, bytes[pos] == 0x22 else { throw fail("expected a key") }
                let key = try string()
                skipSpace()
                guard pos < bytes.count, bytes[pos] == 0x3A else { throw fail("expected ':'") }
                pos += 1
                skipSpace()
                // Objects in rule files are small: a scan finds a repeated key cheaper than a
                // set; a large object (a long "priorities" map) gets a set.
                if pairs.count < 16 {
                    if pairs.contains(where: { $0.0 == key }) { throw fail("duplicate key \"\(key)\"") }
                } else {
                    if largeKeys.isEmpty { largeKeys = Set(pairs.map(\.0)) }
                    if !largeKeys.insert(key).inserted { throw fail("duplicate key \"\(key)\"") }
                }
                if depth == 2, !deferredRuleKeys.isEmpty, deferredRuleKeys.contains(key) {
                    let start = pos
                    try skipValue(depth: depth + 1)
                    pairs.append((key, .raw(Array(bytes[start..<pos]))))
                } else {
                    pairs.append((key, try value(depth: depth + 1)))
                }
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated object") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == 0x7D { pos += 1; return .object(pairs) }
                throw fail("expected ',' or '}'")
            }
        case 0x5B:
            pos += 1
            var list: [JSONValue] = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == 0x5D { pos += 1; return .array(list) }
            while true {
                skipSpace()
                list.append(try value(depth: depth + 1))
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated array") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == 0x5D { pos += 1; return .array(list) }
                throw fail("expected ',' or ']'")
            }
        case 0x22:
            return .string(try string())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default:
            return try number()
        }
    }

    /// Steps over one value, checking its syntax (brackets, commas, colons, string
    /// escapes, numbers, literals) without building it.
    private mutating func skipValue(depth: Int) throws {
        guard depth < 256 else { throw fail("nesting too deep") }
        guard pos < bytes.count else { throw fail("unexpected end") }
        switch bytes[pos] {
        case 0x7B, 0x5B:
            let isObject = bytes[pos] == 0x7B
            let close: UInt8 = isObject ? 0x7D : 0x5D
            pos += 1
            skipSpace()
            if pos < bytes.count, bytes[pos] == close { pos += 1; return }
            while true {
                skipSpace()
                if isObject {
                    guard pos < bytes.count, bytes[pos] == 0x22 else { throw fail("expected a key") }
                    try skipString()
                    skipSpace()
                    guard pos < bytes.count, bytes[pos] == 0x3A else { throw fail("expected ':'") }
                    pos += 1
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard pos < bytes.count else { throw fail(isObject ? "unterminated object" : "unterminated array") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == close { pos += 1; return }
                throw fail(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        case 0x22: try skipString()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try number()
        }
    }

    /// Steps over a string: escapes must be JSON escapes, no raw control characters.
    private mutating func skipString() throws {
        pos += 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x22 { pos += 1; return }
            if c < 0x20 { throw fail("control character in a string") }
            if c == 0x5C {
                guard pos + 1 < bytes.count else { break }
                switch bytes[pos + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: pos += 2
                case 0x75:
                    guard pos + 6 <= bytes.count, bytes[(pos + 2)..<(pos + 6)].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else {
                        throw fail("invalid \\u escape")
                    }
                    pos += 6
                default: throw fail("invalid escape")
                }
                continue
            }
            pos += 1
        }
        throw fail("unterminated string")
    }

    private mutating func literal(_ word: String) throws {
        let w = word.utf8
        guard pos + w.count <= bytes.count, bytes[pos..<(pos + w.count)].elementsEqual(w) else { throw fail("invalid literal") }
        pos += w.count
    }

    private mutating func number() throws -> JSONValue {
        let start = pos
        if pos < bytes.count, bytes[pos] == 0x2D { pos += 1 }
        var isInteger = true
        while pos < bytes.count {
            let c = bytes[pos]
            if c >= 0x30 && c <= 0x39 { pos += 1 }
            else if c == 0x2E || c == 0x65 || c == 0x45 || c == 0x2B || c == 0x2D { isInteger = false; pos += 1 }
            else { break }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if isInteger, let i = Int(text) { return .int(i) }
        guard let d = Double(text) else { pos = start; throw fail("invalid number") }
        return .number(d)
    }

    /// Strings are read by the JSON Lines reader's string parser (one implementation of
    /// JSON escapes in the project).
    private mutating func string() throws -> String {
        let start = pos
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONLineReader(buffer)
            reader.pos = start
            do {
                let s = try reader.parseString()
                pos = reader.pos
                return s
            } catch ExtractionError.malformedJSON(let message, let offset) {
                throw Failure(message: message, offset: offset)
            }
        }
    }
}
