/// The deferred value of a date entity: a parsed `DateSpec` that stage 6 anchors to the
/// DCT. Its fields: `timex_type` (always), `mod` (START/MID/END/APPROX… when the text
/// gives one), `range_begin`/`range_end` for ranges, and `anchor` when the value stayed
/// underspecified for want of a DCT (e.g. `DCT-P1Y` for "last year", value `XXXX`).
public struct TimexValue: DeferredValue, Equatable {
    public var spec: DateSpec
    public var timexType: String
    public var mod: String?
    /// Describes the relation to the DCT, written when the DCT cannot resolve it.
    public var anchorNote: String?

    public init(_ spec: DateSpec, timexType: String = "DATE", mod: String? = nil, anchorNote: String? = nil) {
        self.spec = spec
        self.timexType = timexType
        self.mod = mod
        self.anchorNote = anchorNote
    }

    public func resolve(dct: DocumentDate?) -> (value: JSONValue, fields: [String: JSONValue]) {
        var fields: [String: JSONValue] = [:]
        let value = resolve(dct: dct, into: &fields)
        return (value, fields)
    }

    public func resolve(dct: DocumentDate?, into fields: inout [String: JSONValue]) -> JSONValue {
        let anchor = DateAnchor(dct: dct)
        let r = anchor.value(spec)
        if fields.isEmpty && mod == nil && r.anchored, let only = Self.typeOnlyFields(timexType) {
            // Most dates: the type is the one field (a range's bounds are added below).
            if case .range = spec, r.value.utf8.contains(0x2F) {} else {
                fields = only
                return .string(r.value)
            }
        }
        fields["timex_type"] = .string(timexType)
        if let mod { fields["mod"] = .string(mod) }
        if case .range = spec, let slash = r.value.firstIndex(of: "/") {
            fields["range_begin"] = .string(String(r.value[..<slash]))
            fields["range_end"] = .string(String(r.value[r.value.index(after: slash)...]))
        }
        if !r.anchored { fields["anchor"] = .string(anchorNote ?? Self.note(spec)) }
        return .string(r.value)
    }

    /// The fields of a value whose only field is its type, made once per type and shared
    /// (a dictionary made per date cost an allocation and a hash), for the four TIMEX3 types.
    static func typeOnlyFields(_ timexType: String) -> [String: JSONValue]? {
        switch timexType {
        case "DATE": return dateOnly
        case "DURATION": return durationOnly
        case "SET": return setOnly
        case "TIME": return timeOnly
        default: return nil
        }
    }

    private static let dateOnly: [String: JSONValue] = ["timex_type": .string("DATE")]
    private static let durationOnly: [String: JSONValue] = ["timex_type": .string("DURATION")]
    private static let setOnly: [String: JSONValue] = ["timex_type": .string("SET")]
    private static let timeOnly: [String: JSONValue] = ["timex_type": .string("TIME")]

    /// How an unanchored value relates to the DCT, TIMEX3-style (`DCT-P1Y`, `DCT+P1D`, `DCT`).
    static func note(_ spec: DateSpec) -> String {
        switch spec {
        case .shift(let unit, let offset):
            if offset == 0 { return "DCT" }
            return "DCT" + (offset < 0 ? "-" : "+") + unit.duration(String(abs(offset)))
        case .weekday(_, let offset, let tense):
            switch offset {
            case .some(-1): return "DCT;last"
            case .some(1): return "DCT;next"
            case .some(0): return "DCT;this-week"
            default: return tense == .future ? "DCT;future" : "DCT;past"
            }
        case .relativeMonth(_, let offset), .relativeSeason(_, let offset):
            return offset < 0 ? "DCT;last" : offset > 0 ? "DCT;next" : "DCT;this-year"
        case .holiday(_, _, _, let offset, let tense):
            if let offset { return offset < 0 ? "DCT;last" : offset > 0 ? "DCT;next" : "DCT;this-year" }
            return tense == .future ? "DCT;future" : tense == .past ? "DCT;past" : "DCT;nearest"
        case .weekend(let tense):
            return tense == .future ? "DCT;future" : "DCT;past"
        case .calendar(_, _, _, let tense):
            return tense == .future ? "DCT;future" : tense == .past ? "DCT;past" : "DCT;nearest"
        default:
            return "DCT"
        }
    }
}
