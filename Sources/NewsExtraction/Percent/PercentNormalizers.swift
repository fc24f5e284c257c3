/// Named normalizers for Percent rules (referenced by name from the rule files).
/// Every PERCENT entity gets a numeric `value` (null for a range, which has `low` and
/// `high`), a `unit` field (`percent` for a share, `percentage_point` for a difference
/// of shares) and, when a qualifier phrase stands right before the figure, a
/// `qualifier` field with the qualifier inside the span (conventions: docs/percent-rank.md).
public enum PercentNormalizers {
    public static let all: [String: Normalizer] = [
        "percent-value": { m in
            guard let r = m.capture("number"), let v = NumberPhraseParser.value(r, in: m.document) else { return nil }
            return PercentQualifier.attach(to: m, Normalization(value: PercentValue.json(v), fields: PercentValue.unitFields(m)))
        },
        "percent-fraction": { m in
            guard let f = m.capture("fraction"), let fraction = NumberPhraseParser.value(f, in: m.document) else { return nil }
            var count = 1.0
            if let c = m.capture("count"), !c.isEmpty {
                guard let n = NumberPhraseParser.value(c, in: m.document) else { return nil }
                count = n
            }
            return PercentQualifier.attach(to: m, Normalization(value: PercentValue.json(count * fraction), fields: PercentValue.unitFields(m)))
        },
        "percent-one": { m in
            PercentQualifier.attach(to: m, Normalization(value: .int(1), fields: PercentValue.unitFields(m)))
        },
        "percent-glued": { m in
            guard let r = m.capture("number"), r.count == 1, let v = PercentValue.gluedUnit(m.document.tokens[r.lowerBound].folded) else { return nil }
            return PercentQualifier.attach(to: m, Normalization(value: PercentValue.json(v), fields: PercentValue.percentFields))
        },
        "percent-range": { m in
            guard let a = m.capture("number"), let b = m.capture("number2"),
                  let low = NumberPhraseParser.value(a, in: m.document),
                  let high = NumberPhraseParser.value(b, in: m.document) else { return nil }
            // The first end's unit, when written, must be the same unit as the second's;
            // without one, the first end must not be a year ("in 1991 to 7.5%").
            let unit = PercentValue.unit(m)
            if let u1 = m.capture("unit1"), !u1.isEmpty {
                let points = u1.contains { m.document.tokens[$0].folded.hasPrefix("point") }
                guard (unit == .string("percentage_point")) == points else { return nil }
            } else if a.count == 1, m.document.tokens[a.lowerBound].shape == "dddd" {
                return nil
            }
            // "down one to 48 percent" (a change, then a level) and "$14.5 billion or 12%"
            // are no ranges: the ends of a range are within a factor of ten.
            let (small, large) = (min(abs(low), abs(high)), max(abs(low), abs(high)))
            if small > 0 && large > 10 * small { return nil }
            // "rejected it 59% to 41%" is a tally (two shares of one whole, larger first),
            // not a range: two entities, when both figures carry their unit.
            if PercentValue.isTally(low, high, m) { return nil }
            var fields: [String: JSONValue] = ["unit": unit, "low": PercentValue.json(low), "high": PercentValue.json(high)]
            if m.document.tokens[m.range.lowerBound].folded == "between" { fields["qualifier"] = .string("between") }
            guard let n = PercentQualifier.attach(to: m, Normalization(value: .null, fields: fields)) else { return nil }
            // "from 5% to 7%" is a change between two figures, not a range.
            let start = n.range?.lowerBound ?? m.range.lowerBound
            if start > 0 && m.document.tokens[start - 1].folded == "from" { return nil }
            return n
        },
    ]
}
