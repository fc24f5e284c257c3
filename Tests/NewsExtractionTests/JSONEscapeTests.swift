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
}
