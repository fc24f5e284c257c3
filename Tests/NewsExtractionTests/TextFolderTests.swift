import XCTest
@testable import NewsExtraction

/// The matching form of text (stage 2): lower case, NFKC, typographic punctuation folded,
/// the same whether it comes from a token's UTF-16 or from a vocabulary entry's String.
final class TextFolderTests: XCTestCase {
    func fold16(_ s: String) -> String {
        Array(s.utf16).withUnsafeBufferPointer { TextFolder.fold($0) }
    }

    func testASCIIIsLowerCased() {
        XCTAssertEqual(TextFolder.fold("World Bank"), "world bank")
        XCTAssertEqual(TextFolder.fold("already lower"), "already lower")
        XCTAssertEqual(fold16("IMF's"), "imf's")
    }

    func testNonASCIIIsCaseFoldedAndNormalized() {
        XCTAssertEqual(TextFolder.fold("Zürich"), "zürich")
        XCTAssertEqual(TextFolder.fold("ŁÓDŹ"), "łódź")
        // NFKC: the ligature and the full-width digits become plain letters and digits.
        XCTAssertEqual(TextFolder.fold("ﬁnance ２０２３"), "finance 2023")
        // Case folding of sharp s, as ICU's NFKC_Casefold gives it.
        XCTAssertEqual(TextFolder.fold("STRAßE"), "strasse")
    }

    func testAResultLongerThanTheScratchBufferIsComplete() {
        // U+FDFA is one unit whose NFKC form has 18: more than the 3 × 1 + 8 units of room
        // that the first normalization call gets.
        let expanded = "\u{635}\u{644}\u{649}\u{20}\u{627}\u{644}\u{644}\u{647}\u{20}\u{639}\u{644}\u{64A}\u{647}\u{20}\u{648}\u{633}\u{644}\u{645}"
        XCTAssertEqual(TextFolder.fold("\u{FDFA}"), expanded)
        XCTAssertEqual(TextFolder.fold("X\u{FDFA}\u{FDFA}Y"), "x" + expanded + expanded + "y")
        let units = Array("\u{FDFA}".utf16)
        XCTAssertEqual(units.withUnsafeBufferPointer { TextFolder.fold($0) }, expanded)
    }

    func testTypographicPunctuationBecomesASCII() {
        XCTAssertEqual(TextFolder.fold("Sony’s"), "sony's")
        XCTAssertEqual(TextFolder.fold("1998–99"), "1998-99")
        XCTAssertEqual(TextFolder.fold("“Quoted”"), "\"quoted\"")
    }

    func testCharactersBeyondTheBMPSurviveTranscoding() {
        XCTAssertEqual(TextFolder.fold("Emoji 😀 Co"), "emoji 😀 co")
        XCTAssertEqual(TextFolder.fold("𝐀𝐁𝐂"), "abc")  // mathematical bold capitals: NFKC
        XCTAssertEqual(fold16("Ünicode 😀"), TextFolder.fold("Ünicode 😀"))
    }

    func testUTF16TranscodingReplacesLoneSurrogates() {
        let lone: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00]
        let s = lone.withUnsafeBufferPointer { TextFolder.utf8String($0) }
        XCTAssertEqual(s, "a\u{FFFD}b\u{FFFD}")
        let pair: [UInt16] = Array("x😀é".utf16)
        XCTAssertEqual(pair.withUnsafeBufferPointer { TextFolder.utf8String($0) }, "x😀é")
    }
}
