/// Stage 6 for dates: anchors a `DateSpec` to the document creation time (DCT) at the
/// precision the DCT has, and writes the TIMEX3 value. Where the DCT is missing or too
/// coarse, the value stays underspecified (`XXXX`, `XXXX-XX`, `XXXX-08-30`,
/// `XXXX-WXX-5`) and `anchored` is false; the machine's clock is never read.
/// The policies (weekdays, months without a year, seasons) are documented in `docs/dates.md`.
public struct DateAnchor: Sendable {
    public let dct: DocumentDate?

    public init(dct: DocumentDate?) { self.dct = dct }

    /// The anchored TIMEX3 value and whether the DCT could give every part.
    public func value(_ spec: DateSpec) -> (value: String, anchored: Bool) {
        switch spec {
        case .calendar(let year, let month, let day, let tense):
            if let year { return (Self.format(year, month, day), true) }
            guard let month else { return ("XXXX", false) }
            guard let y = chooseYear(month: month, day: day, tense: tense) else {
                return ("XXXX-" + String(format2: month) + (day.map { "-" + String(format2: $0) } ?? ""), false)
            }
            return (Self.format(y, month, day), true)
        case .yearPart(let year, let offset, let part):
            if let year { return (String(format4: year) + "-" + part, true) }
            guard let dct else { return ("XXXX-" + part, false) }
            return (String(format4: dct.year + offset) + "-" + part, true)
        case .yearPartNearest(let letter, let n, let tense):
            let part = letter + String(n)
            guard let dct else { return ("XXXX-" + part, false) }
            guard let m = dct.month else { return (String(format4: dct.year) + "-" + part, true) }
            let current = letter == "Q" ? (m - 1) / 3 + 1 : (m - 1) / 6 + 1
            let y = n > current && tense != .future ? dct.year - 1 : dct.year
            return (String(format4: y) + "-" + part, true)
        case .reportedQuarter(let year, let named):
            if let year, let q = named.first { return (String(format4: year) + "-Q" + String(q), true) }
            guard let dct else { return ("XXXX-QX", false) }
            guard let m = dct.month else { return named.first.map { (String(format4: dct.year) + "-Q" + String($0), true) } ?? ("XXXX-QX", false) }
            let current = (m - 1) / 3 + 1
            // The DCT's own quarter has not ended: not the one a report gives results of.
            if let q = named.first(where: { $0 != current }) {
                return (String(format4: q > current ? dct.year - 1 : dct.year) + "-Q" + String(q), true)
            }
            return shift(.quarter, -1)
        case .decade(let d):
            return (String(d), true)
        case .century(let c):
            return (String(format2: c), true)
        case .shift(let unit, let offset):
            return shift(unit, offset)
        case .weekday(let w, let offset, let tense):
            guard let today = dctDay else { return ("XXXX-WXX-\(w)", false) }
            return (Self.weekday(w, offset: offset, tense: tense, from: today).description, true)
        case .anaphoric(let reference, let shift):
            if let v = anaphoric(shift, from: value(reference).value) { return (v, true) }
            return value(shift)
        case .weekend(let tense):
            guard let today = dctDay else { return ("XXXX-WXX-WE", false) }
            var day = today
            if today.weekday < 6 { day = tense == .future ? today.adding(days: 6 - today.weekday) : today.adding(days: -today.weekday) }
            let w = day.isoWeek
            return (String(format4: w.year) + "-W" + String(format2: w.week) + "-WE", true)
        case .holiday(let month, let day, let weekday, let offset, let tense):
            func date(_ y: Int) -> CalendarDay {
                let d = CalendarDay(year: y, month: month, day: day)
                guard let weekday else { return d }
                return d.adding(days: (weekday - d.weekday + 7) % 7)
            }
            guard let dct else { return ("XXXX-" + String(format2: month) + (weekday == nil ? "-" + String(format2: day) : "-XX"), false) }
            guard let today = dctDay else { return (date(dct.year + (offset ?? 0)).description, true) }
            let candidates = [dct.year - 1, dct.year, dct.year + 1].map(date)
            let chosen: CalendarDay
            switch offset {
            case .some(-1): chosen = candidates.last { $0 < today } ?? candidates[0]
            case .some(1): chosen = candidates.first { $0 > today } ?? candidates[2]
            case .some(_): chosen = candidates[1]
            case nil:
                chosen = candidates.min { a, b in cost(a.dayNumber - today.dayNumber, tense) < cost(b.dayNumber - today.dayNumber, tense) }!
            }
            return (chosen.description, true)
        case .relativeMonth(let m, let offset):
            guard let dct, let dm = dct.month else {
                if offset == 0, let dct { return (Self.format(dct.year, m, nil), true) }
                return ("XXXX-" + String(format2: m), false)
            }
            var y = dct.year
            if offset < 0 { if m >= dm { y -= 1 } } else if offset > 0 { if m <= dm { y += 1 } }
            return (Self.format(y, m, nil), true)
        case .relativeSeason(let s, let offset):
            guard let dct else { return ("XXXX-" + s, false) }
            guard let dm = dct.month else { return (String(format4: dct.year + offset) + "-" + s, true) }
            let current = Self.seasonIndex(month: dm), target = Self.seasonIndex(code: s)
            var y = dct.year
            if offset < 0 { if target >= current { y -= 1 } } else if offset > 0 { if target <= current { y += 1 } }
            return (String(format4: y) + "-" + s, true)
        case .reference(let r):
            return (r, true)
        case .range(let a, let b):
            let start = value(a)
            var endSpec = b
            // The end's missing year follows the start; past the year's end it rolls over.
            if case .calendar(nil, let m2?, let d2, _) = b, case .calendar(_, let m1?, let d1, _) = a,
               let y = Self.year(of: start.value) {
                let rolls = m2 < m1 || (m2 == m1 && (d2 ?? 0) < (d1 ?? 0))
                endSpec = .calendar(year: y + (rolls ? 1 : 0), month: m2, day: d2, tense: .unknown)
            }
            let end = value(endSpec)
            return (start.value + "/" + end.value, start.anchored && end.anchored)
        }
    }

    /// The weekday `w` seen from `today`: nil offset by tense (the day itself, else the
    /// past one, the next one for the future), -1 strictly before, +1 strictly after,
    /// 0 in the same ISO week.
    static func weekday(_ w: Int, offset: Int?, tense: Tense, from today: CalendarDay) -> CalendarDay {
        let dw = today.weekday
        var delta: Int
        switch offset {
        case nil:
            if w == dw { delta = 0 } else if tense == .future { delta = (w - dw + 7) % 7 } else { delta = -((dw - w + 7) % 7) }
        case .some(-1):
            delta = -((dw - w + 7) % 7); if delta == 0 { delta = -7 }
        case .some(1):
            delta = (w - dw + 7) % 7; if delta == 0 { delta = 7 }
        default:
            delta = w - dw
        }
        return today.adding(days: delta)
    }

    /// `shift` counted from an anchored reference value (`1996`, `1989-04`, `1989-10-27`),
    /// nil when the reference lacks the precision the unit needs.
    func anaphoric(_ shift: DateSpec, from reference: String) -> String? {
        let parts = reference.split(separator: "-").map(String.init)
        guard !parts.isEmpty, parts.count <= 3, !reference.contains("/"), parts[0].utf8.count == 4,
              parts[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        let day = m.flatMap { m in d.map { CalendarDay(year: y, month: m, day: $0) } }
        switch shift {
        case .shift(.year, let k): return String(format4: y + k)
        case .shift(.month, let k):
            guard let m else { return nil }
            let c = CalendarDay(year: y, month: m, day: 1).adding(months: k)
            return Self.format(c.year, c.month, nil)
        case .shift(.day, let k):
            return day?.adding(days: k).description
        case .shift(.week, let k):
            guard let w = day?.adding(days: 7 * k).isoWeek else { return nil }
            return String(format4: w.year) + "-W" + String(format2: w.week)
        case .weekday(let w, let offset, let tense):
            guard let day else { return nil }
            return Self.weekday(w, offset: offset, tense: tense, from: day).description
        default: return nil
        }
    }

    /// Days a date costs when it contradicts the clause's tense (see `chooseYear`).
    static let tensePenalty = 240
    /// Days a future date costs when the tense is unknown: news mostly reports the past.
    static let futureBias = 45

    /// The DCT as a day, when it has day precision.
    var dctDay: CalendarDay? {
        guard let dct, let m = dct.month, let d = dct.day else { return nil }
        return CalendarDay(year: dct.year, month: m, day: d)
    }

    /// The year of a month (and day) the text leaves without one: with a day-or-month DCT
    /// the nearest occurrence, where one against the clause's tense counts 240 days
    /// farther (and, with no tense, a future one 45 days farther); with a year DCT that year.
    func chooseYear(month: Int, day: Int?, tense: Tense) -> Int? {
        guard let dct else { return nil }
        guard let dm = dct.month else { return dct.year }
        let ref = CalendarDay(year: dct.year, month: dm, day: dct.day ?? 15).dayNumber
        var best: Int? = nil
        var bestDistance = Int.max
        for y in [dct.year, dct.year - 1, dct.year + 1] {
            if let day, !CalendarDay.isValid(year: y, month: month, day: day) { continue }
            let n: Int
            if let day {
                n = CalendarDay(year: y, month: month, day: day).dayNumber
            } else if y == dct.year && month == dm {
                n = ref  // the DCT's own month
            } else {
                n = CalendarDay(year: y, month: month, day: 15).dayNumber
            }
            let diff = n - ref
            // A clear tense moves the choice, but does not send a date a year away when
            // the other reading is close: a date against the tense costs 120 days.
            let c = cost(diff, tense)
            if c < bestDistance { bestDistance = c; best = y }
        }
        return best ?? dct.year
    }

    /// How far a date `diff` days from the DCT is, for choosing among years: its distance,
    /// plus a penalty against the clause's tense (or a small one for the future).
    func cost(_ diff: Int, _ tense: Tense) -> Int {
        var cost = abs(diff)
        switch tense {
        case .past: if diff > 0 { cost += Self.tensePenalty }
        case .future: if diff < 0 { cost += Self.tensePenalty }
        case .unknown: if diff > 0 { cost += Self.futureBias }
        }
        return cost
    }

    func shift(_ unit: TimeUnit, _ offset: Int) -> (value: String, anchored: Bool) {
        let under: String
        switch unit {
        case .minute, .hour, .day: under = "XXXX-XX-XX"
        case .week: under = "XXXX-WXX"
        case .weekend: under = "XXXX-WXX-WE"
        case .month: under = "XXXX-XX"
        case .quarter: under = "XXXX-QX"
        case .half: under = "XXXX-HX"
        case .season, .year: under = "XXXX"
        case .decade: under = "XXX"
        case .century: under = "XX"
        }
        guard let dct else { return (under, false) }
        switch unit {
        case .year, .season: return (String(format4: dct.year + offset), true)
        case .decade: return (String(Self.floorDiv(dct.year, 10) + offset), true)
        case .century: return (String(format2: Self.floorDiv(dct.year, 100) + offset), true)
        case .month, .quarter, .half:
            guard let m = dct.month else {
                return offset == 0 ? (String(format4: dct.year) + under.dropFirst(4), true) : (under, false)
            }
            if unit == .month {
                let d = CalendarDay(year: dct.year, month: m, day: 1).adding(months: offset)
                return (Self.format(d.year, d.month, nil), true)
            }
            let size = unit == .quarter ? 3 : 6
            let perYear = 12 / size
            let index = dct.year * perYear + (m - 1) / size + offset
            let y = Self.floorDiv(index, perYear)
            return (String(format4: y) + (unit == .quarter ? "-Q" : "-H") + String(index - y * perYear + 1), true)
        case .minute, .hour, .day:
            guard let today = dctDay else { return (under, false) }
            return (today.adding(days: offset).description, true)
        case .week, .weekend:
            guard let today = dctDay else { return (under, false) }
            let w = today.adding(days: 7 * offset).isoWeek
            return (String(format4: w.year) + "-W" + String(format2: w.week) + (unit == .weekend ? "-WE" : ""), true)
        }
    }

    static func format(_ y: Int, _ m: Int?, _ d: Int?) -> String {
        // A year 0–9999 with a month and day under 100 (every calendar date): the digits
        // written at once, no string per part.
        if (0...9999).contains(y), m.map({ (0...99).contains($0) }) ?? true, d.map({ (0...99).contains($0) }) ?? true {
            return String(unsafeUninitializedCapacity: 10) { out in
                var n = 0
                func digits(_ v: Int, _ count: Int) {
                    var v = v
                    for k in stride(from: count - 1, through: 0, by: -1) { out[n + k] = UInt8(0x30 + v % 10); v /= 10 }
                    n += count
                }
                digits(y, 4)
                if let m {
                    out[n] = 0x2D; n += 1; digits(m, 2)
                    if let d { out[n] = 0x2D; n += 1; digits(d, 2) }
                }
                return n
            }
        }
        var s = String(format4: y)
        if let m { s += "-" + String(format2: m); if let d { s += "-" + String(format2: d) } }
        return s
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    /// The year of an anchored value (`2023-08-30` → 2023).
    static func year(of value: String) -> Int? {
        let u = Array(value.utf8.prefix(4))
        guard u.count == 4, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return u.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// Seasons in calendar order within a year: winter (Jan–Feb), spring, summer, fall (Sep–Nov); December counts as winter of the next order, after fall.
    static func seasonIndex(month: Int) -> Int {
        switch month {
        case 3...5: return 1
        case 6...8: return 2
        case 9...11: return 3
        case 12: return 4
        default: return 0
        }
    }

    static func seasonIndex(code: String) -> Int {
        switch code {
        case "SP": return 1
        case "SU": return 2
        case "FA": return 3
        default: return 0
        }
    }
}
