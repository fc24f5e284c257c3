import Glibc

/// Reads a file descriptor in large blocks and yields its lines (without the newline;
/// a trailing `\r` is kept for the JSON parser to skip as white space).
public final class LineReader {
    let fd: Int32
    var buffer: [UInt8] = []
    var start = 0
    var eof = false
    let blockSize: Int

    public init(fd: Int32, blockSize: Int = 1 << 20) {
        self.fd = fd
        self.blockSize = blockSize
    }

    /// The next line, or nil at the end of input.
    public func next() -> [UInt8]? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                return line
            }
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
                start = 0
            }
            let old = buffer.count
            buffer.reserveCapacity(old + blockSize)
            buffer.append(contentsOf: repeatElement(0, count: blockSize))
            let n = buffer.withUnsafeMutableBufferPointer { p in
                readFully(into: p.baseAddress! + old, count: blockSize)
            }
            buffer.removeLast(blockSize - max(n, 0))
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
        var block = [UInt8](repeating: 0, count: blockSize)
        while !eof {
            let n = block.withUnsafeMutableBufferPointer { readFully(into: $0.baseAddress!, count: blockSize) }
            if n <= 0 { eof = true } else { all.append(contentsOf: block[0..<n]) }
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
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: blockSize))
            let n = buffer.withUnsafeMutableBufferPointer { readFully(into: $0.baseAddress! + old, count: blockSize) }
            buffer.removeLast(blockSize - max(n, 0))
            if n <= 0 { eof = true }
        }
    }
}
