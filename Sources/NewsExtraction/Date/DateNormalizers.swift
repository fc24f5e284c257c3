/// Named normalizers for Date rules (referenced by name from the rule files). Each reads
/// the rule's named captures (see `DateCaptures`), builds an underspecified `DateSpec`
/// and returns it as a deferred `TimexValue`, anchored to the DCT in stage 6. Values that
/// need no DCT (durations, sets) are returned directly. A normalizer returns nil to
/// reject a match (an impossible date, a year out of range).
public enum DateNormalizers {
    public static let all: [String: Normalizer] = [
        "date.calendar": calendar,
        "date.year": year,
        "date.decade": decade,
        "date.century": century,
        "date.year-part": yearPart,
        "date.relative-part": relativePart,
        "date.season": season,
        "date.shift": shift,
        "date.ago": ago,
        "date.weekday": weekday,
        "date.month": month,
        "date.literal": literal,
        "date.duration": duration,
        "date.set": set,
        "date.time": time,
        "date.range": range,
        "date.year-range": yearRange,
        "date.spoken-year": spokenYear,
        "date.weekend": weekend,
        "date.month-relative-year": monthRelativeYear,
        "date.year-earlier": yearEarlier,
        "date.holiday": holiday,
        "date.week-of": weekOf,
    ]

    /// "the week of March 6" → the ISO week of that day (`2000-W10`): captures `month`,
    /// `day`, optional `year`, as `date.calendar`.
    static let weekOf: Normalizer = { m in
        guard let n = calendar(m), let t = n.deferred as? TimexValue, case .calendar(_, _?, _?, _) = t.spec else { return nil }
        var w = t
        w.spec = .anaphoric(reference: t.spec, shift: .shift(unit: .week, offset: 0))
        return Normalization(deferred: w)
    }

    /// Wraps a spec: the `mod` capture, the rule's `timex_type` option.
    static func done(_ c: DateCaptures, _ spec: DateSpec, type: String? = nil) -> Normalization {
        let t = type ?? c.match.rule.option("timex_type") ?? "DATE"
        return Normalization(deferred: TimexValue(spec, timexType: t, mod: c.mod ?? c.match.rule.option("mod")))
    }

    /// A fixed value (durations, sets, times): no anchoring.
    static func fixed(_ c: DateCaptures, _ value: String, type: String) -> Normalization {
        var fields: [String: JSONValue] = ["timex_type": .string(type)]
        if let mod = c.mod ?? c.match.rule.option("mod") { fields["mod"] = .string(mod) }
        return Normalization(value: .string(value), fields: fields)
    }

    static func yearInRange(_ c: DateCaptures, _ y: Int) -> Bool {
        let lo = c.match.rule.options["minYear"]?.doubleValue.map(Int.init) ?? 1000
        let hi = c.match.rule.options["maxYear"]?.doubleValue.map(Int.init) ?? 2099
        return y >= lo && y <= hi
    }

    /// "January 5, 2023", "5 January 2023", "Jan. 5", "January 2023", "2023-01-05", "01/05/2023".
    /// Captures: `month`, `day`, `year` (any may be absent, not all). Rejects impossible days.
    static let calendar: Normalizer = { m in
        let c = DateCaptures(m)
        let month = c.month()
        if c.has("month") && month == nil { return nil }
        let day = c.day()
        if c.has("day") && day == nil { return nil }
        var year: Int? = nil
        if c.has("year") {
            guard let y = c.year(), yearInRange(c, y) else { return nil }
            year = y
        }
        if let day {
            guard let month, CalendarDay.isValid(year: year, month: month, day: day) else { return nil }
        }
        if year == nil && month == nil { return nil }
        return done(c, .calendar(year: year, month: month, day: day, tense: year == nil ? c.tense : .unknown))
    }

    /// A year alone: "1998", "in 2023", "fiscal 1998", "'99".
    static let year: Normalizer = { m in
        let c = DateCaptures(m)
        guard let y = c.year(), yearInRange(c, y) else { return nil }
        // Option `quarterContext`: "the 1988 period" of a report that has just named a
        // quarter is that quarter of 1988.
        if c.match.rule.options["quarterContext"] == .bool(true) {
            let named = c.namedQuartersBefore(monthsInSentence: true)
            if !named.isEmpty { return done(c, .reportedQuarter(year: y, named: named)) }
        }
        return done(c, .calendar(year: y, month: nil, day: nil, tense: .unknown))
    }

    /// "the 1990s" → 199, "the '90s" → 199, "the nineties" → 199 (decade word values in
    /// `date_decade_word.tsv`: 9 → the 1900s' nineties).
    static let decade: Normalizer = { m in
        let c = DateCaptures(m)
        if let (n, count) = c.leadingDigits("decade") {
            guard let f = c.folded("decade"), f.hasSuffix("s") else { return nil }
            if count == 4, n % 10 == 0 { return done(c, .decade(n / 10)) }
            if count == 2, n % 10 == 0 { return done(c, .decade(n >= 30 ? 190 + n / 10 : 200 + n / 10)) }
            return nil
        }
        if let v = c.value("decade", in: "date_decade_word"), let d = Int(v) {
            if let cent = c.int("century"), (10...29).contains(cent) { return done(c, .decade(cent * 10 + d)) }
            return done(c, .decade(190 + d))
        }
        return nil
    }

    /// "the 21st century" → 20 (TIMEX3 gives the first two digits of its years).
    static let century: Normalizer = { m in
        let c = DateCaptures(m)
        guard let n = c.int("ordinal"), (1...30).contains(n) else { return nil }
        return done(c, .century(n - 1))
    }

    /// "the third quarter of 1998" → 1998-Q3, "the first half" → H1 of the DCT's year,
    /// "last year's fourth quarter" → Q4 of the year before the DCT.
    /// Captures: `ordinal`, `part` (`date_part.tsv`: Q or H), optional `year`, `rel`.
    static let yearPart: Normalizer = { m in
        let c = DateCaptures(m)
        guard let p = c.value("part", in: "date_part") else { return nil }
        let count = p == "Q" ? 4 : p == "H" ? 2 : 0
        // "the last half of 1989": capture `last` stands for the final part.
        guard let n = c.has("last") ? count : c.int("ordinal") else { return nil }
        guard (1...count).contains(n) else { return nil }
        var year: Int? = nil
        if c.has("year") {
            guard let y = c.year(), yearInRange(c, y) else { return nil }
            year = y
        }
        if year == nil && !c.has("rel") { return done(c, .yearPartNearest(letter: p, number: n, tense: c.tense)) }
        return done(c, .yearPart(year: year, yearOffset: c.relative() ?? 0, part: p + String(n)))
    }

    /// "the latest quarter", "this quarter", "next quarter", "the first half" of the DCT:
    /// `part` with an optional `rel`; without one the rule's `offset` option.
    static let relativePart: Normalizer = { m in
        let c = DateCaptures(m)
        guard let p = c.value("part", in: "date_part") ?? c.match.rule.option("part") else { return nil }
        let offset = c.relative() ?? c.match.rule.options["offset"]?.doubleValue.map(Int.init) ?? 0
        // Option `quarterContext`: "the quarter" of a report that has just named one
        // ("third-quarter profit rose… in the quarter") is that quarter.
        // With a `rel` word, only those of option `contextRel` ("latest").
        var contextual = c.match.rule.options["quarterContext"] == .bool(true)
        if contextual, let rel = c.folded("rel") {
            if case .array(let words)? = c.match.rule.options["contextRel"] { contextual = words.contains(.string(rel)) } else { contextual = false }
        }
        if p == "Q", offset == -1, contextual {
            // "the quarter ended July 31": the quarter that date closes.
            if let q = c.quarterEndedAfter() { return done(c, .yearPartNearest(letter: "Q", number: q, tense: .past)) }
            let named = c.namedQuartersBefore()
            if !named.isEmpty { return done(c, .reportedQuarter(year: nil, named: named)) }
        }
        return done(c, .shift(unit: p == "Q" ? .quarter : .half, offset: offset))
    }

    /// "summer 2022" → 2022-SU, "this summer", "last fall", "the summer" (the DCT's year).
    static let season: Normalizer = { m in
        let c = DateCaptures(m)
        guard let s = c.value("season", in: "season") else { return nil }
        if c.has("year") {
            guard let y = c.year(), yearInRange(c, y) else { return nil }
            return done(c, .yearPart(year: y, yearOffset: 0, part: s))
        }
        if let r = c.relative() {
            // "this past spring" is the latest spring; "last spring" the spring of last year.
            if c.has("this") { return done(c, .relativeSeason(s, offset: r)) }
            return done(c, .yearPart(year: nil, yearOffset: r, part: s))
        }
        return done(c, .yearPart(year: nil, yearOffset: 0, part: s))
    }

    /// "last year", "next month", "this week", "the previous year", "today", "yesterday":
    /// `rel` + `unit`, or `deictic` (`date_deictic.tsv`: yesterday → -1 day).
    static let shift: Normalizer = { m in
        let c = DateCaptures(m)
        if let v = c.value("deictic", in: "date_deictic"), let d = Int(v) {
            return done(c, .shift(unit: .day, offset: d))
        }
        guard let unit = c.unit() ?? c.value("unit", in: "date_unit").flatMap(TimeUnit.init(code:)) ?? (c.has("unit") ? TimeUnit.year : nil) else { return nil }
        let offset = c.relative() ?? c.match.rule.options["offset"]?.doubleValue.map(Int.init) ?? 0
        return done(c, .shift(unit: unit, offset: offset))
    }

    /// "two weeks ago", "three years earlier", "a year ago", "10 days from now":
    /// `count` + `unit` + `dir` (`date_direction.tsv`: ago → -1). A vague count ("several
    /// years ago") gives PAST_REF / FUTURE_REF.
    static let ago: Normalizer = { m in
        let c = DateCaptures(m)
        guard let unit = c.unit(), let dir = c.value("dir", in: "date_direction").flatMap({ Int($0) }) else { return nil }
        guard let n = c.count() else {
            return done(c, .reference(dir < 0 ? "PAST_REF" : "FUTURE_REF"))
        }
        guard n == n.rounded(), n >= 1, n < 100000 else { return nil }
        // Hours and minutes before the DCT need its time of day: left to the duration rule.
        if unit == .hour || unit == .minute { return nil }
        let k = Int(n) * dir
        // Beyond two millennia: only the direction is kept ("6,000 years ago").
        let years = unit == .decade ? Int(n) * 10 : unit == .century ? Int(n) * 100 : unit == .year ? Int(n) : 0
        if years > 2000 { return done(c, .reference(dir < 0 ? "PAST_REF" : "FUTURE_REF")) }
        if unit == .year && k == -1 && m.rule.options["quarterContext"] == .bool(true) { return done(c, c.yearEarlier(years: 1)) }
        switch unit {
        case .week: return done(c, .shift(unit: .day, offset: k * 7))
        case .decade: return done(c, .shift(unit: .year, offset: k * 10))
        case .century: return done(c, .shift(unit: .year, offset: k * 100))
        default: return done(c, .shift(unit: unit, offset: k))
        }
    }

    /// "Friday", "last Friday", "next Tuesday", "this Monday": `weekday`, optional `rel`.
    static let weekday: Normalizer = { m in
        let c = DateCaptures(m)
        guard let w = c.value("weekday", in: "weekday").flatMap({ Int($0) }) else { return nil }
        if c.has("rel") {
            guard let r = c.relative() else { return nil }
            return done(c, .weekday(w, offset: r, tense: .unknown))
        }
        return done(c, .weekday(w, offset: nil, tense: c.tense))
    }

    /// "March" (year by tense, else nearest), "last April", "next March", "this September".
    static let month: Normalizer = { m in
        let c = DateCaptures(m)
        guard let month = c.month() else { return nil }
        if c.has("rel") {
            guard let r = c.relative() else { return nil }
            return done(c, .relativeMonth(month, offset: r))
        }
        return done(c, .calendar(year: nil, month: month, day: nil, tense: c.tense))
    }

    /// A fixed value from the rule's options: `value` (e.g. PRESENT_REF) and `timex_type`.
    static let literal: Normalizer = { m in
        let c = DateCaptures(m)
        guard let v = m.rule.option("value") else { return nil }
        // Option `notInPast`: "soon" in a past clause ("was soon released") is shortly after
        // a past event, not the future.
        if m.rule.options["notInPast"] == .bool(true), c.tense == .past { return nil }
        let type = m.rule.option("timex_type") ?? "DATE"
        if v.hasSuffix("_REF") { return done(c, .reference(v), type: type) }
        return fixed(c, v, type: type)
    }

    /// "seven years" → P7Y, "two weeks" → P2W, "five-year-old" → P5Y, "a decade" → P1DE,
    /// "several months" → PXM: `count` + `unit`, typed DURATION.
    static let duration: Normalizer = { m in
        let c = DateCaptures(m)
        let type = m.rule.option("timex_type") ?? "DURATION"  // (read here: inside `??` the rule was copied)
        guard let unit = c.unit() else { return nil }
        var amount = "X"
        if c.has("count") {
            if let n = c.count() {
                guard n > 0, n < 100000 else { return nil }
                amount = n == n.rounded() ? String(Int(n)) : String(n)
            }
        } else {
            amount = "1"
        }
        return fixed(c, unit.duration(amount), type: type)
    }

    /// "every year" → P1Y, "each Monday" → XXXX-WXX-1, typed SET.
    static let set: Normalizer = { m in
        let c = DateCaptures(m)
        if let w = c.value("weekday", in: "weekday") { return fixed(c, "XXXX-WXX-" + w, type: "SET") }
        guard let unit = c.unit() else { return nil }
        let n = c.count().map { String(Int($0)) } ?? "1"
        return fixed(c, unit.duration(n), type: "SET")
    }

    /// "9 a.m.", "3:30 p.m." → T09:00, T15:30, typed TIME (the day is not resolved).
    static let time: Normalizer = { m in
        let c = DateCaptures(m)
        guard var h = c.int("hour"), (0...24).contains(h) else { return nil }
        var minute = 0
        if c.has("minute") {
            guard let mm = c.leadingDigits("minute")?.value, (0...59).contains(mm) else { return nil }
            minute = mm
        }
        if let ampm = c.folded("ampm") {
            guard (1...12).contains(h) else { return nil }
            if ampm.hasPrefix("p") && h < 12 { h += 12 }
            if ampm.hasPrefix("a") && h == 12 { h = 0 }
        }
        return fixed(c, "T" + String(format2: h) + ":" + String(format2: minute), type: "TIME")
    }

    /// "August 30-September 1", "May 1-3", "between May 1 and May 3": `month`, `day`,
    /// optional `year`, then `month2` (defaults to `month`), `day2`, optional `year2`.
    static let range: Normalizer = { m in
        let c = DateCaptures(m)
        guard let m1 = c.month() else { return nil }
        let d1 = c.day()
        if c.has("day") && d1 == nil { return nil }
        let m2 = c.has("month2") ? c.month("month2") : m1
        guard let m2 else { return nil }
        let d2 = c.day("day2")
        if c.has("day2") && d2 == nil { return nil }
        let y1 = c.has("year") ? c.year() : nil
        let y2 = c.has("year2") ? c.year("year2") : nil
        if let d1 { guard CalendarDay.isValid(year: y1 ?? y2, month: m1, day: d1) else { return nil } }
        if let d2 { guard CalendarDay.isValid(year: y2 ?? y1, month: m2, day: d2) else { return nil } }
        if d1 != nil, d2 != nil, m1 == m2, d2! <= d1! { return nil }
        let tense = (y1 ?? y2) == nil ? c.tense : Tense.unknown
        let start = DateSpec.calendar(year: y1 ?? y2, month: m1, day: d1, tense: tense)
        let end = DateSpec.calendar(year: y2 ?? y1, month: m2, day: d2, tense: tense)
        return done(c, .range(start, end))
    }

    /// "from 2010 to 2015", "1998-99", "2020/21", "the 2010-2015 period": `year` and
    /// `year2` (two digits take the first year's century).
    static let yearRange: Normalizer = { m in
        let c = DateCaptures(m)
        guard let (a, ac) = c.leadingDigits("year"), ac == 4, yearInRange(c, a) else { return nil }
        guard let (b0, bc) = c.leadingDigits("year2") else { return nil }
        let b: Int
        if bc == 4 { b = b0 } else if bc == 2 { b = a / 100 * 100 + b0 + (b0 < a % 100 ? 100 : 0) } else { return nil }
        guard b > a, b - a <= (bc == 2 ? 10 : 100) else { return nil }
        return done(c, .range(.calendar(year: a, month: nil, day: nil, tense: .unknown),
                              .calendar(year: b, month: nil, day: nil, tense: .unknown)))
    }

    /// Years said in words: "nineteen ninety-six" → 1996, "the year two thousand" → 2000,
    /// "two thousand and three" → 2003: `hundreds` (19) and `rest` (96), or `thousands`.
    static let spokenYear: Normalizer = { m in
        let c = DateCaptures(m)
        var y: Int
        if c.has("hundreds") {
            guard let h = c.int("hundreds"), (10...20).contains(h) else { return nil }
            var rest = 0.0
            if let r = m.capture("rest") { for i in r { rest += m.document.tokens[i].number ?? 0 } }
            guard rest >= 0, rest < 100 else { return nil }
            y = h * 100 + Int(rest)
        } else if c.has("thousands") {
            guard let t = c.count("thousands"), t == 2000 || t == 1000 || t == 2 else { return nil }
            var rest = 0.0
            if let r = m.capture("rest") { for i in r { rest += m.document.tokens[i].number ?? 0 } }
            y = 2000 + Int(rest)
        } else { return nil }
        guard yearInRange(c, y) else { return nil }
        if let month = c.month() { return done(c, .calendar(year: y, month: month, day: nil, tense: .unknown)) }
        return done(c, .calendar(year: y, month: nil, day: nil, tense: .unknown))
    }

    /// "the weekend", "over the weekend": the past weekend unless the clause speaks of the future.
    static let weekend: Normalizer = { m in
        let c = DateCaptures(m)
        return done(c, .weekend(tense: c.tense))
    }

    /// "July last year", "January this year", "March next year": `month` and `rel` (of the year).
    static let monthRelativeYear: Normalizer = { m in
        let c = DateCaptures(m)
        guard let month = c.month(), let r = c.relative() else { return nil }
        return done(c, .yearPart(year: nil, yearOffset: r, part: String(format2: month)))
    }

    /// "the year-ago quarter", "the year-earlier period", "year-earlier": the year before the
    /// DCT, or in a quarterly report that quarter a year before.
    static let yearEarlier: Normalizer = { m in
        let c = DateCaptures(m)
        return done(c, c.yearEarlier(years: 1))
    }

    /// Holidays (`date_holiday.tsv`): "Christmas" (value `12-25`), "Thanksgiving"
    /// (`11-4>=22`: the Thursday on or after November 22); optional `rel` (last/next/this).
    static let holiday: Normalizer = { m in
        let c = DateCaptures(m)
        guard let f = c.folded("holiday"), let v = m.vocabulary.value("date_holiday", f) else { return nil }
        // "MM-DD" or "MM-W>=DD".
        let parts = v.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]) else { return nil }
        var weekday: Int? = nil
        var day: Int
        if let ge = parts[1].firstIndex(of: ">") {
            guard let w = Int(parts[1][..<ge]), let d = Int(parts[1][parts[1].index(ge, offsetBy: 2)...]) else { return nil }
            weekday = w
            day = d
        } else {
            guard let d = Int(parts[1]) else { return nil }
            day = d
        }
        let offset = c.has("rel") ? c.relative() : nil
        return done(c, .holiday(month: month, day: day, weekday: weekday, offset: offset, tense: offset == nil ? c.tense : .unknown))
    }
}
