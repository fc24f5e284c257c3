import XCTest
@testable import NewsExtraction

/// Decoding (one ICU conversion call into a buffer sized by the byte count; a Swift string
/// kept as it is) must give the string's own UTF-16 units and the string itself.
final class TextDecoderTests: XCTestCase {
    func testSurrogateTestAgreesWithAUnitLoop() {
        // Units around the surrogate range and ones that share its bits in other places.
        let plain: [UInt16] = [0, 0x41, 0xD7FF, 0xE000, 0xF800, 0xFFFF, 0x5800, 0x5FFF, 0xD8, 0x00D8, 0xC000, 0x7FFF, 0x8000, 0xF7FF]
        let surrogates: [UInt16] = [0xD800, 0xDBFF, 0xDC00, 0xDFFF]
        var state: UInt64 = 11
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for length in 0..<13 {
            for _ in 0..<200 {
                var units = (0..<length).map { _ in plain[random(plain.count)] }
                if length > 0 && random(2) == 0 { units[random(length)] = surrogates[random(surrogates.count)] }
                let expected = units.contains { $0 >= 0xD800 && $0 <= 0xDFFF }
                XCTAssertEqual(units.withUnsafeBufferPointer { DecodedText.containsSurrogate($0) }, expected, "\(units)")
            }
        }
        XCTAssertFalse(DecodedText.containsSurrogate(UnsafeBufferPointer(start: nil, count: 0)))
    }

    func testUTF16UnitsAreTheStringsUnits() throws {
        let pieces = ["a", "Zz9 ", "\u{E9}", "\u{2019}", "\u{4E00}", "\u{1F600}", "\u{10FFFF}", "\u{7F}", "\u{80}",
                      "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\n", "\u{0}"]
        var state: UInt64 = 7
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var texts = ["", "plain ASCII text longer than eight bytes", "caf\u{E9} \u{1F600}\u{1F600} na\u{EF}ve"]
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<random(40) { s += pieces[random(pieces.count)] }
            texts.append(s)
        }
        for text in texts {
            let decoded = TextDecoder().decode(text)
            XCTAssertEqual(decoded.utf16, Array(text.utf16), text)
            XCTAssertEqual(decoded.hasSurrogates, text.unicodeScalars.contains { $0.value > 0xFFFF }, text)
            XCTAssertEqual(decoded.string, text)
            let fromBytes = try TextDecoder().decode(Array(text.utf8))
            XCTAssertEqual(fromBytes.utf16, decoded.utf16, text)
            XCTAssertEqual(fromBytes.string, text)
        }
    }
}
