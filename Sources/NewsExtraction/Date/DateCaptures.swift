/// Reads the named captures of a date rule's match: numbers, ordinals and vocabulary
/// values (`month`, `day`, `year`, `weekday`, `unit`, `rel`, …), the shared vocabulary
/// of all date normalizers.
struct DateCaptures {
    let match: RuleMatch

    init(_ match: RuleMatch) { self.match = match }

    var tokens: [Token] { match.document.tokens }

    func has(_ name: String) -> Bool { match.capture(name).map { !$0.isEmpty } ?? false }

    /// The folded text of a capture (tokens joined by spaces, hyphens kept glued).
    func folded(_ name: String) -> String? {
        guard let r = match.capture(name), !r.isEmpty else { return nil }
        return folded(r)
    }

    /// The folded text of a non-empty token range (one token: its folded form).
    private func folded(_ r: Range<Int>) -> String {
        let tokens = match.document.tokens
        if r.count == 1 { return tokens[r.lowerBound].folded }
        var s = ""
        for i in r {
            if i > r.lowerBound && tokens[i].flags.contains(.spaceBefore) { s += " " }
            s += tokens[i].folded
        }
        return s
    }

    /// The value of a capture in a vocabulary list (the whole capture, else its first token,
    /// else its first token that has one).
    func value(_ name: String, in list: String) -> String? {
        guard let r = match.capture(name), !r.isEmpty else { return nil }
        let table = match.vocabulary.valuedEntries(list)
        if let x = table[folded(r)] { return x }
        // One token: the whole capture was its folded form.
        if r.count == 1 { return nil }
        let tokens = match.document.tokens
        // Abbreviations with their period ("Sept.").
        for i in r { if let x = table[tokens[i].folded] { return x } }
        return nil
    }

    /// The integer of a capture: a number or an ordinal, from its first numeric token.
    func int(_ name: String) -> Int? {
        guard let r = match.capture(name) else { return nil }
        for i in r {
            let t = tokens[i]
            if let n = t.number, n == n.rounded(), abs(n) < 1e9 { return Int(n) }
            if let o = t.ordinal { return o }
        }
        return nil
    }

    /// The digits of a capture's first token as an integer ("05" → 5, "1990s" → 1990).
    func leadingDigits(_ name: String) -> (value: Int, count: Int)? {
        guard let r = match.capture(name) else { return nil }
        for i in r {
            var n = 0, c = 0
            for u in tokens[i].folded.utf8 {
                if u >= 0x30 && u <= 0x39 {
                    if c >= 9 { return nil }  // no date has that many digits (and no overflow)
                    n = n * 10 + Int(u - 0x30); c += 1
                } else if c > 0 { break }
            }
            if c > 0 { return (n, c) }
        }
        return nil
    }

    /// A month: a month name or abbreviation (`month.tsv`), or a number 1–12.
    func month(_ name: String = "month") -> Int? {
        if let v = value(name, in: "month"), let m = Int(v) { return m }
        if let n = int(name), (1...12).contains(n) { return n }
        return nil
    }

    /// A day of the month 1–31 (digits or an ordinal).
    func day(_ name: String = "day") -> Int? {
        guard let n = int(name), (1...31).contains(n) else { return nil }
        return n
    }

    /// A year: four digits, or two after an apostrophe ("'99" → 1999, "'05" → 2005).
    func year(_ name: String = "year") -> Int? {
        guard let (n, c) = leadingDigits(name) else { return nil }
        if c == 4 { return n }
        if c == 2 { return n >= 30 ? 1900 + n : 2000 + n }
        return nil
    }

    /// An offset from last/next/this words (`date_relative.tsv`).
    func relative(_ name: String = "rel") -> Int? {
        value(name, in: "date_relative").flatMap { Int($0) }
    }

    /// A calendar unit (`date_unit.tsv`).
    func unit(_ name: String = "unit") -> TimeUnit? {
        value(name, in: "date_unit").flatMap(TimeUnit.init(code:))
    }

    /// A count: digits or a number word; "a"/"an" is one (`date_count.tsv` gives other words).
    func count(_ name: String = "count") -> Double? {
        guard let r = match.capture(name), !r.isEmpty else { return nil }
        // The whole phrase first: "a few" is vague (no value), "a couple of" is 2.
        if let f = folded(name), match.vocabulary.contains("date_count", f) {
            return match.vocabulary.value("date_count", f).flatMap { Double($0) }
        }
        var total: Double? = nil
        for i in r {
            if let n = tokens[i].number { total = (total ?? 0) + n }
        }
        return total
    }

    /// The modifier's TIMEX3 `mod` (`date_mod.tsv`: early → START…).
    var mod: String? { value("mod", in: "date_mod") ?? folded("mod").flatMap { match.vocabulary.value("date_mod", "the " + $0 + " of") } }

    var tense: Tense { TenseDetector.tense(around: match.range, in: match.document) }

    /// The quarter an earnings report is speaking of, for "a year earlier" and "the
    /// year-ago quarter": the nearest "quarter" within the match or up to `reach` tokens
    /// before it, with its ordinal ("third quarter" → 3; 0 when it has none). Nil when no
    /// quarter is near.
    func contextQuarter(reach: Int = 120, includingMatch: Bool = true) -> Int? {
        let lo = max(0, match.range.lowerBound - reach)
        var i = (includingMatch ? match.range.upperBound : match.range.lowerBound) - 1
        while i >= lo {
            if tokens[i].folded == "quarter" {
                var k = i - 1
                while k >= 0 && i - k <= 3 {
                    let f = tokens[k].folded
                    if let o = tokens[k].ordinal { return (1...4).contains(o) ? o : 0 }
                    if f != "-" && f != "fiscal" && f != "financial" { break }
                    k -= 1
                }
                return 0
            }
            i -= 1
        }
        return nil
    }

    /// The quarters a report has named before the match ("third-quarter profit… in the
    /// quarter"), nearest first: the ordinals of the "quarter" words within `reach` tokens
    /// before it ("the quarter" without one is skipped). Anaphoric "the quarter", "the
    /// latest period" and "the 1988 period" speak of one of them.
    /// With `monthsInSentence`, a span of months named earlier in the same sentence ("In
    /// the first nine months, net was…, compared with … in the 1988 period") is the period
    /// meant: no quarter.
    func namedQuartersBefore(reach: Int = 200, monthsInSentence: Bool = false) -> [Int] {
        let lo = max(0, match.range.lowerBound - reach)
        var out: [Int] = []
        var i = match.range.lowerBound - 1
        var sameSentence = monthsInSentence && !tokens[match.range.lowerBound].flags.contains(.sentenceStart)
        while i >= lo {
            if sameSentence {
                if out.isEmpty, tokens[i].folded == "months", i > 0, tokens[i - 1].number != nil { return [] }
                if tokens[i].flags.contains(.sentenceStart) { sameSentence = false }
            }
            if tokens[i].folded == "quarter" {
                var k = i - 1
                while k >= 0 && i - k <= 3 {
                    let f = tokens[k].folded
                    if let o = tokens[k].ordinal { if (1...4).contains(o) { out.append(o) }; break }
                    if f != "-" && f != "fiscal" && f != "financial" { break }
                    k -= 1
                }
            }
            i -= 1
        }
        return out
    }

    /// The quarter of "the quarter ended July 31": the calendar quarter holding the middle
    /// month of the three that end with the named month (ended Sept. 30 → 3, ended July 31
    /// → 2, ended Jan. 31 → 4), from "ended"/"ending" + a month right after the match.
    func quarterEndedAfter() -> Int? {
        let i = match.range.upperBound
        guard i + 1 < tokens.count, ["ended", "ending"].contains(tokens[i].folded),
              let m = match.vocabulary.value("month", tokens[i + 1].folded).flatMap({ Int($0) }), (1...12).contains(m) else { return nil }
        let middle = (m + 10) % 12  // the month before, 0-based
        return middle / 3 + 1
    }

    /// "a year earlier" in a quarterly report: that quarter a year before (`1988-Q3`), or
    /// the year before the DCT where no quarter is near.
    func yearEarlier(years: Int) -> DateSpec {
        switch contextQuarter() {
        case let q? where q > 0: return .yearPart(year: nil, yearOffset: -years, part: "Q\(q)")
        case 0?: return .shift(unit: .quarter, offset: -1 - 4 * years)
        default: return .shift(unit: .year, offset: -years)
        }
    }
}
