/// A JSON value as the library emits it: entity values and type-specific fields.
public enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys keep their given order.
    case object([(String, JSONValue)])
    /// Already-serialized JSON, written verbatim (pass-through input fields).
    case raw([UInt8])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .number(let y)), (.number(let y), .int(let x)): return Double(x) == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.raw(let x), .raw(let y)): return x == y
        default: return false
        }
    }

    /// The JSON text of the value.
    public var description: String {
        var w = JSONWriter()
        w.write(self)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The string, when this is one.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The number, when this is one.
    public var doubleValue: Double? {
        switch self {
        case .number(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }
}
