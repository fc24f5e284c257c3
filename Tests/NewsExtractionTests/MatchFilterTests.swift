import XCTest
@testable import NewsExtraction

/// The cheap tests that spare the pattern matcher and the date passes most of their work
/// must never say no where the full test says yes: the ways a match can begin, the
/// second-word filter, vocabulary lists tested by lexicon bits, and the forms an entry's
/// last token can take.
final class MatchFilterTests: XCTestCase {
    static let extractor = try! NewsExtractor()

    /// A document interned with the extractor's lexicon, as the pipeline makes it.
    func document(_ text: String) -> SegmentedDocument {
        let e = Self.extractor
        let decoded = e.decoder.decode(text)
        return SegmentedDocument(text: decoded, tokens: e.segmenter.tokens(of: decoded, lexicon: e.lexicon),
                                 vocabulary: e.ruleSet.vocabulary, lexicon: e.lexicon)
    }

    func program(_ pattern: String) throws -> PatternProgram {
        let file = """
        {"rules": [{"id": "test.p", "type": "DATE", "pattern": \(pattern),
                    "examples": [{"text": "x", "match": "x"}], "counterexamples": ["y"]}]}
        """
        let rule = try XCTUnwrap(try RuleFileParser(source: "test.json", contents: file, deferExamples: true).parse().rules.first)
        let lexicon = Lexicon(vocabulary: Self.extractor.ruleSet.vocabulary)
        return PatternProgram(try XCTUnwrap(rule.pattern), lexicon: lexicon)
    }

    func testPrefixesListTheWaysAMatchCanBegin() throws {
        // "the [near|distant]? future": two ways, three tokens and two.
        let p = try program(#"[{"lower": "the"}, {"lower": ["near", "distant"], "op": "?"}, {"lower": "future"}]"#)
        XCTAssertEqual(p.prefixes?.map(\.count).sorted(), [2, 3])
        XCTAssertEqual(p.secondTokenTests()?.count, 2)
        // A match may be one token long ("5", "5 %"): no second-word constraint.
        let q = try program(#"[{"is": "number"}, {"lower": "%", "op": "?"}]"#)
        XCTAssertTrue(q.prefixes?.contains { $0.count == 1 } ?? false)
        XCTAssertNil(q.secondTokenTests())
        // A second token tested by flags only: a flag clause.
        let r = try program(#"[{"lower": "the"}, {"is": "number"}]"#)
        let clauses = try XCTUnwrap(r.secondTokenTests())
        XCTAssertEqual(clauses.count, 1)
        XCTAssertTrue(clauses[0].words.isEmpty && clauses[0].vocab == nil)
        XCTAssertEqual(clauses[0].required, TokenFlags.number.rawValue)
    }

    func testSecondWordFilterRejectsByTheNextWordOnly() throws {
        let e = Self.extractor
        let rule = try XCTUnwrap(e.activeRules.firstIndex { $0.id == "date.weekend" })
        let doc = document("They met over the weekend, not the week before.")
        let folded = doc.tokens.map(\.folded)
        let weekend = try XCTUnwrap(folded.firstIndex(of: "the"))
        let week = try XCTUnwrap(folded.lastIndex(of: "the"))
        doc.tokens.withUnsafeBufferPointer { tokens in
            XCTAssertTrue(e.secondWords.allows(rule, at: weekend, tokens))
            XCTAssertFalse(e.secondWords.allows(rule, at: week, tokens))
            XCTAssertFalse(e.secondWords.allows(rule, at: tokens.count - 1, tokens))  // no next token
        }
        XCTAssertEqual(e.extract(text: "They met over the weekend, not the week before.", dct: nil)
            .filter { $0.rule == "date.weekend" }.map(\.text), ["the weekend"])
    }

    /// The rules a token tries come from its word's and shape's buckets, the buckets of the
    /// flags it has and the rules always tried, sorted and unique, whichever way the flag
    /// buckets are visited.
    func testRuleIndexVisitsTheBucketsOfATokensFlags() {
        let index = Self.extractor.index
        XCTAssertFalse(index.flagRangeOfBit.isEmpty, "every flag bucket is one flag")
        let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: index.bufferCapacity)
        defer { buffer.deallocate() }
        var state: UInt64 = 7
        for step in 0..<4000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let flags = UInt32(truncatingIfNeeded: state >> 20) & (step < 512 ? UInt32(step) : UInt32.max)
            let lex = Int32(truncatingIfNeeded: (state >> 40) % UInt64(index.lexStart.count + 2)) - 1
            let shape = Int32(truncatingIfNeeded: (state >> 8) % UInt64(index.shapeStart.count + 2)) - 1
            var expected = Set<Int32>()
            if lex >= 0 && Int(lex) + 1 < index.lexStart.count {
                expected.formUnion(index.lexRules[Int(index.lexStart[Int(lex)])..<Int(index.lexStart[Int(lex) + 1])])
            }
            if shape >= 0 && Int(shape) + 1 < index.shapeStart.count {
                expected.formUnion(index.shapeRules[Int(index.shapeStart[Int(shape)])..<Int(index.shapeStart[Int(shape) + 1])])
            }
            for range in index.flagRanges where flags & range.flag == range.flag {
                expected.formUnion(index.flagRules[Int(range.start)..<Int(range.end)])
            }
            expected.formUnion(index.alwaysRules)
            let n = index.rules(lex: lex, shapeId: shape, flags: TokenFlags(rawValue: flags), into: buffer)
            XCTAssertEqual(Array(UnsafeBufferPointer(start: buffer, count: n)), expected.sorted(), "flags \(flags) lex \(lex) shape \(shape)")
        }
    }

    /// A token element taken at most once (plain or "?") is matched without a continuation:
    /// the same end, the same tries in order (first success wins) and the same captures,
    /// an optional element's empty capture included.
    func testSingleTokenElementsKeepTheirCapturesAndBacktracking() throws {
        func match(_ pattern: String, _ text: String) throws -> (end: Int, captures: [String])? {
            let file = """
            {"rules": [{"id": "test.p", "type": "DATE", "pattern": \(pattern),
                        "examples": [{"text": "x", "match": "x"}], "counterexamples": ["y"]}]}
            """
            let rule = try XCTUnwrap(try RuleFileParser(source: "test.json", contents: file, deferExamples: true).parse().rules.first)
            let doc = Self.extractor.tokens(text: text)
            let matcher = PatternMatcher(tokens: doc.tokens, vocabulary: doc.vocabulary)
            guard let m = matcher.match(try XCTUnwrap(rule.pattern), at: 0) else { return nil }
            return (m.end, m.captures.map { "\($0.name):\($0.range.lowerBound)-\($0.range.upperBound)" })
        }
        let optional = #"[{"lower": "the"}, {"lower": "big", "op": "?", "name": "adj"}, {"lower": "deal", "name": "noun"}]"#
        XCTAssertEqual(try match(optional, "the big deal")?.captures, ["adj:1-2", "noun:2-3"])
        XCTAssertEqual(try match(optional, "the deal")?.captures, ["adj:1-1", "noun:1-2"])
        XCTAssertNil(try match(optional, "the big big deal"))
        // The optional word is taken, the rest fails, and the match backtracks to skip it.
        let backtrack = #"[{"lower": "big", "op": "?", "name": "a"}, {"lower": "big", "name": "b"}, {"lower": "deal"}]"#
        let m = try XCTUnwrap(try match(backtrack, "big deal"))
        XCTAssertEqual(m.end, 2)
        XCTAssertEqual(m.captures, ["a:0-0", "b:0-1"])
        XCTAssertEqual(try match(backtrack, "big big deal")?.captures, ["a:0-1", "b:1-2"])
    }

    func testWordListsAnswerAsTheVocabulary() {
        let doc = document("Officials said Friday that the council will meet again, as scheduled, until the following year's vote; exports were planned.")
        let vocabulary = doc.vocabulary
        XCTAssertGreaterThan(vocabulary.names.count, 20)
        for name in vocabulary.names {
            let list = WordList(name, in: doc)
            for t in doc.tokens {
                XCTAssertEqual(list.contains(t), vocabulary.contains(name, t.folded), "\(name): \(t.folded)")
            }
        }
        // Some answers are yes (the test is not vacuous).
        XCTAssertTrue(doc.tokens.contains { WordList("date_tense_report", in: doc).contains($0) })
    }

    func testLastTokenFormsCoverEveryTokenization() {
        XCTAssertTrue(Vocabulary.lastTokenForms("mid-").contains("-"))
        XCTAssertTrue(Vocabulary.lastTokenForms("the end of").contains("of"))
        let clock = Vocabulary.lastTokenForms("o'clock")
        XCTAssertTrue(clock.contains("o'clock") && clock.contains("clock"))
        XCTAssertEqual(Vocabulary.lastTokenForms("early"), ["early"])
        let vocabulary = Self.extractor.ruleSet.vocabulary
        XCTAssertTrue(vocabulary.canEndEntry("date_mod", "of"))     // "the end of"
        XCTAssertTrue(vocabulary.canEndEntry("date_mod", "-"))      // "mid-"
        XCTAssertFalse(vocabulary.canEndEntry("date_mod", "bank"))
    }
}
