/// The unit in which output offsets are counted.
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalars (code points): Python `str` indices. The default.
    case scalar
    case utf16
    case utf8
}

/// Stage 7: writes entities as JSON. Entity keys come in a fixed order — `type`,
/// `start`, `end`, `text`, `value`, `rule` — then the type-specific fields sorted by key.
public struct EntityWriter {
    /// The keys every entity has; a type-specific field may not reuse one (it is not written).
    public static let reservedKeys: Set<String> = ["type", "start", "end", "text", "value", "rule"]

    /// Whether a key is one of `reservedKeys` (compared, not hashed).
    @inline(__always)
    static func isReserved(_ key: String) -> Bool {
        switch key {
        case "type", "start", "end", "text", "value", "rule": return true
        default: return false
        }
    }

    public static func write(_ entities: [Entity], to w: inout JSONWriter, offsets: OffsetMap?) {
        w.bytes.append(0x5B)
        for (i, e) in entities.enumerated() {
            if i > 0 { w.bytes.append(0x2C) }
            write(e, to: &w, offsets: offsets)
        }
        w.bytes.append(0x5D)
    }

    public static func write(_ e: Entity, to w: inout JSONWriter, offsets: OffsetMap?, extra: [(String, JSONValue)] = []) {
        w.raw("{\"type\":")
        w.string(e.type.rawValue)
        w.raw(",\"start\":")
        w.int(offsets?.convert(e.start) ?? e.start)
        w.raw(",\"end\":")
        w.int(offsets?.convert(e.end) ?? e.end)
        w.raw(",\"text\":")
        w.string(e.text)
        w.raw(",\"value\":")
        w.write(e.value ?? .null)
        w.raw(",\"rule\":")
        w.string(e.rule)
        if !e.fields.isEmpty {
            // Sorted pairs (keys are unique: the order of the sorted keys), no second lookup.
            for (key, value) in e.fields.sorted(by: { $0.key < $1.key }) where !isReserved(key) {
                w.bytes.append(0x2C)
                w.string(key)
                w.bytes.append(0x3A)
                w.write(value)
            }
        }
        for (key, value) in extra {
            w.bytes.append(0x2C)
            w.string(key)
            w.bytes.append(0x3A)
            w.write(value)
        }
        w.bytes.append(0x7D)
    }
}

/// Converts Unicode scalar offsets of one text to UTF-16 or UTF-8 offsets.
public struct OffsetMap {
    private var table: [Int] = []

    public init?(text: String, unit: OffsetUnit) {
        if unit == .scalar { return nil }
        table.reserveCapacity(text.unicodeScalars.count + 1)
        var offset = 0
        for s in text.unicodeScalars {
            table.append(offset)
            offset += unit == .utf16 ? UTF16.width(s) : UTF8.width(s)
        }
        table.append(offset)
    }

    public func convert(_ scalarOffset: Int) -> Int {
        scalarOffset < table.count ? table[scalarOffset] : table.last ?? scalarOffset
    }
}
