import XCTest
@testable import NewsExtraction

/// The segmenter's one-probe lookup (`tokens(of:lexicon:)`) must give every token the same
/// attributes as plain segmentation followed by `Lexicon.intern`.
final class TokenLookupTests: XCTestCase {
    func testInternedTokensMatchDictionaryLookups() throws {
        let extractor = try NewsExtractor()
        let text = """
        Sales rose 9.5 percent in the first quarter, the third rise in five years, said Acme Corp.'s \
        chief, who ranked 2nd among twenty-one peers. On 30-September 1998-99 the U.S. firm's shares \
        fell 2,000 points; the Ｆｉｒｓｔ ﬁfth “quoted” — dashed — naïve CAFÉ 12th 1st 22nd 3rd 11th 21st.
        """
        let decoded = TextDecoder().decode(text)
        var expected = extractor.segmenter.copy().tokens(of: decoded)
        extractor.lexicon.intern(&expected)
        let actual = extractor.segmenter.copy().tokens(of: decoded, lexicon: extractor.lexicon)
        XCTAssertEqual(actual.count, expected.count)
        for (a, e) in zip(actual, expected) {
            XCTAssertEqual(a.start, e.start)
            XCTAssertEqual(a.end, e.end)
            XCTAssertEqual(a.folded, e.folded)
            XCTAssertEqual(a.shape, e.shape)
            XCTAssertEqual(a.flags, e.flags, a.folded)
            XCTAssertEqual(a.number, e.number, a.folded)
            XCTAssertEqual(a.ordinal, e.ordinal, a.folded)
            XCTAssertEqual(a.lex, e.lex, a.folded)
            XCTAssertEqual(a.shapeId, e.shapeId, a.shape)
        }
        // The words the rules name do get ids, and number and ordinal words their values.
        XCTAssertTrue(actual.contains { $0.folded == "percent" && $0.lex >= 0 })
        XCTAssertTrue(actual.contains { $0.folded == "five" && $0.number == 5 })
        XCTAssertTrue(actual.contains { $0.folded == "first" && $0.ordinal == 1 })
        XCTAssertTrue(actual.contains { $0.folded == "12th" && $0.ordinal == 12 })
        XCTAssertTrue(actual.contains { $0.shapeId >= 0 })
    }

    func testLookupTableFindsExactKeysOnly() {
        let table = WordLookupTable([("may", WordAttributes(lex: 3)), ("five", WordAttributes(lex: 7, number: 5)),
                                     ("may", WordAttributes(lex: 9))])
        XCTAssertEqual(table.find("may")?.lex, 3)
        XCTAssertEqual(table.find("five")?.number, 5)
        XCTAssertNil(table.find("ma"))
        XCTAssertNil(table.find("mayo"))
        XCTAssertNil(table.find(""))
    }
}
