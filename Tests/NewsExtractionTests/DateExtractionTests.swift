import XCTest
@testable import NewsExtraction

/// Date extraction through the whole pipeline: the seed article's dates, the traps that
/// must stay untagged, and the TIMEX3 types of durations, sets and times.
final class DateExtractionTests: XCTestCase {
    static let extractor = try! NewsExtractor(types: [.date, .duration, .set, .time])

    func dates(_ text: String, dct: String? = "2023-08-25") -> [Entity] {
        Self.extractor.extract(text: text, dct: dct.flatMap(DocumentDate.init))
    }

    func testSeedArticleDates() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_bec19dea5f2280ad.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let found = dates(text, dct: "2023").filter { $0.type == .date && $0.value != .string("PRESENT_REF") }
        XCTAssertEqual(found.map(\.text), ["November 2022", "last year", "last year", "August 30-September 1", "July 2021"])
        XCTAssertEqual(found.map { $0.value?.stringValue ?? "" }, ["2022-11", "2022", "2022", "2023-08-30/2023-09-01", "2021-07"])
        let all = dates(text, dct: "2023")
        XCTAssertFalse(all.contains { $0.text.contains("24th") })
        for e in all where e.text.contains("year") && e.type != .date {
            XCTAssertEqual(e.type, .duration)
            XCTAssertEqual(e.fields["timex_type"], .string("DURATION"))
        }
        XCTAssertTrue(all.contains { $0.text == "five-year-old" && $0.value == .string("P5Y") && $0.type == .duration })
    }

    func testTrapsStayUntagged() {
        for text in ["The 24th International Congress on Biology opened.", "The plant employs 2,000 people.",
                     "Account 379480 was closed.", "They bought 1998 shares.", "He may resign.",
                     "Troops march on the capital.", "An august body met.", "The Sunday Times reported it.",
                     "It happened on February 30 somewhere."] {
            XCTAssertEqual(dates(text).filter { $0.type == .date }.map(\.text), [], text)
        }
    }

    func testTimexTypes() {
        let e = dates("He spent seven years abroad, returns every year at 9 a.m. and met them last Friday.")
        XCTAssertEqual(e.first { $0.text == "seven years" }?.type, .duration)
        XCTAssertEqual(e.first { $0.text == "every year" }?.type, .set)
        XCTAssertEqual(e.first { $0.text == "9 a.m." }?.type, .time)
        XCTAssertEqual(e.first { $0.text == "last Friday" }?.value, .string("2023-08-18"))
        XCTAssertEqual(e.first { $0.text == "last Friday" }?.fields["timex_type"], .string("DATE"))
    }

    func testNoDCTGivesUnderspecifiedValues() {
        let e = dates("Sales rose last year and on Aug. 30 the plant reopened.", dct: nil)
        XCTAssertEqual(e.first { $0.text == "last year" }?.value, .string("XXXX"))
        XCTAssertEqual(e.first { $0.text == "last year" }?.fields["anchor"], .string("DCT-P1Y"))
        XCTAssertEqual(e.first { $0.text == "Aug. 30" }?.value, .string("XXXX-08-30"))
    }
}
