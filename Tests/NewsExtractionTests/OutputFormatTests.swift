import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import NewsExtraction

/// The output formats other than JSON Lines: the HTML view, TimeML and spaCy/Prodigy spans.
final class OutputFormatTests: XCTestCase {
    func entity(_ type: EntityType, _ start: Int, _ end: Int, _ text: String, value: JSONValue? = nil, rule: String = "r",
                fields: [String: JSONValue] = [:]) -> Entity {
        Entity(type: type, start: start, end: end, text: text, value: value, rule: rule, fields: fields)
    }

    // MARK: HTML

    func testHTMLEscapesTextValuesAndIds() {
        let text = "A <b>&\"quoted\" deal</b> rose 5 percent."
        let e = entity(.percent, 29, 38, "5 percent", value: .string("<5 & \"more\">"), rule: "p<&\">")
        var page = HTMLWriter(title: "t <&\">")
        page.add(id: "doc <&\">", text: text, entities: [e])
        let html = page.page()
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("A &lt;b&gt;&amp;&quot;quoted&quot; deal&lt;/b&gt; rose "))
        XCTAssertTrue(html.contains("doc &lt;&amp;&quot;&gt;"))
        XCTAssertTrue(html.contains("p&lt;&amp;&quot;&gt;"))
        XCTAssertFalse(html.contains("\"<5"))
        XCTAssertTrue(html.contains(">5 percent</mark>"))
    }

    func testHTMLHasOneMarkPerEntityAndIsSelfContained() {
        let text = "Acme rose 5 percent in May 2020; the 3rd best."
        let entities = [entity(.org, 0, 4, "Acme"), entity(.percent, 10, 19, "5 percent", value: .int(5)),
                        entity(.date, 23, 31, "May 2020", value: .string("2020-05")), entity(.rank, 37, 40, "3rd", value: .int(3))]
        var page = HTMLWriter()
        page.add(id: "a", text: text, entities: entities)
        page.add(id: "b", text: "Nothing.", entities: [])
        page.add(id: "c", text: nil, entities: [], error: "invalid UTF-8 at byte 3")
        let html = page.page()
        XCTAssertEqual(html.components(separatedBy: "<mark").count - 1, entities.count)
        XCTAssertEqual(html.components(separatedBy: "<details class=\"doc\"").count - 1, 3)
        for needle in ["<link", "src=", "@import", "url(", "http://", "https://"] { XCTAssertFalse(html.contains(needle), needle) }
        XCTAssertTrue(html.contains("title=\"DATE = &quot;2020-05&quot;\nrule: r\""))
        XCTAssertTrue(html.contains("invalid UTF-8 at byte 3"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
    }

    func testHTMLOffsetsAreUnicodeScalars() {
        // "é" is one scalar, "😀" one scalar (two UTF-16 units).
        let text = "😀 café rose 5 percent"
        var page = HTMLWriter()
        page.add(id: "a", text: text, entities: [entity(.percent, 12, 21, "5 percent")])
        XCTAssertTrue(page.page().contains("😀 café rose <mark"))
        XCTAssertTrue(page.page().contains(">5 percent</mark>"))
    }

    func testHTMLSkipsOverlappingAndOutOfRangeSpans() {
        var page = HTMLWriter()
        page.add(id: "a", text: "abcdef", entities: [entity(.org, 0, 3, "abc"), entity(.org, 2, 5, "cde"), entity(.org, 4, 99, "x")])
        XCTAssertEqual(page.page().components(separatedBy: "<mark").count - 1, 1)
    }

    func testDiffPageMarksAddedRemovedAndChanged() {
        let text = "Acme and Bolt rose 5 percent in May 2020."
        let old = [entity(.org, 0, 4, "Acme"), entity(.percent, 19, 28, "5 percent", value: .int(5)), entity(.date, 32, 40, "May 2020", rule: "d1")]
        let new = [entity(.org, 9, 13, "Bolt"), entity(.percent, 19, 28, "5 percent", value: .int(5)), entity(.date, 29, 40, "in May 2020", rule: "d2")]
        let result = EntityDiff.compare(old: [EntityDiff.Document(id: "a", line: 1, text: text, entities: old)],
                                        new: [EntityDiff.Document(id: "a", line: 1, text: text, entities: new)])
        let html = HTMLWriter.diffPage(result, oldName: "old.jsonl", newName: "new.jsonl")
        XCTAssertTrue(html.contains("ent t-ORG added\""))
        XCTAssertTrue(html.contains("ent t-ORG removed\""))
        XCTAssertTrue(html.contains("ent t-DATE changed\""))
        XCTAssertTrue(html.contains("ent t-PERCENT same\""))
        XCTAssertEqual(html.components(separatedBy: "<mark").count - 1, 4)
    }

    // MARK: Spans

    func testSpansLineHasScalarOffsetsAndLabels() throws {
        let text = "😀 Acme rose 5 percent."
        let entities = [entity(.percent, 12, 21, "5 percent"), entity(.org, 2, 6, "Acme")]
        let line = SpansWriter.line(id: "doc-1", text: text, entities: entities, dct: "2023")
        XCTAssertEqual(line.last, 0x0A)
        let obj = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
        XCTAssertEqual(obj["text"] as? String, text)
        let spans = obj["spans"] as! [[String: Any]]
        XCTAssertEqual(spans.map { $0["label"] as? String }, ["ORG", "PERCENT"])
        XCTAssertEqual(spans.map { Set($0.keys) }, [["start", "end", "label"], ["start", "end", "label"]])
        let scalars = Array(text.unicodeScalars)
        for (s, e) in zip(spans, entities.reversed()) {
            let start = s["start"] as! Int, end = s["end"] as! Int
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), e.text)
        }
        XCTAssertEqual((obj["meta"] as? [String: Any])?["id"] as? String, "doc-1")
        XCTAssertEqual((obj["meta"] as? [String: Any])?["dct"] as? String, "2023")
    }

    // MARK: TimeML

    func testTimeMLIsWellFormedAndTagsOnlyTemporalTypes() throws {
        let text = "Acme <Ltd> & co. said on May 5, 2020 that for two years, sales rose 5 percent."
        let entities = [entity(.org, 0, 10, "Acme <Ltd>"), entity(.date, 25, 36, "May 5, 2020", value: .string("2020-05-05")),
                        entity(.duration, 46, 55, "two years", value: .string("P2Y")), entity(.percent, 68, 77, "5 percent")]
        let xml = TimeMLWriter.standalone(id: "d&1", text: text, entities: entities, dct: DocumentDate("2021-03-04"))
        let doc = try XMLDocument(xmlString: xml, options: [])
        let timexes = try doc.nodes(forXPath: "//TEXT/TIMEX3") as! [XMLElement]
        XCTAssertEqual(timexes.map(\.stringValue), ["May 5, 2020", "two years"])
        XCTAssertEqual(timexes.map { $0.attribute(forName: "tid")?.stringValue }, ["t1", "t2"])
        XCTAssertEqual(timexes.map { $0.attribute(forName: "type")?.stringValue }, ["DATE", "DURATION"])
        XCTAssertEqual(timexes.map { $0.attribute(forName: "value")?.stringValue }, ["2020-05-05", "P2Y"])
        let dct = try doc.nodes(forXPath: "//DCT/TIMEX3") as! [XMLElement]
        XCTAssertEqual(dct.first?.attribute(forName: "value")?.stringValue, "2021-03-04")
        XCTAssertEqual(dct.first?.attribute(forName: "functionInDocument")?.stringValue, "CREATION_TIME")
        XCTAssertEqual(try doc.nodes(forXPath: "//TEXT").first?.stringValue, text)
        XCTAssertEqual(try doc.nodes(forXPath: "//DOCID").first?.stringValue, "d&1")
    }

    func testTimeMLCollectionIsWellFormed() throws {
        let a = TimeMLWriter.document(id: "a", text: "In 2020.", entities: [entity(.date, 3, 7, "2020", value: .string("2020"))], dct: nil)
        let b = TimeMLWriter.document(id: "b", text: "Every week \u{1}.", entities: [entity(.set, 0, 10, "Every week", value: .string("P1W"), fields: ["quant": .string("EVERY")])], dct: nil)
        let xml = TimeMLWriter.collectionHeader + a + b + TimeMLWriter.collectionFooter
        let doc = try XMLDocument(xmlString: xml, options: [])
        XCTAssertEqual(try doc.nodes(forXPath: "/TimeMLCollection/TimeML").count, 2)
        let set = try doc.nodes(forXPath: "//TIMEX3[@type='SET']").first as? XMLElement
        XCTAssertEqual(set?.attribute(forName: "quant")?.stringValue, "EVERY")
    }

    // MARK: The command

    func testRunFormats() throws {
        let input = #"{"id":"a","text":"Sales rose 5 percent in March 2021 & <more>."}"# + "\n" + #"{"id":"b","text":"No entity here."}"# + "\n"
        let jsonl = try EntityDiffTests.runExtract(["--dct", "2023"], stdin: input)
        XCTAssertEqual(jsonl.status, 0)
        let docs = try EntityDiff.readDocuments(data: Data(jsonl.stdout.utf8))
        let count = docs.map(\.entities.count).reduce(0, +)
        XCTAssertGreaterThan(count, 0)

        let html = try EntityDiffTests.runExtract(["--dct", "2023", "--format", "html"], stdin: input)
        XCTAssertEqual(html.status, 0)
        XCTAssertEqual(html.stdout.components(separatedBy: "<mark").count - 1, count)
        XCTAssertTrue(html.stdout.contains("&amp; &lt;more&gt;"))

        let spans = try EntityDiffTests.runExtract(["--dct", "2023", "--format", "spans"], stdin: input)
        let lines = spans.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual((first["spans"] as? [Any])?.count, docs[0].entities.count)

        let timeml = try EntityDiffTests.runExtract(["--dct", "2023", "--format", "timeml"], stdin: input)
        let xml = try XMLDocument(xmlString: timeml.stdout, options: [])
        XCTAssertEqual(try xml.nodes(forXPath: "/TimeMLCollection/TimeML").count, 2)

        XCTAssertNotEqual(try EntityDiffTests.runExtract(["--format", "xml"], stdin: input).status, 0)
    }
}

