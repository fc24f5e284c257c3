import XCTest
@testable import NewsExtraction

/// How `extract eval` compares TIMEX3 values with the gold's.
final class DateEvaluationTests: XCTestCase {
    func testUnpaddedGoldWeekIsTheSameWeek() {
        XCTAssertTrue(Evaluator.sameValue(.string("2000-W07"), "2000-W7"))
        XCTAssertTrue(Evaluator.sameValue(.string("2000-W07-WE"), "2000-W7-WE"))
        XCTAssertTrue(Evaluator.sameValue(.string("2000-W07"), "2000-W07"))
        XCTAssertFalse(Evaluator.sameValue(.string("2000-W05"), "2000-W7"))
        XCTAssertFalse(Evaluator.sameValue(.string("2000-07"), "2000-7"))
    }
}
