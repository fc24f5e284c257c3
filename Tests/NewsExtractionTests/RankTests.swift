import XCTest
@testable import NewsExtraction

/// RANK: rankings with position, scope and criterion, and ordinals that are not rankings.
final class RankTests: XCTestCase {
    static let extractor: NewsExtractor = try! NewsExtractor(types: [.rank])

    func ranks(_ text: String) -> [Entity] {
        Self.extractor.extract(text: text, dct: nil).filter { $0.type == .rank }
    }

    func testRankedInTheWorldAndCoordination() {
        let e = ranks("The country is ranked 12th in the world and first in West Asia in terms of biotechnology.")
        XCTAssertEqual(e.map(\.text), ["12th", "first"])
        XCTAssertEqual(e.map(\.value), [.int(12), .int(1)])
        XCTAssertEqual(e.map { $0.fields["scope"] }, [.string("the world"), .string("West Asia")])
        XCTAssertEqual(e.map { $0.fields["criterion"] }, [.string("biotechnology"), .string("biotechnology")])
    }

    func testSuperlativeWithPossessiveScopeAndCriterion() {
        let e = ranks("Norland, the world's third-largest oil producer, raised output.")
        XCTAssertEqual(e.first?.text, "third-largest")
        XCTAssertEqual(e.first?.value, .int(3))
        XCTAssertEqual(e.first?.fields["scope"], .string("the world"))
        XCTAssertEqual(e.first?.fields["criterion"], .string("oil producer"))
        XCTAssertEqual(ranks("Hansa is Europe's second biggest bank.").first?.fields["scope"], .string("Europe"))
    }

    func testNumberSigns() {
        XCTAssertEqual(ranks("Kuroda, Japan's No. 2 automaker, gained.").first?.value, .int(2))
        XCTAssertEqual(ranks("Ruiz, the world number five, lost.").first?.text, "world number five")
        XCTAssertTrue(ranks("The ship docked at berth No. 9 under Regulation No. 678.").isEmpty)
    }

    func testSportsForms() {
        XCTAssertEqual(ranks("Jansen finished third and Wit took 10th place.").map(\.value), [.int(3), .int(10)])
        XCTAssertEqual(ranks("Top-ranked Varga beat the fourth-ranked Ruiz.").map(\.value), [.int(1), .int(4)])
        XCTAssertEqual(ranks("Mercer is lying fifth after two rounds.").map(\.value), [.int(5)])
    }

    func testCompoundOrdinal() {
        let e = ranks("The club finished twenty-first in the league.")
        XCTAssertEqual(e.first?.text, "twenty-first")
        XCTAssertEqual(e.first?.value, .int(21))
    }

    func testTimeAndEndCountsAreNotRankings() {
        XCTAssertTrue(ranks("Lombardi was 1 second behind, and the team finished third to last.").isEmpty)
    }

    func testOrdinalsThatAreNotRankings() {
        let text = """
        The first phase began on the 19th, for the first time in the country. In the second half of the \
        third quarter, the team won its fifth straight game in the first round of the 24th International \
        Congress. The Fifth Amendment, the First Lady and NZ First were cited by the first vice president. \
        First, we must ask why it was built in the first place. It lasted a second. Last year was worse.
        """
        XCTAssertEqual(ranks(text).map(\.text), [])
    }
}
