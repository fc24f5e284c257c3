import XCTest
@testable import NewsExtraction

/// ORG: the seed article's organizations, head-noun names, legal suffixes, acronyms, short
/// mentions, what is not an organization, and the gazetteer index.
final class OrganizationTests: XCTestCase {
    static let extractor: NewsExtractor = try! NewsExtractor(types: [.org])

    func orgs(_ text: String) -> [Entity] {
        Self.extractor.extract(text: text, dct: nil).filter { $0.type == .org }
    }

    func texts(_ text: String) -> [String] { orgs(text).map(\.text) }

    func value(_ entity: Entity) -> String? {
        if case .string(let s)? = entity.value { return s }
        return nil
    }

    /// The seed article, when the repository has it (run from the package root).
    func testSeedArticle() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/000_bec19dea5f2280ad.txt").path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw XCTSkip("seed article not found")
        }
        let found = orgs(text)
        let names = found.map(\.text)
        let expected = [
            "Vice Presidency for Science and Technology", "Vice Presidency", "Ministry of Foreign Affairs", "IRNA",
            "Ministry of Foreign Affairs", "Tehran University of Medical Sciences", "Tehran University of Medical Sciences",
            "Vice Presidency for Science and Technology", "Vice Presidency",
            "National Network of Animal Modeling and In-Vivo Research",
            "Council for Development of Stem Cell Sciences and Technologies", "Royan Research Institute", "Council",
            "Mehr News Agency",
        ]
        XCTAssertEqual(names, expected)
        for e in found where e.text == "Vice Presidency" {
            XCTAssertEqual(value(e), "Vice Presidency for Science and Technology")
        }
        for e in found where e.text == "Council" {
            XCTAssertEqual(value(e), "Council for Development of Stem Cell Sciences and Technologies")
        }
        for bad in ["Congress", "Tehran", "Iranian", "West Asia", "Hamidiyeh", "TEHRAN", "CAR", "License", "Creative Commons", "MG"] {
            XCTAssertFalse(names.contains { $0.contains(bad) && !$0.contains("Tehran University") }, "\(bad) tagged")
        }
    }

    func testHeadNounNames() {
        XCTAssertEqual(texts("Analysts at the Federal Reserve Bank of New York said so."), ["Federal Reserve Bank of New York"])
        XCTAssertEqual(texts("He works for the Lakeside Institute of Marine and Coastal Studies in May."),
                       ["Lakeside Institute of Marine and Coastal Studies"])
        // Two names joined by "and" stay two names.
        XCTAssertEqual(texts("Officials of the Halden Shipping Agency and Royan Research Institute met."),
                       ["Halden Shipping Agency", "Royan Research Institute"])
        // A nationality before a government body is not part of its name.
        XCTAssertEqual(texts("The Iranian Ministry of Health issued a statement."), ["Ministry of Health"])
        // "U.S." before a government body neither.
        XCTAssertEqual(texts("The U.S. Commerce Department said sales rose."), ["Commerce Department"])
    }

    func testEventsAreNotOrganizations() {
        XCTAssertEqual(texts("The 24th International Congress on Marine Biology opens on Monday."), [])
        XCTAssertEqual(texts("The 2022 World Cup drew large crowds."), [])
        XCTAssertEqual(texts("Trade with the Soviet Union grew."), [])
        XCTAssertEqual(texts("The Asian Games Federation Conference ended."), [])
        XCTAssertEqual(texts("Lawmakers in Congress rejected the plan."), ["Congress"])
    }

    func testLegalSuffixes() {
        // The possessive is not part of the name (issue 5's convention).
        XCTAssertEqual(texts("Orbital Dynamics Inc.'s profit doubled."), ["Orbital Dynamics Inc."])
        XCTAssertEqual(texts("Vantor S.p. A. bought the plant."), ["Vantor S.p. A."])
        XCTAssertEqual(texts("The deal was arranged by Hallett, Burns & Co. in London."), ["Hallett, Burns & Co."])
        // The sentence's period is not the abbreviation's.
        XCTAssertEqual(texts("He sold his shares in Brightline Textiles Inc. The price was low."), ["Brightline Textiles Inc"])
        XCTAssertEqual(texts("Hanbit Optics Co., Ltd. said sales rose."), ["Hanbit Optics Co., Ltd."])
    }

    func testAcronyms() {
        let found = orgs("The Halden Shipping Agency (HSA) said on Monday that HSA ships would sail.")
        XCTAssertEqual(found.map(\.text), ["Halden Shipping Agency", "HSA", "HSA"])
        XCTAssertEqual(found.dropFirst().map(value), ["Halden Shipping Agency", "Halden Shipping Agency"])
        XCTAssertEqual(texts("Chimeric antigen receptor (CAR) T-cell therapy works, and CAR T cells grow."), [])
        XCTAssertEqual(texts("The CEO said GDP grew in the USA."), [])
        XCTAssertEqual(texts("AT&T said the S&P 500 index rose."), ["AT&T"])
        XCTAssertEqual(texts("WORLD LEADERS MEET IN ROME"), [])
        XCTAssertEqual(texts("OIL SLIDES AS OPEC RAISES OUTPUT"), ["OPEC"])
        XCTAssertEqual(texts("ROMANO, Italy - The vote was close."), [])
        // A listed acronym's value is its long form.
        XCTAssertEqual(orgs("Officials of the WHO met.").map(value), ["World Health Organization"])
        // An event noun among the modifiers does not make an event.
        XCTAssertEqual(texts("The Harbor Fair Trade Commission opened a case."), ["Harbor Fair Trade Commission"])
    }

    func testShortMentionsAndAliases() {
        let found = orgs("Brightwater Widget Corp. said sales rose. Brightwater expects more, a Brightwater spokesman said.")
        XCTAssertEqual(found.map(\.text), ["Brightwater Widget Corp.", "Brightwater", "Brightwater"])
        XCTAssertEqual(value(found[1]), "Brightwater Widget Corp.")
        // Ambiguous head: two ministries, "the Ministry" is left alone.
        XCTAssertEqual(texts("The Ministry of Trade and the Ministry of Health met. The Ministry said no."),
                       ["Ministry of Trade", "Ministry of Health"])
        // A name found by its context is a name everywhere in the document.
        XCTAssertEqual(texts("Shares of Pellworth fell. Pellworth said it would cut jobs."), ["Pellworth", "Pellworth"])
    }

    func testGazetteerIndexHashesMatchTokens() {
        let doc = Self.extractor.tokens(text: "Moody's and Al-Jazeera and AT&T")
        let t = doc.tokens
        XCTAssertEqual(GazetteerIndex.hash(t[0..<2]), GazetteerIndex.hash(folded: "moody's"))
        XCTAssertEqual(GazetteerIndex.hash(t[3..<6]), GazetteerIndex.hash(folded: "al-jazeera"))
        XCTAssertEqual(GazetteerIndex.hash(t[7..<10]), GazetteerIndex.hash(folded: "at&t"))
        XCTAssertGreaterThan(GazetteerIndex.shared.positiveCount, 0)
        XCTAssertGreaterThan(GazetteerIndex.shared.negativeCount, 0)
    }

    /// The gazetteers' phrase table keeps a state wherever a document's token can end inside
    /// a listed phrase (after each token of its own tokenization), far fewer than one per byte.
    func testPhraseStatesAtTokenEnds() {
        for phrase in ["AT&T Corp.", "Moody's Investors Service", "Al-Jazeera", "U.S. Steel", "3M Co.", "L3Harris", "Dot2Dot"] {
            var visited = Set<UInt64>()
            var count = 0
            Array(phrase.utf8).withUnsafeBufferPointer { GazetteerIndex.phraseStates($0) { visited.insert($0); count += 1 } }
            let tokens = Self.extractor.tokens(text: phrase).tokens
            for k in 1...tokens.count {
                XCTAssertTrue(visited.contains(GazetteerIndex.hash(tokens[0..<k])), "\(phrase): no state after \(k) tokens")
            }
            XCTAssertLessThan(count, phrase.utf8.count, phrase)
        }
    }

    /// A listed name whose word a document splits into glued tokens where ICU breaks before
    /// a character that folds to a digit ("L³Harris": "l", "3", "harris") is still found: the
    /// scan does not stop at a letter-to-letter junction, where the table keeps no state.
    func testGazetteerNameSplitInsideAWord() {
        XCTAssertEqual(texts("Shares of L\u{00B3}Harris rose."), ["L\u{00B3}Harris"])
    }

    /// Lower-case short mentions refer back to the one full name with that head, found earlier.
    func testLowerCaseShortMention() {
        let found = orgs("The Harbor Water Commission met on Monday. Later the commission approved the plan.")
        let lower = found.filter { $0.text == "commission" }
        XCTAssertEqual(lower.count, 1)
        XCTAssertEqual(lower.first.flatMap(value), "Harbor Water Commission")
        XCTAssertEqual(lower.first?.rule, "org.short-mention-lower")
        // Two commissions: ambiguous, nothing.
        XCTAssertFalse(texts("The Harbor Water Commission met the Lakeside Energy Commission. The commission said no.").contains("commission"))
    }

    /// Firm names joined by "&", and what is not one.
    func testAmpersandNames() {
        XCTAssertTrue(texts("The ads were made by Hollis & Brandt in Ohio.").contains("Hollis & Brandt"))
        XCTAssertFalse(texts("Trade between France & Germany grew.").contains("France & Germany"))
    }

    /// People are not companies, even in a company context.
    func testPersonInCompanyContext() {
        XCTAssertTrue(texts("Sir Walter's offer was rejected.").isEmpty)
        XCTAssertFalse(texts("The story is about Tom Hardwick, the founder of the company.").contains("Tom Hardwick"))
    }

    /// Possessives, by default: never part of the span, whatever the length of the name; a
    /// name with a possessive inside stays whole ("Baxter's Corp.", "People's Army").
    func testPossessivesStayOutsideNames() {
        let found = orgs("Harlow Weaving Corp.'s profit rose, and Brixton Co. said Brixton's sales fell.")
        XCTAssertEqual(found.map(\.text), ["Harlow Weaving Corp.", "Brixton Co.", "Brixton"])
        XCTAssertEqual(texts("He joined the Ministry of Marine Affairs’ legal office."), ["Ministry of Marine Affairs"])
        XCTAssertEqual(texts("Analysts at Baxter's Corp. cut their forecast."), ["Baxter's Corp."])
        XCTAssertEqual(orgs("Analysts at Baxter's Corp. cut their forecast.").first?.rule, "org.possessive-name")
        XCTAssertFalse(texts("The Korean People's Army said so.").contains { $0.hasSuffix("People's") })
    }

    /// OntoNotes' convention on request (`org.possessive-span`): a name of two or more words
    /// keeps the possessive in its span (value without it), a one-word name does not.
    func testOntoNotesPossessiveSpansOnRequest() throws {
        var set = try RuleSet.load()
        try set.setEnabled("org.possessive-span", true)
        let onto = try NewsExtractor(ruleSet: set, types: [.org])
        func found(_ text: String) -> [Entity] { onto.extract(text: text, dct: nil).filter { $0.type == .org } }
        let f = found("Harlow Weaving Corp.'s profit rose, and Brixton Co. said Brixton's sales fell.")
        XCTAssertEqual(f.map(\.text), ["Harlow Weaving Corp.'s", "Brixton Co.", "Brixton"])
        XCTAssertEqual(f.first.flatMap(value), "Harlow Weaving Corp.")
        XCTAssertEqual(f.first?.rule, "org.possessive-span")
        XCTAssertEqual(found("He joined the Ministry of Marine Affairs’ legal office.").map(\.text), ["Ministry of Marine Affairs’"])
        XCTAssertEqual(found("Shares of Georgia-Coastal Corp. fell; Georgia-Coastal's sales were flat.").last?.text, "Georgia-Coastal's")
        XCTAssertEqual(found("Analysts at Baxter's Corp. cut their forecast.").map(\.text), ["Baxter's Corp."])
    }

    /// U.S. executive departments named in a title.
    func testDepartmentTitles() {
        let found = orgs("Transportation Secretary Ann Lowe met Secretary of State Tom Reyes.")
        XCTAssertEqual(found.map(\.text), ["Transportation", "State"])
        XCTAssertTrue(texts("State Secretary Klaus Weber and the Secretary of State for Health met.").isEmpty)
    }

    /// The first word of a company or school name built on a head noun, later alone.
    func testFirstWordShortMention() {
        let found = orgs("Harlow Marine Industries agreed to sell its ferry unit. Harlow said the sale would close.")
        XCTAssertEqual(found.map(\.text), ["Harlow Marine Industries", "Harlow"])
        XCTAssertEqual(found.last.flatMap(value), "Harlow Marine Industries")
        // Not a place word, not a person's surname after a first name.
        XCTAssertEqual(texts("Boston Marine Industries grew. Boston is cold."), ["Boston Marine Industries"])
    }

    /// Parts of companies, seats and publications as contexts of unknown names.
    func testCompanyPartsSeatsAndPublications() {
        XCTAssertTrue(texts("Harlow Corp. sold its Brixton Optical subsidiary.").contains("Brixton Optical"))
        XCTAssertEqual(texts("Quillmark, based in Dayton, makes valves."), ["Quillmark"])
        XCTAssertEqual(texts("The results appear in the journal Brightwater Review today."), ["Brightwater Review"])
        XCTAssertTrue(texts("Most of its European subsidiaries were sold.").isEmpty)
    }
}
