import Foundation
import XCTest

/// Runs the built `extract` binary as a user would.
final class CommandLineTests: XCTestCase {
    static var binary: URL {
        // The test bundle sits in the same build folder as the executable.
        var dir = Bundle(for: CommandLineTests.self).bundleURL
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("extract").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("extract")
    }
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Output { var stdout: String; var stderr: String; var status: Int32 }

    func run(_ args: [String], stdin: String = "") throws -> Output {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = Self.root
        let input = Pipe(), out = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), status: p.terminationStatus)
    }

    func lines(_ s: String) throws -> [[String: Any]] {
        try s.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// A document longer than --max-chars gets an error line in its place; the others are
    /// processed (the limit counts characters, not bytes).
    func testDocumentLongerThanTheLimitIsAnErrorLine() throws {
        let long = String(repeating: "é", count: 60)  // 60 characters, 120 bytes
        let input = "{\"id\":\"a\",\"text\":\"Up 5 percent.\"}\n{\"id\":\"b\",\"text\":\"\(long)\"}\n{\"id\":\"c\",\"text\":\"\(long.prefix(50))\"}\n"
        let r = try run(["--max-chars", "50"], stdin: input)
        XCTAssertEqual(r.status, 1)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.map { $0["id"] as? String }, ["a", "b", "c"])
        XCTAssertNil(out[0]["error"])
        let error = out[1]["error"] as? [String: Any]
        XCTAssertEqual(error?["kind"] as? String, "document_too_large")
        XCTAssertTrue((error?["message"] as? String)?.contains("60 characters") == true, "\(String(describing: error))")
        XCTAssertNil(out[2]["error"], "exactly the limit is allowed")
        // Plain text on standard input, and no limit with 0.
        let text = try run(["--max-chars", "10"], stdin: "Twenty-one characters")
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(((try lines(text.stdout).first?["error"]) as? [String: Any])?["kind"] as? String, "document_too_large")
        XCTAssertEqual(try run(["--max-chars", "0"], stdin: "Twenty-one characters").status, 0)
    }

    func testStandardInputIsOneDocument() throws {
        let r = try run(["--dct", "2023"], stdin: "Prices rose 9.5 percent.\nSecond line.")
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual(out[0]["id"] as? String, "-")
        XCTAssertEqual(out[0]["text"] as? String, "Prices rose 9.5 percent.\nSecond line.")
        let entities = out[0]["entities"] as! [[String: Any]]
        XCTAssertTrue(entities.contains { $0["type"] as? String == "PERCENT" && $0["start"] as? Int == 12 && $0["end"] as? Int == 23 })
    }

    func testFilesAreDocumentsWithTheirPathAsId() throws {
        let r = try run(["--dct", "2023", "seeds/000_bec19dea5f2280ad.txt", "seeds/000_bec19dea5f2280ad.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.map { $0["id"] as? String }, ["seeds/000_bec19dea5f2280ad.txt", "seeds/000_bec19dea5f2280ad.txt"])
        XCTAssertFalse((out[0]["entities"] as! [Any]).isEmpty)
    }

    func testAnUnreadableFileKeepsItsPlaceAmongTheOthers() throws {
        let seed = "seeds/000_bec19dea5f2280ad.txt"
        for jobs in ["1", "2"] {
            let r = try run(["--jobs", jobs, "--dct", "2023", seed, "no/such/file.txt", seed])
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("no/such/file.txt: cannot read the file"), r.stderr)
            let out = try lines(r.stdout)
            XCTAssertEqual(out.map { $0["id"] as? String }, [seed, "no/such/file.txt", seed])
            XCTAssertEqual((out[1]["error"] as? [String: Any])?["kind"] as? String, "unreadable_file")
            XCTAssertFalse((out[2]["entities"] as! [Any]).isEmpty)
        }
    }

    func testJSONLinesPassThroughFieldsAndOrder() throws {
        var input = ""
        for i in 0..<300 { input += "{\"id\":\"d\(i)\",\"meta\":{\"n\":[\(i),true,null]},\"text\":\"Up \(i) percent.\"}\n" }
        let r = try run(["--jobs", "2"], stdin: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.count, 300)
        let raw = r.stdout.split(separator: "\n")
        for (i, line) in out.enumerated() {
            XCTAssertEqual(line["id"] as? String, "d\(i)")
            XCTAssertTrue(raw[i].contains("\"meta\":{\"n\":[\(i),true,null]}"), String(raw[i]))
        }
        // The pass-through field comes back byte for byte.
        XCTAssertTrue(r.stdout.hasPrefix("{\"id\":\"d0\",\"meta\":{\"n\":[0,true,null]},\"text\":\"Up 0 percent.\",\"entities\":"))
        let one = try run(["--jobs", "1"], stdin: input)
        XCTAssertEqual(one.stdout, r.stdout, "output must not depend on --jobs")
    }

    func testMalformedLinesAmongGoodOnesLoseNothing() throws {
        let input = """
        {"id":"a","text":"First 5 percent."}
        {"id":"b","text":
        {"id":"c"}
        {"id":"d","text":42}
        {"id":"e","text":"Last 7 percent."}

        """
        let r = try run([], stdin: input)
        XCTAssertEqual(r.status, 1)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.count, 5)
        XCTAssertEqual(out[0]["id"] as? String, "a")
        XCTAssertNil(out[0]["error"])
        for k in 1...3 {
            let error = out[k]["error"] as? [String: Any]
            XCTAssertNotNil(error, "line \(k + 1) must carry an error")
            XCTAssertEqual(error?["line"] as? Int, k + 1)
        }
        XCTAssertEqual((out[1]["error"] as? [String: Any])?["kind"] as? String, "malformed_json")
        XCTAssertEqual((out[2]["error"] as? [String: Any])?["kind"] as? String, "missing_text")
        XCTAssertEqual(out[3]["id"] as? String, "d")
        XCTAssertEqual(out[4]["id"] as? String, "e")
        XCTAssertNil(out[4]["error"])
        XCTAssertTrue(r.stderr.contains("line 2"), r.stderr)
    }

    func testInvalidUTF8IsReportedWithItsByteOffset() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(getpid()).txt")
        try Data([0x41, 0x42, 0xFF, 0x43]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try run([url.path])
        XCTAssertEqual(r.status, 1)
        let out = try lines(r.stdout)
        let error = out[0]["error"] as? [String: Any]
        XCTAssertEqual(error?["kind"] as? String, "invalid_utf8")
        XCTAssertEqual(error?["byte"] as? Int, 2)
    }

    func testByteOrderMarkIsSkippedAndOffsetsCountFromAfterIt() throws {
        let r = try run(["--input", "text"], stdin: "\u{FEFF}Up 5 percent.")
        let out = try lines(r.stdout)
        XCTAssertEqual(out[0]["text"] as? String, "Up 5 percent.")
        let e = (out[0]["entities"] as! [[String: Any]]).first { $0["type"] as? String == "PERCENT" }
        XCTAssertEqual(e?["start"] as? Int, 3)
    }

    func testOffsetsAreScalarsByDefaultAndUTF16OnRequest() throws {
        let text = "𝐀𝐁 said 5 percent."
        let scalar = try lines(try run([], stdin: text).stdout)[0]["entities"] as! [[String: Any]]
        let utf16 = try lines(try run(["--offsets", "utf16"], stdin: text).stdout)[0]["entities"] as! [[String: Any]]
        let p1 = scalar.first { $0["type"] as? String == "PERCENT" }!
        let p2 = utf16.first { $0["type"] as? String == "PERCENT" }!
        XCTAssertEqual(p1["start"] as? Int, 8)
        XCTAssertEqual(p2["start"] as? Int, 10)
    }

    func testEmptyInputGivesOneEmptyDocument() throws {
        let r = try run([], stdin: "")
        XCTAssertEqual(r.status, 0)
        let out = try lines(r.stdout)
        XCTAssertEqual(out.count, 1)
        XCTAssertEqual((out[0]["entities"] as? [Any])?.count, 0)
    }

    func testBadRuleFileIsAnErrorNamingFileAndRule() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(getpid()).json")
        try Data(#"{"rules": [{"id": "user.bad", "type": "ORG", "pattern": [{"lowr": "x"}], "examples": []}]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try run(["--rules", url.path], stdin: "x")
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains(url.path) && r.stderr.contains("user.bad") && r.stderr.contains("lowr"), r.stderr)
    }

    func testNULBytesAndCRLFAreKeptAndCounted() throws {
        let text = "A\u{0}B said\r\nprices rose 5 percent."
        let r = try run(["--input", "text"], stdin: text)
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try lines(r.stdout)
        XCTAssertEqual(out[0]["text"] as? String, text)
        let e = (out[0]["entities"] as! [[String: Any]]).first { $0["type"] as? String == "PERCENT" }
        XCTAssertEqual(e?["start"] as? Int, Array(text.unicodeScalars).firstIndex(of: "5"))
    }

    func testHugeNumbersAndImpossibleDatesAreNotEntities() throws {
        let r = try run(["--dct", "2023"], stdin: "It came 99999999999999999999th on February 30, a 99999999999999999999 percent rise.")
        XCTAssertEqual(r.status, 0, r.stderr)
        let entities = try lines(r.stdout)[0]["entities"] as! [[String: Any]]
        XCTAssertFalse(entities.contains { $0["type"] as? String == "RANK" }, "\(entities)")
        XCTAssertFalse(entities.contains { ($0["text"] as? String ?? "").contains("February 30") }, "\(entities)")
    }

    func testClosedPipeStopsQuietly() throws {
        var input = ""
        for i in 0..<3000 { input += "{\"id\":\"d\(i)\",\"text\":\"Shares rose 5 percent on Monday at Acme Corp.\"}\n" }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pipe-\(getpid()).jsonl")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "'\(Self.binary.path)' < '\(file.path)' | head -1"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertTrue(o.hasPrefix("{\"id\":\"d0\""), o)
        XCTAssertEqual(e, "", "no error message when the reader goes away")
    }

    func testWriteErrorIsReportedOnceWithStatus3() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "printf 'Up 5 percent.' | '\(Self.binary.path)' > /dev/full"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 3)
        XCTAssertEqual(e.components(separatedBy: "cannot write").count, 2, e)
    }

    func testDayFirstReadsNumericDatesDayFirst() throws {
        let text = "The memo dated 04/05/2023 was leaked."
        let us = try lines(try run(["--dct", "2023"], stdin: text).stdout)[0]["entities"] as! [[String: Any]]
        let eu = try lines(try run(["--dct", "2023", "--day-first"], stdin: text).stdout)[0]["entities"] as! [[String: Any]]
        XCTAssertTrue(us.contains { $0["value"] as? String == "2023-04-05" }, "\(us)")
        XCTAssertTrue(eu.contains { $0["value"] as? String == "2023-05-04" }, "\(eu)")
    }
}
