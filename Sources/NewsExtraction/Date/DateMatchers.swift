/// Named matchers for date rules (referenced by name from the rule files).
public enum DateMatchers {
    public static let all: [String: Matcher] = [
        "date.modifier": modifier,
    ]

    /// Stage 2: extends a date found by another date rule over a modifier phrase right
    /// before it ("early", "late", "mid-", "the end of", "around", "nearly" — the list
    /// named by option `vocab`, default `date_mod`, whose values are TIMEX3 `mod`s), as
    /// TimeML includes them in the expression: "early next year", "the end of 1990". With
    /// option `rules` it extends only those rules' dates (used for the determiner of "the
    /// 1990s", so that those patterns can start with an indexed token).
    static let modifier: Matcher = { input in
        let tokens = input.document.tokens
        let vocabulary = input.document.vocabulary
        let list = input.rule.option("vocab") ?? "date_mod"
        let longest = 4
        // Option `rules`: extend only candidates of these rules (a determiner: "the" +
        // "1990s"); without it every date rule's, as `date.modifier`.
        var only: Set<String>? = nil
        if case .array(let list)? = input.rule.options["rules"] { only = Set(list.compactMap(\.stringValue)) }
        var out: [Candidate] = []
        for c in input.candidates where c.rule.hasPrefix("date.") && c.type == .date {
            if let only, !only.contains(c.rule) { continue }
            // "now", "recently": no modifiers ("is around at the moment").
            if let t = c.deferred as? TimexValue, case .reference = t.spec { continue }
            guard let r = c.tokenRange, r.lowerBound > 0 else { continue }
            var best: (start: Int, mod: String)? = nil
            var k = r.lowerBound
            while k > 0 && r.lowerBound - k < longest {
                k -= 1
                if tokens[k + 1].flags.contains(.sentenceStart) { break }
                var phrase = tokens[k].folded
                for i in (k + 1)..<r.lowerBound {
                    if tokens[i].flags.contains(.spaceBefore) { phrase += " " }
                    phrase += tokens[i].folded
                }
                // Not inside a hyphenated word ("year-earlier third quarter").
                let gluedToHyphen = k > 0 && !tokens[k].flags.contains(.spaceBefore) && tokens[k - 1].folded == "-"
                if !gluedToHyphen, let mod = vocabulary.value(list, phrase) { best = (k, mod) }
            }
            guard let best else { continue }
            var made = c
            made.start = tokens[best.start].start
            made.tokenRange = best.start..<r.upperBound
            made.rule = input.rule.id
            if best.mod != "-" { made.fields["mod"] = .string(best.mod) }
            out.append(made)
        }
        return out
    }
}
