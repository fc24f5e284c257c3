import XCTest
@testable import NewsExtraction

/// The anchoring step of dates (stage 6) with fixed reference dates: never the clock.
final class DateAnchorTests: XCTestCase {
    // 2023-08-25 was a Friday.
    let friday = DocumentDate(year: 2023, month: 8, day: 25)

    func value(_ spec: DateSpec, _ dct: DocumentDate?) -> String { DateAnchor(dct: dct).value(spec).value }

    func testCalendarDayArithmetic() {
        let d = CalendarDay(year: 2023, month: 8, day: 25)
        XCTAssertEqual(d.weekday, 5)
        XCTAssertEqual(CalendarDay(dayNumber: d.dayNumber), d)
        XCTAssertEqual(CalendarDay(year: 1970, month: 1, day: 1).dayNumber, 0)
        XCTAssertEqual(d.adding(days: 10).description, "2023-09-04")
        XCTAssertEqual(CalendarDay(year: 2024, month: 1, day: 31).adding(months: 1).description, "2024-02-29")
        XCTAssertEqual(CalendarDay(year: 2023, month: 1, day: 15).adding(months: -1).description, "2022-12-15")
        XCTAssertEqual(d.isoWeek.week, 34)
        // 2021-01-01 belongs to ISO week 53 of 2020.
        let w = CalendarDay(year: 2021, month: 1, day: 1).isoWeek
        XCTAssertEqual(w.year, 2020)
        XCTAssertEqual(w.week, 53)
        XCTAssertEqual(CalendarDay.mondayOf(isoYear: 2023, week: 34).description, "2023-08-21")
        XCTAssertFalse(CalendarDay.isValid(year: 2023, month: 2, day: 30))
        XCTAssertFalse(CalendarDay.isValid(year: 2023, month: 2, day: 29))
        XCTAssertTrue(CalendarDay.isValid(year: nil, month: 2, day: 29))
    }

    func testWeekdayPolicy() {
        // The DCT's own weekday is the DCT.
        XCTAssertEqual(value(.weekday(5, offset: nil, tense: .unknown), friday), "2023-08-25")
        // Otherwise the past one, unless the clause speaks of the future.
        XCTAssertEqual(value(.weekday(1, offset: nil, tense: .unknown), friday), "2023-08-21")
        XCTAssertEqual(value(.weekday(1, offset: nil, tense: .past), friday), "2023-08-21")
        XCTAssertEqual(value(.weekday(1, offset: nil, tense: .future), friday), "2023-08-28")
        // last / next are strictly before / after; this is the DCT's ISO week.
        XCTAssertEqual(value(.weekday(5, offset: -1, tense: .unknown), friday), "2023-08-18")
        XCTAssertEqual(value(.weekday(5, offset: 1, tense: .unknown), friday), "2023-09-01")
        XCTAssertEqual(value(.weekday(2, offset: 1, tense: .unknown), friday), "2023-08-29")
        XCTAssertEqual(value(.weekday(7, offset: 0, tense: .unknown), friday), "2023-08-27")
        // Without a day-precision DCT the weekday stays underspecified.
        XCTAssertEqual(value(.weekday(1, offset: nil, tense: .past), DocumentDate(year: 2023)), "XXXX-WXX-1")
        XCTAssertEqual(value(.weekday(1, offset: nil, tense: .past), nil), "XXXX-WXX-1")
    }

    func testMonthDayYearChoice() {
        let nov = DocumentDate(year: 1989, month: 11, day: 2)
        // The nearest occurrence.
        XCTAssertEqual(value(.calendar(year: nil, month: 12, day: 15, tense: .unknown), nov), "1989-12-15")
        XCTAssertEqual(value(.calendar(year: nil, month: 9, day: 30, tense: .unknown), nov), "1989-09-30")
        // Year rollover: early January seen from late December is next year's.
        let dec = DocumentDate(year: 2023, month: 12, day: 28)
        XCTAssertEqual(value(.calendar(year: nil, month: 1, day: 3, tense: .unknown), dec), "2024-01-03")
        XCTAssertEqual(value(.calendar(year: nil, month: 12, day: 20, tense: .unknown), DocumentDate(year: 2024, month: 1, day: 4)), "2023-12-20")
        // A clear tense wins unless the other reading is much closer.
        XCTAssertEqual(value(.calendar(year: nil, month: 3, day: nil, tense: .past), DocumentDate(year: 2023, month: 10, day: 1)), "2023-03")
        XCTAssertEqual(value(.calendar(year: nil, month: 3, day: nil, tense: .future), DocumentDate(year: 2023, month: 10, day: 1)), "2024-03")
        XCTAssertEqual(value(.calendar(year: nil, month: 11, day: 6, tense: .past), DocumentDate(year: 1989, month: 10, day: 30)), "1989-11-06")
        // February 29 only in leap years.
        XCTAssertEqual(value(.calendar(year: nil, month: 2, day: 29, tense: .unknown), DocumentDate(year: 2023, month: 8, day: 1)), "2024-02-29")
        // Month-precision and year-precision DCTs.
        XCTAssertEqual(value(.calendar(year: nil, month: 1, day: 5, tense: .unknown), DocumentDate(year: 2023, month: 12)), "2024-01-05")
        XCTAssertEqual(value(.calendar(year: nil, month: 8, day: 30, tense: .unknown), DocumentDate(year: 2023)), "2023-08-30")
        // No DCT: deterministic underspecified value.
        XCTAssertEqual(value(.calendar(year: nil, month: 8, day: 30, tense: .unknown), nil), "XXXX-08-30")
        XCTAssertEqual(value(.calendar(year: 2022, month: 11, day: nil, tense: .unknown), nil), "2022-11")
    }

    func testShifts() {
        XCTAssertEqual(value(.shift(unit: .year, offset: -1), friday), "2022")
        XCTAssertEqual(value(.shift(unit: .year, offset: -1), DocumentDate(year: 2023)), "2022")
        XCTAssertEqual(value(.shift(unit: .month, offset: 1), DocumentDate(year: 2023, month: 12)), "2024-01")
        XCTAssertEqual(value(.shift(unit: .month, offset: -1), DocumentDate(year: 2023)), "XXXX-XX")
        XCTAssertEqual(value(.shift(unit: .month, offset: 0), DocumentDate(year: 2023)), "2023-XX")
        XCTAssertEqual(value(.shift(unit: .day, offset: -1), DocumentDate(year: 2024, month: 3, day: 1)), "2024-02-29")
        XCTAssertEqual(value(.shift(unit: .week, offset: 0), friday), "2023-W34")
        XCTAssertEqual(value(.shift(unit: .week, offset: -1), DocumentDate(year: 2021, month: 1, day: 8)), "2020-W53")
        XCTAssertEqual(value(.shift(unit: .quarter, offset: -1), DocumentDate(year: 2023, month: 2, day: 1)), "2022-Q4")
        XCTAssertEqual(value(.shift(unit: .quarter, offset: 0), friday), "2023-Q3")
        XCTAssertEqual(value(.shift(unit: .half, offset: 1), friday), "2024-H1")
        XCTAssertEqual(value(.shift(unit: .decade, offset: -1), friday), "201")
        XCTAssertEqual(value(.shift(unit: .year, offset: -1), nil), "XXXX")
        XCTAssertEqual(value(.shift(unit: .day, offset: 0), DocumentDate(year: 2023, month: 8)), "XXXX-XX-XX")
    }

    func testSeasonsMonthsWeekendsParts() {
        let feb = DocumentDate(year: 1998, month: 2, day: 6)
        XCTAssertEqual(value(.yearPart(year: nil, yearOffset: -1, part: "FA"), feb), "1997-FA")
        XCTAssertEqual(value(.relativeSeason("SP", offset: -1), DocumentDate(year: 1989, month: 10, day: 30)), "1989-SP")
        XCTAssertEqual(value(.relativeSeason("SU", offset: 1), DocumentDate(year: 2023, month: 9, day: 1)), "2024-SU")
        XCTAssertEqual(value(.relativeMonth(4, offset: -1), DocumentDate(year: 1989, month: 10, day: 27)), "1989-04")
        XCTAssertEqual(value(.relativeMonth(12, offset: -1), DocumentDate(year: 1989, month: 10, day: 27)), "1988-12")
        XCTAssertEqual(value(.relativeMonth(3, offset: 1), DocumentDate(year: 2023, month: 3, day: 10)), "2024-03")
        XCTAssertEqual(value(.yearPart(year: 1998, yearOffset: 0, part: "Q3"), nil), "1998-Q3")
        XCTAssertEqual(value(.yearPart(year: nil, yearOffset: 0, part: "H1"), nil), "XXXX-H1")
        // Monday 1990-08-13: the weekend just past is ISO week 32's.
        XCTAssertEqual(value(.weekend(tense: .past), DocumentDate(year: 1990, month: 8, day: 13)), "1990-W32-WE")
        XCTAssertEqual(value(.weekend(tense: .future), DocumentDate(year: 1990, month: 8, day: 13)), "1990-W33-WE")
        XCTAssertEqual(value(.weekend(tense: .past), DocumentDate(year: 1990, month: 8, day: 12)), "1990-W32-WE")
        // A quarter without a year: the last such quarter, unless the future is meant.
        XCTAssertEqual(value(.yearPartNearest(letter: "Q", number: 4, tense: .past), DocumentDate(year: 2005, month: 3, day: 15)), "2004-Q4")
        XCTAssertEqual(value(.yearPartNearest(letter: "Q", number: 4, tense: .future), DocumentDate(year: 2005, month: 3, day: 15)), "2005-Q4")
        XCTAssertEqual(value(.yearPartNearest(letter: "Q", number: 3, tense: .unknown), DocumentDate(year: 1989, month: 11, day: 2)), "1989-Q3")
        XCTAssertEqual(value(.yearPartNearest(letter: "H", number: 2, tense: .unknown), DocumentDate(year: 2023)), "2023-H2")
        XCTAssertEqual(value(.decade(199), nil), "199")
        XCTAssertEqual(value(.century(20), nil), "20")
    }

    func testRanges() {
        let r = DateSpec.range(.calendar(year: nil, month: 8, day: 30, tense: .unknown), .calendar(year: nil, month: 9, day: 1, tense: .unknown))
        XCTAssertEqual(value(r, DocumentDate(year: 2023)), "2023-08-30/2023-09-01")
        XCTAssertEqual(value(r, nil), "XXXX-08-30/XXXX-09-01")
        let rollover = DateSpec.range(.calendar(year: nil, month: 12, day: 30, tense: .unknown), .calendar(year: nil, month: 1, day: 2, tense: .unknown))
        XCTAssertEqual(value(rollover, DocumentDate(year: 2023, month: 12, day: 1)), "2023-12-30/2024-01-02")
        let years = DateSpec.range(.calendar(year: 1998, month: nil, day: nil, tense: .unknown), .calendar(year: 1999, month: nil, day: nil, tense: .unknown))
        XCTAssertEqual(value(years, nil), "1998/1999")
    }

    func testTimexValueFields() {
        let lastYear = TimexValue(.shift(unit: .year, offset: -1))
        let anchored = lastYear.resolve(dct: DocumentDate(year: 2023))
        XCTAssertEqual(anchored.value, .string("2022"))
        XCTAssertEqual(anchored.fields["timex_type"], .string("DATE"))
        XCTAssertNil(anchored.fields["anchor"])
        let open = lastYear.resolve(dct: nil)
        XCTAssertEqual(open.value, .string("XXXX"))
        XCTAssertEqual(open.fields["anchor"], .string("DCT-P1Y"))
        let range = TimexValue(.range(.calendar(year: 2010, month: nil, day: nil, tense: .unknown), .calendar(year: 2015, month: nil, day: nil, tense: .unknown)))
        let r = range.resolve(dct: nil)
        XCTAssertEqual(r.fields["range_begin"], .string("2010"))
        XCTAssertEqual(r.fields["range_end"], .string("2015"))
        XCTAssertEqual(TimexValue(.reference("PRESENT_REF")).resolve(dct: nil).value, .string("PRESENT_REF"))
    }
}
