/// Named normalizers for Rank rules (referenced by name from the rule files).
/// A RANK entity's `value` is the position (an integer); its span is the position
/// phrase (capture `span`, else the whole match): "12th", "third-largest", "No. 2",
/// "world number two", "10th place", "top-ranked". Fields `scope` and `criterion`
/// come from the context (`RankContext`). Conventions: docs/percent-rank.md.
public enum RankNormalizers {
    public static let all: [String: Normalizer] = [
        /// The position from capture `position` (an ordinal or a number), or the rule
        /// option `value` ("top-ranked" → 1). Option `criterion`: "noun" reads a noun
        /// phrase after the span as the criterion. Option `check`: "place" rejects the
        /// idioms "in the first place" / "the first place to…"; "number-sign" accepts
        /// "No. 2" only where it names a position, not a document or berth number.
        "rank-position": { m in
            let doc = m.document
            var span = m.capture("span") ?? m.range
            guard !span.isEmpty else { return nil }
            var value: Int? = m.rule.options["value"]?.doubleValue.map { Int($0) }
            if value == nil, let p = m.capture("position"), let i = p.last {
                let t = doc.tokens[i]
                if let o = t.ordinal { value = o } else if let n = t.number, n == n.rounded() { value = Int(n) }
                // "twenty-first": ICU splits the compound; the tens word joins the position and the span.
                if t.ordinal != nil, t.has(.alpha), i >= 2, let o = value, o < 10,
                   doc.tokens[i - 1].folded == "-", doc.tokens[i - 1].flags.isDisjoint(with: .spaceBefore),
                   t.flags.isDisjoint(with: .spaceBefore), let tens = doc.tokens[i - 2].number,
                   tens >= 20, tens < 100, tens.truncatingRemainder(dividingBy: 10) == 0, doc.tokens[i - 2].has(.alpha) {
                    value = Int(tens) + o
                    if span.lowerBound == i { span = (i - 2)..<span.upperBound }
                }
            }
            guard let position = value, position >= 1 else { return nil }
            switch m.rule.option("check") {
            case "place"?:
                if !RankChecks.isPlacing(span, position: position, in: doc) { return nil }
            case "number-sign"?:
                if !RankChecks.isNumberSign(span, position: position, in: doc) { return nil }
            default:
                break
            }
            let context = RankContext(document: doc)
            let fields = context.fields(span: span, nounCriterion: m.rule.option("criterion") == "noun")
            return Normalization(value: .int(position), fields: fields, range: span)
        },
    ]
}
