import Glibc
import XCTest
@testable import NewsExtraction

/// `LineReader` yields the lines of its input whatever the block size: lines shorter and
/// much longer than a block, empty lines, a last line with no newline, a kept `\r`.
final class LineReaderTests: XCTestCase {
    private func lines(of bytes: [UInt8], blockSize: Int) throws -> [[UInt8]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linereader-\(getpid()).txt").path
        defer { unlink(path) }
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let fd = open(path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let reader = LineReader(fd: fd, blockSize: blockSize)
        var out: [[UInt8]] = []
        while let line = reader.next() { out.append(line) }
        return out
    }

    func testLinesAcrossBlockSizes() throws {
        var generator = SystemRandomNumberGenerator()
        var expected: [[UInt8]] = [[], Array("a".utf8), Array("short line\r".utf8), []]
        expected.append([UInt8](repeating: 0x78, count: 10_000))  // many blocks long
        for _ in 0..<50 {
            let n = Int.random(in: 0...300, using: &generator)
            expected.append((0..<n).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) })
        }
        expected.append(Array("last, with no newline".utf8))
        var input: [UInt8] = []
        for (i, line) in expected.enumerated() {
            input += line
            if i < expected.count - 1 { input.append(0x0A) }
        }
        for blockSize in [1, 2, 7, 64, 4096, 1 << 20] {
            XCTAssertEqual(try lines(of: input, blockSize: blockSize), expected, "block size \(blockSize)")
        }
    }

    func testTrailingNewlineGivesNoEmptyLastLine() throws {
        XCTAssertEqual(try lines(of: Array("one\ntwo\n".utf8), blockSize: 3), [Array("one".utf8), Array("two".utf8)])
        XCTAssertEqual(try lines(of: [], blockSize: 3), [])
    }
}
