/// Bytes written into a plain growable buffer and appended to a `JSONWriter` in one
/// piece: an `Array.append(contentsOf:)` costs a uniqueness and capacity check and a
/// generic copy per call, which the many short pieces of an entity (keys, offsets, a rule
/// id) paid one by one. What needs escaping or formatting beyond plain strings and
/// integers goes to the writer itself after `flush(into:)`, so the output is the writer's.
struct PendingBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the buffer (the value must not be used afterwards).
    func deallocate() { base.deallocate() }

    /// Makes room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// An integer in decimal, as `JSONWriter.int` writes it.
    mutating func int(_ i: Int) {
        reserve(JSONWriter.maxDigits)
        count += JSONWriter.writeDecimal(i, to: base + count)
    }

    /// `s` as a JSON string when none of its bytes needs escaping; false (nothing written)
    /// otherwise.
    @inline(__always)
    mutating func plainString(_ s: String) -> Bool {
        let written = s.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard JSONWriter.isPlain(utf8) else { return false }
            reserve(utf8.count + 2)
            base[count] = 0x22
            count += 1
            append(utf8)
            base[count] = 0x22
            count += 1
            return true
        }
        return written ?? false
    }

    /// Appends what is pending to `w` and empties the buffer.
    @inline(__always)
    mutating func flush(into w: inout JSONWriter) {
        if count == 0 { return }
        w.bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// A JSON string: here when plain, through `w` (after what is pending) when it needs escaping.
    @inline(__always)
    mutating func string(_ s: String, _ w: inout JSONWriter) {
        if plainString(s) { return }
        flush(into: &w)
        w.string(s)
    }

    /// A JSON value: plain strings, integers and integral numbers, and null here; the
    /// others through `w`.
    mutating func value(_ v: JSONValue, _ w: inout JSONWriter) {
        switch v {
        case .string(let s): string(s, &w)
        case .int(let i): int(i)
        case .null: append("null")
        case .number(let d):
            if let i = JSONWriter.integralValue(d) { int(i); return }
            flush(into: &w)
            w.number(d)
        default:
            flush(into: &w)
            w.write(v)
        }
    }
}
