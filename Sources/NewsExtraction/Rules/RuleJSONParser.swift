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
        p.deferredRuleKeys = Array(deferredRuleKeys)
        p.skipSpace()
        let value = try p.value(depth: 0)
        p.skipSpace()
        if p.pos != p.bytes.count { throw Failure(message: "unexpected data after the value", offset: p.pos) }
        return value
    }

    /// A couple of short keys: a scan compares them cheaper than hashing each key.
    private var deferredRuleKeys: [String] = []
    /// The members and items of the containers being read, innermost last: each container
    /// is built once, at its exact size, when it closes (instead of growing while read).
    private let pendingMembers = ScratchStack<(String, JSONValue)>()
    private let pendingItems = ScratchStack<JSONValue>()

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
            let base = pendingMembers.count
            var largeKeys: Set<String> = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == 0x7D { pos += 1; return .object([]) }
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
                let count = pendingMembers.count - base
                if count < 16 {
                    if pendingMembers.values(from: base).contains(where: { $0.0 == key }) { throw fail("duplicate key \"\(key)\"") }
                } else {
                    if largeKeys.isEmpty { largeKeys = Set(pendingMembers.values(from: base).map(\.0)) }
                    if !largeKeys.insert(key).inserted { throw fail("duplicate key \"\(key)\"") }
                }
                if depth == 2, !deferredRuleKeys.isEmpty, deferredRuleKeys.contains(key) {
                    let start = pos
                    try skipValue(depth: depth + 1)
                    pendingMembers.push((key, .raw(Array(bytes[start..<pos]))))
                } else {
                    let member = try value(depth: depth + 1)
                    pendingMembers.push((key, member))
                }
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated object") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == 0x7D {
                    pos += 1
                    return .object(pendingMembers.popArray(from: base))
                }
                throw fail("expected ',' or '}'")
            }
        case 0x5B:
            pos += 1
            let base = pendingItems.count
            skipSpace()
            if pos < bytes.count, bytes[pos] == 0x5D { pos += 1; return .array([]) }
            while true {
                skipSpace()
                let item = try value(depth: depth + 1)
                pendingItems.push(item)
                skipSpace()
                guard pos < bytes.count else { throw fail("unterminated array") }
                if bytes[pos] == 0x2C { pos += 1; continue }
                if bytes[pos] == 0x5D {
                    pos += 1
                    return .array(pendingItems.popArray(from: base))
                }
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

    /// Steps over one value, checking its syntax without building it (the JSON Lines
    /// reader's skipper: one implementation of JSON syntax checking in the project).
    private mutating func skipValue(depth: Int) throws {
        let start = pos
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONLineReader(buffer)
            reader.pos = start
            do {
                try reader.skipValue(depth: depth)
                pos = reader.pos
            } catch ExtractionError.malformedJSON(let message, let offset) {
                throw Failure(message: message, offset: offset)
            }
        }
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
