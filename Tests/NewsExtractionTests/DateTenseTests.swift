import XCTest
@testable import NewsExtraction

/// Which weekday or month a clause means (tense cues around the date) and where the
/// modifiers "earlier"/"later" end, through the whole pipeline. DCT: Friday 2023-08-25.
final class DateTenseTests: XCTestCase {
    static let extractor = try! NewsExtractor(types: [.date])

    func value(_ text: String, _ match: String, dct: String = "2023-08-25") -> String? {
        Self.extractor.extract(text: text, dct: DocumentDate(dct)).first { $0.text == match }?.value?.stringValue
    }

    func testVerbRightBeforeTheDateDecides() {
        // The past verb next to the date outweighs a later "will" or an earlier "would".
        XCTAssertEqual(value("The agency said Monday it will cut 300 jobs.", "Monday"), "2023-08-21")
        XCTAssertEqual(value("They would appeal the order, issued Tuesday by a judge.", "Tuesday"), "2023-08-22")
        // Without a past verb next to it, the future cue still wins.
        XCTAssertEqual(value("The board will meet on Monday.", "Monday"), "2023-08-28")
    }

    func testPlansAndSchedulesPointAhead() {
        XCTAssertEqual(value("Talks are set to resume Tuesday in Vienna.", "Tuesday"), "2023-08-29")
        XCTAssertEqual(value("On Wednesday, the group plans to publish its report.", "Wednesday"), "2023-08-30")
        XCTAssertEqual(value("Staff did not plan to leave on Thursday.", "Thursday"), "2023-08-31")
    }

    func testCueWordsInsideCompoundsAreIgnored() {
        // "expected" inside "weaker-than-expected" is no future cue.
        XCTAssertEqual(value("Shares fell after weaker-than-expected sales were reported Wednesday.", "Wednesday"), "2023-08-23")
    }

    func testSinceIsPast() {
        XCTAssertEqual(value("The ship has been at sea since March and is due back soon.", "March"), "2023-03")
    }

    func testEarlierStaysOutsideADay() {
        let found = Self.extractor.extract(text: "Earlier Tuesday, the mayor met unions. Earlier this year, rents rose.",
                                           dct: DocumentDate("2023-08-25")).map(\.text)
        XCTAssertTrue(found.contains("Tuesday"))
        XCTAssertFalse(found.contains("Earlier Tuesday"))
        XCTAssertTrue(found.contains("Earlier this year"))
    }

    func testOpenEndedYears() {
        let e = Self.extractor.extract(text: "It will not turn a profit until 2027 or later.", dct: DocumentDate("2023-08-25"))
        XCTAssertEqual(e.first?.text, "2027 or later")
        XCTAssertEqual(e.first?.fields["mod"], .string("ON_OR_AFTER"))
    }
}
