import XCTest
@testable import NewsExtraction

/// `Token` stores its offsets, number and ordinal compactly; these check that what is set is
/// what is read back, including the absent values and zero.
final class TokenStorageTests: XCTestCase {
    private func token(number: Double?, ordinal: Int?) -> Token {
        Token(start: 7, end: 12, folded: "x", shape: "x", flags: [], number: number, ordinal: ordinal)
    }

    func testOneCacheLine() {
        XCTAssertLessThanOrEqual(MemoryLayout<Token>.stride, 64)
    }

    func testOffsetsRoundTrip() {
        var t = token(number: nil, ordinal: nil)
        XCTAssertEqual(t.start, 7)
        XCTAssertEqual(t.end, 12)
        t.start = 1_999_999_999
        t.end = 2_000_000_000
        XCTAssertEqual(t.start, 1_999_999_999)
        XCTAssertEqual(t.end, 2_000_000_000)
    }

    func testNumberAbsentZeroAndValue() {
        XCTAssertNil(token(number: nil, ordinal: nil).number)
        XCTAssertEqual(token(number: 0, ordinal: nil).number, 0)
        XCTAssertEqual(token(number: -2.5, ordinal: nil).number, -2.5)
        XCTAssertEqual(token(number: 1e14, ordinal: nil).number, 1e14)
        var t = token(number: 3, ordinal: nil)
        t.number = nil
        XCTAssertNil(t.number)
        XCTAssertFalse(t.isNumber)
    }

    func testOrdinalAbsentZeroAndValue() {
        XCTAssertNil(token(number: nil, ordinal: nil).ordinal)
        XCTAssertEqual(token(number: nil, ordinal: 0).ordinal, 0)
        XCTAssertEqual(token(number: nil, ordinal: 1_000_000).ordinal, 1_000_000)
        var t = token(number: nil, ordinal: 12)
        t.ordinal = nil
        XCTAssertNil(t.ordinal)
        t.ordinal = 3
        XCTAssertEqual(t.ordinal, 3)
    }

    func testSegmenterValuesSurvive() throws {
        let extractor = try NewsExtractor()
        let tokens = extractor.segmenter.copy().tokens(of: TextDecoder().decode("the 12th of 2,000 and five"), lexicon: extractor.lexicon)
        XCTAssertEqual(tokens.map(\.ordinal), [nil, 12, nil, nil, nil, nil])
        XCTAssertEqual(tokens.map(\.number), [nil, nil, nil, 2000, nil, 5])
        XCTAssertEqual(tokens.map(\.start), [0, 4, 9, 12, 18, 22])
        XCTAssertEqual(tokens.map(\.end), [3, 8, 11, 17, 21, 26])
    }
}
