/// Named matchers for date rules (referenced by name from the rule files).
public enum DateMatchers {
    public static let all: [String: Matcher] = [
        "date.modifier": modifier,
        "date.anaphoric": anaphoric,
    ]

    /// Stage 2, after the determiner and modifier passes: a relative date with an
    /// anaphoric word (list `date_anaphoric.tsv`: "following", "previous", "that") counts
    /// from the date the text gave last ("in 1995 … the following year" → 1996), as TimeML
    /// resolves narrative dates, not from the DCT. The reference is the nearest date
    /// before it within option `reach` tokens (default 150) that names a day, month or
    /// year (a calendar date, a weekday, a holiday, "yesterday"); without one the date
    /// keeps its DCT value. Emits a copy of the date (the rule's priority wins).
    static let anaphoric: Matcher = { input in
        // No date, nothing to do (no list or option looked up: a per-document cost).
        guard Self.hasDate(input.candidates) else { return [] }
        let tokens = input.document.tokens
        func spec(_ c: UnsafePointer<Candidate>) -> DateSpec? {
            guard c.pointee.rule.hasPrefix("date."), c.pointee.type == .date, let t = c.pointee.deferred as? TimexValue else { return nil }
            return t.spec
        }
        let anaphoricWord = WordList("date_anaphoric", in: input.document)
        func isAnaphoric(_ r: Range<Int>) -> Bool { r.contains { anaphoricWord.contains(tokens[$0]) } }
        func isReference(_ s: DateSpec) -> Bool {
            switch s {
            case .calendar, .weekday, .holiday: return true
            case .shift(.day, _): return true
            default: return false
            }
        }
        // The dates that can be a reference, by end token (the first of equal ends wins):
        // each anaphoric date finds the nearest one before it by binary search, so that a
        // long document costs n log n, not n².
        // (Candidates are read in place: most are not dates, and copying each costs. The
        // anaphoric dates are found first, by their words: most documents have none, and
        // then no date's spec is read.)
        let candidates = input.candidates
        var references: [(end: Int, spec: DateSpec)] = []
        var anaphoric: [(index: Int, spec: DateSpec)] = []
        candidates.withUnsafeBufferPointer { all in
            for i in all.indices where all[i].type == .date {
                let c = all.baseAddress! + i
                guard let orange = c.pointee.tokenRange, isAnaphoric(orange), let os = spec(c) else { continue }
                anaphoric.append((i, os))
            }
            if anaphoric.isEmpty { return }
            for i in all.indices where all[i].type == .date {
                let c = all.baseAddress! + i
                guard let orange = c.pointee.tokenRange, !isAnaphoric(orange), let os = spec(c) else { continue }
                if isReference(os) { references.append((orange.upperBound, os)) }
            }
        }
        if anaphoric.isEmpty { return [] }
        let reach = input.rule.options["reach"]?.doubleValue.map(Int.init) ?? 150
        references = references.enumerated().sorted { ($0.element.end, $0.offset) < ($1.element.end, $1.offset) }.map(\.element)
        var out: [Candidate] = []
        for (i, s) in anaphoric {
            let c = candidates[i]
            guard let r = c.tokenRange else { continue }
            switch s {
            case .shift(.year, _), .shift(.month, _), .shift(.week, _), .shift(.day, _), .weekday(_, .some(_), _): break
            default: continue
            }
            // The last reference ending at or before the date, then the first of that end.
            var low = 0, high = references.count
            while low < high {
                let mid = (low + high) / 2
                if references[mid].end <= r.lowerBound { low = mid + 1 } else { high = mid }
            }
            guard low > 0 else { continue }
            var k = low - 1
            while k > 0 && references[k - 1].end == references[k].end { k -= 1 }
            let best = references[k]
            guard r.lowerBound - best.end <= reach, var t = c.deferred as? TimexValue else { continue }
            t.spec = .anaphoric(reference: best.spec, shift: s)
            var made = c
            made.deferred = t
            made.rule = input.rule.id
            out.append(made)
        }
        return out
    }

    /// Whether some candidate is a date.
    static func hasDate(_ candidates: [Candidate]) -> Bool {
        // (Read in place: iterating the elements would copy each candidate.)
        candidates.withUnsafeBufferPointer { all in all.indices.contains { all[$0].type == .date } }
    }

    /// Whether a date names a day or a week: a weekday, "today", "yesterday", a calendar
    /// day, "this week".
    static func isDayOrWeek(_ c: Candidate) -> Bool {
        guard let t = c.deferred as? TimexValue else { return false }
        func check(_ s: DateSpec) -> Bool {
            switch s {
            case .weekday, .weekend: return true
            case .shift(let unit, _): return unit == .day || unit == .week || unit == .weekend || unit == .hour || unit == .minute
            case .calendar(_, _, let day, _): return day != nil
            case .holiday: return true
            case .anaphoric(_, let shift): return check(shift)
            default: return false
            }
        }
        return check(t.spec)
    }

    /// Stage 2: extends a date found by another date rule over a modifier phrase right
    /// before it ("early", "late", "mid-", "the end of", "around", "nearly" — the list
    /// named by option `vocab`, default `date_mod`, whose values are TIMEX3 `mod`s), as
    /// TimeML includes them in the expression: "early next year", "the end of 1990". With
    /// option `rules` it extends only those rules' dates (used for the determiner of "the
    /// 1990s", so that those patterns can start with an indexed token).
    static let modifier: Matcher = { input in
        guard Self.hasDate(input.candidates) else { return [] }
        let tokens = input.document.tokens
        let longest = 4
        // The rule's options and the list's tables, made once per rule and thread.
        let tables = DateModifierTables.of(input)
        // Option `rules`: extend only candidates of these rules (a determiner: "the" +
        // "1990s"); without it every date rule's, as `date.modifier`.
        // (A list searched only for the few dates that pass the first test: building a set
        // for every document cost more.)
        let only = tables.only, notPossessive = tables.notPossessive, dayList = tables.dayList
        let mods = tables.values, dayPhrases = tables.dayPhrases
        var out: [Candidate] = []
        let candidates = input.candidates
        for i in candidates.indices where candidates[i].type == .date {
            // No entry of the list ends with the word before the date: no phrase to look up
            // (tested before the candidate is copied: most fail here).
            guard let first = candidates[i].tokenRange?.lowerBound, first > 0,
                  tokens.withUnsafeBufferPointer({ tables.canEndEntry($0.baseAddress! + first - 1) }) else { continue }
            let c = candidates[i]
            guard c.rule.hasPrefix("date.") else { continue }
            if let only, !only.contains(where: { $0.stringValue == c.rule }) { continue }
            // "now", "recently": no modifiers ("is around at the moment").
            if let t = c.deferred as? TimexValue, case .reference = t.spec { continue }
            guard let r = c.tokenRange, r.lowerBound > 0 else { continue }
            // Option `notPossessive`: a date that determines a noun ("around Wednesday's
            // ruling") is not what the word before it modifies.
            if notPossessive, r.upperBound < tokens.count,
               tokens[r.upperBound].folded == "'s" || tokens[r.upperBound].folded == "'" { continue }
            // Option `notBeforeDay` (a list name): these comparatives stay outside a day or a
            // week ("earlier [Friday]", "later [today]", "earlier [this week]": a time relative
            // to another event within that day), but not a month or a year ("earlier this year").
            let dayLevel = dayList != nil && Self.isDayOrWeek(c)
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
                if dayLevel, dayPhrases.contains(phrase) { continue }
                if !gluedToHyphen, let mod = mods[phrase] { best = (k, mod) }
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
