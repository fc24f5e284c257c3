/// Helpers that turn a percent match into output values: the JSON number, the unit
/// field, and figures written together with their unit ("0.5pc", "12pct").
enum PercentValue {
    /// An integral value as a JSON integer, any other as a JSON number.
    static func json(_ v: Double) -> JSONValue {
        if v == v.rounded() && abs(v) < 1e15 { return .int(Int(v)) }
        return .number((v * 1e9).rounded() / 1e9)
    }

    /// `percentage_point` when the unit capture says "percentage point(s)", else `percent`.
    static func unit(_ m: RuleMatch) -> JSONValue {
        if let r = m.capture("unit") {
            for i in r where m.document.tokens[i].folded.hasPrefix("point") { return .string("percentage_point") }
        }
        return .string("percent")
    }

    /// The fields `["unit": unit(m)]`, shared per unit (not a dictionary made per match).
    static func unitFields(_ m: RuleMatch) -> [String: JSONValue] {
        unit(m) == .string("percent") ? percentFields : pointFields
    }

    static let percentFields: [String: JSONValue] = ["unit": .string("percent")]
    private static let pointFields: [String: JSONValue] = ["unit": .string("percentage_point")]

    /// True for a tally written like a range ("won 59% to 41%", "55%-45%", "by a 37%
    /// to 28% margin", "56% to 39% over the other candidate"): both figures carry the
    /// percent unit, the link is "to" or a hyphen, the first figure is the larger, and
    /// either the two add up to 100 (shares of one whole) or the match is followed by
    /// "margin", "over", "against" or "versus". A range with an unwritten first unit
    /// ("60-40 percent") or with "or" is left as a range.
    static func isTally(_ first: Double, _ second: Double, _ m: RuleMatch) -> Bool {
        guard let u1 = m.capture("unit1"), !u1.isEmpty, unit(m) == .string("percent"),
              let link = m.capture("link"), !link.isEmpty, first > second else { return false }
        let tokens = m.document.tokens
        guard link.allSatisfy({ ["to", "-"].contains(tokens[$0].folded) }) else { return false }
        if abs(first + second - 100) < 1e-9 { return true }
        let next = m.range.upperBound
        return next < tokens.count && ["margin", "margins", "over", "against", "versus", "vs"].contains(tokens[next].folded)
    }

    /// The figure of a token like "0.5pc" or "12pct" (digits, at most one decimal
    /// point, then exactly "pc" or "pct"), else nil.
    static func gluedUnit(_ folded: String) -> Double? {
        // Every byte is tested: a non-ASCII byte is never a digit, a point or the unit.
        let bytes = folded.utf8
        let unit = bytes.count >= 3 && bytes.suffix(3).elementsEqual("pct".utf8) ? 3
            : bytes.count >= 2 && bytes.suffix(2).elementsEqual("pc".utf8) ? 2 : 0
        if unit == 0 { return nil }
        let digits = bytes.dropLast(unit)
        guard let first = digits.first, first >= 0x30 && first <= 0x39, digits.last != 0x2E else { return nil }
        var dots = 0
        for u in digits {
            if u == 0x2E { dots += 1; continue }
            guard u >= 0x30 && u <= 0x39 else { return nil }
        }
        guard dots <= 1 else { return nil }
        return Double(Substring(digits))
    }
}
