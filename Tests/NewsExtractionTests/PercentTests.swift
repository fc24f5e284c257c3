import XCTest
@testable import NewsExtraction

/// PERCENT: number phrase parsing, qualifiers, units, ranges, and what is not a percentage.
final class PercentTests: XCTestCase {
    static let extractor: NewsExtractor = try! NewsExtractor(types: [.percent])

    func percents(_ text: String) -> [Entity] {
        Self.extractor.extract(text: text, dct: nil).filter { $0.type == .percent }
    }

    /// The value of the whole text read as a number phrase.
    func phrase(_ text: String) -> Double? {
        let doc = Self.extractor.tokens(text: text)
        return NumberPhraseParser.value(0..<doc.tokens.count, in: doc)
    }

    func testNumberPhrases() {
        XCTAssertEqual(phrase("9.5"), 9.5)
        XCTAssertEqual(phrase("2,000"), 2000)
        XCTAssertEqual(phrase("8 1/2"), 8.5)
        XCTAssertEqual(phrase("3/4"), 0.75)
        XCTAssertEqual(phrase("-3"), -3)
        XCTAssertEqual(phrase("twenty-five"), 25)
        XCTAssertEqual(phrase("sixty five"), 65)
        XCTAssertEqual(phrase("one hundred"), 100)
        XCTAssertEqual(phrase("one hundred and five"), 105)
        XCTAssertEqual(phrase("nine and a half"), 9.5)
        XCTAssertEqual(phrase("three quarters"), 0.75)
        XCTAssertEqual(phrase("a half"), 0.5)
        XCTAssertEqual(phrase("two thousand three hundred"), 2300)
        XCTAssertEqual(phrase("one point three"), 1.3)
        XCTAssertNil(phrase("billion"))
    }

    func testSpelloutFallback() {
        XCTAssertEqual(NumberPhraseParser.spellout("twenty-one"), 21)
        XCTAssertEqual(NumberPhraseParser.spellout("one hundred forty-two"), 142)
        XCTAssertNil(NumberPhraseParser.spellout("banana"))
    }

    func testGluedUnit() {
        XCTAssertEqual(PercentValue.gluedUnit("0.5pc"), 0.5)
        XCTAssertEqual(PercentValue.gluedUnit("12pct"), 12)
        XCTAssertNil(PercentValue.gluedUnit("3pcs"))
        XCTAssertNil(PercentValue.gluedUnit("a320pc"))
        XCTAssertNil(PercentValue.gluedUnit("pc"))
        XCTAssertNil(PercentValue.gluedUnit("1.2.3pc"))
        XCTAssertNil(PercentValue.gluedUnit("5.pc"))
        XCTAssertNil(PercentValue.gluedUnit("\u{0663}pc"))  // an Arabic-Indic digit: not a figure here
        XCTAssertNil(PercentValue.gluedUnit("3pc\u{0301}"))  // a combining mark after the unit
    }

    func testValuesAreJSONNumbers() {
        let e = percents("Output rose 9.5 percent and costs 3 percent.")
        XCTAssertEqual(e.map(\.value), [.number(9.5), .int(3)])
        XCTAssertEqual(e.first?.fields["unit"], .string("percent"))
    }

    func testQualifierInSpanAndField() {
        let e = percents("It owns more than 60 percent of the firm.")
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.text, "more than 60 percent")
        XCTAssertEqual(e.first?.value, .int(60))
        XCTAssertEqual(e.first?.fields["qualifier"], .string("more-than"))
        XCTAssertEqual(percents("The gap was plus or minus 3.1 percent.").first?.fields["qualifier"], .string("plus-or-minus"))
    }

    func testPercentagePointsAreTypedAsPoints() {
        let e = percents("Rates rose 3 percentage points while prices rose 2%.")
        XCTAssertEqual(e.map(\.text), ["3 percentage points", "2%"])
        XCTAssertEqual(e.map { $0.fields["unit"] }, [.string("percentage_point"), .string("percent")])
    }

    func testRangeHasBothEnds() {
        for text in ["Prices rose 10-15 percent.", "Prices rose between 10 and 15 percent.", "Prices rose 10% to 15%."] {
            let e = percents(text)
            XCTAssertEqual(e.count, 1, text)
            XCTAssertEqual(e.first?.value, .null, text)
            XCTAssertEqual(e.first?.fields["low"], .int(10), text)
            XCTAssertEqual(e.first?.fields["high"], .int(15), text)
        }
        // A change then a level, and a change from one figure to another, are no ranges.
        XCTAssertEqual(percents("Labour was down one to 48 percent.").map(\.text), ["48 percent"])
        XCTAssertEqual(percents("The rate rose from 5% to 7%.").map(\.text), ["5%", "7%"])
    }

    func testTallyIsTwoFigures() {
        // Shares of one whole, larger first: a vote or a split, not a range.
        XCTAssertEqual(percents("The measure failed 58% to 42%.").map(\.text), ["58%", "42%"])
        XCTAssertEqual(percents("Readers chose the red cover by a 45% to 31% margin.").map(\.text), ["45%", "31%"])
        XCTAssertEqual(percents("The incumbent led 51% to 44% over his rival.").map(\.text), ["51%", "44%"])
        // Ascending ends, "or", an unwritten first unit, or a rate quote stay one range.
        for text in ["Between 40% to 60% of the staff left.", "About 60% or 40% of it, nobody knows.",
                     "The board split 60-40 percent.", "Deposits paid 8 5/8% to 8 1/2% on Friday."] {
            XCTAssertEqual(percents(text).count, 1, text)
            XCTAssertEqual(percents(text).first?.value, .null, text)
        }
    }

    func testNotPercentages() {
        XCTAssertTrue(percents("A large percent of them voted, and the vote split 50-50.").isEmpty)
        XCTAssertTrue(percents("The percentage of voters was low.").isEmpty)
        XCTAssertEqual(percents("The shirts are 100-percent cotton.").first?.value, .int(100))
    }
}
