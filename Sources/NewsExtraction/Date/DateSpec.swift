/// Whether the words around a date speak of the past or of the future: decides which
/// "Friday" or which "March" a text means when it gives no year or week.
public enum Tense: Sendable, Equatable {
    case past, future, unknown
}

/// A unit of calendar time, with its TIMEX3 / ISO-8601 duration letter.
public enum TimeUnit: String, Sendable, Equatable {
    case minute = "MIN", hour = "H", day = "D", weekend = "WE", week = "W", month = "M", quarter = "Q", half = "HALF"
    case season = "SEASON", year = "Y", decade = "DE", century = "CE"

    /// Parses the values of `date_unit.tsv` (`D`, `W`, `M`, `Y`…).
    public init?(code: String) {
        switch code {
        case "MIN": self = .minute
        case "H": self = .hour
        case "D": self = .day
        case "WE": self = .weekend
        case "W": self = .week
        case "M": self = .month
        case "Q": self = .quarter
        case "HALF": self = .half
        case "Y": self = .year
        case "DE": self = .decade
        case "CE": self = .century
        default: return nil
        }
    }

    /// The ISO-8601 duration of `n` units: `P7Y`, `P2W`, `PT5H`, `P1Q`; decades and centuries
    /// in years (`P20Y`) unless the amount is vague (`PXDE`).
    public func duration(_ n: String) -> String {
        switch self {
        case .minute: return "PT\(n)M"
        case .hour: return "PT\(n)H"
        case .day: return "P\(n)D"
        case .weekend: return "P\(n)WE"
        case .week: return "P\(n)W"
        case .month: return "P\(n)M"
        case .quarter: return "P\(n)Q"
        case .half: return "P\(n)H"
        case .season: return "P\(n)S"
        case .year: return "P\(n)Y"
        case .decade: return Int(n).map { "P\($0 * 10)Y" } ?? "P\(n)DE"
        case .century: return Int(n).map { "P\($0 * 100)Y" } ?? "P\(n)CE"
        }
    }
}

/// A parsed date before anchoring: what the text says, with the parts it leaves out
/// still open ("Aug. 30" has no year, "last year" is one year before the DCT). Stage 6
/// anchors it to the document creation time (`DateAnchor`).
public indirect enum DateSpec: Sendable, Equatable {
    /// A calendar date with missing parts: "2022", "November 2022", "Aug. 30" (year nil:
    /// taken from the DCT, by tense or else the nearest).
    case calendar(year: Int?, month: Int?, day: Int?, tense: Tense)
    /// A named part of a year: `Q3`, `H1`, `SU`, `W05`; year nil means the DCT's year
    /// moved by `yearOffset` ("last year's third quarter": -1).
    case yearPart(year: Int?, yearOffset: Int, part: String)
    /// A quarter or half without a year ("the fourth quarter", letter `Q` or `H`): the
    /// DCT's year, or the year before when that part is still ahead of the DCT and the
    /// clause does not speak of the future (results are reported after a quarter ends).
    case yearPartNearest(letter: String, number: Int, tense: Tense)
    /// The quarter an earnings report speaks of in "the quarter", "the latest period":
    /// of the quarters `named` before it (nearest first), the first that has ended by the
    /// DCT (a report gives results of a finished quarter), else the quarter before the
    /// DCT's. With `year` ("the 1988 period"), the nearest named quarter of that year.
    case reportedQuarter(year: Int?, named: [Int])
    /// A decade by its first three digits (199 = the 1990s).
    case decade(Int)
    /// A century by its first two digits (19 = the 20th century, 1900–1999).
    case century(Int)
    /// The DCT's unit moved by `offset` units: "last year" (year, -1), "tomorrow" (day, +1),
    /// "two weeks ago" (week, -2), "this quarter" (quarter, 0).
    case shift(unit: TimeUnit, offset: Int)
    /// A weekday (1 = Monday): `offset` nil for a bare "Friday" (tense, else the past),
    /// -1 for "last Friday", +1 "next Friday", 0 "this Friday" (the DCT's week).
    case weekday(Int, offset: Int?, tense: Tense)
    /// "the weekend": the past weekend (the DCT's own on a Saturday or Sunday), or the
    /// coming one where the clause speaks of the future.
    case weekend(tense: Tense)
    /// A holiday: a fixed day (`month`, `day`) or the first `weekday` on or after `day`
    /// (Thanksgiving: the Thursday on or after November 22). `offset` -1/+1/0 for
    /// last/next/this, nil for the nearest by tense.
    case holiday(month: Int, day: Int, weekday: Int?, offset: Int?, tense: Tense)
    /// A month name with last/next/this: "last April" (-1), "next March" (+1).
    case relativeMonth(Int, offset: Int)
    /// A season with last/next/this: `SP`, `SU`, `FA`, `WI`.
    case relativeSeason(String, offset: Int)
    /// A fixed TIMEX3 value that needs no anchoring: `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    case reference(String)
    /// An anaphoric date ("the following year", "the previous Friday", "that day"): `shift`
    /// (a `.shift` or `.weekday`) counted from the date the narrative last gave
    /// (`reference`) instead of the DCT, when that date is precise enough.
    case anaphoric(reference: DateSpec, shift: DateSpec)
    /// A range: both ends anchored, the end's missing year taken from the start.
    case range(DateSpec, DateSpec)
}
