import XCTest
@testable import NewsExtraction

/// `HashIndex` (the gazetteers' exact table from phrase hashes to entries) must answer what
/// a dictionary built from the same pairs answers.
final class HashIndexTests: XCTestCase {
    func testAgreesWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 7, 8, 9, 1000, 20_000] {
            var pairs: [(key: UInt64, value: Int32)] = []
            var expected: [UInt64: Int32] = [:]
            for i in 0..<size {
                let key = UInt64.random(in: .min ... .max, using: &generator)
                let value = Int32(i % 5000)
                pairs.append((key, value))
                if expected[key] == nil { expected[key] = value }
            }
            let index = HashIndex(pairs)
            for (key, value) in expected { XCTAssertEqual(index.value(key), value, "size \(size)") }
            for _ in 0..<1000 {
                let key = UInt64.random(in: .min ... .max, using: &generator)
                XCTAssertEqual(index.value(key), expected[key], "size \(size)")
            }
        }
    }

    func testFirstValueOfARepeatedKeyWins() {
        let index = HashIndex([(key: 42, value: 3), (key: 42, value: 9), (key: 0, value: 0)])
        XCTAssertEqual(index.value(42), 3)
        XCTAssertEqual(index.value(0), 0)
        XCTAssertNil(index.value(1))
    }

    func testKeysThatShareTheirSlot() {
        // Structured keys (small integers, multiples of 2^40) rather than random ones, so
        // that slots collide and lookups walk the probe sequence. Key 0 comes twice: its
        // first value stays.
        var pairs: [(key: UInt64, value: Int32)] = []
        for i in 0..<300 { pairs.append((UInt64(i) << 40, Int32(i))) }
        for i in 0..<300 { pairs.append((UInt64(i), Int32(1000 + i))) }
        let index = HashIndex(pairs)
        for (key, value) in pairs where key != 0 || value == 0 { XCTAssertEqual(index.value(key), value) }
        XCTAssertNil(index.value(UInt64(301) << 40))
        XCTAssertNil(index.value(301))
    }

    /// Filled in place from an empty table: it grows, `insert` answers the value already
    /// there, `update` changes it, `forEachKey` sees every key once.
    func testFilledInPlace() {
        var index = HashIndex()
        for i in 0..<5000 { XCTAssertNil(index.insert(UInt64(i) &* 0x1_0000_0001, Int32(i))) }
        XCTAssertEqual(index.count, 5000)
        XCTAssertEqual(index.insert(7 &* 0x1_0000_0001, 99), 7)
        index.update(7 &* 0x1_0000_0001, 12)
        XCTAssertEqual(index.value(7 &* 0x1_0000_0001), 12)
        for i in 0..<5000 where i != 7 { XCTAssertEqual(index.value(UInt64(i) &* 0x1_0000_0001), Int32(i)) }
        XCTAssertNil(index.value(5000 &* 0x1_0000_0001))
        var keys = Set<UInt64>()
        index.forEachKey { keys.insert($0) }
        XCTAssertEqual(keys.count, 5000)
    }
}
