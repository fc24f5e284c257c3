import Foundation
import XCTest
@testable import NewsExtraction

/// `EntityDiff`: pairing of documents and entities, and the meaning of added, removed and
/// changed.
final class EntityDiffTests: XCTestCase {
    func entity(_ type: EntityType, _ start: Int, _ end: Int, _ text: String, value: JSONValue? = nil, rule: String = "r") -> Entity {
        Entity(type: type, start: start, end: end, text: text, value: value, rule: rule, fields: [:])
    }

    func testIdenticalEntitiesAreUnchanged() {
        let a = [entity(.date, 0, 4, "2020", value: .string("2020")), entity(.org, 10, 14, "Acme")]
        let (changes, unchanged) = EntityDiff.compare(old: a, new: a)
        XCTAssertTrue(changes.isEmpty)
        XCTAssertEqual(unchanged.count, 2)
    }

    func testAddedAndRemoved() {
        let old = [entity(.org, 0, 4, "Acme")]
        let new = [entity(.percent, 20, 29, "5 percent", value: .int(5))]
        let (changes, _) = EntityDiff.compare(old: old, new: new)
        XCTAssertEqual(changes.map(\.kind), [.removed, .added])
        XCTAssertEqual(changes[0].old?.text, "Acme")
        XCTAssertNil(changes[0].new)
        XCTAssertEqual(changes[1].new?.text, "5 percent")
        XCTAssertNil(changes[1].old)
    }

    func testSameSpanDifferentValueTypeOrRuleIsChanged() {
        let old = [entity(.date, 0, 8, "May 2020", value: .string("2020-05"), rule: "date.a"),
                   entity(.rank, 20, 25, "first", value: .int(1), rule: "rank.a")]
        let new = [entity(.date, 0, 8, "May 2020", value: .string("2020-05"), rule: "date.b"),
                   entity(.percent, 20, 25, "first", value: .int(2), rule: "rank.a")]
        let (changes, unchanged) = EntityDiff.compare(old: old, new: new)
        XCTAssertTrue(unchanged.isEmpty)
        XCTAssertEqual(changes.map(\.kind), [.changed, .changed])
        XCTAssertEqual(changes[0].aspects, ["rule"])
        XCTAssertEqual(changes[0].old?.rule, "date.a")
        XCTAssertEqual(changes[0].new?.rule, "date.b")
        XCTAssertEqual(changes[1].aspects, ["type", "value"])
    }

    func testOverlappingSpanIsChangedSpan() {
        let old = [entity(.date, 3, 11, "May 2020", value: .string("2020-05"))]
        let new = [entity(.date, 0, 11, "in May 2020", value: .string("2020-05"))]
        let (changes, _) = EntityDiff.compare(old: old, new: new)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0].kind, .changed)
        XCTAssertEqual(changes[0].aspects, ["span"])
    }

    func testOverlapPrefersTheLargestOverlapOfTheSameType() {
        let old = [entity(.org, 0, 20, "Bank of North Island")]
        let new = [entity(.org, 0, 4, "Bank"), entity(.org, 8, 20, "North Island")]
        let (changes, _) = EntityDiff.compare(old: old, new: new)
        XCTAssertEqual(changes.map(\.kind), [.added, .changed])
        XCTAssertEqual(changes.first { $0.kind == .changed }?.new?.text, "North Island")
    }

    func testDocumentsPairByIdThenByLine() throws {
        let old = """
        {"id":"a","text":"x","entities":[{"type":"ORG","start":0,"end":1,"text":"x","value":null,"rule":"org.r"}]}
        {"id":"b","text":"y","entities":[]}
        {"text":"z","entities":[]}
        """
        let new = """
        {"id":"b","text":"y","entities":[{"type":"DATE","start":0,"end":1,"text":"y","value":"2020","rule":"date.r"}]}
        {"id":"a","text":"x","entities":[{"type":"ORG","start":0,"end":1,"text":"x","value":null,"rule":"org.r"}]}
        {"text":"z","entities":[]}
        """
        let result = EntityDiff.compare(old: try EntityDiff.readDocuments(data: Data(old.utf8)),
                                        new: try EntityDiff.readDocuments(data: Data(new.utf8)))
        XCTAssertEqual(result.documents.map(\.key), ["a", "b", "line 3"])
        XCTAssertEqual(result.documents.map(\.hasDifferences), [false, true, false])
        XCTAssertTrue(result.hasDifferences)
        let date = result.totals.first { $0.type == .date }?.counts
        XCTAssertEqual(date?.added, 1)
        XCTAssertEqual(result.totals.first { $0.type == .org }?.counts.unchanged, 1)
        XCTAssertEqual(result.documents[1].changes.first?.new?.rule, "date.r")
    }

    func testDocumentOnOneSideOnlyIsADifference() throws {
        let old = #"{"id":"a","text":"x","entities":[]}"#
        let new = #"{"id":"a","text":"x","entities":[]}"# + "\n" + #"{"id":"c","text":"x","entities":[]}"#
        let result = EntityDiff.compare(old: try EntityDiff.readDocuments(data: Data(old.utf8)),
                                        new: try EntityDiff.readDocuments(data: Data(new.utf8)))
        XCTAssertTrue(result.hasDifferences)
        XCTAssertTrue(result.documents[1].onlyInNew)
    }

    func testNoDifferences() throws {
        let line = #"{"id":"a","text":"5 percent","entities":[{"type":"PERCENT","start":0,"end":9,"text":"5 percent","value":5,"rule":"p","unit":"percent"}]}"#
        let docs = try EntityDiff.readDocuments(data: Data(line.utf8))
        let result = EntityDiff.compare(old: docs, new: docs)
        XCTAssertFalse(result.hasDifferences)
        XCTAssertEqual(result.overall.unchanged, 1)
        XCTAssertTrue(EntityDiff.textReport(result).contains("with differences: 0"))
    }

    func testFieldsAndNumbersAreCompared() throws {
        let old = #"{"id":"a","text":"t","entities":[{"type":"PERCENT","start":0,"end":1,"text":"t","value":5,"rule":"p","qualifier":"about"}]}"#
        let new = #"{"id":"a","text":"t","entities":[{"type":"PERCENT","start":0,"end":1,"text":"t","value":5.0,"rule":"p"}]}"#
        let result = EntityDiff.compare(old: try EntityDiff.readDocuments(data: Data(old.utf8)),
                                        new: try EntityDiff.readDocuments(data: Data(new.utf8)))
        XCTAssertEqual(result.documents[0].changes.map(\.aspects), [["fields"]])
    }

    func testJSONLinesReportIsOneObjectPerLine() throws {
        let old = [EntityDiff.Document(id: "a", line: 1, text: "May 2020", entities: [entity(.date, 0, 8, "May 2020", value: .string("2020-05"), rule: "date.a")])]
        let new = [EntityDiff.Document(id: "a", line: 1, text: "May 2020", entities: [])]
        let report = EntityDiff.jsonLinesReport(EntityDiff.compare(old: old, new: new))
        let lines = report.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0]["change"] as? String, "removed")
        XCTAssertEqual((lines[0]["old"] as? [String: Any])?["rule"] as? String, "date.a")
        XCTAssertNotNil(lines[1]["summary"])
    }

    func testMalformedLineNamesItsLine() {
        XCTAssertThrowsError(try EntityDiff.readDocuments(data: Data("{\"id\":\"a\",\"entities\":[]}\n{oops\n".utf8))) { error in
            XCTAssertTrue("\(error)".contains("line 2"), "\(error)")
        }
    }

    func testAFieldNamedEndDoesNotLoseTheOffset() throws {
        // A date range's "end" field follows the offset "end" in the output line.
        let line = #"{"id":"a","text":"from April 3 to April 7","entities":[{"type":"DATE","start":0,"end":23,"text":"from April 3 to April 7","value":"2023-04-03/2023-04-07","rule":"d","end":"2023-04-07"}]}"#
        let doc = try XCTUnwrap(try EntityDiff.readDocuments(data: Data(line.utf8)).first)
        XCTAssertEqual(doc.entities.first?.end, 23)
        XCTAssertEqual(doc.entities.first?.start, 0)
    }

    // MARK: The command

    /// Runs the built `extract` binary (beside the test bundle) in the package root.
    static func runExtract(_ args: [String], stdin: String = "") throws -> (stdout: String, status: Int32) {
        var dir = Bundle(for: EntityDiffTests.self).bundleURL
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("extract").path) {
            dir = dir.deletingLastPathComponent()
        }
        let p = Process()
        p.executableURL = dir.appendingPathComponent("extract")
        p.arguments = args
        let input = Pipe(), out = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), p.terminationStatus)
    }

    func testDiffCommandExitStatus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("entity-diff-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.jsonl"), b = dir.appendingPathComponent("b.jsonl")
        try Data(#"{"id":"x","text":"t","entities":[{"type":"ORG","start":0,"end":1,"text":"t","value":null,"rule":"org.r"}]}"#.utf8).write(to: a)
        try Data(#"{"id":"x","text":"t","entities":[]}"#.utf8).write(to: b)
        XCTAssertEqual(try Self.runExtract(["diff", a.path, a.path]).status, 0)
        let different = try Self.runExtract(["diff", a.path, b.path])
        XCTAssertEqual(different.status, 1)
        XCTAssertTrue(different.stdout.contains("- ORG \"t\" [0,1) = null (org.r)"), different.stdout)
        XCTAssertEqual(try Self.runExtract(["diff", "--format", "jsonl", a.path, b.path]).status, 1)
        let html = try Self.runExtract(["diff", "--format", "html", a.path, b.path])
        XCTAssertEqual(html.status, 1)
        XCTAssertTrue(html.stdout.contains("removed"))
        XCTAssertEqual(try Self.runExtract(["diff", a.path, dir.appendingPathComponent("missing.jsonl").path]).status, 2)
    }
}

