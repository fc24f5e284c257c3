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

    /// Whether a key is one of `reservedKeys` (compared, not hashed; a key of another length
    /// than theirs, 3 to 5 bytes, is not compared at all).
    @inline(__always)
    static func isReserved(_ key: String) -> Bool {
        let length = key.utf8.count
        if length < 3 || length > 5 { return false }
        switch key {
        case "type", "start", "end", "text", "value", "rule": return true
        default: return false
        }
    }

    public static func write(_ entities: [Entity], to w: inout JSONWriter, offsets: OffsetMap?) {
        var out = PendingBytes(capacity: entities.count * 160)
        defer { out.deallocate() }
        out.append(0x5B)
        // Entities read in place: a copy of each would retain and release its strings,
        // value and fields.
        entities.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                if i > 0 { out.append(0x2C) }
                write(buffer.baseAddress! + i, to: &out, w: &w, offsets: offsets, extra: [])
            }
        }
        out.append(0x5D)
        out.flush(into: &w)
    }

    public static func write(_ e: Entity, to w: inout JSONWriter, offsets: OffsetMap?, extra: [(String, JSONValue)] = []) {
        var out = PendingBytes(capacity: 256)
        defer { out.deallocate() }
        withUnsafePointer(to: e) { write($0, to: &out, w: &w, offsets: offsets, extra: extra) }
        out.flush(into: &w)
    }

    /// Writes `e` into `out`, going through `w` for what `out` does not write itself.
    private static func write(_ e: UnsafePointer<Entity>, to out: inout PendingBytes, w: inout JSONWriter, offsets: OffsetMap?,
                              extra: [(String, JSONValue)]) {
        out.append("{\"type\":")
        out.string(e.pointee.type.rawValue, &w)
        out.append(",\"start\":")
        out.int(offsets?.convert(e.pointee.start) ?? e.pointee.start)
        out.append(",\"end\":")
        out.int(offsets?.convert(e.pointee.end) ?? e.pointee.end)
        out.append(",\"text\":")
        out.string(e.pointee.text, &w)
        out.append(",\"value\":")
        out.value(e.pointee.value ?? .null, &w)
        out.append(",\"rule\":")
        out.string(e.pointee.rule, &w)
        if e.pointee.fields.count == 1 {
            // One field (most entities that have any): nothing to sort.
            for (key, value) in e.pointee.fields where !isReserved(key) { field(key, value, &out, &w) }
        } else if !e.pointee.fields.isEmpty {
            // Sorted pairs (keys are unique: the order of the sorted keys), no second lookup.
            for (key, value) in e.pointee.fields.sorted(by: { $0.key < $1.key }) where !isReserved(key) { field(key, value, &out, &w) }
        }
        for (key, value) in extra { field(key, value, &out, &w) }
        out.append(0x7D)
    }

    @inline(__always)
    private static func field(_ key: String, _ value: JSONValue, _ out: inout PendingBytes, _ w: inout JSONWriter) {
        out.append(0x2C)
        out.string(key, &w)
        out.append(0x3A)
        out.value(value, &w)
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
