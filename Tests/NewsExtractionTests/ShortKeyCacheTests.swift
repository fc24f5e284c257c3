import XCTest
@testable import NewsExtraction

/// `ShortKeyCache`: zero-filled records are empty, a stored key is found exactly, and a key
/// stored over another replaces it.
final class ShortKeyCacheTests: XCTestCase {
    func testRawFieldOffsetsAreTheRecordsLayout() {
        typealias R = ShortKeyCache.Record
        XCTAssertEqual(MemoryLayout<R>.offset(of: \R.k0), R.k0Offset)
        XCTAssertEqual(MemoryLayout<R>.offset(of: \R.k1), R.k1Offset)
        XCTAssertEqual(MemoryLayout<R>.offset(of: \R.count), R.countOffset)
    }

    func testStoredKeysAreFoundAndReplaced() {
        let cache = ShortKeyCache(bits: 4)
        let view = cache.view
        // Nothing is held before a store, not even the all-zero key of length 0's neighbours.
        for count in 1...16 { XCTAssertFalse(view.holds(view.record(0, 0, count), 0, 0, count)) }
        var stored: [(k0: UInt64, k1: UInt64, count: Int, lex: Int32)] = []
        for i in 0..<200 {
            let count = 1 + i % 16
            let k0 = UInt64(i) &* 0x9E37_79B9 | 1, k1: UInt64 = count > 8 ? UInt64(i * 7 + 1) : 0
            let r = view.record(k0, k1, count)
            view.store(ShortKeyCache.Record(k0: k0, k1: k1, count: Int32(count), lex: Int32(i), valueEntry: -1,
                                            string: "word number \(i), long enough to be a heap string"), at: r)
            XCTAssertTrue(view.holds(r, k0, k1, count))
            XCTAssertEqual(r.pointee.lex, Int32(i))
            XCTAssertEqual(r.pointee.string, "word number \(i), long enough to be a heap string")
            XCTAssertFalse(view.holds(r, k0, k1, count == 16 ? 15 : count + 1), "the length is part of the key")
            XCTAssertFalse(view.holds(r, k0 ^ 2, k1, count))
            stored.append((k0, k1, count, Int32(i)))
        }
        // Sixteen records for 200 keys: each record holds the last key stored on it, and
        // every key that is still found gives its own value.
        var found = 0
        for key in stored {
            let r = view.record(key.k0, key.k1, key.count)
            if view.holds(r, key.k0, key.k1, key.count) {
                found += 1
                XCTAssertEqual(r.pointee.lex, key.lex)
            }
        }
        XCTAssertGreaterThan(found, 0)
        XCTAssertLessThanOrEqual(found, 16)
    }
}
