import Glibc

/// Reads a file descriptor in large blocks and yields its lines (without the newline;
/// a trailing `\r` is kept for the JSON parser to skip as white space).
public final class LineReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var start = 0
    /// Where the search for the next newline resumes: the bytes from `start` up to here
    /// have none. A line longer than a block is then scanned once, not once per block
    /// read (which made reading one long line quadratic in its length).
    var scanned = 0
    var eof = false
    let blockSize: Int

    private let block: UnsafeMutablePointer<UInt8>

    public init(fd: Int32, blockSize: Int = 1 << 20) {
        self.fd = fd
        self.blockSize = blockSize
        block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
    }

    deinit { block.deallocate() }

    /// The next line, or nil at the end of input.
    public func next() -> [UInt8]? {
        while true {
            let from = max(start, scanned)
            let nl: Int? = buffer.withUnsafeBufferPointer { b in
                guard from < b.count, let hit = memchr(b.baseAddress! + from, 0x0A, b.count - from) else { return nil }
                return UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(hit))
            }
            if let nl {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if eof {
                if start < buffer.count {
                    let line = Array(buffer[start...])
                    start = buffer.count
                    return line
                }
                return nil
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanned -= start
                start = 0
            }
            // Read into a block that is never cleared (a short input touches a few bytes of
            // it, not a megabyte), then append what came.
            let n = readFully(into: block, count: blockSize)
            if n > 0 { buffer.append(contentsOf: UnsafeBufferPointer(start: block, count: n)) }
            if n <= 0 { eof = true }
        }
    }

    private func readFully(into p: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        while true {
            let n = read(fd, p, count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// Everything that is left (for a plain-text document on standard input).
    public func readAll() -> [UInt8] {
        var all: [UInt8] = Array(buffer[start...])
        buffer = []
        start = 0
        scanned = 0
        while !eof {
            let n = readFully(into: block, count: blockSize)
            if n <= 0 { eof = true } else { all.append(contentsOf: UnsafeBufferPointer(start: block, count: n)) }
        }
        return all
    }

    /// Looks at the first non-blank byte without consuming input.
    public func peekFirstNonBlank() -> UInt8? {
        while true {
            for b in buffer[start...] where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) {
                return b
            }
            // Skip a BOM for detection.
            if eof { return nil }
            let n = readFully(into: block, count: blockSize)
            if n > 0 { buffer.append(contentsOf: UnsafeBufferPointer(start: block, count: n)) }
            if n <= 0 { eof = true }
        }
    }
}
