/// A stack whose top values are taken, at their exact count, into a new array: a
/// parser pushes the items of the container it reads and builds the container's array
/// once, when it closes, instead of growing it item by item.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of values on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    func push(_ value: consuming Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: value)
        count += 1
    }

    /// Doubles the room, moving the values.
    private func grow() {
        capacity *= 2
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
    }

    /// The values from `base` to the top, in order (the stack keeps the ones below).
    func popArray(from base: Int) -> [Element] {
        let n = count - base
        // Copied then deinitialized: `Array(unsafeUninitializedCapacity:)` would move them
        // but is not specialized, and looks up the array storage type on every call.
        let values = Array(UnsafeBufferPointer(start: storage + base, count: n))
        (storage + base).deinitialize(count: n)
        count = base
        return values
    }

    /// The values from `base` to the top, to read in place.
    func values(from base: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: storage + base, count: count - base)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}
