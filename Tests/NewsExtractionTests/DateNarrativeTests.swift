import XCTest
@testable import NewsExtraction

/// Dates resolved against the text rather than the DCT: anaphoric dates ("the following
/// year", "the previous Friday", "that day") and the quarter an earnings report speaks of.
final class DateNarrativeTests: XCTestCase {
    static let extractor = try! NewsExtractor(types: [.date])

    func values(_ text: String, dct: String? = "2023-08-25") -> [String: String] {
        var out: [String: String] = [:]
        for e in Self.extractor.extract(text: text, dct: dct.flatMap(DocumentDate.init)) {
            out[e.text] = e.value?.stringValue ?? ""
        }
        return out
    }

    func testAnaphoricDatesCountFromTheLastDate() {
        let v = values("The mill opened in 2004. The following year it doubled its staff, and in 2010 it closed. Later that year it was sold.")
        XCTAssertEqual(v["The following year"], "2005")
        XCTAssertEqual(v["Later that year"], "2010")
        let w = values("The index closed at a record on Friday, Oct. 13. The previous Friday it had fallen.")
        XCTAssertEqual(w["The previous Friday"], "2023-10-06")
    }

    func testAnaphoricDatesWithoutAReferenceUseTheDCT() {
        XCTAssertEqual(values("Sales rose from the previous year.")["the previous year"], "2022")
        // A reference without the needed precision: a year cannot give a month.
        XCTAssertEqual(values("In 2019 the firm moved. The following month it hired.")["The following month"], "2023-09")
    }

    func testTheQuarterOfAReport() {
        let v = values("Fiscal first-quarter profit rose 8% from the 1988 period. Sales in the quarter rose 3%.", dct: "1989-10-26")
        XCTAssertEqual(v["the 1988 period"], "1988-Q1")
        XCTAssertEqual(v["the quarter"], "1989-Q1")
        // The DCT's own quarter has not ended: the quarter before the DCT's.
        XCTAssertEqual(values("It expects fourth-quarter sales to fall. Sales in the latest quarter rose.", dct: "1989-10-26")["the latest quarter"], "1989-Q3")
        XCTAssertEqual(values("Net income in the quarter rose.", dct: "1989-10-26")["the quarter"], "1989-Q3")
    }

    func testWeekOfADay() {
        XCTAssertEqual(values("A hearing is set for the week of March 6, 2000.")["the week of March 6, 2000"], "2000-W10")
    }

    func testSoonInAPastClause() {
        XCTAssertNil(values("He was soon released.")["soon"])
        XCTAssertEqual(values("The rules will soon change.")["soon"], "FUTURE_REF")
    }
}
