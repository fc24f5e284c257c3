/// The document creation time (DCT) at the precision it is known: a year, a month or a
/// day. Relative dates are anchored to it.
public struct DocumentDate: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part after `T` is ignored).
    public init?(_ string: String) {
        var s = Substring(string)
        if let t = s.firstIndex(of: "T") { s = s[..<t] }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        year = y
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= DocumentDate.daysIn(month: month!, year: y) else { return nil }
            day = d
        }
    }

    public var description: String {
        var s = String(format4: year)
        if let month { s += "-" + String(format2: month) }
        if let day { s += "-" + String(format2: day) }
        return s
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    init(format4 n: Int) {
        let s = String(n)
        self = n >= 0 && s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
    }
    init(format2 n: Int) {
        self = n < 10 && n >= 0 ? "0\(n)" : String(n)
    }
}
