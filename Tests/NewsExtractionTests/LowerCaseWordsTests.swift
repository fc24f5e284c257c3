import XCTest
@testable import NewsExtraction

/// The ORG context answers "is this word also written in lower case in the document" from
/// per-document tables (lexicon bits, a filter and a hash table): its answers must be those
/// of the plain definition, for every token of random documents, with words in and out of
/// the lexicon and in every case.
final class LowerCaseWordsTests: XCTestCase {
    // Lexicon words ("bank", "group", "the", "may"), others ("zorbex", "quilp"), short and long.
    static let words = ["bank", "group", "the", "may", "apple", "zorbex", "quilp", "ab", "abcdefgh",
                        "mortgage", "xq", "co", "news", "dell", "vaxwort", "us"]

    func testAnswersMatchThePlainDefinition() {
        let extractor = MatchFilterTests.extractor
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                let w = Self.words.randomElement(using: &generator)!
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: text += w
                case 1: text += w.prefix(1).uppercased() + w.dropFirst()
                default: text += w.uppercased()
                }
                text += Bool.random(using: &generator) ? " " : ". "
            }
            let document = extractor.segment(extractor.decoder.decode(text))
            let context = OrganizationContext(document, tables: OrganizationThreadCache.current.tables(for: document))
            let tokens = document.tokens
            for q in tokens.indices {
                let lower = tokens.indices.filter { tokens[$0].flags.contains(.lower) && tokens[$0].folded == tokens[q].folded }
                XCTAssertEqual(context.isWrittenInLowerCase(q), !lower.isEmpty, "\(text) token \(q)")
                let short = lower.filter { (2...6).contains(tokens[$0].end - tokens[$0].start) }
                XCTAssertEqual(context.isWrittenInLowerCaseShort(q), !short.isEmpty, "\(text) token \(q) (short)")
            }
        }
    }
}
