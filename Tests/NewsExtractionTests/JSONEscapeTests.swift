import XCTest
@testable import NewsExtraction

/// The JSON writer and reader skip eight plain bytes at a time: strings with the bytes to
/// escape anywhere must still be written and read back exactly; the entity writer's reserved
/// keys are compared, not hashed.
final class JSONEscapeTests: XCTestCase {
    func testPlainWordTestFindsEveryByteToEscape() {
        for b in 0..<256 {
            let escapes = b < 0x20 || b == 0x22 || b == 0x5C
            for position in 0..<8 {
                for filler: UInt64 in [0x41, 0x80, 0x21, 0xFF, 0x5D, 0x23] {
                    var w: UInt64 = 0
                    for k in 0..<8 { w |= (k == position ? UInt64(b) : filler) << (8 * UInt64(k)) }
                    XCTAssertEqual(JSONWriter.isPlain(w), !escapes, "byte \(b) at \(position)")
                }
            }
        }
    }

    func testReservedKeysAreComparedExactly() {
        for key in EntityWriter.reservedKeys { XCTAssertTrue(EntityWriter.isReserved(key), key) }
        for key in ["timex_type", "Type", "texts", "", "rank", "rule "] { XCTAssertFalse(EntityWriter.isReserved(key), key) }
    }

    func testStringsRoundTrip() throws {
        let pieces = ["a", "plain text ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "\u{E9}", "\u{1F600}", "/", "\u{7F}"]
        var state: UInt64 = 3
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<3000 {
            var s = ""
            for _ in 0..<random(30) { s += pieces[random(pieces.count)] }
            var w = JSONWriter()
            w.raw("{\"text\":")
            w.string(s)
            w.raw("}")
            var expected = "{\"text\":\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\t": expected += "\\t"
                case _ where u.value < 0x20: expected += String(format: "\\u%04x", u.value)
                default: expected.unicodeScalars.append(u)
                }
            }
            expected += "\"}"
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), expected)
            XCTAssertEqual(try JSONLineReader.parse(w.bytes).text, s)
        }
    }

    /// The entity writer writes plain strings and integers itself and the rest through the
    /// JSON writer: the pieces must come out in order whichever path each takes.
    func testEntityWriterMatchesThePlainWriter() {
        let texts = ["plain", "with \"quotes\"", "tab\there", "caf\u{E9}", "", "a long plain text of more than eight bytes"]
        let values: [JSONValue?] = [nil, .string("2023-08"), .string("back\\slash"), .int(-42), .number(12.5), .number(3),
                                    .number(.nan), .bool(true), .array([.int(1), .string("x\n")]), .object([("k", .null)])]
        let fieldSets: [[String: JSONValue]] = [[:], ["unit": .string("percent")], ["b": .int(2), "a": .string("q\"q"), "rule": .int(9)]]
        var entities: [Entity] = []
        for (k, text) in texts.enumerated() {
            for (j, value) in values.enumerated() {
                entities.append(Entity(type: .date, start: k * 1000 + j, end: -j, text: text, value: value,
                                       rule: k % 2 == 0 ? "date.x" : "date.\u{1}", fields: fieldSets[(k + j) % fieldSets.count]))
            }
        }
        var expected = JSONWriter()
        expected.raw("[")
        for (i, e) in entities.enumerated() {
            if i > 0 { expected.raw(",") }
            expected.raw("{\"type\":"); expected.string(e.type.rawValue)
            expected.raw(",\"start\":"); expected.int(e.start)
            expected.raw(",\"end\":"); expected.int(e.end)
            expected.raw(",\"text\":"); expected.string(e.text)
            expected.raw(",\"value\":"); expected.write(e.value ?? .null)
            expected.raw(",\"rule\":"); expected.string(e.rule)
            for key in e.fields.keys.sorted() where !EntityWriter.isReserved(key) {
                expected.raw(","); expected.string(key); expected.raw(":"); expected.write(e.fields[key]!)
            }
            expected.raw("}")
        }
        expected.raw("]")
        var w = JSONWriter()
        w.raw("x")
        EntityWriter.write(entities, to: &w, offsets: nil)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), "x" + String(decoding: expected.bytes, as: UTF8.self))
        for (n, expected) in [(0, "0"), (7, "7"), (-7, "-7"), (1_234_567, "1234567"), (Int.min, "\(Int.min)"), (Int.max, "\(Int.max)")] {
            var w = JSONWriter()
            w.int(n)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), expected)
        }
    }
}
