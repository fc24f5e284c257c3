/// A day of the proleptic Gregorian calendar with the small arithmetic that anchoring
/// dates needs (day numbers, weekdays, ISO weeks, month steps). Plain integer code: no
/// Foundation `Calendar` on the hot path, and never the machine's clock.
public struct CalendarDay: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the day exists ("February 30" does not).
    public static func isValid(year: Int?, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        // Without a year, February 29 is allowed.
        return day <= (year.map { DocumentDate.daysIn(month: month, year: $0) } ?? (month == 2 ? 29 : DocumentDate.daysIn(month: month, year: 2001)))
    }

    /// Days since 1970-01-01 (negative before), after H. Hinnant's `days_from_civil`.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day of a day number (inverse of `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (3 with Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// Steps whole months, keeping the day where the month has it (else its last day).
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, DocumentDate.daysIn(month: m, year: y)))
    }

    /// ISO-8601 week: the week-numbering year and the week (1…53).
    public var isoWeek: (year: Int, week: Int) {
        // The Thursday of this week decides the year.
        let thursday = adding(days: 4 - weekday)
        let jan1 = CalendarDay(year: thursday.year, month: 1, day: 1).dayNumber
        return (thursday.year, (thursday.dayNumber - jan1) / 7 + 1)
    }

    /// The Monday of ISO week `week` of `year`.
    public static func mondayOf(isoYear: Int, week: Int) -> CalendarDay {
        let jan4 = CalendarDay(year: isoYear, month: 1, day: 4)
        return jan4.adding(days: 1 - jan4.weekday + (week - 1) * 7)
    }

    /// `YYYY-MM-DD`.
    public var description: String { DateAnchor.format(year, month, day) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.dayNumber < b.dayNumber }
}
